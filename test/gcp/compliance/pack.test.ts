import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateTerraform, RuleLevel } from '../../../src/core/compliance';
import { DATA_PLATFORM_RULES } from '../../../src/gcp/compliance';
import { INTENT_RULES } from '../../../src/gcp/compliance/intents';
import { IAM_RESOURCES, iamTypes } from '../../../src/gcp/compliance/private/iam';

/** The provider's `lib/` folder: one folder per resource class (`storage-bucket/index.js`). */
const PROVIDER_LIB = path.resolve(
  path.dirname(require.resolve('@cdktf/provider-google/lib/storage-bucket')),
  '..',
);

/** True when the provider ships a resource class for Terraform type `type`. */
const providerHas = (type: string) =>
  fs.existsSync(path.join(PROVIDER_LIB, type.replace(/^google_/, '').replace(/_/g, '-')));

describe('the GCP rule pack table', () => {
  test('ids are unique and mirror Checkov, Trivy or the kit namespace', () => {
    const ids = DATA_PLATFORM_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(?:CKV2?_GCP_\d+|AVD-GCP-\d{4}|DPK_GCP_[A-Z_]+)$/);
  });

  test('each kit rule says why it has no public id, in its explanation', () => {
    for (const rule of DATA_PLATFORM_RULES.filter((r) => r.id.startsWith('DPK_'))) {
      expect({ id: rule.id, explained: /Kit rule \(no public id\): \S/.test(rule.explanation) }).toEqual({
        id: rule.id,
        explained: true,
      });
    }
  });

  test('every rule has a level, a one-sentence description and resource types the provider knows', () => {
    for (const rule of DATA_PLATFORM_RULES) {
      expect([RuleLevel.ERROR, RuleLevel.WARNING]).toContain(rule.level);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      expect(rule.resourceTypes.filter((t) => !providerHas(t))).toEqual([]);
    }
  });

  test('covers at least GCS, Cloud KMS, BigQuery, Pub/Sub, Dataproc and IAM', () => {
    const types = new Set(DATA_PLATFORM_RULES.flatMap((r) => r.resourceTypes));
    for (const type of [
      'google_storage_bucket',
      'google_kms_crypto_key',
      'google_kms_key_ring',
      'google_bigquery_dataset',
      'google_bigquery_table',
      'google_pubsub_topic',
      'google_dataproc_cluster',
      'google_dataproc_batch',
      'google_service_account_key',
      'google_project_iam_member',
    ]) {
      expect(types).toContain(type);
    }
  });

  test('the IAM resource list is every *_iam_member / *_iam_binding type of the provider', () => {
    // GIVEN the provider's IAM member and binding classes
    const shipped = fs
      .readdirSync(PROVIDER_LIB)
      .filter((d) => /-iam-(member|binding)$/.test(d))
      .map((d) => `google_${d.replace(/-/g, '_')}`)
      .sort();
    // THEN the pack knows each of them
    expect(iamTypes(...IAM_RESOURCES).sort()).toEqual(shipped);
  });

  test.each([
    ['a public member', { role: 'roles/pubsub.viewer', member: 'allUsers' }],
    [
      'a public member in a binding',
      { role: 'roles/pubsub.viewer', members: ['group:a@acme.com', 'allAuthenticatedUsers'] },
    ],
    ['a basic role', { role: 'roles/owner', member: 'group:a@acme.com' }],
    ['a basic role in a binding', { role: 'roles/editor', members: ['group:a@acme.com'] }],
  ])('%s on any IAM member or binding type is reported exactly once', (_, config) => {
    // GIVEN one resource of each IAM type with the grant (member for _iam_member, members for _iam_binding)
    const isBinding = 'members' in config;
    const types = iamTypes(...IAM_RESOURCES).filter((t) =>
      t.endsWith(isBinding ? '_iam_binding' : '_iam_member'),
    );
    // WHEN / THEN each is reported by one rule of the pack, no more
    const counts = types.map((type) => {
      const report = evaluateTerraform({ resource: { [type]: { grant: config } } }, DATA_PLATFORM_RULES);
      return [type, report.findings.length];
    });
    expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
  });

  test('the rules the intents blocks state map to are rules of the pack', () => {
    const mapped = Object.values(INTENT_RULES).flat();
    expect(mapped.length).toBeGreaterThan(0);
    for (const rule of mapped) expect(DATA_PLATFORM_RULES).toContain(rule);
  });

  test('the blocks entry point does not load the compliance pack', () => {
    const gcpIndex = fs.readFileSync(path.resolve(__dirname, '../../../src/gcp/index.ts'), 'utf8');
    expect(gcpIndex).not.toMatch(/compliance/);
  });
});

describe('the GCP pack over a whole data platform document', () => {
  const KEY = '${google_kms_crypto_key.key.id}';
  const hardenedBucket = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    location: 'europe-west1',
    uniform_bucket_level_access: true,
    public_access_prevention: 'enforced',
    versioning: { enabled: true },
    encryption: { default_kms_key_name: KEY },
    force_destroy: false,
    lifecycle: { prevent_destroy: true },
    ...extra,
  });
  const good = {
    resource: {
      google_kms_key_ring: {
        ring: { name: 'ring', location: 'europe-west1', lifecycle: { prevent_destroy: true } },
      },
      google_kms_crypto_key: {
        key: {
          key_ring: '${google_kms_key_ring.ring.id}',
          rotation_period: '7776000s',
          lifecycle: { prevent_destroy: true },
        },
      },
      google_storage_bucket: {
        logs: hardenedBucket('acme-logs'),
        raw: hardenedBucket('acme-raw', { logging: { log_bucket: '${google_storage_bucket.logs.name}' } }),
      },
      google_storage_bucket_iam_member: {
        reader: {
          bucket: '${google_storage_bucket.raw.name}',
          role: 'roles/storage.objectViewer',
          member: 'group:a@acme.com',
        },
      },
      google_bigquery_dataset: {
        sales: {
          dataset_id: 'sales',
          default_encryption_configuration: { kms_key_name: KEY },
          access: [{ role: 'OWNER', special_group: 'projectOwners' }],
          lifecycle: { prevent_destroy: true },
        },
      },
      google_bigquery_table: {
        orders: {
          dataset_id: '${google_bigquery_dataset.sales.dataset_id}',
          table_id: 'orders',
          lifecycle: { prevent_destroy: true },
        },
      },
      google_pubsub_topic: {
        events: {
          name: 'events',
          kms_key_name: KEY,
          message_retention_duration: '604800s',
          lifecycle: { prevent_destroy: true },
        },
      },
      google_pubsub_subscription_iam_member: {
        sub: {
          subscription: 'events-sub',
          role: 'roles/pubsub.subscriber',
          member: 'serviceAccount:etl@acme.iam.gserviceaccount.com',
        },
      },
      google_dataproc_cluster: {
        spark: {
          cluster_config: {
            encryption_config: { kms_key_name: KEY },
            gce_cluster_config: { internal_ip_only: true },
          },
        },
      },
      google_dataproc_batch: {
        job: {
          environment_config: {
            execution_config: { kms_key: KEY, service_account: 'spark@acme.iam.gserviceaccount.com' },
          },
        },
      },
      google_project_iam_member: {
        jobs: { project: 'acme', role: 'roles/bigquery.jobUser', member: 'group:a@acme.com' },
      },
    },
  };

  test('a hardened platform has zero findings', () => {
    const report = evaluateTerraform(good, DATA_PLATFORM_RULES);
    expect(report.findings).toEqual([]);
    expect(report.checks).toBeGreaterThan(30);
  });

  test('an unhardened platform is reported by rules of every service', () => {
    // GIVEN the same resource kinds with nothing configured, a public grant and an SA key
    const bad = {
      resource: {
        google_kms_crypto_key: { key: { key_ring: 'r' } },
        google_storage_bucket: { raw: { name: 'raw', force_destroy: true } },
        google_bigquery_dataset: { sales: { dataset_id: 'sales', delete_contents_on_destroy: true } },
        google_pubsub_topic: { events: { name: 'events' } },
        google_dataproc_cluster: { spark: { cluster_config: {} } },
        google_project_iam_member: { owner: { project: 'acme', role: 'roles/owner', member: 'allUsers' } },
        google_service_account_key: { key: { service_account_id: 'sa' } },
      },
    };
    // WHEN
    const ids = new Set(evaluateTerraform(bad, DATA_PLATFORM_RULES).findings.map((f) => f.ruleId));
    // THEN
    for (const id of [
      'CKV_GCP_43',
      'CKV_GCP_29',
      'DPK_GCP_BUCKET_FORCE_DESTROY',
      'CKV_GCP_81',
      'DPK_GCP_BIGQUERY_DELETE_CONTENTS',
      'CKV_GCP_83',
      'CKV_GCP_91',
      'CKV_GCP_117',
      'DPK_GCP_IAM_PUBLIC_MEMBER',
      'CKV2_GCP_3',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
