import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { type App, TerraformOutput, TerraformStack } from 'cdktf';
import { SALES_LAKEHOUSE } from '../lakehouse-spec';
import { Lakehouse } from 'data-platform-kit/azure';

/**
 * App context key: set it to true in `cdktf.json`'s `context` when `terraform apply` runs on a
 * runner inside the network, so the Synapse workspace's data-plane resources are made too.
 */
export const DEPLOYER_REACHES_WORKSPACE_CONTEXT = 'lakehouse-azure:deployerReachesWorkspace';

/** Adds the `lakehouse-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'lakehouse-azure');
  new AzurermProvider(stack, 'Azurerm', {
    // The storage account has no public endpoint and no shared keys: Entra ID auth only, and
    // no data-plane reads of queue/static-website properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });
  const deployerReachesWorkspace = app.node.tryGetContext(DEPLOYER_REACHES_WORKSPACE_CONTEXT) === true;

  // example:start
  const rg = new ResourceGroup(stack, 'ResourceGroup', {
    name: 'rg-sales-lakehouse',
    location: 'westeurope',
  });

  // The shared spec, on Azure: a resource group, and the deployer's range for the Key Vault.
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    resourceGroup: rg,
    keyVaultAllowedIpRanges: ['203.0.113.0/24'],
    deployerReachesWorkspace,
  });
  // example:end

  new TerraformOutput(stack, 'StorageAccountName', { value: lakehouse.storage.storageAccountName });
  new TerraformOutput(stack, 'AnalystIdentityClientId', { value: lakehouse.personas.analyst.clientId });
  return [stack];
}
