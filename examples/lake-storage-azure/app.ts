import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { type App, TerraformStack } from 'cdktf';
import { LakeStorage, Principal } from 'data-platform-kit/azure';

/** Adds the `lake-storage-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'lake-storage-azure');
  new AzurermProvider(stack, 'Azurerm', {
    // The storage account has no public endpoint and no shared keys: Entra ID auth only, and
    // no data-plane reads of queue/static-website properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });

  // example:start
  const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-sales-data', location: 'westeurope' });

  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    resourceGroup: rg,
    // The deployer creates the Key Vault key on the vault's data plane: let its range in.
    keyVaultAllowedIpRanges: ['203.0.113.0/24'],
  });

  const analysts = new UserAssignedIdentity(stack, 'Analysts', {
    name: 'id-sales-analysts',
    location: rg.location,
    resourceGroupName: rg.name,
  });
  lake.grantRead(Principal.fromUserAssignedIdentity(analysts), 'serving');
  // example:end

  return [stack];
}
