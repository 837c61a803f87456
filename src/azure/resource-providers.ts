import type { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';

/**
 * Resource providers the kit's resources need that azurerm 4.x does not register by default.
 * azurerm 4.x registers its `legacy` set (`resource_provider_registrations`, default `legacy`
 * until 5.0; internal/resourceproviders/required.go at v4.55.0): it holds Microsoft.Storage,
 * Microsoft.KeyVault, Microsoft.ManagedIdentity, Microsoft.Network, Microsoft.EventHub,
 * Microsoft.DataFactory, Microsoft.OperationalInsights, microsoft.insights and
 * Microsoft.Authorization, but not these. Without them a fresh subscription fails the first apply
 * with MissingSubscriptionRegistration.
 *
 * - Microsoft.Synapse: the warehouse's workspace, pools and RBAC (`azurerm_synapse_*`).
 * - Microsoft.Purview: the catalog's optional Purview account (`azurerm_purview_account`).
 *
 * Registering needs the providers' `register/action` on the subscription (e.g. Contributor).
 *
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-providers-and-types
 * @example
 * const provider = new AzurermProvider(stack, 'Azurerm', { features: [{}] });
 * registerKitResourceProviders(provider);
 */
export const KIT_RESOURCE_PROVIDERS: readonly string[] = ['Microsoft.Synapse', 'Microsoft.Purview'];

/**
 * Adds {@link KIT_RESOURCE_PROVIDERS} to the provider's `resource_providers_to_register`, keeping
 * what the caller listed there; registered in addition to its `resource_provider_registrations`
 * set. Returns the provider.
 *
 * @example
 * registerKitResourceProviders(new AzurermProvider(stack, 'Azurerm', { features: [{}] }));
 */
export function registerKitResourceProviders(provider: AzurermProvider): AzurermProvider {
  const current = provider.resourceProvidersToRegisterInput ?? [];
  provider.resourceProvidersToRegister = [...new Set([...current, ...KIT_RESOURCE_PROVIDERS])].sort();
  return provider;
}
