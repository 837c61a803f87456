/**
 * Compliant, non-compliant and not-applicable fixtures for every rule of the GCP pack, as plain
 * Terraform JSON resources (hashicorp/google 6.x attribute names). A case is a list of resources:
 * the first is the one judged, the rest are context (a log bucket's sources, a table's dataset).
 */

import { PIPELINE_RULE_FIXTURES } from './pipeline-rule-fixtures';
import type { TerraformDocument } from '../../../src/core/compliance';

/** One resource of a fixture document. */
export interface FixtureResource {
  readonly type: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
}

/** The fixtures of one rule. */
export interface RuleFixtures {
  readonly compliant: readonly FixtureResource[][];
  readonly nonCompliant: readonly FixtureResource[][];
  readonly notApplicable?: readonly FixtureResource[][];
}

/** A resource named `subject` (the judged one unless named otherwise). */
export function res(type: string, config: Record<string, unknown>, name = 'subject'): FixtureResource {
  return { type, name, config };
}

/** A Terraform JSON document holding `resources`. */
export function docOf(resources: readonly FixtureResource[]): TerraformDocument {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const r of resources) resource[r.type] = { ...resource[r.type], [r.name]: r.config };
  return { resource };
}

const KEY = 'projects/acme/locations/europe-west1/keyRings/ring/cryptoKeys/key';
const KEY_REF = '${google_kms_crypto_key.key.id}';
const BUCKET = 'google_storage_bucket';
const CRYPTO_KEY = 'google_kms_crypto_key';
const DATASET = 'google_bigquery_dataset';
const TABLE = 'google_bigquery_table';
const TOPIC = 'google_pubsub_topic';
const SUBSCRIPTION = 'google_pubsub_subscription';
const TOPIC_REF = '${google_pubsub_topic.events.id}';
const DLQ_REF = '${google_pubsub_topic.dlq.id}';
const CLUSTER = 'google_dataproc_cluster';
const BATCH = 'google_dataproc_batch';
const SESSION_TEMPLATE = 'google_dataproc_session_template';
const SUBNET = 'google_compute_subnetwork';
const FIREWALL = 'google_compute_firewall';

const member = (resource: string, m: string, role = 'roles/viewer.custom') =>
  res(`google_${resource}_iam_member`, { role, member: m });
const binding = (resource: string, members: unknown, role = 'roles/viewer.custom') =>
  res(`google_${resource}_iam_binding`, { role, members });

/** Fixtures of a no-public-members rule on the IAM types of `resource`. */
function publicMemberFixtures(resource: string): RuleFixtures {
  return {
    compliant: [
      [member(resource, 'group:analysts@acme.com')],
      [member(resource, '${google_service_account.etl.member}')],
      [binding(resource, ['user:ana@acme.com', 'serviceAccount:etl@acme.iam.gserviceaccount.com'])],
      [binding(resource, '${var.members}')],
    ],
    nonCompliant: [
      [member(resource, 'allUsers')],
      [member(resource, 'allAuthenticatedUsers')],
      [member(resource, 'principalSet://goog/public:all')],
      [binding(resource, ['user:ana@acme.com', 'allUsers'])],
    ],
  };
}

/** Fixtures of a no-basic-roles rule on the IAM types of `resource`. */
function basicRoleFixtures(resource: string): RuleFixtures {
  return {
    compliant: [
      [member(resource, 'group:analysts@acme.com', 'roles/bigquery.dataViewer')],
      [member(resource, 'group:analysts@acme.com', '${var.role}')],
      [binding(resource, ['group:analysts@acme.com'], 'roles/viewerish.custom')],
    ],
    nonCompliant: [
      [member(resource, 'group:analysts@acme.com', 'roles/owner')],
      [member(resource, 'group:analysts@acme.com', 'roles/editor')],
      [binding(resource, ['group:analysts@acme.com'], 'roles/viewer')],
    ],
  };
}

const serverless = (type: string, executionConfig: Record<string, unknown>) =>
  res(type, { location: 'europe-west1', environment_config: { execution_config: executionConfig } });

/** Fixtures per rule id; a test checks that every rule of the pack has them. */
export const RULE_FIXTURES: Readonly<Record<string, RuleFixtures>> = {
  CKV_GCP_29: {
    compliant: [[res(BUCKET, { uniform_bucket_level_access: true })]],
    nonCompliant: [
      [res(BUCKET, { uniform_bucket_level_access: false })],
      [res(BUCKET, {})],
      [res(BUCKET, { uniform_bucket_level_access: '${var.ubla}' })],
    ],
  },
  CKV_GCP_114: {
    compliant: [[res(BUCKET, { public_access_prevention: 'enforced' })]],
    nonCompliant: [[res(BUCKET, { public_access_prevention: 'inherited' })], [res(BUCKET, {})]],
  },
  CKV_GCP_62: {
    compliant: [
      [res(BUCKET, { name: 'raw', logging: { log_bucket: 'logs' } })],
      [res(BUCKET, { name: 'raw', logging: [{ log_bucket: '${google_storage_bucket.logs.name}' }] })],
    ],
    nonCompliant: [[res(BUCKET, { name: 'raw' })], [res(BUCKET, { name: 'raw', logging: {} })]],
    notApplicable: [
      [
        res(BUCKET, { name: 'logs' }),
        res(BUCKET, { name: 'raw', logging: { log_bucket: '${google_storage_bucket.subject.name}' } }, 'raw'),
      ],
      [res(BUCKET, { name: 'logs' }), res(BUCKET, { name: 'raw', logging: { log_bucket: 'logs' } }, 'raw')],
    ],
  },
  CKV_GCP_63: {
    compliant: [[res(BUCKET, { name: 'raw', logging: { log_bucket: 'logs' } })]],
    nonCompliant: [[res(BUCKET, { name: 'raw', logging: { log_bucket: 'raw' } })]],
    notApplicable: [[res(BUCKET, { name: 'raw' })]],
  },
  CKV_GCP_78: {
    compliant: [
      [res(BUCKET, { versioning: { enabled: true } })],
      [res(BUCKET, { versioning: [{ enabled: true }] })],
    ],
    nonCompliant: [[res(BUCKET, { versioning: { enabled: false } })], [res(BUCKET, {})]],
  },
  'AVD-GCP-0066': {
    compliant: [
      [res(BUCKET, { encryption: { default_kms_key_name: KEY } })],
      [res(BUCKET, { encryption: { default_kms_key_name: KEY_REF } })],
    ],
    nonCompliant: [
      [res(BUCKET, {})],
      [res(BUCKET, { encryption: {} })],
      [res(BUCKET, { encryption: { default_kms_key_name: '' } })],
    ],
  },
  DPK_GCP_BUCKET_SOFT_DELETE: {
    compliant: [
      [res(BUCKET, {})],
      [res(BUCKET, { soft_delete_policy: { retention_duration_seconds: 604800 } })],
    ],
    nonCompliant: [[res(BUCKET, { soft_delete_policy: { retention_duration_seconds: 0 } })]],
  },
  DPK_GCP_BUCKET_FORCE_DESTROY: {
    compliant: [[res(BUCKET, {})], [res(BUCKET, { force_destroy: false })]],
    nonCompliant: [[res(BUCKET, { force_destroy: true })], [res(BUCKET, { force_destroy: '${var.force}' })]],
  },
  CKV_GCP_28: publicMemberFixtures('storage_bucket'),
  CKV_GCP_43: {
    compliant: [
      [res(CRYPTO_KEY, { purpose: 'ENCRYPT_DECRYPT', rotation_period: '7776000s' })],
      [res(CRYPTO_KEY, { rotation_period: '86400s' })],
      [res(CRYPTO_KEY, { rotation_period: '${var.rotation}' })],
    ],
    nonCompliant: [
      [res(CRYPTO_KEY, { rotation_period: '7776001s' })],
      [res(CRYPTO_KEY, { rotation_period: '31536000s' })],
      [res(CRYPTO_KEY, { purpose: 'ENCRYPT_DECRYPT' })],
      [res(CRYPTO_KEY, { rotation_period: '90d' })],
    ],
    notApplicable: [[res(CRYPTO_KEY, { purpose: 'ASYMMETRIC_SIGN' })], [res(CRYPTO_KEY, { purpose: 'MAC' })]],
  },
  CKV_GCP_82: {
    compliant: [[res(CRYPTO_KEY, { lifecycle: { prevent_destroy: true } })]],
    nonCompliant: [[res(CRYPTO_KEY, { lifecycle: { prevent_destroy: false } })], [res(CRYPTO_KEY, {})]],
  },
  CKV2_GCP_6: publicMemberFixtures('kms_crypto_key'),
  CKV2_GCP_8: publicMemberFixtures('kms_key_ring'),
  CKV_GCP_81: {
    compliant: [[res(DATASET, { default_encryption_configuration: { kms_key_name: KEY_REF } })]],
    nonCompliant: [[res(DATASET, {})], [res(DATASET, { default_encryption_configuration: {} })]],
  },
  CKV_GCP_15: {
    compliant: [
      [
        res(DATASET, {
          access: [
            { role: 'READER', group_by_email: 'analysts@acme.com' },
            { role: 'OWNER', special_group: 'projectOwners' },
          ],
        }),
      ],
      [res(DATASET, {})],
      [res('google_bigquery_dataset_access', { role: 'READER', special_group: 'projectReaders' })],
      [member('bigquery_dataset', 'group:analysts@acme.com')],
    ],
    nonCompliant: [
      [res(DATASET, { access: [{ role: 'READER', special_group: 'allAuthenticatedUsers' }] })],
      [res(DATASET, { access: [{ role: 'READER', iam_member: 'allUsers' }] })],
      [res('google_bigquery_dataset_access', { role: 'READER', special_group: 'allAuthenticatedUsers' })],
      [res('google_bigquery_dataset_access', { role: 'READER', iam_member: 'allUsers' })],
      [member('bigquery_dataset', 'allUsers')],
      [binding('bigquery_dataset', ['allAuthenticatedUsers'])],
    ],
  },
  CKV_GCP_80: {
    compliant: [
      [res(TABLE, { dataset_id: 'sales', encryption_configuration: { kms_key_name: KEY_REF } })],
      [
        res(TABLE, { dataset_id: '${google_bigquery_dataset.sales.dataset_id}' }),
        res(
          DATASET,
          { dataset_id: 'sales', default_encryption_configuration: { kms_key_name: KEY_REF } },
          'sales',
        ),
      ],
      [
        res(TABLE, { dataset_id: 'sales' }),
        res(
          DATASET,
          { dataset_id: 'sales', default_encryption_configuration: { kms_key_name: KEY } },
          'sales',
        ),
      ],
    ],
    nonCompliant: [
      [res(TABLE, { dataset_id: 'sales' })],
      [
        res(TABLE, { dataset_id: '${google_bigquery_dataset.sales.dataset_id}' }),
        res(DATASET, { dataset_id: 'sales' }, 'sales'),
      ],
      [
        res(TABLE, {
          dataset_id: 'sales',
          materialized_view: { query: 'SELECT 1' },
          view: { query: 'SELECT 1' },
        }),
      ],
    ],
    notApplicable: [
      [res(TABLE, { dataset_id: 'sales', view: { query: 'SELECT 1', use_legacy_sql: false } })],
    ],
  },
  CKV_GCP_100: publicMemberFixtures('bigquery_table'),
  CKV_GCP_121: {
    compliant: [[res(TABLE, {})], [res(TABLE, { deletion_protection: true })]],
    nonCompliant: [[res(TABLE, { deletion_protection: false })]],
  },
  DPK_GCP_BIGQUERY_DELETE_CONTENTS: {
    compliant: [[res(DATASET, {})], [res(DATASET, { delete_contents_on_destroy: false })]],
    nonCompliant: [
      [res(DATASET, { delete_contents_on_destroy: true })],
      [res(DATASET, { delete_contents_on_destroy: '${var.wipe}' })],
    ],
  },
  CKV_GCP_83: {
    compliant: [[res(TOPIC, { kms_key_name: KEY_REF })]],
    nonCompliant: [[res(TOPIC, {})]],
  },
  CKV_GCP_99: publicMemberFixtures('pubsub_topic'),
  DPK_GCP_PUBSUB_TOPIC_RETENTION: {
    compliant: [[res(TOPIC, { message_retention_duration: '604800s' })]],
    nonCompliant: [[res(TOPIC, {})], [res(TOPIC, { message_retention_duration: '' })]],
  },
  DPK_GCP_PUBSUB_DEAD_LETTER: {
    compliant: [
      [res(SUBSCRIPTION, { topic: TOPIC_REF, dead_letter_policy: { dead_letter_topic: DLQ_REF } })],
      [
        res(SUBSCRIPTION, {
          topic: 'events',
          dead_letter_policy: [{ dead_letter_topic: 'projects/acme/topics/dlq' }],
        }),
      ],
    ],
    nonCompliant: [
      [res(SUBSCRIPTION, { topic: TOPIC_REF })],
      [res(SUBSCRIPTION, { topic: TOPIC_REF, dead_letter_policy: { max_delivery_attempts: 5 } })],
      // Reading a topic nobody dead-letters into is no exception.
      [
        res(SUBSCRIPTION, { topic: '${google_pubsub_topic.other.id}' }),
        res(SUBSCRIPTION, { topic: TOPIC_REF, dead_letter_policy: { dead_letter_topic: DLQ_REF } }, 'main'),
      ],
    ],
    notApplicable: [
      // The dead-letter subscription itself, whether the topic is named by id, name or reference.
      [
        res(SUBSCRIPTION, { topic: '${google_pubsub_topic.dlq.name}' }),
        res(SUBSCRIPTION, { topic: TOPIC_REF, dead_letter_policy: { dead_letter_topic: DLQ_REF } }, 'main'),
      ],
      [
        res(SUBSCRIPTION, { topic: 'dlq' }),
        res(
          SUBSCRIPTION,
          { topic: 'events', dead_letter_policy: { dead_letter_topic: 'projects/acme/topics/dlq' } },
          'main',
        ),
      ],
    ],
  },
  DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY: {
    compliant: [
      [res(SUBSCRIPTION, { topic: TOPIC_REF, expiration_policy: { ttl: '' } })],
      [res(SUBSCRIPTION, { expiration_policy: [{ ttl: '' }] })],
    ],
    nonCompliant: [
      [res(SUBSCRIPTION, { topic: TOPIC_REF })],
      [res(SUBSCRIPTION, { topic: TOPIC_REF, expiration_policy: { ttl: '2678400s' } })],
    ],
  },
  CKV_GCP_91: {
    compliant: [[res(CLUSTER, { cluster_config: { encryption_config: { kms_key_name: KEY_REF } } })]],
    nonCompliant: [[res(CLUSTER, { cluster_config: {} })], [res(CLUSTER, {})]],
    notApplicable: [[res(CLUSTER, { virtual_cluster_config: { kubernetes_cluster_config: {} } })]],
  },
  CKV_GCP_98: publicMemberFixtures('dataproc_cluster'),
  CKV_GCP_103: {
    compliant: [[res(CLUSTER, { cluster_config: { gce_cluster_config: { internal_ip_only: true } } })]],
    nonCompliant: [
      [res(CLUSTER, { cluster_config: { gce_cluster_config: { internal_ip_only: false } } })],
      [res(CLUSTER, { cluster_config: { gce_cluster_config: {} } })],
    ],
    notApplicable: [[res(CLUSTER, { virtual_cluster_config: { kubernetes_cluster_config: {} } })]],
  },
  DPK_GCP_DATAPROC_SERVERLESS_CMEK: {
    compliant: [[serverless(BATCH, { kms_key: KEY_REF })], [serverless(SESSION_TEMPLATE, { kms_key: KEY })]],
    nonCompliant: [
      [serverless(BATCH, {})],
      [res(BATCH, { location: 'europe-west1' })],
      [serverless(SESSION_TEMPLATE, {})],
    ],
  },
  DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT: {
    compliant: [
      [serverless(BATCH, { service_account: 'spark@acme-data.iam.gserviceaccount.com' })],
      [serverless(SESSION_TEMPLATE, { service_account: '${google_service_account.spark.email}' })],
    ],
    nonCompliant: [
      [serverless(BATCH, {})],
      [serverless(BATCH, { service_account: '123456789012-compute@developer.gserviceaccount.com' })],
      [serverless(SESSION_TEMPLATE, { service_account: 'acme-data@appspot.gserviceaccount.com' })],
    ],
  },
  CKV_GCP_117: basicRoleFixtures('project'),
  CKV_GCP_116: basicRoleFixtures('folder'),
  CKV_GCP_115: basicRoleFixtures('organization'),
  DPK_GCP_IAM_BASIC_ROLE: {
    ...basicRoleFixtures('pubsub_subscription'),
    nonCompliant: [
      ...basicRoleFixtures('pubsub_subscription').nonCompliant,
      [member('storage_bucket', 'group:analysts@acme.com', 'roles/owner')],
    ],
  },
  DPK_GCP_IAM_PUBLIC_MEMBER: {
    ...publicMemberFixtures('pubsub_subscription'),
    nonCompliant: [
      ...publicMemberFixtures('pubsub_subscription').nonCompliant,
      [member('project', 'allUsers')],
      [binding('service_account', ['allAuthenticatedUsers'])],
      [member('secret_manager_secret', 'AllUsers')],
    ],
  },
  CKV_GCP_41: {
    compliant: [[member('project', 'group:analysts@acme.com', 'roles/bigquery.jobUser')]],
    nonCompliant: [
      [member('project', 'group:analysts@acme.com', 'roles/iam.serviceAccountUser')],
      [
        binding(
          'project',
          ['serviceAccount:ci@acme.iam.gserviceaccount.com'],
          'roles/iam.serviceAccountTokenCreator',
        ),
      ],
    ],
  },
  CKV2_GCP_3: {
    // Compliant: a service account without a user-managed key (the key resource is what fails).
    compliant: [[res('google_service_account', { account_id: 'etl' })]],
    nonCompliant: [
      [res('google_service_account_key', { service_account_id: '${google_service_account.etl.name}' })],
    ],
  },
  DPK_GCP_PREVENT_DESTROY: {
    compliant: [
      [res(BUCKET, { lifecycle: { prevent_destroy: true } })],
      [res('google_kms_key_ring', { lifecycle: [{ prevent_destroy: true }] })],
      [res(DATASET, { lifecycle: { prevent_destroy: true } })],
      [res(TABLE, { lifecycle: { prevent_destroy: true } })],
    ],
    nonCompliant: [
      [res(BUCKET, {})],
      [res(BUCKET, { lifecycle: { prevent_destroy: false } })],
      [res('google_kms_key_ring', {})],
      [res(DATASET, { lifecycle: {} })],
      [res(TABLE, {})],
    ],
  },
  // VPC networking
  DPK_GCP_NETWORK_CUSTOM_MODE: {
    compliant: [[res('google_compute_network', { name: 'vpc', auto_create_subnetworks: false })]],
    nonCompliant: [
      [res('google_compute_network', { name: 'vpc' })],
      [res('google_compute_network', { name: 'vpc', auto_create_subnetworks: true })],
      [res('google_compute_network', { name: 'vpc', auto_create_subnetworks: '${var.auto}' })],
    ],
  },
  CKV_GCP_26: {
    compliant: [
      [res(SUBNET, { log_config: { aggregation_interval: 'INTERVAL_5_SEC', flow_sampling: 0.5 } })],
      [res(SUBNET, { log_config: [{ metadata: 'INCLUDE_ALL_METADATA' }], enable_flow_logs: true })],
    ],
    nonCompliant: [
      [res(SUBNET, {})],
      [res(SUBNET, { enable_flow_logs: true })],
      [res(SUBNET, { log_config: { flow_sampling: 0.5 }, enable_flow_logs: false })],
    ],
    notApplicable: [[res(SUBNET, { purpose: 'REGIONAL_MANAGED_PROXY' })]],
  },
  CKV_GCP_74: {
    compliant: [[res(SUBNET, { private_ip_google_access: true })]],
    nonCompliant: [
      [res(SUBNET, {})],
      [res(SUBNET, { private_ip_google_access: false })],
      [res(SUBNET, { private_ip_google_access: '${var.pga}' })],
    ],
    notApplicable: [[res(SUBNET, { purpose: 'GLOBAL_MANAGED_PROXY' })]],
  },
  'AVD-GCP-0027': {
    compliant: [
      [res(FIREWALL, { allow: [{ protocol: 'tcp', ports: ['443'] }], source_ranges: ['10.40.0.0/16'] })],
      [res(FIREWALL, { direction: 'INGRESS', allow: { protocol: 'all' }, source_tags: ['dataproc'] })],
      [res(FIREWALL, { allow: [{ protocol: 'tcp' }], source_ranges: '${var.ranges}' })],
    ],
    nonCompliant: [
      [res(FIREWALL, { allow: [{ protocol: 'tcp', ports: ['22'] }], source_ranges: ['0.0.0.0/0'] })],
      [
        res(FIREWALL, {
          direction: 'INGRESS',
          allow: [{ protocol: 'all' }],
          source_ranges: ['10.0.0.0/8', '::/0'],
        }),
      ],
      [res(FIREWALL, { allow: [{ protocol: 'tcp', ports: ['443'] }] })],
      [res(FIREWALL, { allow: [{ protocol: 'tcp', ports: ['443'] }], source_ranges: [] })],
    ],
    notApplicable: [
      [res(FIREWALL, { deny: [{ protocol: 'all' }], source_ranges: ['0.0.0.0/0'] })],
      [
        res(FIREWALL, {
          direction: 'EGRESS',
          allow: [{ protocol: 'all' }],
          destination_ranges: ['0.0.0.0/0'],
        }),
      ],
      [res(FIREWALL, { allow: [{ protocol: 'all' }], source_ranges: ['0.0.0.0/0'], disabled: true })],
    ],
  },
  ...PIPELINE_RULE_FIXTURES,
};
