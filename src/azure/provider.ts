/**
 * The azurerm provider and resource group of a stack an application makes itself (as
 * examples/lakehouse-azure does), for callers that may not import provider packages (the `dpk`
 * CLI). Not exported from the entry point: an app makes its provider and group itself.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { Construct } from 'constructs';
import { registerKitResourceProviders } from './resource-providers';

/**
 * Adds the stack's default azurerm provider, id `Azurerm`, configured as the kit's blocks need:
 * Entra ID storage auth with no data-plane reads the deployer could not reach (the storage
 * accounts have no public endpoint and no shared keys), and the kit's resource providers registered.
 */
export function addAzurermProvider(stack: Construct): AzurermProvider {
  const provider = new AzurermProvider(stack, 'Azurerm', {
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });
  // Microsoft.Synapse and Microsoft.Purview are not in azurerm 4.x's default registrations.
  return registerKitResourceProviders(provider);
}

/** Adds a resource group, id `ResourceGroup`, named `name` in `location`. */
export function addResourceGroup(stack: Construct, name: string, location: string): ResourceGroup {
  return new ResourceGroup(stack, 'ResourceGroup', { name, location });
}
