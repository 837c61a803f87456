/** Resource types that hold data (or, for key rings, can never be deleted) and must be retained. */
export const RETAINED_RESOURCE_TYPES: readonly string[] = [
  'google_storage_bucket',
  'google_kms_key_ring',
  'google_bigquery_dataset',
  'google_bigquery_table',
];

/** Dataproc Serverless resources: batch workloads and interactive session templates. */
export const DATAPROC_SERVERLESS_TYPES: readonly string[] = [
  'google_dataproc_batch',
  'google_dataproc_session_template',
];

/** Longest automatic rotation period CKV_GCP_43 accepts: 90 days, in seconds. */
export const MAX_ROTATION_SECONDS = 90 * 86_400;
