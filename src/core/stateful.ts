/**
 * Resource types whose deletion or replacement loses data: data stores, the keys their data is
 * encrypted with, their logs, and streams holding undelivered events. The kit retains every one
 * of them by default (`DeletionPolicy: Retain` on AWS, `lifecycle.prevent_destroy` on
 * Terraform); the GCP and Azure packs' retention rules and the data-loss guards read this one
 * list. Add a type here when a block starts making it.
 */
export const STATEFUL_RESOURCE_TYPES = {
  /** CloudFormation types. */
  aws: [
    'AWS::S3::Bucket',
    'AWS::KMS::Key',
    'AWS::Glue::Database',
    'AWS::Glue::Table',
    'AWS::RedshiftServerless::Namespace',
    'AWS::Kinesis::Stream',
    'AWS::SecretsManager::Secret',
    'AWS::Logs::LogGroup',
    'AWS::Athena::WorkGroup',
  ],
  /** Terraform types of the google provider. */
  gcp: [
    'google_storage_bucket',
    'google_kms_key_ring',
    'google_kms_crypto_key',
    'google_bigquery_dataset',
    'google_bigquery_table',
    'google_pubsub_topic',
    'google_pubsub_subscription',
    'google_logging_project_bucket_config',
  ],
  /** Terraform types of the azurerm provider. */
  azure: [
    'azurerm_storage_account',
    'azurerm_storage_container',
    'azurerm_storage_data_lake_gen2_filesystem',
    'azurerm_key_vault',
    'azurerm_key_vault_key',
    'azurerm_key_vault_managed_hardware_security_module',
    'azurerm_log_analytics_workspace',
    'azurerm_synapse_workspace',
    'azurerm_synapse_sql_pool',
    'azurerm_purview_account',
    'azurerm_eventhub_namespace',
    'azurerm_eventhub',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Terraform arguments that delete data along with the resource; the kit never sets them true. */
export const DATA_DESTROYING_ARGUMENTS: readonly string[] = ['force_destroy', 'delete_contents_on_destroy'];
