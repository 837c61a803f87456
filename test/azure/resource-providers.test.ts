import * as os from 'node:os';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App } from 'cdktf';
import { newAzureStack, RG } from './azure-stack';
import { build as buildLakeStorage } from '../../examples/lake-storage-azure/app';
import {
  build as buildLakehouse,
  DEPLOYER_REACHES_WORKSPACE_CONTEXT as LAKEHOUSE_SECOND_PASS,
} from '../../examples/lakehouse-azure/app';
import {
  build as buildPipeline,
  DEPLOYER_REACHES_WORKSPACE_CONTEXT as PIPELINE_SECOND_PASS,
} from '../../examples/pipeline-azure/app';
import { build as buildStreaming } from '../../examples/streaming-azure/app';
import {
  build as buildWarehouse,
  DEPLOYER_REACHES_WORKSPACE_CONTEXT as WAREHOUSE_SECOND_PASS,
} from '../../examples/warehouse-azure/app';
import { Catalog } from '../../src/azure/catalog/catalog';
import { KIT_RESOURCE_PROVIDERS, registerKitResourceProviders } from '../../src/azure/resource-providers';
import { LakeStorage } from '../../src/azure/storage/lake-storage';
import type { TerraformStack } from '../../src/terraform';
import { newTfStack, TfTemplate } from '../helpers/tf-template';

/**
 * The resource providers azurerm 4.55 registers by default: its `legacy` set
 * (`resource_provider_registrations` defaults to `legacy` before 5.0), copied from
 * hashicorp/terraform-provider-azurerm v4.55.0 internal/resourceproviders/required.go `Legacy()`.
 */
const AZURERM_4_55_DEFAULT_REGISTRATIONS = new Set([
  'Microsoft.AVS',
  'Microsoft.ApiManagement',
  'Microsoft.AppConfiguration',
  'Microsoft.AppPlatform',
  'Microsoft.Authorization',
  'Microsoft.Automation',
  'Microsoft.Blueprint',
  'Microsoft.BotService',
  'Microsoft.Cache',
  'Microsoft.Cdn',
  'Microsoft.CognitiveServices',
  'Microsoft.Compute',
  'Microsoft.ContainerInstance',
  'Microsoft.ContainerRegistry',
  'Microsoft.ContainerService',
  'Microsoft.CostManagement',
  'Microsoft.CustomProviders',
  'Microsoft.DBforMariaDB',
  'Microsoft.DBforMySQL',
  'Microsoft.DBforPostgreSQL',
  'Microsoft.DataFactory',
  'Microsoft.DataLakeAnalytics',
  'Microsoft.DataLakeStore',
  'Microsoft.DataMigration',
  'Microsoft.DataProtection',
  'Microsoft.Databricks',
  'Microsoft.DesktopVirtualization',
  'Microsoft.DevTestLab',
  'Microsoft.Devices',
  'Microsoft.DocumentDB',
  'Microsoft.EventGrid',
  'Microsoft.EventHub',
  'Microsoft.GuestConfiguration',
  'Microsoft.HDInsight',
  'Microsoft.HealthcareApis',
  'Microsoft.KeyVault',
  'Microsoft.Kusto',
  'Microsoft.Logic',
  'Microsoft.MachineLearningServices',
  'Microsoft.Maintenance',
  'Microsoft.ManagedIdentity',
  'Microsoft.ManagedServices',
  'Microsoft.Management',
  'Microsoft.Maps',
  'Microsoft.MarketplaceOrdering',
  'Microsoft.MixedReality',
  'Microsoft.Network',
  'Microsoft.NotificationHubs',
  'Microsoft.OperationalInsights',
  'Microsoft.OperationsManagement',
  'Microsoft.PolicyInsights',
  'Microsoft.PowerBIDedicated',
  'Microsoft.RecoveryServices',
  'Microsoft.Relay',
  'Microsoft.Resources',
  'Microsoft.Search',
  'Microsoft.Security',
  'Microsoft.SecurityInsights',
  'Microsoft.ServiceBus',
  'Microsoft.ServiceFabric',
  'Microsoft.SignalRService',
  'Microsoft.Sql',
  'Microsoft.Storage',
  'Microsoft.StreamAnalytics',
  'Microsoft.Web',
  'microsoft.insights',
]);

/**
 * Terraform resource type prefix → the resource provider namespace its ARM type lives in
 * (longest prefix wins). Resources without a provider of their own (`time_sleep`) are not Azure.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/azure-services-resource-providers
 */
const NAMESPACE_BY_TYPE_PREFIX: readonly [string, string][] = [
  ['azurerm_data_factory', 'Microsoft.DataFactory'],
  ['azurerm_eventhub', 'Microsoft.EventHub'],
  ['azurerm_key_vault', 'Microsoft.KeyVault'],
  ['azurerm_log_analytics_workspace', 'Microsoft.OperationalInsights'],
  ['azurerm_monitor_', 'microsoft.insights'],
  ['azurerm_network_security_', 'Microsoft.Network'],
  ['azurerm_private_dns_zone', 'Microsoft.Network'],
  ['azurerm_private_endpoint', 'Microsoft.Network'],
  ['azurerm_subnet', 'Microsoft.Network'],
  ['azurerm_virtual_network', 'Microsoft.Network'],
  ['azurerm_purview_account', 'Microsoft.Purview'],
  ['azurerm_resource_group', 'Microsoft.Resources'],
  ['azurerm_role_', 'Microsoft.Authorization'],
  ['azurerm_storage_', 'Microsoft.Storage'],
  ['azurerm_synapse_', 'Microsoft.Synapse'],
  ['azurerm_user_assigned_identity', 'Microsoft.ManagedIdentity'],
];

function namespaceOf(type: string): string | undefined {
  const hit = NAMESPACE_BY_TYPE_PREFIX.filter(([prefix]) => type.startsWith(prefix)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0];
  return hit?.[1];
}

/** Every stack the Azure examples synthesize (both passes), plus a catalog with Purview. */
function kitStacks(): TerraformStack[] {
  const app = (context: Record<string, unknown> = {}) =>
    new App({ outdir: os.tmpdir(), stackTraces: false, context });
  const secondPass = {
    [LAKEHOUSE_SECOND_PASS]: true,
    [WAREHOUSE_SECOND_PASS]: true,
    [PIPELINE_SECOND_PASS]: true,
  };
  const purview = newAzureStack();
  const lake = new LakeStorage(purview, 'Lake', { platformName: 'sales', resourceGroup: RG });
  new Catalog(purview, 'Catalog', { platformName: 'sales', resourceGroup: RG, lake, purview: true });
  return [
    ...buildLakeStorage(app()),
    ...buildStreaming(app()),
    ...buildWarehouse(app()),
    ...buildWarehouse(app(secondPass)),
    ...buildPipeline(app()),
    ...buildPipeline(app(secondPass)),
    ...buildLakehouse(app()),
    ...buildLakehouse(app(secondPass)),
    purview,
  ];
}

describe('resource providers the kit needs', () => {
  const stacks = kitStacks();
  const types = new Set(
    stacks.flatMap((stack) => Object.keys(TfTemplate.fromStack(stack).doc.resource ?? {})),
  );
  const needed = new Set([...types].map(namespaceOf).filter((n): n is string => n !== undefined));

  test('every Azure resource type the kit synthesizes has a known resource provider', () => {
    const unknown = [...types].filter((t) => t.startsWith('azurerm_') && namespaceOf(t) === undefined);
    expect(unknown).toEqual([]);
  });

  test('KIT_RESOURCE_PROVIDERS is exactly what azurerm 4.55 does not register by default', () => {
    const missing = [...needed].filter((n) => !AZURERM_4_55_DEFAULT_REGISTRATIONS.has(n)).sort();
    expect([...KIT_RESOURCE_PROVIDERS].sort()).toEqual(missing);
    expect(missing).toContain('Microsoft.Synapse');
  });

  test('every Azure example registers them on its provider', () => {
    for (const stack of stacks.slice(0, -1)) {
      const provider = TfTemplate.fromStack(stack).doc.provider as any;
      expect({ stack: stack.node.id, providers: provider.azurerm[0].resource_providers_to_register }).toEqual(
        {
          stack: stack.node.id,
          providers: [...KIT_RESOURCE_PROVIDERS].sort(),
        },
      );
    }
  });

  test("registerKitResourceProviders keeps the caller's own registrations", () => {
    const stack = newTfStack();
    const provider = new AzurermProvider(stack, 'Azurerm', {
      features: [{}],
      resourceProvidersToRegister: ['Microsoft.Databricks', 'Microsoft.Synapse'],
    });
    expect(registerKitResourceProviders(provider)).toBe(provider);
    const doc = TfTemplate.fromStack(stack).doc.provider as any;
    expect(doc.azurerm[0].resource_providers_to_register).toEqual([
      'Microsoft.Databricks',
      'Microsoft.Purview',
      'Microsoft.Synapse',
    ]);
  });
});
