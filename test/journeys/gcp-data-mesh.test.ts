import { GcpIamModel } from './gcp/iam-model';
import type { DataMeshProps } from '../../src/gcp';
import type { TerraformStack } from '../../src/terraform';
import { buildMesh, type Doc, TWO_PROJECT_PROPS } from '../gcp/mesh/support';
import { withSubscriptions } from '../helpers/mesh-variants';
import { TfGraph } from '../helpers/tf-graph';

/**
 * Data mesh journeys on GCP, evaluated on the synthesized Terraform of every stack of ACME_MESH
 * across two projects with the sourced role table (./gcp/roles.json): each binding is read from
 * the stack that makes it, its member resolved to the service account's email (identity stacks
 * make the accounts, other stacks grant to them by email) and its target to a resource across
 * stacks (a product dataset by project and id, a policy tag by level through the governance
 * stack's outputs, a bucket by its stack and address).
 */
interface MeshBinding {
  readonly identity: string;
  readonly target: string;
  readonly permissions: readonly string[];
}

/** Every binding of every stack, normalized across stacks. */
function meshBindings(docs: Record<string, Doc>): MeshBinding[] {
  const governance = Object.entries(docs).find(([n]) => n.endsWith('-governance'))![1];
  const levelOfOutput = (output: string): string => {
    const value = String(governance.output[output].value);
    const tag = /google_data_catalog_policy_tag\.([^.]+)\.name/.exec(value)![1];
    return governance.resource.google_data_catalog_policy_tag[tag].display_name;
  };
  const bindings: MeshBinding[] = [];
  for (const [stack, doc] of Object.entries(docs)) {
    const iam = new GcpIamModel(doc as any);
    const res = doc.resource as Record<string, Record<string, any>>;
    const email = (identity: string) => {
      const m = /^google_service_account\.(.+)$/.exec(identity);
      if (!m) return identity;
      const a = res.google_service_account[m[1]];
      return `serviceAccount:${a.account_id}@${a.project}.iam.gserviceaccount.com`;
    };
    for (const b of iam.bindings) {
      const config = iam.config(b.address);
      let target: string;
      if (b.target === 'project') {
        target = `project:${config.project}`;
      } else if (b.target.startsWith('google_bigquery_dataset.')) {
        const ds = iam.config(b.target);
        target = `dataset:${ds.project}.${ds.dataset_id}`;
      } else if (b.address.startsWith('google_data_catalog_policy_tag_iam_member.')) {
        target = `policyTag:${levelOfOutput(/outputs\.([^}]+)\}/.exec(String(config.policy_tag))![1])}`;
      } else {
        target = `${stack}:${b.target}`;
      }
      bindings.push({ identity: email(b.identity), target, permissions: iam.permissionsOf(b.role) });
    }
  }
  return bindings;
}

const sa = (domain: string, persona: string, project: string) =>
  `serviceAccount:acme-${domain}-${persona}@${project}.iam.gserviceaccount.com`;
const MARKETING_ANALYST = sa('marketing', 'analyst', 'acme-analytics');

function journeys(props: DataMeshProps = TWO_PROJECT_PROPS) {
  const { app, mesh, docs } = buildMesh(props);
  const bindings = meshBindings(docs);
  const may = (identity: string, permission: string, target: string) =>
    bindings.some(
      (b) => b.identity === identity && b.target === target && b.permissions.includes(permission),
    );
  /** Whether `identity` can select `column` of `product` (`<domain>.<name>`): table data, a query job, the column's tag. */
  const canSelect = (identity: string, project: string, productId: string, column: string) => {
    const product = mesh.plan.products.find((p) => p.id === productId)!;
    const producerProject = props.domainOptions?.[product.domain]?.project ?? props.governanceProject;
    const dataset = `dataset:${producerProject}.acme_${product.domain}_${product.name}`;
    const level = product.columns.find((c) => c.name === column)!.classification;
    return (
      may(identity, 'bigquery.tables.getData', dataset) &&
      may(identity, 'bigquery.tables.get', dataset) &&
      may(identity, 'bigquery.jobs.create', `project:${project}`) &&
      (level === mesh.plan.classifications[0] ||
        may(identity, 'datacatalog.categories.fineGrainedGet', `policyTag:${level}`))
    );
  };
  return { app, mesh, docs, bindings, may, canSelect };
}

/** The journeys of the mesh across two projects, synthesized once for every describe that reads them. */
const TWO_PROJECTS = journeys();

describe('a consumer analyst queries a subscribed product', () => {
  const { canSelect } = TWO_PROJECTS;

  test('marketing’s analyst selects every column of sales.order_lines: dataViewer on its dataset, jobUser at home, the internal tag', () => {
    for (const column of ['order_id', 'amount', 'order_date']) {
      expect({
        column,
        ok: canSelect(MARKETING_ANALYST, 'acme-analytics', 'sales.order_lines', column),
      }).toEqual({
        column,
        ok: true,
      });
    }
  });

  test('finance’s analyst (cleared restricted) selects the restricted columns of sales.customers; its engineer, not listed, nothing', () => {
    expect(
      canSelect(sa('finance', 'analyst', 'acme-analytics'), 'acme-analytics', 'sales.customers', 'email'),
    ).toBe(true);
    expect(
      canSelect(
        sa('finance', 'engineer', 'acme-analytics'),
        'acme-analytics',
        'sales.customers',
        'customer_id',
      ),
    ).toBe(false);
  });
});

describe('what a consumer must not do', () => {
  const { canSelect, bindings, may, docs } = TWO_PROJECTS;

  test('query a product it is not subscribed to', () => {
    expect(canSelect(MARKETING_ANALYST, 'acme-analytics', 'sales.orders', 'order_id')).toBe(false);
    expect(canSelect(MARKETING_ANALYST, 'acme-analytics', 'sales.customers', 'customer_id')).toBe(false);
    expect(may(MARKETING_ANALYST, 'bigquery.tables.list', 'dataset:acme-central.acme_sales_orders')).toBe(
      false,
    );
  });

  test("read or write the producer's zones (buckets) or use its key: no binding in the producer's stacks but dataViewer on the product", () => {
    const own = [
      'project:acme-analytics',
      'policyTag:',
      'acme-marketing-',
      'dataset:acme-analytics.acme_marketing_',
      'dataset:acme-analytics.marketing_',
    ];
    const foreign = bindings.filter(
      (b) => b.identity.includes('acme-marketing-') && !own.some((o) => b.target.startsWith(o)),
    );
    expect([...new Set(foreign.map((b) => b.target))]).toEqual([
      'dataset:acme-central.acme_sales_order_lines',
    ]);
    for (const [address] of Object.entries(docs['acme-sales-products'].resource.google_storage_bucket)) {
      for (const permission of ['storage.objects.get', 'storage.objects.create', 'storage.objects.list']) {
        expect(
          may(MARKETING_ANALYST, permission, `acme-sales-products:google_storage_bucket.${address}`),
        ).toBe(false);
      }
    }
  });

  test('a column above its clearance stays unreadable, the others readable (marketing subscribed to sales.orders)', () => {
    const variant: DataMeshProps = {
      ...TWO_PROJECT_PROPS,
      ...withSubscriptions('sales', [
        { consumer: 'marketing', product: 'orders', approvedBy: 'sales-data@example.com' },
      ]),
    };
    const v = journeys(variant);
    const grant = v.mesh.plan.subscriptions.find(
      (g) => g.consumer === 'marketing' && g.product === 'sales.orders',
    )!;
    expect(grant.hiddenColumns).toEqual(['customer_email']);
    expect(v.canSelect(MARKETING_ANALYST, 'acme-analytics', 'sales.orders', 'customer_email')).toBe(false);
    for (const column of ['order_id', 'amount', 'order_date']) {
      expect(v.canSelect(MARKETING_ANALYST, 'acme-analytics', 'sales.orders', column)).toBe(true);
    }
    expect(v.may(MARKETING_ANALYST, 'datacatalog.categories.fineGrainedGet', 'policyTag:confidential')).toBe(
      false,
    );
  });
});

describe("the producer's own journeys still hold", () => {
  const { canSelect, may } = TWO_PROJECTS;

  test('sales’ analyst queries its own products up to its clearance (internal): order_lines whole, not orders.customer_email', () => {
    const analyst = sa('sales', 'analyst', 'acme-central');
    for (const column of ['order_id', 'amount', 'order_date']) {
      expect(canSelect(analyst, 'acme-central', 'sales.order_lines', column)).toBe(true);
    }
    expect(canSelect(analyst, 'acme-central', 'sales.orders', 'customer_email')).toBe(false);
    expect(may(analyst, 'datacatalog.categories.fineGrainedGet', 'policyTag:confidential')).toBe(false);
  });

  test('something may write every product table of sales: the step publishing the serving zone', () => {
    const { bindings: all } = TWO_PROJECTS;
    const written = new Set(
      all
        .filter(
          (b) =>
            b.target.startsWith('dataset:acme-central.acme_sales_') &&
            b.permissions.includes('bigquery.tables.updateData'),
        )
        .filter((b) => b.identity.includes('Pipeline') || b.identity.includes('publish'))
        .map((b) => b.target),
    );
    expect([...written].sort()).toEqual([
      'dataset:acme-central.acme_sales_customers',
      'dataset:acme-central.acme_sales_order_lines',
      'dataset:acme-central.acme_sales_orders',
    ]);
  });

  test('every role any stack grants is in the sourced role table or a synthesized custom role', () => {
    expect(() => journeys()).not.toThrow();
  });
});

describe('GCP data mesh deploy order', () => {
  const { mesh, docs } = TWO_PROJECTS;
  /** The stacks in a deploy order cdktf may take: each after every stack it depends on. */
  const order: string[] = [];
  const visit = (stack: TerraformStack) => {
    if (order.includes(stack.node.id)) return;
    for (const d of stack.dependencies) visit(d as TerraformStack);
    order.push(stack.node.id);
  };
  Object.values(mesh.stacks).forEach(visit);
  const at = (name: string) => order.indexOf(name);

  test('governance first, then every identity stack a products stack needs, then the products stacks', () => {
    expect(order[0]).toBe('acme-governance');
    for (const planned of mesh.plan.stacks) {
      for (const before of planned.dependsOn) {
        expect([planned.name, at(before) < at(planned.name)]).toEqual([planned.name, true]);
      }
    }
    for (const g of mesh.plan.subscriptions) {
      expect(at(`acme-${g.consumer}-identity`)).toBeLessThan(at(`acme-${g.producer}-products`));
    }
  });

  test('every remote state a stack reads belongs to a stack deployed before it', () => {
    for (const [name, doc] of Object.entries(docs)) {
      for (const key of Object.keys(doc.data?.terraform_remote_state ?? {})) {
        const source = /cross-stack-reference-input-(.+)$/.exec(key)![1];
        expect([name, source, at(source) < at(name)]).toEqual([name, source, true]);
      }
    }
  });

  test('every service account a products stack grants to is made by an identity stack deployed before it', () => {
    const madeBy = new Map<string, string>();
    for (const [name, doc] of Object.entries(docs)) {
      for (const a of Object.values<any>(doc.resource.google_service_account ?? {})) {
        madeBy.set(`serviceAccount:${a.account_id}@${a.project}.iam.gserviceaccount.com`, name);
      }
    }
    for (const [name, doc] of Object.entries(docs).filter(([n]) => n.endsWith('-products'))) {
      const literal = Object.values<Record<string, any>>(doc.resource)
        .flatMap((byName) => Object.values(byName))
        .map((r) => r.member)
        .filter((m): m is string => typeof m === 'string' && /^serviceAccount:acme-[a-z]+-[a-z]+@/.test(m));
      expect(literal.length).toBeGreaterThan(0);
      for (const member of literal) {
        const maker = madeBy.get(member)!;
        expect([name, member, maker?.endsWith('-identity') && at(maker) < at(name)]).toEqual([
          name,
          member,
          true,
        ]);
      }
    }
  });
});

describe('GCP data mesh deploy order within the products stacks (first apply on a fresh project)', () => {
  const { docs } = TWO_PROJECTS;
  const sales = new TfGraph(docs['acme-sales-products'] as any);
  const cfg = (a: string) => sales.configs.get(a) as Record<string, any>;

  test("every product dataset waits (time_sleep) for BigQuery's agent grant on the domain key", () => {
    const datasets = sales
      .addressesOf('google_bigquery_dataset')
      .filter((d) => /^acme_/.test(cfg(d).dataset_id));
    expect(datasets).toHaveLength(3);
    const keyGrants = sales
      .addressesOf('google_kms_crypto_key_iam_member')
      .filter((g) => JSON.stringify(cfg(g).member).includes('data.google_bigquery_default_service_account'));
    expect(keyGrants.length).toBeGreaterThan(0);
    for (const d of datasets) {
      expect([d, keyGrants.some((g) => sales.dependsOnOnlyThrough(d, g, 'time_sleep'))]).toEqual([d, true]);
    }
  });

  test("the BigLake Iceberg table waits (time_sleep) for its connection's bucket grants, and comes after the connection", () => {
    const table = sales.addressesOf('google_bigquery_table').find((t) => cfg(t).table_id === 'customers')!;
    const grants = sales
      .addressesOf('google_storage_bucket_iam_member')
      .filter((g) => ['roles/storage.objectUser', 'roles/storage.legacyBucketReader'].includes(cfg(g).role))
      .filter((g) => String(cfg(g).member).includes('google_bigquery_connection.'));
    expect(grants).toHaveLength(2);
    for (const g of grants) expect(sales.dependsOnOnlyThrough(table, g, 'time_sleep')).toBe(true);
    expect(sales.dependsOn(table, sales.addressesOf('google_bigquery_connection')[0])).toBe(true);
  });

  test('each freshness query comes after its account’s grants and the Data Transfer API', () => {
    const api = sales
      .addressesOf('google_project_service')
      .find((s) => cfg(s).service === 'bigquerydatatransfer.googleapis.com')!;
    for (const q of sales.addressesOf('google_bigquery_data_transfer_config')) {
      expect(sales.dependsOn(q, api)).toBe(true);
      const viewer = sales
        .addressesOf('google_bigquery_dataset_iam_member')
        .filter((m) => cfg(m).role === 'roles/bigquery.metadataViewer');
      expect(viewer.some((v) => sales.dependsOn(q, v))).toBe(true);
    }
  });
});
