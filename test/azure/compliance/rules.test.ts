import { add, all, docWith, drop, set, SUBSCRIPTION } from './fixtures';
import { DATA_PLATFORM_RULES } from '../../../src/azure/compliance';
import { evaluateTerraform, RuleResult, type TerraformDocument } from '../../../src/core/compliance';

const SA = 'azurerm_storage_account';
const KV = 'azurerm_key_vault';
const KEY = 'azurerm_key_vault_key';
const EH = 'azurerm_eventhub_namespace';
const SYN = 'azurerm_synapse_workspace';
const ADF = 'azurerm_data_factory';
const RA = 'azurerm_role_assignment';
const RD = 'azurerm_role_definition';
const { COMPLIANT: C, NON_COMPLIANT: NC, NOT_APPLICABLE: NA } = RuleResult;
const EH_CMK = 'azurerm_eventhub_namespace_customer_managed_key';
const ADF_IR = 'azurerm_data_factory_integration_runtime_azure';
const SPARK = 'azurerm_synapse_spark_pool';

/** Changes (or, with `undefined`, removes) the factory's diagnostic setting in the fixture. */
const adfLogs =
  (patch: Record<string, unknown> | undefined) =>
  (r: Record<string, Record<string, Record<string, unknown>>>): void => {
    const settings = r.azurerm_monitor_diagnostic_setting;
    if (patch === undefined) delete settings.adf;
    else Object.assign(settings.adf, patch);
  };

/** Changes (or, with `undefined`, removes) the namespace's diagnostic setting in the fixture. */
const ehLogs =
  (patch: Record<string, unknown> | undefined) =>
  (r: Record<string, Record<string, Record<string, unknown>>>): void => {
    const settings = r.azurerm_monitor_diagnostic_setting;
    if (patch === undefined) delete settings.eventhub;
    else Object.assign(settings.eventhub, patch);
  };

/** What one rule concludes on a whole document: a finding anywhere, no check at all, or compliant. */
function outcome(ruleId: string, doc: TerraformDocument): RuleResult {
  const rule = DATA_PLATFORM_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const report = evaluateTerraform(doc, [rule]);
  if (report.findings.length > 0) return NC;
  return report.checks === 0 ? NA : C;
}

const separateNetworkRules = all(
  set(SA, { network_rules: undefined }),
  add('azurerm_storage_account_network_rules', 'rules', {
    storage_account_id: '${azurerm_storage_account.lake.id}',
    default_action: 'Deny',
    bypass: ['AzureServices'],
  }),
);

/** [rule id, case, change to the compliant document, expected outcome]. */
const CASES: [string, string, Parameters<typeof docWith>[0], RuleResult][] = [
  // Storage accounts
  ['CKV_AZURE_59', 'public network access on', set(SA, { public_network_access_enabled: true }), NC],
  [
    'CKV_AZURE_59',
    'public network access unset (azurerm default on)',
    set(SA, { public_network_access_enabled: undefined }),
    NC,
  ],
  [
    'CKV_AZURE_59',
    'a computed flag is not a decision',
    set(SA, { public_network_access_enabled: '${var.public}' }),
    NC,
  ],
  ['CKV_AZURE_44', 'TLS 1.0', set(SA, { min_tls_version: 'TLS1_0' }), NC],
  ['CKV_AZURE_44', 'unset (azurerm default TLS1_2)', set(SA, { min_tls_version: undefined }), C],
  ['CKV_AZURE_44', 'a referenced version', set(SA, { min_tls_version: '${var.tls}' }), C],
  ['CKV_AZURE_3', 'HTTP allowed', set(SA, { https_traffic_only_enabled: false }), NC],
  [
    'CKV_AZURE_3',
    'unset (azurerm default HTTPS only)',
    set(SA, { https_traffic_only_enabled: undefined }),
    C,
  ],
  ['CKV_AZURE_190', 'public nested items', set(SA, { allow_nested_items_to_be_public: true }), NC],
  [
    'CKV_AZURE_190',
    'unset (azurerm default allows)',
    set(SA, { allow_nested_items_to_be_public: undefined }),
    NC,
  ],
  ['CKV_AZURE_35', 'default Allow', set(SA, { network_rules: { default_action: 'Allow' } }), NC],
  ['CKV_AZURE_35', 'no network rules', set(SA, { network_rules: undefined }), NC],
  ['CKV_AZURE_35', 'rules in a separate resource that denies', separateNetworkRules, C],
  [
    'CKV_AZURE_35',
    'rules in a separate resource that allows',
    all(separateNetworkRules, set('azurerm_storage_account_network_rules', { default_action: 'Allow' })),
    NC,
  ],
  [
    'CKV_AZURE_35',
    'network rules written as a list',
    set(SA, { network_rules: [{ default_action: 'Deny' }] }),
    C,
  ],
  [
    'CKV_AZURE_36',
    'Deny without the AzureServices bypass',
    set(SA, { network_rules: { default_action: 'Deny', bypass: ['None'] } }),
    NC,
  ],
  ['CKV_AZURE_36', 'Deny with the default bypass', set(SA, { network_rules: { default_action: 'Deny' } }), C],
  ['CKV_AZURE_36', 'default Allow', set(SA, { network_rules: { default_action: 'Allow' } }), NA],
  ['CKV_AZURE_36', 'no network rules', set(SA, { network_rules: undefined }), NA],
  ['CKV_AZURE_206', 'ZRS', set(SA, { account_replication_type: 'ZRS' }), NC],
  ['CKV_AZURE_206', 'LRS', set(SA, { account_replication_type: 'LRS' }), NC],
  ['CKV_AZURE_206', 'RAGRS', set(SA, { account_replication_type: 'RAGRS' }), C],
  ['CKV2_AZURE_1', 'no customer-managed key', set(SA, { customer_managed_key: undefined }), NC],
  [
    'CKV2_AZURE_1',
    'a block without a key',
    set(SA, { customer_managed_key: { user_assigned_identity_id: 'x' } }),
    NC,
  ],
  [
    'CKV2_AZURE_1',
    'a managed HSM key',
    set(SA, {
      customer_managed_key: {
        managed_hsm_key_id: '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}',
      },
    }),
    C,
  ],
  [
    'CKV2_AZURE_1',
    'a separate customer-managed key resource',
    all(
      set(SA, { customer_managed_key: undefined }),
      add('azurerm_storage_account_customer_managed_key', 'cmk', {
        storage_account_id: '${azurerm_storage_account.lake.id}',
        key_vault_id: '${azurerm_key_vault.vault.id}',
        key_name: 'lake',
      }),
    ),
    C,
  ],
  [
    'CKV2_AZURE_1',
    'a separate key for another account',
    all(
      set(SA, { customer_managed_key: undefined }),
      add('azurerm_storage_account_customer_managed_key', 'cmk', {
        storage_account_id: '${azurerm_storage_account.other.id}',
      }),
    ),
    NC,
  ],
  ['CKV2_AZURE_40', 'shared keys on', set(SA, { shared_access_key_enabled: true }), NC],
  ['CKV2_AZURE_40', 'unset (azurerm default on)', set(SA, { shared_access_key_enabled: undefined }), NC],
  ['CKV_AZURE_244', 'local users unset (azurerm default on)', set(SA, { local_user_enabled: undefined }), NC],
  ['CKV_AZURE_244', 'SFTP on', set(SA, { sftp_enabled: true }), NC],
  ['CKV_AZURE_244', 'SFTP unset (azurerm default off)', set(SA, { sftp_enabled: undefined }), C],
  ['AVD-AZU-0061', 'no infrastructure encryption', set(SA, { infrastructure_encryption_enabled: false }), NC],
  [
    'AVD-AZU-0061',
    'unset (azurerm default off)',
    set(SA, { infrastructure_encryption_enabled: undefined }),
    NC,
  ],
  ['CKV2_AZURE_38', 'no blob properties', set(SA, { blob_properties: undefined }), NC],
  [
    'CKV2_AZURE_38',
    'container soft delete only',
    set(SA, { blob_properties: { container_delete_retention_policy: { days: 7 } } }),
    NC,
  ],
  [
    'CKV2_AZURE_38',
    'a policy with the default days',
    set(SA, { blob_properties: { delete_retention_policy: {} } }),
    C,
  ],
  [
    'CKV2_AZURE_38',
    'permanent delete of soft-deleted blobs',
    set(SA, { blob_properties: { delete_retention_policy: { days: 7, permanent_delete_enabled: true } } }),
    NC,
  ],
  [
    'CKV2_AZURE_38',
    'a FileStorage account',
    set(SA, { account_kind: 'FileStorage', blob_properties: undefined }),
    NA,
  ],
  [
    'DPK_AZURE_CONTAINER_SOFT_DELETE',
    'blob soft delete only',
    set(SA, { blob_properties: { delete_retention_policy: { days: 7 } } }),
    NC,
  ],
  ['DPK_AZURE_CONTAINER_SOFT_DELETE', 'a FileStorage account', set(SA, { account_kind: 'FileStorage' }), NA],
  ['DPK_AZURE_STORAGE_BLOB_LOGS', 'no diagnostic setting', drop('azurerm_monitor_diagnostic_setting'), NC],
  [
    'DPK_AZURE_STORAGE_BLOB_LOGS',
    'reads only',
    set('azurerm_monitor_diagnostic_setting', { enabled_log: [{ category: 'StorageRead' }] }),
    NC,
  ],
  [
    'DPK_AZURE_STORAGE_BLOB_LOGS',
    'the account, not its blob service',
    set('azurerm_monitor_diagnostic_setting', { target_resource_id: '${azurerm_storage_account.lake.id}' }),
    NC,
  ],
  [
    'DPK_AZURE_STORAGE_BLOB_LOGS',
    'the audit category group',
    set('azurerm_monitor_diagnostic_setting', { enabled_log: { category_group: 'audit' } }),
    C,
  ],
  ['DPK_AZURE_STORAGE_BLOB_LOGS', 'a FileStorage account', set(SA, { account_kind: 'FileStorage' }), NA],
  [
    'CKV_AZURE_34',
    'a blob-readable container',
    set('azurerm_storage_container', { container_access_type: 'blob' }),
    NC,
  ],
  [
    'CKV_AZURE_34',
    'unset (azurerm default private)',
    set('azurerm_storage_container', { container_access_type: undefined }),
    C,
  ],
  // Key Vault and keys
  ['CKV_AZURE_110', 'purge protection off', set(KV, { purge_protection_enabled: false }), NC],
  ['CKV_AZURE_110', 'unset (azurerm default off)', set(KV, { purge_protection_enabled: undefined }), NC],
  ['CKV_AZURE_42', 'no purge protection', set(KV, { purge_protection_enabled: undefined }), NC],
  ['CKV_AZURE_42', 'retention out of range', set(KV, { soft_delete_retention_days: 5 }), NC],
  ['CKV_AZURE_42', 'retention unset (90 days)', set(KV, { soft_delete_retention_days: undefined }), C],
  [
    'CKV_AZURE_109',
    'public, default Allow',
    set(KV, { public_network_access_enabled: true, network_acls: { default_action: 'Allow' } }),
    NC,
  ],
  [
    'CKV_AZURE_109',
    'public, no ACLs',
    set(KV, { public_network_access_enabled: undefined, network_acls: undefined }),
    NC,
  ],
  ['CKV_AZURE_109', 'public, default Deny', set(KV, { public_network_access_enabled: true }), C],
  ['CKV_AZURE_109', 'private, no ACLs', set(KV, { network_acls: undefined }), C],
  ['CKV_AZURE_189', 'public endpoint on', set(KV, { public_network_access_enabled: true }), NC],
  ['CKV_AZURE_189', 'unset (azurerm default on)', set(KV, { public_network_access_enabled: undefined }), NC],
  ['DPK_AZURE_KEY_VAULT_RBAC', 'access policies', set(KV, { rbac_authorization_enabled: false }), NC],
  [
    'DPK_AZURE_KEY_VAULT_RBAC',
    'unset (azurerm 4.x default access policies)',
    set(KV, { rbac_authorization_enabled: undefined }),
    NC,
  ],
  [
    'DPK_AZURE_KEY_VAULT_RBAC',
    'the deprecated attribute name',
    set(KV, { rbac_authorization_enabled: undefined, enable_rbac_authorization: true }),
    C,
  ],
  [
    'CKV_AZURE_40',
    'no expiry at all',
    set(KEY, { rotation_policy: { automatic: { time_after_creation: 'P90D' } } }),
    NC,
  ],
  [
    'CKV_AZURE_40',
    'a fixed expiration date',
    set(KEY, { rotation_policy: undefined, expiration_date: '2030-01-01T00:00:00Z' }),
    C,
  ],
  ['CKV_AZURE_112', 'a software key', set(KEY, { key_type: 'RSA' }), NC],
  ['CKV_AZURE_112', 'an HSM EC key', set(KEY, { key_type: 'EC-HSM' }), C],
  ['DPK_AZURE_KEY_ROTATION', 'no rotation policy', set(KEY, { rotation_policy: undefined }), NC],
  [
    'DPK_AZURE_KEY_ROTATION',
    'expiry without automatic rotation',
    set(KEY, { rotation_policy: { expire_after: 'P120D' } }),
    NC,
  ],
  [
    'DPK_AZURE_KEY_ROTATION',
    'rotation before expiry',
    set(KEY, { rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P120D' } }),
    C,
  ],
  // Data safety
  [
    'DPK_AZURE_PREVENT_DESTROY',
    'a deletable storage account',
    set(SA, { lifecycle: { prevent_destroy: false } }),
    NC,
  ],
  [
    'DPK_AZURE_PREVENT_DESTROY',
    'a container without lifecycle',
    set('azurerm_storage_container', { lifecycle: undefined }),
    NC,
  ],
  ['DPK_AZURE_PREVENT_DESTROY', 'a deletable key', set(KEY, { lifecycle: { prevent_destroy: false } }), NC],
  ['DPK_AZURE_PREVENT_DESTROY', 'a deletable vault', set(KV, { lifecycle: undefined }), NC],
  [
    'DPK_AZURE_PREVENT_DESTROY',
    'a deletable log workspace',
    set('azurerm_log_analytics_workspace', { lifecycle: undefined }),
    NC,
  ],
  ['DPK_AZURE_PREVENT_DESTROY', 'a deletable Synapse workspace', set(SYN, { lifecycle: undefined }), NC],
  // Event Hubs
  ['CKV_AZURE_223', 'TLS 1.0', set(EH, { minimum_tls_version: '1.0' }), NC],
  ['CKV_AZURE_223', 'unset (azurerm default 1.2)', set(EH, { minimum_tls_version: undefined }), C],
  ['DPK_AZURE_EVENTHUB_PUBLIC_NETWORK', 'public', set(EH, { public_network_access_enabled: true }), NC],
  [
    'DPK_AZURE_EVENTHUB_PUBLIC_NETWORK',
    'unset (azurerm default public)',
    set(EH, { public_network_access_enabled: undefined }),
    NC,
  ],
  ['DPK_AZURE_EVENTHUB_LOCAL_AUTH', 'SAS keys on', set(EH, { local_authentication_enabled: true }), NC],
  [
    'DPK_AZURE_EVENTHUB_LOCAL_AUTH',
    'unset (azurerm default on)',
    set(EH, { local_authentication_enabled: undefined }),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_CMK',
    'a Premium namespace without a key',
    drop('azurerm_eventhub_namespace_customer_managed_key'),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_CMK',
    'a key resource without key ids',
    set('azurerm_eventhub_namespace_customer_managed_key', { key_vault_key_ids: [] }),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_CMK',
    'a dedicated-cluster namespace without a key',
    all(
      set(EH, { sku: 'Standard', dedicated_cluster_id: '${azurerm_eventhub_cluster.c.id}' }),
      drop('azurerm_eventhub_namespace_customer_managed_key'),
    ),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_CMK',
    'a Standard namespace (no CMK offered)',
    all(set(EH, { sku: 'Standard' }), drop('azurerm_eventhub_namespace_customer_managed_key')),
    NA,
  ],
  [
    'DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION',
    'double encryption off',
    set(EH_CMK, { infrastructure_encryption_enabled: false }),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION',
    'unset (azurerm default off)',
    set(EH_CMK, { infrastructure_encryption_enabled: undefined }),
    NC,
  ],
  ['DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS', 'no diagnostic setting', ehLogs(undefined), NC],
  [
    'DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS',
    'a setting on an event hub, not the namespace',
    ehLogs({ target_resource_id: '${azurerm_eventhub_namespace.ns.id}/eventhubs/clicks' }),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS',
    'Capture errors only',
    ehLogs({ enabled_log: [{ category: 'ArchiveLogs' }] }),
    NC,
  ],
  [
    'DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS',
    'Capture and operational logs',
    ehLogs({ enabled_log: [{ category: 'ArchiveLogs' }, { category: 'OperationalLogs' }] }),
    C,
  ],
  [
    'DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS',
    'the audit group',
    ehLogs({ enabled_log: { category_group: 'audit' } }),
    C,
  ],
  // Synapse
  [
    'CKV_AZURE_58',
    'no managed virtual network',
    set(SYN, { managed_virtual_network_enabled: undefined }),
    NC,
  ],
  [
    'CKV_AZURE_157',
    'no exfiltration protection',
    set(SYN, { data_exfiltration_protection_enabled: false }),
    NC,
  ],
  [
    'DPK_AZURE_SYNAPSE_PUBLIC_NETWORK',
    'unset (azurerm default public)',
    set(SYN, { public_network_access_enabled: undefined }),
    NC,
  ],
  [
    'DPK_AZURE_SYNAPSE_ENTRA_ONLY',
    'SQL logins allowed',
    set(SYN, { azuread_authentication_only: false }),
    NC,
  ],
  [
    'CKV_AZURE_239',
    'an administrator password',
    set(SYN, { sql_administrator_login: 'admin', sql_administrator_login_password: 'x' }),
    NC,
  ],
  ['CKV_AZURE_240', 'no customer-managed key', set(SYN, { customer_managed_key: undefined }), NC],
  ['CKV_AZURE_241', 'a pool without TDE', set('azurerm_synapse_sql_pool', { data_encrypted: false }), NC],
  [
    'CKV_AZURE_241',
    'unset (azurerm default off)',
    set('azurerm_synapse_sql_pool', { data_encrypted: undefined }),
    NC,
  ],
  ['DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE', 'no auto-pause', set(SPARK, { auto_pause: undefined }), NC],
  [
    'DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES',
    'session packages on',
    set(SPARK, { session_level_packages_enabled: true }),
    NC,
  ],
  [
    'DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES',
    'unset (azurerm default off)',
    set(SPARK, { session_level_packages_enabled: undefined }),
    C,
  ],
  // Data Factory
  ['CKV_AZURE_104', 'unset (azurerm default public)', set(ADF, { public_network_enabled: undefined }), NC],
  [
    'DPK_AZURE_DATA_FACTORY_MANAGED_VNET',
    'no managed virtual network',
    set(ADF, { managed_virtual_network_enabled: false }),
    NC,
  ],
  ['CKV2_AZURE_15', 'no customer-managed key', set(ADF, { customer_managed_key_id: undefined }), NC],
  ['DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY', 'no identity', set(ADF, { identity: undefined }), NC],
  [
    'DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET',
    'a runtime on the public network',
    set(ADF_IR, { virtual_network_enabled: false }),
    NC,
  ],
  [
    'DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET',
    'unset (azurerm default public)',
    set(ADF_IR, { virtual_network_enabled: undefined }),
    NC,
  ],
  ['DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS', 'no diagnostic setting', adfLogs(undefined), NC],
  [
    'DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS',
    'trigger runs missing',
    adfLogs({ enabled_log: [{ category: 'PipelineRuns' }, { category: 'ActivityRuns' }] }),
    NC,
  ],
  [
    'DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS',
    'the allLogs group',
    adfLogs({ enabled_log: [{ category_group: 'allLogs' }] }),
    C,
  ],
  [
    'DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS',
    'a setting on another resource',
    adfLogs({ target_resource_id: '${azurerm_data_factory.other.id}' }),
    NC,
  ],
  ['DPK_AZURE_DATA_FACTORY_FAILURE_ALERT', 'no metric alert', drop('azurerm_monitor_metric_alert'), NC],
  [
    'DPK_AZURE_DATA_FACTORY_FAILURE_ALERT',
    'an alert on another metric',
    set('azurerm_monitor_metric_alert', { criteria: [{ metric_name: 'ActivitySucceededRuns' }] }),
    NC,
  ],
  [
    'DPK_AZURE_DATA_FACTORY_FAILURE_ALERT',
    'a disabled alert',
    set('azurerm_monitor_metric_alert', { enabled: false }),
    NC,
  ],
  // Role assignments and definitions
  ['DPK_AZURE_PRIVILEGED_ROLE_SCOPE', 'Owner on a subscription', set(RA, { scope: SUBSCRIPTION }), NC],
  ['DPK_AZURE_PRIVILEGED_ROLE_SCOPE', 'Owner on the tenant root', set(RA, { scope: '/' }), NC],
  [
    'DPK_AZURE_PRIVILEGED_ROLE_SCOPE',
    'Contributor on a management group',
    set(RA, {
      scope: '/providers/Microsoft.Management/managementGroups/data',
      role_definition_name: 'contributor',
    }),
    NC,
  ],
  [
    'DPK_AZURE_PRIVILEGED_ROLE_SCOPE',
    'User Access Administrator by definition id on a referenced subscription',
    set(RA, {
      scope: '${data.azurerm_subscription.current.id}',
      role_definition_name: undefined,
      role_definition_id: `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9`,
    }),
    NC,
  ],
  [
    'DPK_AZURE_PRIVILEGED_ROLE_SCOPE',
    'a subscription written with an expression',
    set(RA, { scope: '/subscriptions/${data.azurerm_client_config.current.subscription_id}' }),
    NC,
  ],
  ['DPK_AZURE_PRIVILEGED_ROLE_SCOPE', 'Owner on a resource group', () => undefined, C],
  ['DPK_AZURE_PRIVILEGED_ROLE_SCOPE', 'data roles only', (r) => delete r[RA].owner, NA],
  [
    'CKV_AZURE_39',
    "'*' assignable on a subscription",
    set(RD, { permissions: { actions: ['*'] }, assignable_scopes: [SUBSCRIPTION] }),
    NC,
  ],
  [
    'CKV_AZURE_39',
    "'*' scoped to the subscription, no assignable scopes",
    set(RD, { permissions: [{ actions: ['*'] }], scope: SUBSCRIPTION, assignable_scopes: undefined }),
    NC,
  ],
  ['CKV_AZURE_39', "'*' assignable on one account only", set(RD, { permissions: [{ actions: ['*'] }] }), C],
  [
    'CKV_AZURE_39',
    'narrow actions assignable on a subscription',
    set(RD, { permissions: [{ actions: ['Microsoft.Storage/*/read'] }], assignable_scopes: [SUBSCRIPTION] }),
    C,
  ],
  // Private networking and Purview
  [
    'CKV2_AZURE_31',
    'a subnet without a security group',
    drop('azurerm_subnet_network_security_group_association'),
    NC,
  ],
  [
    'CKV2_AZURE_31',
    'a group associated with another subnet',
    set('azurerm_subnet_network_security_group_association', { subnet_id: '${azurerm_subnet.other.id}' }),
    NC,
  ],
  [
    'CKV2_AZURE_31',
    'the gateway subnet',
    all(
      set('azurerm_subnet', { name: 'GatewaySubnet' }),
      drop('azurerm_subnet_network_security_group_association'),
    ),
    NA,
  ],
  [
    'DPK_AZURE_NSG_INTERNET_INBOUND',
    'an allow rule from the internet',
    set('azurerm_network_security_rule', { source_address_prefix: 'Internet' }),
    NC,
  ],
  [
    'DPK_AZURE_NSG_INTERNET_INBOUND',
    'an allow rule from anywhere, in a prefix list',
    set('azurerm_network_security_rule', {
      source_address_prefix: undefined,
      source_address_prefixes: ['10.0.0.0/8', '0.0.0.0/0'],
    }),
    NC,
  ],
  [
    'DPK_AZURE_NSG_INTERNET_INBOUND',
    'an inline allow rule from *',
    set('azurerm_network_security_group', {
      security_rule: [{ name: 'ssh', direction: 'Inbound', access: 'Allow', source_address_prefix: '*' }],
    }),
    NC,
  ],
  [
    'DPK_AZURE_NSG_INTERNET_INBOUND',
    'a deny rule from the internet',
    all(
      set('azurerm_network_security_rule', { access: 'Deny', source_address_prefix: 'Internet' }),
      drop('azurerm_network_security_group'),
    ),
    NA,
  ],
  [
    'DPK_AZURE_NSG_INTERNET_INBOUND',
    'an outbound allow rule to anywhere',
    set('azurerm_network_security_rule', { direction: 'Outbound', source_address_prefix: '*' }),
    NA,
  ],
  [
    'DPK_AZURE_PRIVATE_ENDPOINT_DNS',
    'no DNS zone group',
    set('azurerm_private_endpoint', { private_dns_zone_group: undefined }),
    NC,
  ],
  [
    'DPK_AZURE_PRIVATE_ENDPOINT_DNS',
    'a group without zones',
    set('azurerm_private_endpoint', {
      private_dns_zone_group: { name: 'default', private_dns_zone_ids: [] },
    }),
    NC,
  ],
  [
    'DPK_AZURE_PURVIEW_PUBLIC_NETWORK',
    'public',
    set('azurerm_purview_account', { public_network_enabled: true }),
    NC,
  ],
  [
    'DPK_AZURE_PURVIEW_PUBLIC_NETWORK',
    'unset (azurerm default public)',
    set('azurerm_purview_account', { public_network_enabled: undefined }),
    NC,
  ],
];

describe('Azure rule pack: every rule on the compliant fixture', () => {
  test.each(DATA_PLATFORM_RULES.map((r) => [r.id]))('%s is compliant', (id) => {
    // GIVEN one compliant resource of each type / WHEN the rule runs / THEN it checks and passes
    expect(outcome(id, docWith())).toBe(C);
  });

  test('the whole pack finds nothing on the compliant fixture', () => {
    // GIVEN / WHEN the pack runs on the compliant fixture / THEN zero findings
    expect(evaluateTerraform(docWith(), DATA_PLATFORM_RULES).findings).toEqual([]);
  });
});

describe('Azure rule pack: fixtures', () => {
  test.each(CASES)('%s: %s', (id, _, change, expected) => {
    // GIVEN the compliant fixture with one change / WHEN the rule runs / THEN the expected outcome
    expect(outcome(id, docWith(change))).toBe(expected);
  });

  test.each(DATA_PLATFORM_RULES.map((r) => [r.id]))('%s has a non-compliant fixture', (id) => {
    // GIVEN the fixture table / THEN each rule can fail
    expect(CASES.filter(([rule, , , result]) => rule === id && result === NC).length).toBeGreaterThan(0);
  });

  test('every case names a rule of the pack', () => {
    const ids = DATA_PLATFORM_RULES.map((r) => r.id);
    expect(CASES.map(([id]) => id).filter((id) => !ids.includes(id))).toEqual([]);
  });

  test('a rule only reports its own resource types', () => {
    // GIVEN an empty document / THEN no rule checks anything
    const report = evaluateTerraform({ resource: {} }, DATA_PLATFORM_RULES);
    expect(report.checks).toBe(0);
  });
});
