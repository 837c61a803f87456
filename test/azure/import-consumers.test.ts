import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { OBJECT_ID, RG, SUBSCRIPTION_ID } from './azure-stack';
import {
  Catalog,
  EncryptionKey,
  LakeStorage,
  Network,
  Principal,
  SparkJob,
  Warehouse,
} from '../../src/azure';
import { App, TerraformStack } from '../../src/terraform';
import { TfTemplate } from '../helpers/tf-template';
import { TWO_STEPS } from './processing/pipeline-fixtures';

// A domain consumes another domain's lake: the owner deployed it in its own subscription; this
// stack knows only the ids the owner's outputs (or Terraform remote state) give.
const SALES = '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-sales';
const ACCOUNT = `${SALES}/providers/Microsoft.Storage/storageAccounts/saleslake1a2b3c`;
const VAULT = `${SALES}/providers/Microsoft.KeyVault/vaults/sales-lake-1a2b`;
const KEY_URL = 'https://sales-lake-1a2b.vault.azure.net/keys/lake';
const CONTAINERS = { raw: 'sales-raw', curated: 'sales-curated', serving: 'sales-serving' };
const HUB =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-hub/providers/Microsoft.Network';

function stackIn(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'Azurerm', {
    features: [{}],
    storageUseAzuread: true,
    subscriptionId: SUBSCRIPTION_ID,
  });
  return stack;
}

function consumer() {
  const app = new App({ stackTraces: false });
  // The owner's stack sits in the same app: nothing of it may leak into the consumer.
  new LakeStorage(stackIn(app, 'Owner'), 'Lake', { platformName: 'sales', resourceGroup: RG });
  const stack = stackIn(app, 'Consumer');
  const encryptionKey = EncryptionKey.fromKeyVaultKeyId(stack, 'SalesKey', KEY_URL, VAULT);
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
    storageAccountId: ACCOUNT,
    zones: Object.entries(CONTAINERS).map(([name, containerName]) => ({ name, containerName })),
  });
  const catalog = Catalog.fromCatalogAttributes(stack, 'SalesCatalog', {
    lake,
    zones: ['curated', 'serving'],
  });
  const network = Network.fromNetworkAttributes(stack, 'LandingZone', {
    platformName: 'marketing',
    resourceGroup: RG,
    virtualNetworkId: `${HUB}/virtualNetworks/hub`,
    privateEndpointSubnetId: `${HUB}/virtualNetworks/hub/subnets/endpoints`,
  });
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'marketing',
    resourceGroup: RG,
    lake,
    encryptionKey,
    catalog,
    network,
    readZones: [],
    sqlAdministrator: { login: 'marketing-sql-admins', principal: Principal.group(OBJECT_ID) },
  });
  const job = new SparkJob(stack, 'Job', {
    platformName: 'marketing',
    jobName: 'orders',
    warehouse,
    lake,
    steps: TWO_STEPS,
  });
  return { stack, warehouse, job, catalog, template: TfTemplate.fromStack(stack) };
}

describe('Azure blocks on an imported lake, key, catalog and network', () => {
  const built = consumer();
  const container = (zone: keyof typeof CONTAINERS) =>
    `${ACCOUNT}/blobServices/default/containers/${CONTAINERS[zone]}`;

  test('nothing is created for the imported lake, key or network', () => {
    for (const type of [
      'azurerm_storage_account',
      'azurerm_storage_container',
      'azurerm_key_vault',
      'azurerm_key_vault_key',
      'azurerm_virtual_network',
      'azurerm_subnet',
      'azurerm_purview_account',
    ]) {
      built.template.resourceCountIs(type, 0);
    }
  });

  test("the workspace identity's lake grants are scoped to the imported containers, by step", () => {
    const lakeGrants = built.template
      .resources('azurerm_role_assignment')
      .filter((r) => String(r.config.scope).startsWith(ACCOUNT))
      .map((r) => `${r.config.role_definition_name} ${r.config.scope}`)
      .sort();
    expect(lakeGrants).toEqual(
      [
        `Storage Blob Data Contributor ${container('curated')}`,
        `Storage Blob Data Contributor ${container('serving')}`,
        `Storage Blob Data Reader ${container('raw')}`,
      ].sort(),
    );
  });

  test('the workspace is encrypted with the imported key, granted on that key alone', () => {
    built.template.hasResourceProperties('azurerm_role_assignment', {
      scope: `${VAULT}/keys/lake`,
      role_definition_name: 'Key Vault Crypto Service Encryption User',
    });
    built.template.hasResourceProperties('azurerm_synapse_workspace', {
      customer_managed_key: { key_versionless_id: KEY_URL },
    });
  });

  test('its filesystem is in the imported account and its endpoints in the imported subnet', () => {
    built.template.hasResourceProperties('azurerm_synapse_workspace', {
      storage_data_lake_gen2_filesystem_id: expect.stringMatching(
        /^https:\/\/saleslake1a2b3c\.dfs\.core\.windows\.net\/sales-/,
      ),
    });
    built.template.allResourcesHave('azurerm_private_endpoint', {
      subnet_id: `${HUB}/virtualNetworks/hub/subnets/endpoints`,
    });
    expect(built.catalog.databaseLocation('curated')).toBe(
      `abfss://${CONTAINERS.curated}@saleslake1a2b3c.dfs.core.windows.net/`,
    );
  });
});
