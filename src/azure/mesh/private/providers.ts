/**
 * The azurerm providers of an Azure data mesh's stacks: each stack's default provider deploys
 * into its own subscription; an aliased one reads (and, for the hub's side of a peering and the
 * DNS zone links, writes) another subscription's resources. Internal: not exported from the
 * entry point.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { TerraformStack } from '../../../terraform';
import { registerKitResourceProviders } from '../../resource-providers';

/**
 * The stack's provider for `subscriptionId` (the deployer's when undefined): the default one
 * when `alias` is unset, else an aliased one, made once per stack and alias.
 */
export function meshProvider(
  stack: TerraformStack,
  subscriptionId: string | undefined,
  alias?: string,
): AzurermProvider {
  const id = alias === undefined ? 'Azurerm' : `Azurerm${alias.charAt(0).toUpperCase()}${alias.slice(1)}`;
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof AzurermProvider) return existing;
  const provider = new AzurermProvider(stack, id, {
    // Storage accounts have no public endpoint and no shared keys: Entra ID auth only, and no
    // data-plane reads of account properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    ...(alias === undefined ? {} : { alias }),
  });
  // Microsoft.Synapse and Microsoft.Purview are not in azurerm 4.x's default registrations.
  return registerKitResourceProviders(provider);
}
