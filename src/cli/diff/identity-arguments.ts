/**
 * The arguments of each stateful Terraform resource type whose change makes the provider
 * replace the resource (destroy, then create: its data is lost). They are the arguments the
 * provider schemas mark `ForceNew` — the registry docs' "Changing this forces a new resource to
 * be created" — for the provider versions the kit pins (google 6.x through
 * @cdktf/provider-google 16, azurerm 4.x through @cdktf/provider-azurerm 14), kept to the ones
 * that name or place the resource or fix its storage layout. A type missing here is compared on
 * presence only (destroyed or not).
 *
 * Nested arguments are dotted paths (`version_template.protection_level`).
 */
export const IDENTITY_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  // google: docs/r/storage_bucket — name, location and project force a new bucket.
  google_storage_bucket: ['name', 'location', 'project'],
  // google: docs/r/kms_key_ring — every argument is immutable.
  google_kms_key_ring: ['name', 'location', 'project'],
  // google: docs/r/kms_crypto_key — name, key_ring, purpose, import_only and
  // skip_initial_version_creation are immutable; so is the protection level of its versions.
  google_kms_crypto_key: [
    'name',
    'key_ring',
    'purpose',
    'import_only',
    'skip_initial_version_creation',
    'version_template.protection_level',
  ],
  // google: docs/r/bigquery_dataset — dataset_id, location and project.
  google_bigquery_dataset: ['dataset_id', 'location', 'project'],
  // google: docs/r/bigquery_table — dataset_id, table_id and project (schema changes that
  // recreate a table are read by ./tables).
  google_bigquery_table: ['dataset_id', 'table_id', 'project'],
  // google: docs/r/pubsub_topic — name and project.
  google_pubsub_topic: ['name', 'project'],
  // google: docs/r/pubsub_subscription — name, topic, project and message ordering.
  google_pubsub_subscription: ['name', 'topic', 'project', 'enable_message_ordering'],
  // google: docs/r/logging_project_bucket_config — bucket_id, location and project.
  google_logging_project_bucket_config: ['bucket_id', 'location', 'project'],
  // azurerm: docs/r/storage_account — name, resource group, location, tier, the hierarchical
  // namespace (Data Lake Gen2) and infrastructure encryption.
  azurerm_storage_account: [
    'name',
    'resource_group_name',
    'location',
    'account_tier',
    'is_hns_enabled',
    'infrastructure_encryption_enabled',
  ],
  // azurerm: docs/r/storage_container — name and its account (by id, or by name in 3.x).
  azurerm_storage_container: ['name', 'storage_account_id', 'storage_account_name'],
  // azurerm: docs/r/storage_data_lake_gen2_filesystem — name and storage_account_id.
  azurerm_storage_data_lake_gen2_filesystem: ['name', 'storage_account_id'],
  // azurerm: docs/r/key_vault — name, resource group and location.
  azurerm_key_vault: ['name', 'resource_group_name', 'location'],
  // azurerm: docs/r/key_vault_key — name, vault, key type, size and curve.
  azurerm_key_vault_key: ['name', 'key_vault_id', 'key_type', 'key_size', 'curve'],
  // azurerm: docs/r/key_vault_managed_hardware_security_module — name, group, location, sku, tenant.
  azurerm_key_vault_managed_hardware_security_module: [
    'name',
    'resource_group_name',
    'location',
    'sku_name',
    'tenant_id',
  ],
  // azurerm: docs/r/log_analytics_workspace — name, resource group and location.
  azurerm_log_analytics_workspace: ['name', 'resource_group_name', 'location'],
  // azurerm: docs/r/synapse_workspace — name, group, location, its Data Lake filesystem, the
  // managed virtual network, exfiltration protection and the managed resource group.
  azurerm_synapse_workspace: [
    'name',
    'resource_group_name',
    'location',
    'storage_data_lake_gen2_filesystem_id',
    'managed_virtual_network_enabled',
    'data_exfiltration_protection_enabled',
    'managed_resource_group_name',
  ],
  // azurerm: docs/r/synapse_sql_pool — name, workspace, create mode, collation, backup storage.
  azurerm_synapse_sql_pool: [
    'name',
    'synapse_workspace_id',
    'create_mode',
    'collation',
    'storage_account_type',
  ],
  // azurerm: docs/r/purview_account — name, group, location and managed resource group.
  azurerm_purview_account: ['name', 'resource_group_name', 'location', 'managed_resource_group_name'],
  // azurerm: docs/r/eventhub_namespace — name, resource group and location.
  azurerm_eventhub_namespace: ['name', 'resource_group_name', 'location'],
  // azurerm: docs/r/eventhub — name and its namespace (by id, or by name and group in 3.x).
  azurerm_eventhub: ['name', 'namespace_id', 'namespace_name', 'resource_group_name'],
};

/** Reads a dotted path from a Terraform JSON body; a one-element list (a nested block) is entered. */
export function argumentAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    const inner = Array.isArray(value) && value.length === 1 ? value[0] : value;
    return inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>)[key] : undefined;
  }, body);
}
