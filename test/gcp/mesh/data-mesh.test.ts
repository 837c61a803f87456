import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { ErrorCode } from '../../../src/core/errors';
import { DataMesh, PartitionedIcebergProducts } from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { ProductFormat } from '../../../src/patterns';
import { App, TerraformStack } from '../../../src/terraform';
import { expectValidationError } from '../support';
import { ANALYTICS, buildMesh, CENTRAL, type Doc, resourcesOf, TWO_PROJECT_PROPS } from './support';

const email = (domain: string, persona: string, project: string) =>
  `serviceAccount:acme-${domain}-${persona}@${project}.iam.gserviceaccount.com`;
const PROJECTS: Record<string, string> = { sales: CENTRAL, marketing: ANALYTICS, finance: ANALYTICS };
const path = (r: any) => String(r['//'].metadata.path);
const ref = (type: string, name: string, attr: string) => `\${${type}.${name}.${attr}}`;
/** The name of the one resource of `type` whose construct path ends with `suffix`. */
function nameAt(doc: Doc, type: string, suffix: string): string {
  const found = Object.entries(resourcesOf(doc, type)).filter(([, r]) => path(r).endsWith(suffix));
  if (found.length !== 1) throw new Error(`expected one ${type} at */${suffix}, found ${found.length}`);
  return found[0][0];
}

/** The mesh across two projects, synthesized once for the describes that only read it. */
const TWO_PROJECTS = buildMesh();

describe('gcp.DataMesh across two projects: stacks', () => {
  const { app, mesh, docs } = TWO_PROJECTS;

  test("one Terraform stack per planned stack, named as planned, with a google provider on its domain's project", () => {
    expect(Object.keys(mesh.stacks)).toEqual(mesh.plan.stacks.map((s) => s.name));
    for (const planned of mesh.plan.stacks) {
      const project = planned.domain === undefined ? CENTRAL : PROJECTS[planned.domain];
      expect([planned.name, docs[planned.name].provider.google[0].project]).toEqual([planned.name, project]);
      expect(mesh.stacks[planned.name].node.id).toBe(planned.name);
    }
  });

  test('governance, then every identity stack, then the products stacks (cdktf stack dependencies)', () => {
    const deps = (name: string) =>
      mesh.stacks[name].dependencies.map((d) => (d as TerraformStack).node.id).sort();
    expect(deps('acme-governance')).toEqual([]);
    for (const d of ['sales', 'marketing', 'finance']) {
      expect(deps(`acme-${d}-identity`)).toEqual(['acme-governance']);
    }
    expect(deps('acme-sales-products')).toEqual(
      ['acme-governance', 'acme-sales-identity', 'acme-marketing-identity', 'acme-finance-identity'].sort(),
    );
    expect(deps('acme-marketing-products')).toEqual(
      ['acme-governance', 'acme-marketing-identity', 'acme-sales-identity'].sort(),
    );
    expect(deps('acme-finance-products')).toEqual(['acme-finance-identity', 'acme-governance'].sort());
  });

  test('the taxonomy activates fine-grained access control in the mesh location, one policy tag per level', () => {
    const gov = docs['acme-governance'];
    const [taxonomyName, taxonomy] = Object.entries(resourcesOf(gov, 'google_data_catalog_taxonomy'))[0];
    expect(taxonomy).toEqual(
      expect.objectContaining({
        project: CENTRAL,
        region: 'europe-west1',
        activated_policy_types: ['FINE_GRAINED_ACCESS_CONTROL'],
      }),
    );
    const tags = Object.values(resourcesOf(gov, 'google_data_catalog_policy_tag'));
    expect(tags.map((t) => t.display_name)).toEqual(['public', 'internal', 'confidential', 'restricted']);
    for (const t of tags) expect(t.taxonomy).toBe(ref('google_data_catalog_taxonomy', taxonomyName, 'id'));
  });

  test('policy tag ids are never derived: other stacks read them from the governance state', () => {
    for (const name of ['acme-sales-identity', 'acme-finance-products', 'acme-sales-products']) {
      const doc = docs[name];
      expect(Object.keys(doc.data?.terraform_remote_state ?? {})).toHaveLength(1);
      expect(JSON.stringify(doc.resource)).not.toMatch(/taxonomies\/\d+|policyTags\/\d+/);
    }
    expect(Object.keys(docs['acme-governance'].output ?? {}).length).toBeGreaterThan(0);
  });

  test('the contract registry holds each contract as Open Data Contract Standard JSON in a kit bucket', () => {
    const gov = docs['acme-governance'];
    const objects = Object.values(resourcesOf(gov, 'google_storage_bucket_object'));
    expect(objects.map((o) => o.name).sort()).toEqual(
      mesh.plan.products.map((p) => `contracts/${p.domain}/${p.name}.json`).sort(),
    );
    const orders = objects.find((o) => o.name === 'contracts/sales/orders.json')!;
    expect(JSON.parse(orders.content)).toEqual(mesh.plan.contracts[0]);
    expect(orders.content_type).toBe('application/json');
    const bucket = Object.values(resourcesOf(gov, 'google_storage_bucket'))[0];
    expect(bucket).toEqual(
      expect.objectContaining({
        uniform_bucket_level_access: true,
        public_access_prevention: 'enforced',
        versioning: { enabled: true },
        force_destroy: false,
      }),
    );
    expect(bucket.encryption.default_kms_key_name).toMatch(/google_kms_crypto_key/);
  });

  test('zero unacknowledged findings of the GCP compliance pack on every stack', () => {
    expect(checkCompliance(app).findings).toEqual([]);
  });
});

describe('gcp.DataMesh across two projects: products, tags and grants', () => {
  const { mesh, docs } = TWO_PROJECTS;
  const sales = docs['acme-sales-products'];

  test('each product has its own CMEK dataset <mesh>_<domain>_<product> and a deletion-protected, retained table', () => {
    for (const domain of mesh.plan.domains) {
      const doc = docs[`acme-${domain.name}-products`];
      const datasets = Object.entries(resourcesOf(doc, 'google_bigquery_dataset'));
      for (const product of domain.products) {
        const [dsName, ds] = datasets.find(
          ([, d]) => d.dataset_id === `acme_${domain.name}_${product.name}`,
        )!;
        expect(ds.default_encryption_configuration.kms_key_name).toMatch(
          /google_kms_crypto_key\.Lakehouse_Key/,
        );
        expect(ds.location).toBe('europe-west1');
        expect(ds.lifecycle.prevent_destroy).toBe(true);
        const table = Object.values(resourcesOf(doc, 'google_bigquery_table')).find(
          (t) => t.table_id === product.table,
        )!;
        expect(table.dataset_id).toBe(ref('google_bigquery_dataset', dsName, 'dataset_id'));
        expect(table.deletion_protection).toBe(true);
        expect(table.lifecycle.prevent_destroy).toBe(true);
      }
    }
  });

  test('an unpartitioned Iceberg product is a BigLake Iceberg table over its zone bucket; the connection gets objectUser and legacyBucketReader there only', () => {
    const customers = Object.values(resourcesOf(sales, 'google_bigquery_table')).find(
      (t) => t.table_id === 'customers',
    )!;
    const bucket = nameAt(sales, 'google_storage_bucket', '/Lakehouse/Storage/ServingBucket');
    const connection = nameAt(sales, 'google_bigquery_connection', '/Lakehouse/Catalog/BigLakeConnection');
    expect(customers.biglake_configuration).toEqual({
      connection_id: ref('google_bigquery_connection', connection, 'id'),
      storage_uri: `gs://${ref('google_storage_bucket', bucket, 'name')}/products/customers/`,
      file_format: 'PARQUET',
      table_format: 'ICEBERG',
    });
    expect(customers.time_partitioning).toBeUndefined();
    const connectionMember = `serviceAccount:${ref('google_bigquery_connection', connection, 'cloud_resource[0].service_account_id')}`;
    const grants = Object.values(resourcesOf(sales, 'google_storage_bucket_iam_member')).filter(
      (m) => m.member === connectionMember && m.role !== 'roles/storage.objectViewer',
    );
    expect(grants.map((g) => [g.bucket, g.role]).sort()).toEqual([
      [ref('google_storage_bucket', bucket, 'name'), 'roles/storage.legacyBucketReader'],
      [ref('google_storage_bucket', bucket, 'name'), 'roles/storage.objectUser'],
    ]);
    expect(customers.depends_on.some((d: string) => d.startsWith('time_sleep.'))).toBe(true);
  });

  test('a partitioned Iceberg product (BIGQUERY_TABLE) and a Parquet product are BigQuery tables; partitions expire with the retention', () => {
    const tables = Object.values(resourcesOf(sales, 'google_bigquery_table'));
    const orders = tables.find((t) => t.table_id === 'orders')!;
    expect(orders.biglake_configuration).toBeUndefined();
    expect(orders.time_partitioning).toEqual({
      type: 'DAY',
      field: 'order_date',
      expiration_ms: 3650 * 86_400_000,
    });
    const campaigns = Object.values(
      resourcesOf(docs['acme-marketing-products'], 'google_bigquery_table'),
    ).find((t) => t.table_id === 'campaigns')!;
    expect(campaigns.biglake_configuration).toBeUndefined();
    expect(mesh.plan.products.find((p) => p.name === 'campaigns')!.format).toBe(ProductFormat.PARQUET);
  });

  test("classified columns carry their level's policy tag in the schema; lowest-level columns none", () => {
    for (const product of mesh.plan.products) {
      const doc = docs[`acme-${product.domain}-products`];
      const table = Object.values(resourcesOf(doc, 'google_bigquery_table')).find(
        (t) => t.table_id === product.table,
      )!;
      const schema = JSON.parse(table.schema) as {
        name: string;
        mode: string;
        policyTags?: { names: string[] };
      }[];
      expect(schema.map((c) => c.name)).toEqual(product.columns.map((c) => c.name));
      for (const column of product.columns) {
        const field = schema.find((c) => c.name === column.name)!;
        expect(field.mode).toBe(column.required ? 'REQUIRED' : 'NULLABLE');
        if (column.classification === 'public') {
          expect(field.policyTags).toBeUndefined();
        } else {
          expect(field.policyTags!.names).toHaveLength(1);
          expect(field.policyTags!.names[0]).toContain('terraform_remote_state');
          expect(field.policyTags!.names[0]).toContain(
            `${column.classification[0].toUpperCase()}${column.classification.slice(1)}PolicyTag`,
          );
        }
      }
    }
  });

  test('every persona gets the fine-grained reader on the tags of the levels its domain is cleared for, and no other', () => {
    for (const domain of mesh.plan.domains) {
      const doc = docs[`acme-${domain.name}-identity`];
      const levels = mesh.plan.classifications;
      const cleared = levels.slice(1, levels.indexOf(domain.clearance) + 1);
      const grants = Object.values(resourcesOf(doc, 'google_data_catalog_policy_tag_iam_member'));
      expect(grants.every((g) => g.role === 'roles/datacatalog.categoryFineGrainedReader')).toBe(true);
      const got = grants
        .map(
          (g) =>
            `${/Persona_[0-9A-F]+|[A-Z][a-z]+Persona/.exec(g.member)![0]}:${/Internal|Confidential|Restricted|Public/.exec(g.policy_tag)![0].toLowerCase()}`,
        )
        .sort();
      const expected = domain.lakehouse.personas
        .flatMap((p) => cleared.map((l) => `${p.name[0].toUpperCase()}${p.name.slice(1)}Persona:${l}`))
        .sort();
      expect({ domain: domain.name, got }).toEqual({ domain: domain.name, got: expected });
      const accounts = Object.values(resourcesOf(doc, 'google_service_account'))
        .map((a) => a.account_id)
        .sort();
      expect(accounts).toEqual(domain.lakehouse.personas.map((p) => `acme-${domain.name}-${p.name}`).sort());
    }
    expect(mesh.plan.domains.find((d) => d.name === 'finance')!.clearance).toBe('restricted');
  });

  test('dataset access exactly per the subscription matrix: dataViewer on the product dataset, by email', () => {
    const got = mesh.plan.domains
      .flatMap((d) => {
        const doc = docs[`acme-${d.name}-products`];
        const datasets = resourcesOf(doc, 'google_bigquery_dataset');
        return Object.values(resourcesOf(doc, 'google_bigquery_dataset_iam_member'))
          .filter((m) => path(m).includes('/Subscribers/'))
          .map((m) => {
            const dataset = datasets[/google_bigquery_dataset\.([^.]+)\./.exec(m.dataset_id)![1]].dataset_id;
            return `${dataset} ${m.role} ${m.member}`;
          });
      })
      .sort();
    const expected = mesh.plan.subscriptions
      .map((g) => {
        const [producer, product] = g.product.split('.');
        return `acme_${producer}_${product} roles/bigquery.dataViewer ${email(g.consumer, g.persona, PROJECTS[g.consumer])}`;
      })
      .sort();
    expect(got).toEqual(expected);
  });

  test("subscribing personas may run queries in their own project; consumers get nothing on a producer's buckets or keys", () => {
    for (const g of mesh.plan.subscriptions) {
      const jobUsers = Object.values(
        resourcesOf(docs[`acme-${g.consumer}-products`], 'google_project_iam_member'),
      ).filter(
        (m) =>
          m.role === 'roles/bigquery.jobUser' &&
          m.member === email(g.consumer, g.persona, PROJECTS[g.consumer]),
      );
      expect(jobUsers.map((m) => m.project)).toEqual([PROJECTS[g.consumer]]);
    }
    for (const domain of mesh.plan.domains) {
      const doc = docs[`acme-${domain.name}-products`];
      const others = mesh.plan.domains.filter((d) => d.name !== domain.name).map((d) => `acme-${d.name}-`);
      for (const type of [
        'google_storage_bucket_iam_member',
        'google_kms_crypto_key_iam_member',
        'google_project_iam_member',
      ]) {
        for (const m of Object.values(resourcesOf(doc, type))) {
          expect({
            type,
            member: m.member,
            foreign: others.some((o) => String(m.member).includes(o)),
          }).toEqual({
            type,
            member: m.member,
            foreign: false,
          });
        }
      }
    }
  });

  test("one scheduled freshness query per product, failing when stale or empty, alerting the producer's channels", () => {
    for (const domain of mesh.plan.domains) {
      const doc = docs[`acme-${domain.name}-products`];
      const queries = Object.entries(resourcesOf(doc, 'google_bigquery_data_transfer_config'));
      expect(queries).toHaveLength(domain.products.length);
      const channels = Object.keys(resourcesOf(doc, 'google_monitoring_notification_channel')).map((c) =>
        ref('google_monitoring_notification_channel', c, 'name'),
      );
      for (const product of domain.products) {
        const [name, q] = queries.find(([, c]) => c.display_name === `acme freshness ${product.id}`)!;
        expect(q.data_source_id).toBe('scheduled_query');
        expect(q.schedule).toBe(product.freshness.maxAgeHours < 24 ? 'every 1 hours' : 'every day 06:00');
        expect(q.params.query).toContain(`INTERVAL ${product.freshness.maxAgeHours} HOUR`);
        expect(q.params.query).toContain(
          `\`${PROJECTS[domain.name]}.acme_${domain.name}_${product.name}.__TABLES__\``,
        );
        expect(q.params.query).toMatch(/COUNT\(\*\) = 0 OR MAX\(row_count\) = 0/);
        expect(q.service_account_name).toMatch(/google_service_account\.Freshness_ServiceAccount/);
        const alert = Object.values(resourcesOf(doc, 'google_monitoring_alert_policy')).find((a) =>
          JSON.stringify(a.conditions).includes(`google_bigquery_data_transfer_config.${name}.name`),
        )!;
        expect(alert.notification_channels.sort()).toEqual(channels.sort());
        expect(alert.conditions[0].condition_matched_log.filter).toContain(
          'resource.type = "bigquery_dts_config"',
        );
      }
    }
  });

  test('the freshness account reads table metadata only: metadataViewer on each product dataset, no policy tag', () => {
    const viewers = Object.values(resourcesOf(sales, 'google_bigquery_dataset_iam_member')).filter((m) =>
      String(m.member).includes('Freshness_ServiceAccount'),
    );
    expect(viewers.map((v) => v.role)).toEqual(Array(3).fill('roles/bigquery.metadataViewer'));
  });
});

describe('gcp.DataMesh options', () => {
  test('an expired subscription is not granted', () => {
    const { mesh } = buildMesh({ ...TWO_PROJECT_PROPS, today: '2028-01-01' });
    expect(mesh.plan.subscriptions.some((g) => g.product === 'sales.customers')).toBe(false);
    expect(mesh.plan.expiredSubscriptions).toEqual([
      { consumer: 'finance', product: 'sales.customers', expires: '2027-12-31' },
    ]);
  });

  test('every domain defaults to the governance project', () => {
    const { docs } = buildMesh({
      ...TWO_PROJECT_PROPS,
      domainOptions: { sales: TWO_PROJECT_PROPS.domainOptions!.sales },
    });
    expect(docs['acme-finance-products'].provider.google[0].project).toBe(CENTRAL);
  });
});

describe('gcp.DataMesh bad input', () => {
  const mesh = (props: Partial<typeof TWO_PROJECT_PROPS>, scope: any = new App()) =>
    new DataMesh(scope, 'Mesh', { ...TWO_PROJECT_PROPS, ...props });

  test('a scope that is not the App → DPK_CONFLICTING_PROPS', () => {
    const app = new App();
    expectValidationError(() => mesh({}, new TerraformStack(app, 'S')), ErrorCode.CONFLICTING_PROPS, 'scope');
  });

  test('domainOptions for an unknown domain → DPK_UNKNOWN_REFERENCE', () => {
    expectValidationError(
      () => mesh({ domainOptions: { hr: { project: 'acme-hr-data' } } }),
      ErrorCode.UNKNOWN_REFERENCE,
      'domainOptions["hr"]',
    );
  });

  test('a malformed project → DPK_INVALID_NAME', () => {
    expectValidationError(
      () => mesh({ governanceProject: 'Acme_Central' }),
      ErrorCode.INVALID_NAME,
      'governanceProject',
    );
    expectValidationError(
      () => mesh({ domainOptions: { marketing: { project: 'x' } } }),
      ErrorCode.INVALID_NAME,
      'domainOptions["marketing"].project',
    );
  });

  test('a BigQuery location that does not exist (ASIA) → DPK_INVALID_LOCATION', () => {
    expectValidationError(() => mesh({ location: 'ASIA' }), ErrorCode.INVALID_LOCATION, 'location');
  });

  test('a partitioned Iceberg product while BigLake Iceberg takes no partitions → DPK_CONFLICTING_PROPS', () => {
    expectValidationError(
      () => mesh({ partitionedIcebergProducts: undefined }),
      ErrorCode.CONFLICTING_PROPS,
      'domains["sales"].products["orders"].partitionColumns',
    );
  });

  test('an Iceberg product in a domain without a warehouse → DPK_CONFLICTING_PROPS', () => {
    const domains = ACME_MESH.domains.map((d) =>
      d.name === 'sales' ? { ...d, lakehouse: { ...d.lakehouse, warehouse: { enabled: false } } } : d,
    );
    expectValidationError(
      () => mesh({ domains }),
      ErrorCode.CONFLICTING_PROPS,
      'domains["sales"].products["customers"].format',
    );
  });

  test('a persona service account id past 30 characters → DPK_INVALID_NAME', () => {
    // acmecorp-data-marketing-engineer: 32 characters.
    expectValidationError(
      () => mesh({ name: 'acmecorp-data' }),
      ErrorCode.INVALID_NAME,
      'domains["marketing"].lakehouse.personas["engineer"]',
    );
  });

  test('a products stack estimated past the limit → DPK_STACK_TOO_LARGE before synthesis', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      name: `product_${i}`,
      version: '1.0.0',
      description: 'One of many.',
      format: ProductFormat.PARQUET,
      schema: [{ name: 'id', type: 'string' }],
    }));
    expectValidationError(
      () =>
        mesh({
          domains: ACME_MESH.domains.map((d) =>
            d.name === 'marketing' ? { ...d, products: [...(d.products ?? []), ...many] } : d,
          ),
        }),
      ErrorCode.STACK_TOO_LARGE,
    );
  });

  test('partitionedIcebergProducts outside the enum → DPK_CONFLICTING_PROPS', () => {
    expectValidationError(
      () => mesh({ partitionedIcebergProducts: 'MAYBE' as PartitionedIcebergProducts }),
      ErrorCode.CONFLICTING_PROPS,
      'partitionedIcebergProducts',
    );
  });
});

describe('gcp.DataMesh project-wide settings', () => {
  const { docs } = TWO_PROJECTS;
  const count = (stack: string, type: string) => Object.keys(resourcesOf(docs[stack], type)).length;

  test('one daily query quota per project and quota: the first domain of each project owns it', () => {
    expect(count('acme-sales-products', 'google_cloud_quotas_quota_preference')).toBe(1);
    expect(count('acme-marketing-products', 'google_cloud_quotas_quota_preference')).toBe(1);
    expect(count('acme-finance-products', 'google_cloud_quotas_quota_preference')).toBe(0);
  });

  test('one storage data-access audit config per project: governance leaves it to sales, finance to marketing', () => {
    expect(count('acme-governance', 'google_project_iam_audit_config')).toBe(0);
    expect(count('acme-sales-products', 'google_project_iam_audit_config')).toBe(1);
    expect(count('acme-marketing-products', 'google_project_iam_audit_config')).toBe(1);
    expect(count('acme-finance-products', 'google_project_iam_audit_config')).toBe(0);
  });
});
