import * as os from 'node:os';
import * as path from 'node:path';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { build, RUNNER_EGRESS_CONTEXT } from '../../../examples/warehouse-azure/app';
import { Catalog } from '../../../src/azure/catalog/catalog';
import { checkCompliance, DATA_PLATFORM_RULES } from '../../../src/azure/compliance';
import { Principal } from '../../../src/azure/iam/principal';
import { PrivateDnsZoneName } from '../../../src/azure/network/endpoints';
import { Network } from '../../../src/azure/network/network';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { SynapseRole } from '../../../src/azure/warehouse/roles';
import { Warehouse } from '../../../src/azure/warehouse/warehouse';
import { WarehouseSize } from '../../../src/core/blocks';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { App, type TerraformStack } from '../../../src/terraform';
import { checkTerraform, DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean } from '../../helpers/compliance';
import { newAzureStack, OBJECT_ID, RG } from '../azure-stack';

const OTHER_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const LOGS = `${SUB}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central`;
const HUB_VNET = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/spoke`;

/** A stack with a key, a lake on it and a network connecting both. */
function platform(stack: TerraformStack = newAzureStack()) {
  const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, platformName: 'sales' });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    resourceGroup: RG,
    encryptionKey: key,
  });
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    resourceGroup: RG,
    lake,
    encryptionKeys: [key],
  });
  return { stack, key, lake, network };
}

const admin = { login: 'sales-sql-admins', principal: Principal.group(OBJECT_ID) };

/** The warehouse with every option, on a full platform. */
function maximal(): TerraformStack {
  const { stack, lake, network } = platform();
  const catalog = new Catalog(stack, 'Catalog', {
    platformName: 'sales',
    resourceGroup: RG,
    lake,
    purview: true,
    network,
  });
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    resourceGroup: RG,
    lake,
    network,
    catalog,
    sqlAdministrator: admin,
    keyVaultAllowedIpRanges: ['20.61.10.0/24'],
    dedicatedSqlPool: true,
    size: WarehouseSize.LARGE,
    deployerReachesWorkspace: true,
    workspaceZone: 'raw',
    readZones: ['curated', 'serving'],
    logAnalyticsWorkspaceId: LOGS,
    tags: { owner: 'bi' },
  });
  warehouse.grantRead(Principal.group(OBJECT_ID), 'serving');
  warehouse.grantReadWrite(Principal.group(OTHER_ID), 'curated');
  warehouse.grantWrite(Principal.servicePrincipal(OTHER_ID), 'raw');
  warehouse.grantSynapseRole(Principal.group(OBJECT_ID), SynapseRole.MONITORING_OPERATOR);
  return stack;
}

/** Every configuration held to zero findings, by name. */
const CONFIGURATIONS: Record<string, () => TerraformStack> = {
  'Network defaults': () => {
    const stack = newAzureStack();
    new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG });
    return stack;
  },
  'Network with the lake and its key': () => platform().stack,
  'Network in a landing zone, with its DNS zones': () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    new Network(stack, 'Network', {
      platformName: 'sales',
      resourceGroup: RG,
      existingNetwork: { virtualNetworkId: HUB_VNET, privateEndpointSubnetId: `${HUB_VNET}/subnets/pe` },
      privateDnsZoneIds: {
        [PrivateDnsZoneName.BLOB]: `${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/${PrivateDnsZoneName.BLOB}`,
      },
      lake,
    });
    return stack;
  },
  'Catalog defaults': () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    new Catalog(stack, 'Catalog', { platformName: 'sales', resourceGroup: RG, lake });
    return stack;
  },
  'Catalog with Purview in the network': () => {
    const { stack, lake, network } = platform();
    new Catalog(stack, 'Catalog', { platformName: 'sales', resourceGroup: RG, lake, purview: true, network });
    return stack;
  },
  'Warehouse defaults': () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      resourceGroup: RG,
      lake,
      sqlAdministrator: admin,
    });
    return stack;
  },
  'Warehouse maximal: network, Purview, dedicated pool, data plane, grants, logs': () => maximal(),
  'Warehouse sharing the platform key': () => {
    const { stack, lake, network, key } = platform();
    new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      resourceGroup: RG,
      lake,
      network,
      encryptionKey: key,
      sqlAdministrator: admin,
    });
    return stack;
  },
};

describe('Azure pack on the network, catalog and warehouse blocks', () => {
  test.each(Object.keys(CONFIGURATIONS))('%s: zero unacknowledged findings', (name) => {
    expectClean(checkCompliance(CONFIGURATIONS[name]()));
  });

  test("the blocks acknowledge nothing; only a vault opened to the deployer's range is", () => {
    const acknowledged = Object.values(CONFIGURATIONS).flatMap(
      (make) => checkCompliance(make()).acknowledged,
    );
    expect(acknowledged.map((a) => `${a.ruleId} ${a.path}`)).toEqual([
      'CKV_AZURE_189 Test/Warehouse/Key/Vault',
    ]);
    expect(acknowledged[0].reason).toBe(EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT.reason);
  });

  test.each([
    'CKV_AZURE_58',
    'CKV_AZURE_157',
    'CKV_AZURE_239',
    'CKV_AZURE_240',
    'CKV_AZURE_241',
    'DPK_AZURE_SYNAPSE_PUBLIC_NETWORK',
    'DPK_AZURE_SYNAPSE_ENTRA_ONLY',
    'DPK_AZURE_PREVENT_DESTROY',
    'CKV2_AZURE_31',
    'DPK_AZURE_PRIVATE_ENDPOINT_DNS',
    'DPK_AZURE_PURVIEW_PUBLIC_NETWORK',
  ])('%s runs on the maximal configuration, and passes', (id) => {
    // GIVEN the maximal configuration / WHEN one rule runs / THEN it checked something, cleanly
    const rule = DATA_PLATFORM_RULES.find((r) => r.id === id)!;
    const report = checkTerraform(maximal(), [rule]);
    expect(report.checks).toBeGreaterThan(0);
    expect(report.findings).toEqual([]);
  });

  test('DESTROY with the flag: workspace and pool are acknowledged with the guard reason', () => {
    // GIVEN a warehouse that may be destroyed
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      resourceGroup: RG,
      lake,
      sqlAdministrator: admin,
      dedicatedSqlPool: true,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    // WHEN checked / THEN no finding; the retention rule is acknowledged on workspace, pool and key
    const report = expectClean(checkCompliance(stack));
    const ours = report.acknowledged.filter((a) => a.path?.startsWith('Test/Warehouse/'));
    expect(ours.map((a) => a.address.split('.')[0]).sort()).toEqual([
      'azurerm_key_vault',
      'azurerm_key_vault_key',
      'azurerm_synapse_sql_pool',
      'azurerm_synapse_workspace',
    ]);
    expect(new Set(ours.map((a) => a.reason))).toEqual(new Set([DESTROY_ACKNOWLEDGEMENT_REASON]));
  });
});

describe('Azure pack: weakened network, catalog and warehouse resources are reported', () => {
  test('a workspace opened and a pool left unencrypted through the escape hatch', () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const warehouse = new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      resourceGroup: RG,
      lake,
      sqlAdministrator: admin,
      dedicatedSqlPool: true,
    });
    warehouse.workspace.addOverride('public_network_access_enabled', true);
    warehouse.workspace.addOverride('azuread_authentication_only', false);
    warehouse.sqlPool!.addOverride('data_encrypted', false);
    expect(
      checkCompliance(stack)
        .findings.map((f) => `${f.ruleId} ${f.path}`)
        .sort(),
    ).toEqual([
      'CKV_AZURE_241 Test/Warehouse/SqlPool',
      'DPK_AZURE_SYNAPSE_ENTRA_ONLY Test/Warehouse/Workspace',
      'DPK_AZURE_SYNAPSE_PUBLIC_NETWORK Test/Warehouse/Workspace',
    ]);
  });

  test('an inbound rule from the internet added to the network, and an endpoint without DNS', () => {
    const { stack, network } = platform();
    new NetworkSecurityRule(stack, 'OpenSsh', {
      name: 'AllowSsh',
      resourceGroupName: RG.name,
      networkSecurityGroupName: network.networkSecurityGroup!.name,
      priority: 200,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sourceAddressPrefix: '*',
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      destinationPortRange: '22',
    });
    network.privateEndpoints.LakeDfs.addOverride('private_dns_zone_group', null);
    network.subnetNetworkSecurityGroup!.addOverride('subnet_id', '${azurerm_subnet.other.id}');
    expect(
      checkCompliance(stack)
        .findings.map((f) => `${f.ruleId} ${f.path}`)
        .sort(),
    ).toEqual([
      'CKV2_AZURE_31 Test/Network/PrivateEndpointSubnet',
      'DPK_AZURE_NSG_INTERNET_INBOUND Test/OpenSsh',
      'DPK_AZURE_PRIVATE_ENDPOINT_DNS Test/Network/LakeDfsEndpoint',
    ]);
  });

  test('a Purview account opened to the internet', () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const catalog = new Catalog(stack, 'Catalog', {
      platformName: 'sales',
      resourceGroup: RG,
      lake,
      purview: true,
    });
    catalog.purviewAccount!.addOverride('public_network_enabled', true);
    expect(checkCompliance(stack).findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual([
      'DPK_AZURE_PURVIEW_PUBLIC_NETWORK Test/Catalog/Purview',
    ]);
  });
});

describe('Azure pack: the warehouse-azure example', () => {
  test('zero unacknowledged findings; the shared vault opened to the deployer is acknowledged', () => {
    // GIVEN the example app with the runner's egress range / WHEN checked as a whole app
    const app = new App({
      outdir: path.join(os.tmpdir(), 'data-platform-kit-tests'),
      stackTraces: false,
      context: { [RUNNER_EGRESS_CONTEXT]: '20.61.10.0/24' },
    });
    const [stack] = build(app);
    const report = expectClean(checkCompliance(app));
    // THEN clean, and the example is the documented shape
    expect(stack.node.id).toBe('warehouse-azure');
    expect(report.acknowledged.map((a) => `${a.ruleId} ${a.path}`)).toEqual([
      'CKV_AZURE_189 warehouse-azure/Key/Vault',
    ]);
    expect(report.checks).toBeGreaterThanOrEqual(40);
  });
});
