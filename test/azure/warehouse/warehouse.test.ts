import { Catalog } from '../../../src/azure/catalog/catalog';
import { Principal } from '../../../src/azure/iam/principal';
import { Network } from '../../../src/azure/network/network';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { Warehouse } from '../../../src/azure/warehouse/warehouse';
import { CommonDefaults, WarehouseSize } from '../../../src/core/blocks';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { warningsOf } from '../../helpers/tf-template';
import { newAzureStack, RG, tokens, waitsForPropagation } from '../azure-stack';
import { ADMIN_GROUP, newWarehouse, ref } from './warehouse-fixtures';

const WORKSPACE = 'azurerm_synapse_workspace';
const WORKSPACE_KEY = 'azurerm_synapse_workspace_key';
const ADMIN = 'azurerm_synapse_workspace_aad_admin';
const POOL = 'azurerm_synapse_sql_pool';
const MPE = 'azurerm_synapse_managed_private_endpoint';
const SYNAPSE_ROLE = 'azurerm_synapse_role_assignment';
const ASSIGNMENT = 'azurerm_role_assignment';
const ENDPOINT = 'azurerm_private_endpoint';
const WORKSPACE_PRINCIPAL = ref(WORKSPACE, 'identity[0].principal_id');
const WORKSPACE_LOGS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central';

describe('Warehouse workspace defaults', () => {
  test('a private, Entra-only workspace in a managed VNet with exfiltration protection', () => {
    // GIVEN / WHEN defaults
    const { template } = newWarehouse();
    // THEN the secure switches are set, no SQL password exists, the name is global-hashed
    template().resourceCountIs(WORKSPACE, 1);
    const ws = template().hasResourceProperties(WORKSPACE, {
      name: expect.stringMatching(/^sales-syn-[0-9a-f]{8}$/),
      managed_virtual_network_enabled: true,
      data_exfiltration_protection_enabled: true,
      public_network_access_enabled: false,
      azuread_authentication_only: true,
      identity: { type: 'SystemAssigned' },
      location: RG.location,
      resource_group_name: RG.name,
      tags: { 'data-platform': 'sales' },
    });
    expect(ws.config).not.toHaveProperty('sql_administrator_login');
    expect(ws.config).not.toHaveProperty('sql_administrator_login_password');
    expect(ws.config).not.toHaveProperty('purview_id');
  });

  test("the primary storage is the curated zone's filesystem on the lake account", () => {
    // GIVEN / WHEN defaults / THEN DEFAULT_WORKSPACE_ZONE, as https://<account>.dfs…/<container>
    const { template, warehouse } = newWarehouse();
    expect(Warehouse.DEFAULT_WORKSPACE_ZONE).toBe('curated');
    expect(warehouse.workspaceZone).toBe('curated');
    template().hasResourceProperties(WORKSPACE, {
      storage_data_lake_gen2_filesystem_id: expect.stringMatching(
        /^\$\{azurerm_storage_account\.Lake_Account_\w+\.primary_dfs_endpoint\}\$\{azurerm_storage_container\.Lake_CuratedContainer_\w+\.name\}$/,
      ),
    });
  });

  test('a warehouse key is created when none is given, and encrypts the workspace (versionless)', () => {
    // GIVEN / WHEN defaults / THEN a vault named for the warehouse; the key entry is CUSTOMER_MANAGED_KEY_NAME
    const { template, warehouse } = newWarehouse();
    expect(warehouse.encryptionKey).toBeInstanceOf(EncryptionKey);
    template().hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-warehouse-[0-9a-f]{8}$/),
    });
    template().hasResourceProperties(WORKSPACE, {
      customer_managed_key: {
        key_versionless_id: ref('azurerm_key_vault_key', 'versionless_id'),
        key_name: Warehouse.CUSTOMER_MANAGED_KEY_NAME,
      },
    });
  });

  test('CMK order: identity granted on the key → workspace key activated → admin and pool after', () => {
    // GIVEN a warehouse with a dedicated pool
    const { template } = newWarehouse({ dedicatedSqlPool: true });
    // THEN the workspace identity holds the key role, and activation depends on that grant
    const grant = template().hasResourceProperties(ASSIGNMENT, {
      role_definition_name: EncryptionKey.ENCRYPT_DECRYPT_ROLE,
      principal_id: WORKSPACE_PRINCIPAL,
      principal_type: 'ServicePrincipal',
      scope: ref('azurerm_key_vault_key', 'resource_versionless_id'),
    });
    const key = template().hasResourceProperties(WORKSPACE_KEY, {
      synapse_workspace_id: ref(WORKSPACE, 'id'),
      customer_managed_key_name: Warehouse.CUSTOMER_MANAGED_KEY_NAME,
      customer_managed_key_versionless_id: ref('azurerm_key_vault_key', 'versionless_id'),
      active: true,
    });
    // AND activation waits for the identity's key role to propagate (time_sleep)
    expect(waitsForPropagation(template().doc, WORKSPACE_KEY, grant.address)).toBe(true);
    // AND the Entra admin and the pool wait for activation (Synapse refuses them before)
    template().hasResourceProperties(ADMIN, { depends_on: [key.address] });
    template().hasResourceProperties(POOL, { depends_on: [key.address] });
  });

  test('the Entra SQL administrator is the given principal, in the deployer tenant', () => {
    const { template } = newWarehouse();
    template().hasResourceProperties(ADMIN, {
      synapse_workspace_id: ref(WORKSPACE, 'id'),
      login: 'sales-sql-admins',
      object_id: ADMIN_GROUP,
      tenant_id: expect.stringMatching(/^\$\{data\.azurerm_client_config\.\w+\.tenant_id\}$/),
    });
  });

  test('the workspace identity: contributor on its zone, reader on serving, nothing broader', () => {
    // GIVEN / WHEN defaults / THEN DEFAULT_READ_ZONES; both grants container-scoped
    const { template, warehouse } = newWarehouse();
    expect(Warehouse.DEFAULT_READ_ZONES).toEqual(['serving']);
    expect(warehouse.workspaceLakeAccess).toHaveLength(2);
    const grants = template().resources(ASSIGNMENT, { principal_id: WORKSPACE_PRINCIPAL });
    const roles = grants.map((g) => [
      g.config.role_definition_name,
      String(g.config.scope).match(/Lake_(\w+?)Container/)?.[1],
    ]);
    expect(roles.sort()).toEqual([
      [EncryptionKey.ENCRYPT_DECRYPT_ROLE, undefined],
      ['Storage Blob Data Contributor', 'Curated'],
      ['Storage Blob Data Reader', 'Serving'],
    ]);
  });

  test('serverless SQL only: no dedicated pool unless asked for; size defaults to small', () => {
    const { template, warehouse } = newWarehouse();
    expect(Warehouse.DEFAULT_DEDICATED_SQL_POOL).toBe(false);
    expect(Warehouse.DEFAULT_SIZE).toBe(CommonDefaults.WAREHOUSE_SIZE);
    expect(Warehouse.DEFAULT_SIZE).toBe(WarehouseSize.SMALL);
    template().resourceCountIs(POOL, 0);
    expect(warehouse.sqlPool).toBeUndefined();
  });

  test('the deployer is not assumed to reach the workspace: no data-plane resources, and a warning', () => {
    // GIVEN / WHEN defaults / THEN DEFAULT_DEPLOYER_REACHES_WORKSPACE: nothing on the data plane
    const { template, warehouse } = newWarehouse();
    expect(Warehouse.DEFAULT_DEPLOYER_REACHES_WORKSPACE).toBe(false);
    template().resourceCountIs(MPE, 0);
    template().resourceCountIs(SYNAPSE_ROLE, 0);
    expect(warningsOf(warehouse).join('\n')).toContain(Warehouse.DATA_PLANE_SKIPPED_WARNING);
  });

  test('without a network the workspace is unreachable, and the warehouse says so', () => {
    const { warehouse, template } = newWarehouse();
    template().resourceCountIs(ENDPOINT, 0);
    expect(warehouse.privateEndpoints).toEqual([]);
    expect(warningsOf(warehouse).join('\n')).toContain(Warehouse.UNREACHABLE_WARNING);
  });

  test('the workspace is retained on destroy; no diagnostic setting unless a workspace is given', () => {
    const { template, warehouse } = newWarehouse();
    template().hasResourceProperties(WORKSPACE, { lifecycle: { prevent_destroy: true } });
    expect(warehouse.diagnostics).toBeUndefined();
  });
});

describe('Warehouse options', () => {
  test.each([
    [WarehouseSize.SMALL, 'DW100c'],
    [WarehouseSize.MEDIUM, 'DW500c'],
    [WarehouseSize.LARGE, 'DW1000c'],
  ])('a dedicated pool of size %s is %s, encrypted, geo-backed-up and retained', (size, sku) => {
    // GIVEN / WHEN a dedicated pool of a size
    const { template, warehouse } = newWarehouse({ dedicatedSqlPool: true, size });
    // THEN
    expect(warehouse.sqlPool).toBeDefined();
    template().hasResourceProperties(POOL, {
      name: expect.stringMatching(/^sales_dw_[0-9a-f]{8}$/),
      synapse_workspace_id: ref(WORKSPACE, 'id'),
      sku_name: sku,
      create_mode: 'Default',
      data_encrypted: true,
      storage_account_type: Warehouse.SQL_POOL_BACKUP_STORAGE,
      geo_backup_policy_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('size without a dedicated pool sizes nothing, and a warning says so', () => {
    const { warehouse } = newWarehouse({ size: WarehouseSize.LARGE });
    expect(warningsOf(warehouse).join('\n')).toContain(Warehouse.SIZE_UNUSED_WARNING);
    expect(warningsOf(newWarehouse().warehouse).join('\n')).not.toContain(Warehouse.SIZE_UNUSED_WARNING);
  });

  test('a network gets the Sql, SqlOnDemand and Dev endpoints of the workspace', () => {
    // GIVEN a network
    const stack = newAzureStack();
    const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG });
    // WHEN the warehouse uses it
    const { template, warehouse } = newWarehouse({ network }, stack);
    // THEN three endpoints to the workspace, SQL ones in one zone, no unreachable warning
    expect(warehouse.privateEndpoints).toHaveLength(3);
    for (const sub of ['Sql', 'SqlOnDemand', 'Dev']) {
      template().hasResourceProperties(ENDPOINT, {
        private_service_connection: {
          private_connection_resource_id: ref(WORKSPACE, 'id'),
          subresource_names: [sub],
        },
      });
    }
    template().resourceCountIs('azurerm_private_dns_zone', 2);
    expect(warningsOf(warehouse).join('\n')).not.toContain(Warehouse.UNREACHABLE_WARNING);
  });

  test('deployerReachesWorkspace: dfs and blob managed endpoints to the lake, after activation and the Dev endpoint', () => {
    // GIVEN a network, and a deployer inside it
    const stack = newAzureStack();
    const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG });
    const { template, warehouse } = newWarehouse({ network, deployerReachesWorkspace: true }, stack);
    // THEN two managed private endpoints to the account, each waiting for the key and the Dev endpoint
    const key = template().resources(WORKSPACE_KEY)[0];
    const dev = template().resources(ENDPOINT, {
      private_service_connection: { subresource_names: ['Dev'] },
    })[0];
    expect(warehouse.managedPrivateEndpoints).toHaveLength(2);
    for (const sub of ['dfs', 'blob']) {
      template().hasResourceProperties(MPE, {
        name: expect.stringMatching(new RegExp(`^sales-lake-${sub}-[0-9a-f]{8}$`)),
        synapse_workspace_id: ref(WORKSPACE, 'id'),
        target_resource_id: ref('azurerm_storage_account', 'id'),
        subresource_name: sub,
        depends_on: [key.address, dev.address],
      });
    }
    // AND the approval step is called out; nothing is skipped
    const warnings = warningsOf(warehouse).join('\n');
    expect(warnings).toContain(Warehouse.ENDPOINT_APPROVAL_WARNING);
    expect(warnings).not.toContain(Warehouse.DATA_PLANE_SKIPPED_WARNING);
  });

  test("a catalog's Purview account is connected to the workspace", () => {
    // GIVEN a catalog with Purview over the lake
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const catalog = new Catalog(stack, 'Catalog', {
      platformName: 'sales',
      resourceGroup: RG,
      lake,
      purview: true,
    });
    // WHEN the warehouse uses the catalog / THEN purview_id references the account
    const { template } = newWarehouse({ lake, catalog }, stack);
    template().hasResourceProperties(WORKSPACE, { purview_id: ref('azurerm_purview_account', 'id') });
  });

  test('workspaceZone and readZones choose the zones; duplicates and the workspace zone are granted once', () => {
    // GIVEN raw as primary storage, reading curated twice and raw
    const { template, warehouse } = newWarehouse({
      workspaceZone: 'raw',
      readZones: ['curated', 'curated', 'raw'],
    });
    // THEN contributor on raw, reader on curated only
    expect(warehouse.workspaceLakeAccess).toHaveLength(2);
    template().hasResourceProperties(WORKSPACE, {
      storage_data_lake_gen2_filesystem_id: expect.stringContaining('Lake_RawContainer_'),
    });
    const grants = template()
      .resources(ASSIGNMENT, { principal_id: WORKSPACE_PRINCIPAL })
      .filter((g) => String(g.config.role_definition_name).startsWith('Storage'));
    expect(
      grants
        .map((g) => [
          g.config.role_definition_name,
          String(g.config.scope).match(/Lake_(\w+?)Container/)?.[1],
        ])
        .sort(),
    ).toEqual([
      ['Storage Blob Data Contributor', 'Raw'],
      ['Storage Blob Data Reader', 'Curated'],
    ]);
  });

  test('workspaceName, location and tags', () => {
    const { template } = newWarehouse({
      workspaceName: 'contoso-dw',
      location: 'northeurope',
      tags: { owner: 'bi' },
    });
    template().hasResourceProperties(WORKSPACE, {
      name: 'contoso-dw',
      location: 'northeurope',
      tags: { owner: 'bi', 'data-platform': 'sales' },
    });
  });

  test('an existing key is used: no warehouse vault; the workspace identity is granted on it', () => {
    // GIVEN a shared key
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared',
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/platform',
    });
    // WHEN / THEN only the lake's vault exists, and the warehouse uses the shared key
    const { template } = newWarehouse({ encryptionKey: key }, stack);
    template().resourceCountIs('azurerm_key_vault', 1);
    template().hasResourceProperties(WORKSPACE, {
      customer_managed_key: { key_versionless_id: 'https://kv-shared.vault.azure.net/keys/platform' },
    });
    template().hasResourceProperties(ASSIGNMENT, {
      scope: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared/keys/platform',
      principal_id: WORKSPACE_PRINCIPAL,
    });
  });

  test("keyVaultAllowedIpRanges open the warehouse vault to the deployer's range", () => {
    const { template } = newWarehouse({ keyVaultAllowedIpRanges: ['20.61.10.0/24'] });
    template().hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-warehouse-/),
      network_acls: { ip_rules: ['20.61.10.0/24'] },
    });
  });

  test('logAnalyticsWorkspaceId sends the workspace logs there', () => {
    const { template, warehouse } = newWarehouse({ logAnalyticsWorkspaceId: WORKSPACE_LOGS });
    expect(warehouse.diagnostics).toBeDefined();
    template().hasResourceProperties('azurerm_monitor_diagnostic_setting', {
      target_resource_id: ref(WORKSPACE, 'id'),
      log_analytics_workspace_id: WORKSPACE_LOGS,
      enabled_log: Warehouse.DIAGNOSTIC_LOG_CATEGORIES.map((category) => ({ category })),
    });
  });

  test('tokens are skipped by the validators', () => {
    // GIVEN unresolved values everywhere a literal is validated / THEN no error
    expect(() =>
      newWarehouse({
        sqlAdministrator: { login: tokens.string(), principal: Principal.group(tokens.string()) },
        keyVaultAllowedIpRanges: tokens.list(),
        workspaceName: tokens.string(),
        tags: { owner: tokens.string() },
      }),
    ).not.toThrow();
  });
});

describe('Warehouse removal', () => {
  test('DESTROY without the flag retains workspace, pool and key, and warns', () => {
    const { template, warehouse } = newWarehouse({
      dedicatedSqlPool: true,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    template().allResourcesHave(WORKSPACE, { lifecycle: { prevent_destroy: true } });
    template().allResourcesHave(POOL, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(warehouse).join('\n')).toContain(REMOVAL_DOWNGRADED_WARNING);
  });

  test('DESTROY with the flag lets workspace, pool and the warehouse key go', () => {
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = newWarehouse(
      { dedicatedSqlPool: true, removalPolicy: DataRemovalPolicy.DESTROY },
      stack,
    );
    template().allResourcesHave(WORKSPACE, { lifecycle: { prevent_destroy: false } });
    template().allResourcesHave(POOL, { lifecycle: { prevent_destroy: false } });
    template().hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-warehouse-/),
      lifecycle: { prevent_destroy: false },
    });
  });
});
