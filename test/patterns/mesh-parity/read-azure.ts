import { App } from 'cdktf';
import type { MeshFacts, ProductFacts } from './facts';
import { grantCell } from './facts';
import { referenced, resources, synthesizeTerraform, type TfDoc } from './terraform-output';
import { build } from '../../../examples/data-mesh-azure/app';
import type { DataMeshPlan, OpenDataContract } from '../../../src/patterns';

const BLOB_DATA_READER = 'Storage Blob Data Reader';

/** Each product's contract, as the governance stack writes it (blob `<domain>/<product>.json`). */
function contracts(governance: TfDoc): OpenDataContract[] {
  return Object.values(resources(governance, 'azurerm_storage_blob')).map(
    (blob) => JSON.parse(blob.source_content) as OpenDataContract,
  );
}

/** `id-acme-marketing-analyst` (a user-assigned identity) → `[marketing, analyst]`. */
function personaOf(identity: string, plan: DataMeshPlan): [string, string] | undefined {
  const prefix = `id-${plan.name}-`;
  const domain = plan.domains.find((d) => identity.startsWith(`${prefix}${d.name}-`))?.name;
  return domain ? [domain, identity.slice(`${prefix}${domain}-`.length)] : undefined;
}

/** The storage account's customer-managed key and closed public access. */
function accountFacts(account: any): Pick<ProductFacts, 'encrypted' | 'publicAccessBlocked'> {
  return {
    encrypted: !!account.customer_managed_key?.key_vault_key_id,
    publicAccessBlocked:
      account.allow_nested_items_to_be_public === false &&
      (account.public_network_access_enabled === false || account.network_rules?.default_action === 'Deny'),
  };
}

/**
 * The Azure data-mesh example, synthesized with cdktf and read back from its Terraform JSON.
 * Storage cannot classify columns: each product's columns and levels are read from its contract
 * in governance, which validation holds every subscription to (no consumer below a column).
 */
export function readAzureMesh(plan: DataMeshPlan): MeshFacts {
  const { docs, dependencies } = synthesizeTerraform(
    (outdir) => new App({ outdir, stackTraces: false }),
    build,
  );
  const registered = contracts(docs[`${plan.name}-governance`]);
  const facts: MeshFacts = {
    stacks: dependencies,
    products: {},
    grants: [],
    columnClassification: 'contract-only',
  };
  for (const domain of plan.domains.map((d) => d.name)) {
    const doc = docs[`${plan.name}-${domain}-products`];
    const accounts = resources(doc, 'azurerm_storage_account');
    const identities = doc.data?.azurerm_user_assigned_identity ?? {};
    const rules = Object.values(resources(doc, 'azurerm_monitor_scheduled_query_rules_alert_v2'));
    /** Container resource name → product id. */
    const products = new Map<string, string>();
    for (const [name, container] of Object.entries(resources(doc, 'azurerm_storage_container'))) {
      const contract = registered.find(
        (c) => c.domain === domain && container.name === `product-${c.dataProduct.replace(/_/g, '-')}`,
      );
      if (!contract) continue; // a zone of the lakehouse
      const id = `${domain}.${contract.dataProduct}`;
      products.set(name, id);
      // The rule counts writes under the container over the window; none (or no log) alerts.
      const rule = rules.find((r) => r.criteria[0].query.includes(`azurerm_storage_container.${name}.name`));
      const window = rule ? /ago\((\d+)h\)/.exec(rule.criteria[0].query)?.[1] : undefined;
      facts.products[id] = {
        columns: Object.fromEntries(contract.schema[0].properties.map((p) => [p.name, p.classification!])),
        freshnessHours: window ? Number(window) : undefined,
        freshnessAlerts:
          !!rule &&
          rule.criteria[0].time_aggregation_method === 'Count' &&
          rule.criteria[0].operator === 'LessThan' &&
          rule.criteria[0].threshold === 1 &&
          rule.action.action_groups.length > 0,
        ...accountFacts(accounts[referenced(container.storage_account_id, 'azurerm_storage_account')!]),
        ...(container.container_access_type === 'private' ? {} : { publicAccessBlocked: false }),
      };
    }
    for (const assignment of Object.values(resources(doc, 'azurerm_role_assignment'))) {
      if (assignment.role_definition_name !== BLOB_DATA_READER) continue;
      const product = products.get(referenced(assignment.scope, 'azurerm_storage_container') ?? '');
      const identity =
        identities[referenced(assignment.principal_id, 'azurerm_user_assigned_identity') ?? ''];
      const persona = identity && personaOf(identity.name, plan);
      if (!product || !persona || persona[0] === domain) continue;
      // Azure grants the whole container: no column is hidden from a subscriber.
      facts.grants.push(grantCell(persona[0], persona[1], product, []));
    }
  }
  facts.grants.sort();
  return facts;
}
