import { App } from 'cdktf';
import type { MeshFacts, ProductFacts } from './facts';
import { grantCell } from './facts';
import { referenced, resources, synthesizeTerraform, type TfDoc } from './terraform-output';
import { build } from '../../../examples/data-mesh-gcp/app';
import type { DataMeshPlan } from '../../../src/patterns';

const FINE_GRAINED_READER = 'roles/datacatalog.categoryFineGrainedReader';
const DATA_VIEWER = 'roles/bigquery.dataViewer';

/** Remote-state output name → the classification level of the governance policy tag it exports. */
function levelsByOutput(governance: TfDoc): Map<string, string> {
  const tags = resources(governance, 'google_data_catalog_policy_tag');
  const levels = new Map<string, string>();
  for (const [name, output] of Object.entries(governance.output ?? {})) {
    const tag = referenced(output.value, 'google_data_catalog_policy_tag');
    if (tag) levels.set(name, tags[tag].display_name);
  }
  return levels;
}

/** The level a `${data.terraform_remote_state….outputs.<name>}` reference stands for. */
const levelOf = (levels: Map<string, string>, ref: string) =>
  levels.get(/\.outputs\.([A-Za-z0-9_-]+)\}/.exec(ref)?.[1] ?? '');

/** `acme-marketing-analyst` (a service account id) → `[marketing, analyst]`. */
function personaOf(accountId: string, plan: DataMeshPlan): [string, string] | undefined {
  const domain = plan.domains.find((d) => accountId.startsWith(`${plan.name}-${d.name}-`))?.name;
  return domain ? [domain, accountId.slice(`${plan.name}-${domain}-`.length)] : undefined;
}

/** Each persona (`<domain>/<persona>`) → the levels whose policy tag it may read, from the identity stacks. */
function clearances(docs: Record<string, TfDoc>, levels: Map<string, string>): Map<string, Set<string>> {
  const readable = new Map<string, Set<string>>();
  for (const doc of Object.values(docs)) {
    const accounts = resources(doc, 'google_service_account');
    for (const grant of Object.values(resources(doc, 'google_data_catalog_policy_tag_iam_member'))) {
      if (grant.role !== FINE_GRAINED_READER) continue;
      const account = accounts[referenced(grant.member, 'google_service_account')!].account_id as string;
      readable.set(account, new Set([...(readable.get(account) ?? []), levelOf(levels, grant.policy_tag)!]));
    }
  }
  return readable;
}

/** The GCP data-mesh example, synthesized with cdktf and read back from its Terraform JSON. */
export function readGcpMesh(plan: DataMeshPlan): MeshFacts {
  const { docs, dependencies } = synthesizeTerraform(
    (outdir) => new App({ outdir, stackTraces: false }),
    build,
  );
  const levels = levelsByOutput(docs[`${plan.name}-governance`]);
  const readable = clearances(docs, levels);
  const lowest = plan.classifications[0];
  const facts: MeshFacts = {
    stacks: dependencies,
    products: {},
    grants: [],
    columnClassification: 'enforced',
  };
  for (const domain of plan.domains.map((d) => d.name)) {
    const doc = docs[`${plan.name}-${domain}-products`];
    const datasets = resources(doc, 'google_bigquery_dataset');
    const buckets = resources(doc, 'google_storage_bucket');
    const alerts = Object.values(resources(doc, 'google_monitoring_alert_policy'));
    /** Dataset resource name → the product (table) it holds, with its columns' levels. */
    const products = new Map<string, { id: string; columns: Record<string, string> }>();
    for (const table of Object.values(resources(doc, 'google_bigquery_table'))) {
      const dataset = referenced(table.dataset_id, 'google_bigquery_dataset')!;
      if (!datasets[dataset].dataset_id.startsWith(`${plan.name}_${domain}_`)) continue; // the lakehouse's own
      const columns: Record<string, string> = Object.fromEntries(
        JSON.parse(table.schema).map((c: { name: string; policyTags?: { names: string[] } }) => [
          c.name,
          c.policyTags ? levelOf(levels, c.policyTags.names[0])! : lowest,
        ]),
      );
      const id = `${domain}.${table.table_id}`;
      products.set(dataset, { id, columns });
      const datasetId = datasets[dataset].dataset_id;
      // The scheduled check errors when the table is stale or empty; its failure alerts the domain.
      const [queryName, query] = Object.entries(resources(doc, 'google_bigquery_data_transfer_config')).find(
        ([, q]) => q.params.query.includes(`.${datasetId}.__TABLES__`),
      ) ?? [undefined, undefined];
      const alert = alerts.find((a) =>
        JSON.stringify(a.conditions).includes(`google_bigquery_data_transfer_config.${queryName}.`),
      );
      const bucket = table.biglake_configuration
        ? buckets[referenced(table.biglake_configuration.storage_uri, 'google_storage_bucket')!]
        : undefined;
      const product: ProductFacts = {
        columns,
        freshnessHours: query ? Number(/INTERVAL (\d+) HOUR/.exec(query.params.query)?.[1]) : undefined,
        freshnessAlerts:
          !!query &&
          /COUNT\(\*\) = 0/.test(query.params.query) &&
          !!alert &&
          alert.notification_channels.length > 0,
        encrypted:
          !!datasets[dataset].default_encryption_configuration?.kms_key_name &&
          (!bucket || !!bucket.encryption?.default_kms_key_name),
        publicAccessBlocked: !bucket || bucket.public_access_prevention === 'enforced',
      };
      facts.products[id] = product;
    }
    for (const grant of Object.values(resources(doc, 'google_bigquery_dataset_iam_member'))) {
      if (/allUsers|allAuthenticatedUsers/.test(grant.member)) {
        for (const p of products.values()) {
          (facts.products[p.id] as { publicAccessBlocked: boolean }).publicAccessBlocked = false;
        }
      }
      if (grant.role !== DATA_VIEWER) continue;
      const product = products.get(referenced(grant.dataset_id, 'google_bigquery_dataset')!);
      const account = /^serviceAccount:([a-z0-9-]+)@/.exec(grant.member)?.[1];
      const persona = account && personaOf(account, plan);
      if (!product || !persona || persona[0] === domain) continue;
      const cleared = readable.get(account!) ?? new Set<string>();
      const hidden = Object.entries(product.columns)
        .filter(([, level]) => level !== lowest && !cleared.has(level))
        .map(([column]) => column);
      facts.grants.push(grantCell(persona[0], persona[1], product.id, hidden));
    }
  }
  facts.grants.sort();
  return facts;
}
