/**
 * The IAM resource types of the Google provider the pack reads, and what makes a member public
 * or a role basic. Every `google_<resource>_iam_member` (one `member`) and
 * `google_<resource>_iam_binding` (a `members` list) of @cdktf/provider-google 16.12.1
 * (hashicorp/google 6.50); a test holds this list against the provider's files.
 */

/** The `<resource>` part of every `google_<resource>_iam_member` / `_iam_binding` type. */
export const IAM_RESOURCES: readonly string[] = [
  'access_context_manager_access_policy',
  'apigee_environment',
  'artifact_registry_repository',
  'beyondcorp_application',
  'beyondcorp_security_gateway_application',
  'beyondcorp_security_gateway',
  'bigquery_analytics_hub_data_exchange',
  'bigquery_analytics_hub_listing',
  'bigquery_connection',
  'bigquery_datapolicy_data_policy',
  'bigquery_dataset',
  'bigquery_table',
  'bigtable_instance',
  'bigtable_table',
  'billing_account',
  'binary_authorization_attestor',
  'cloud_run_service',
  'cloud_run_v2_job',
  'cloud_run_v2_service',
  'cloud_run_v2_worker_pool',
  'cloud_tasks_queue',
  'cloudbuildv2_connection',
  'clouddeploy_custom_target_type',
  'clouddeploy_delivery_pipeline',
  'clouddeploy_target',
  'cloudfunctions_function',
  'cloudfunctions2_function',
  'colab_runtime_template',
  'compute_disk',
  'compute_image',
  'compute_instance',
  'compute_instance_template',
  'compute_instant_snapshot',
  'compute_region_disk',
  'compute_snapshot',
  'compute_storage_pool',
  'compute_subnetwork',
  'container_analysis_note',
  'data_catalog_entry_group',
  'data_catalog_policy_tag',
  'data_catalog_tag_template',
  'data_catalog_taxonomy',
  'data_fusion_instance',
  'dataplex_aspect_type',
  'dataplex_asset',
  'dataplex_datascan',
  'dataplex_entry_group',
  'dataplex_entry_type',
  'dataplex_glossary',
  'dataplex_lake',
  'dataplex_task',
  'dataplex_zone',
  'dataproc_autoscaling_policy',
  'dataproc_cluster',
  'dataproc_job',
  'dataproc_metastore_database',
  'dataproc_metastore_federation',
  'dataproc_metastore_service',
  'dataproc_metastore_table',
  'dns_managed_zone',
  'endpoints_service_consumers',
  'endpoints_service',
  'folder',
  'gemini_repository_group',
  'gke_backup_backup_plan',
  'gke_backup_restore_plan',
  'gke_hub_feature',
  'gke_hub_membership',
  'gke_hub_scope',
  'healthcare_consent_store',
  'healthcare_dataset',
  'healthcare_dicom_store',
  'healthcare_fhir_store',
  'healthcare_hl7_v2_store',
  'iam_workforce_pool',
  'iap_app_engine_service',
  'iap_app_engine_version',
  'iap_tunnel_dest_group',
  'iap_tunnel',
  'iap_tunnel_instance',
  'iap_web_backend_service',
  'iap_web_cloud_run_service',
  'iap_web',
  'iap_web_region_backend_service',
  'iap_web_type_app_engine',
  'iap_web_type_compute',
  'kms_crypto_key',
  'kms_ekm_connection',
  'kms_key_ring',
  'logging_log_view',
  'network_security_address_group',
  'notebooks_instance',
  'notebooks_runtime',
  'organization',
  'privateca_ca_pool',
  'privateca_certificate_template',
  'project',
  'pubsub_schema',
  'pubsub_subscription',
  'pubsub_topic',
  'scc_source',
  'scc_v2_organization_source',
  'secret_manager_regional_secret',
  'secret_manager_secret',
  'secure_source_manager_instance',
  'secure_source_manager_repository',
  'service_account',
  'sourcerepo_repository',
  'spanner_database',
  'spanner_instance',
  'storage_bucket',
  'storage_managed_folder',
  'tags_tag_key',
  'tags_tag_value',
  'workbench_instance',
];

/** `google_<resource>_iam_member` and `google_<resource>_iam_binding` for each of `resources`. */
export function iamTypes(...resources: string[]): string[] {
  return resources.flatMap((r) => [`google_${r}_iam_member`, `google_${r}_iam_binding`]);
}

/** Every IAM member and binding type, except those of `excluded` resources. */
export function iamTypesExcept(...excluded: string[]): string[] {
  return iamTypes(...IAM_RESOURCES.filter((r) => !excluded.includes(r)));
}

/**
 * Principals that make a resource public: everyone on the internet, every Google account, and
 * the principal-set form IAM uses for "all users" in deny and principal access boundary policies.
 * @see https://cloud.google.com/iam/docs/principal-identifiers
 */
export const PUBLIC_PRINCIPALS: readonly string[] = [
  'allUsers',
  'allAuthenticatedUsers',
  'principalSet://goog/public:all',
];

/** Basic (primitive) roles: each grants thousands of permissions across every service. */
export const BASIC_ROLES: readonly string[] = ['roles/owner', 'roles/editor', 'roles/viewer'];

/** True when `member` is one of {@link PUBLIC_PRINCIPALS} (case-insensitive; references are not). */
export function isPublicPrincipal(member: unknown): boolean {
  if (typeof member !== 'string') return false;
  const m = member.trim().toLowerCase();
  return PUBLIC_PRINCIPALS.some((p) => p.toLowerCase() === m);
}

/**
 * The members an IAM member or binding resource grants to: `member`, or the literal entries of
 * `members`. A `members` list given as one Terraform reference yields nothing (it is unknown
 * until apply).
 */
export function membersOf(config: Readonly<Record<string, unknown>>): unknown[] {
  const members = Array.isArray(config.members) ? config.members : [];
  return config.member === undefined ? members : [config.member, ...members];
}

/**
 * Resources whose public-member check has its own public id: Cloud Storage buckets
 * (CKV_GCP_28), KMS crypto keys (CKV2_GCP_6) and key rings (CKV2_GCP_8), BigQuery datasets
 * (CKV_GCP_15) and tables (CKV_GCP_100), Pub/Sub topics (CKV_GCP_99), Dataproc clusters
 * (CKV_GCP_98). DPK_GCP_IAM_PUBLIC_MEMBER covers the rest, so one grant is reported once.
 */
export const RESOURCES_WITH_PUBLIC_ID: readonly string[] = [
  'storage_bucket',
  'kms_crypto_key',
  'kms_key_ring',
  'bigquery_dataset',
  'bigquery_table',
  'pubsub_topic',
  'dataproc_cluster',
];

/** Hierarchy levels whose basic-role check has its own public id (CKV_GCP_117, 116, 115). */
export const HIERARCHY_RESOURCES: readonly string[] = ['project', 'folder', 'organization'];

/** Roles that let a principal act as every service account in their scope. */
export const IMPERSONATION_ROLES: readonly string[] = [
  'roles/iam.serviceAccountUser',
  'roles/iam.serviceAccountTokenCreator',
];
