import type { TerraformDocument } from '../../../src/core/compliance';

/** A literal subscription id for scopes. */
export const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const RG_ID = `${SUBSCRIPTION}/resourceGroups/rg-data`;

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * One resource of each type the Azure pack reads, every one compliant: the baseline each rule
 * fixture changes in one place. Written as cdktf writes Terraform JSON (single nested blocks as
 * objects, repeated ones as lists).
 */
export function compliantResources(): Resources {
  return {
    azurerm_storage_account: {
      lake: {
        name: 'saleslake',
        account_kind: 'StorageV2',
        account_replication_type: 'GZRS',
        https_traffic_only_enabled: true,
        min_tls_version: 'TLS1_2',
        public_network_access_enabled: false,
        shared_access_key_enabled: false,
        allow_nested_items_to_be_public: false,
        local_user_enabled: false,
        sftp_enabled: false,
        infrastructure_encryption_enabled: true,
        network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
        customer_managed_key: {
          key_vault_key_id: '${azurerm_key_vault_key.key.versionless_id}',
          user_assigned_identity_id: '${azurerm_user_assigned_identity.cmk.id}',
        },
        blob_properties: {
          delete_retention_policy: { days: 14 },
          container_delete_retention_policy: { days: 14 },
        },
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_storage_container: {
      raw: {
        name: 'raw',
        storage_account_id: '${azurerm_storage_account.lake.id}',
        container_access_type: 'private',
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_monitor_diagnostic_setting: {
      logs: {
        name: 'blob-access-logs',
        target_resource_id: '${azurerm_storage_account.lake.id}/blobServices/default',
        log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
        enabled_log: [
          { category: 'StorageRead' },
          { category: 'StorageWrite' },
          { category: 'StorageDelete' },
        ],
      },
      eventhub: {
        name: 'eventhub-logs',
        target_resource_id: '${azurerm_eventhub_namespace.ns.id}',
        log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
        enabled_log: [{ category_group: 'allLogs' }],
      },
      adf: {
        name: 'data-factory-run-logs',
        target_resource_id: '${azurerm_data_factory.adf.id}',
        log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
        enabled_log: [
          { category: 'PipelineRuns' },
          { category: 'ActivityRuns' },
          { category: 'TriggerRuns' },
        ],
      },
    },
    azurerm_monitor_metric_alert: {
      adf: {
        name: 'adf-failed-runs',
        scopes: ['${azurerm_data_factory.adf.id}'],
        criteria: [
          {
            metric_namespace: 'Microsoft.DataFactory/factories',
            metric_name: 'PipelineFailedRuns',
            aggregation: 'Total',
            operator: 'GreaterThan',
            threshold: 0,
          },
        ],
      },
    },
    azurerm_data_factory_integration_runtime_azure: {
      ir: {
        name: 'managed-vnet-ir',
        data_factory_id: '${azurerm_data_factory.adf.id}',
        virtual_network_enabled: true,
      },
    },
    azurerm_synapse_spark_pool: {
      pool: {
        name: 'salespool',
        node_size_family: 'MemoryOptimized',
        node_size: 'Small',
        auto_pause: { delay_in_minutes: 15 },
        session_level_packages_enabled: false,
      },
    },
    azurerm_log_analytics_workspace: {
      logs: { name: 'logs', retention_in_days: 365, lifecycle: { prevent_destroy: true } },
    },
    azurerm_key_vault: {
      vault: {
        name: 'sales-lake',
        sku_name: 'premium',
        rbac_authorization_enabled: true,
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        public_network_access_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [] },
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_key_vault_key: {
      key: {
        name: 'lake',
        key_vault_id: '${azurerm_key_vault.vault.id}',
        key_type: 'RSA-HSM',
        key_size: 3072,
        rotation_policy: {
          automatic: { time_after_creation: 'P90D' },
          expire_after: 'P120D',
          notify_before_expiry: 'P15D',
        },
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_eventhub_namespace: {
      ns: {
        name: 'sales-events',
        sku: 'Premium',
        minimum_tls_version: '1.2',
        public_network_access_enabled: false,
        local_authentication_enabled: false,
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_eventhub_namespace_customer_managed_key: {
      ns: {
        eventhub_namespace_id: '${azurerm_eventhub_namespace.ns.id}',
        key_vault_key_ids: ['${azurerm_key_vault_key.key.versionless_id}'],
        infrastructure_encryption_enabled: true,
      },
    },
    azurerm_synapse_workspace: {
      ws: {
        name: 'sales-ws',
        managed_virtual_network_enabled: true,
        data_exfiltration_protection_enabled: true,
        public_network_access_enabled: false,
        azuread_authentication_only: true,
        customer_managed_key: { key_versionless_id: '${azurerm_key_vault_key.key.versionless_id}' },
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_synapse_sql_pool: {
      dw: {
        name: 'sales_dw',
        synapse_workspace_id: '${azurerm_synapse_workspace.ws.id}',
        sku_name: 'DW100c',
        storage_account_type: 'GRS',
        data_encrypted: true,
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_purview_account: {
      catalog: {
        name: 'sales-catalog',
        identity: { type: 'SystemAssigned' },
        public_network_enabled: false,
        managed_event_hub_enabled: false,
        lifecycle: { prevent_destroy: true },
      },
    },
    azurerm_subnet: {
      endpoints: {
        name: 'private-endpoints',
        virtual_network_name: '${azurerm_virtual_network.vnet.name}',
        address_prefixes: ['10.40.0.0/24'],
      },
    },
    azurerm_network_security_group: { nsg: { name: 'sales-nsg' } },
    azurerm_network_security_rule: {
      vnet: {
        name: 'AllowVnetHttpsInbound',
        network_security_group_name: '${azurerm_network_security_group.nsg.name}',
        priority: 200,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        source_address_prefix: 'VirtualNetwork',
        source_port_range: '*',
        destination_address_prefix: '*',
        destination_port_range: '443',
      },
    },
    azurerm_subnet_network_security_group_association: {
      endpoints: {
        subnet_id: '${azurerm_subnet.endpoints.id}',
        network_security_group_id: '${azurerm_network_security_group.nsg.id}',
      },
    },
    azurerm_private_endpoint: {
      dfs: {
        name: 'sales-pe-dfs',
        subnet_id: '${azurerm_subnet.endpoints.id}',
        private_service_connection: {
          name: 'sales-pe-dfs',
          private_connection_resource_id: '${azurerm_storage_account.lake.id}',
          subresource_names: ['dfs'],
          is_manual_connection: false,
        },
        private_dns_zone_group: {
          name: 'default',
          private_dns_zone_ids: ['${azurerm_private_dns_zone.dfs.id}'],
        },
      },
    },
    azurerm_data_factory: {
      adf: {
        name: 'sales-adf',
        public_network_enabled: false,
        managed_virtual_network_enabled: true,
        customer_managed_key_id: '${azurerm_key_vault_key.key.id}',
        customer_managed_key_identity_id: '${azurerm_user_assigned_identity.adf.id}',
        identity: { type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.adf.id}'] },
      },
    },
    azurerm_role_assignment: {
      owner: {
        scope: RG_ID,
        role_definition_name: 'Owner',
        principal_id: '8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f',
      },
      reader: {
        scope: '${azurerm_storage_container.raw.resource_manager_id}',
        role_definition_name: 'Storage Blob Data Reader',
        principal_id: '8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f',
      },
    },
    azurerm_role_definition: {
      writer: {
        name: 'blob-writer',
        scope: '${azurerm_storage_account.lake.id}',
        assignable_scopes: ['${azurerm_storage_account.lake.id}'],
        permissions: [
          {
            actions: [],
            data_actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'],
          },
        ],
      },
    },
  };
}

/** A document of the compliant resources, with `change` applied to a deep copy. */
export function docWith(change: (r: Resources) => void = () => undefined): TerraformDocument {
  const resources = compliantResources();
  change(resources);
  return { resource: resources } as TerraformDocument;
}

/**
 * Sets (or, with `undefined`, removes) arguments of the first resource of `type`:
 * `set('azurerm_key_vault', { purge_protection_enabled: false })`.
 */
export function set(type: string, patch: Record<string, unknown>): (r: Resources) => void {
  return (r) => {
    const [first] = Object.values(r[type]);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete first[key];
      else first[key] = value;
    }
  };
}

/** Adds a resource. */
export function add(type: string, name: string, config: Record<string, unknown>): (r: Resources) => void {
  return (r) => {
    r[type] = { ...(r[type] ?? {}), [name]: config };
  };
}

/** Removes every resource of `type`. */
export function drop(type: string): (r: Resources) => void {
  return (r) => {
    delete r[type];
  };
}

/** Applies several changes in order. */
export function all(...changes: ((r: Resources) => void)[]): (r: Resources) => void {
  return (r) => changes.forEach((c) => c(r));
}
