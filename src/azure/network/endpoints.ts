/**
 * A private DNS zone that private endpoints register their addresses in (Azure public cloud
 * names). Landing zones usually own these zones centrally: pass their ids to
 * `NetworkProps.privateDnsZoneIds` and the network uses them instead of creating its own.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 * @example
 * const blobZoneId = network.privateDnsZoneId(PrivateDnsZoneName.BLOB);
 */
export enum PrivateDnsZoneName {
  /** Blob storage (`<account>.blob.core.windows.net`). */
  BLOB = 'privatelink.blob.core.windows.net',
  /** ADLS Gen2 (`<account>.dfs.core.windows.net`). */
  DFS = 'privatelink.dfs.core.windows.net',
  /** Key Vault (`<vault>.vault.azure.net`). */
  KEY_VAULT = 'privatelink.vaultcore.azure.net',
  /** Synapse dedicated and serverless SQL (`<ws>.sql…`, `<ws>-ondemand.sql.azuresynapse.net`). */
  SYNAPSE_SQL = 'privatelink.sql.azuresynapse.net',
  /** Synapse development endpoint (`<ws>.dev.azuresynapse.net`): Studio, pipelines, RBAC. */
  SYNAPSE_DEV = 'privatelink.dev.azuresynapse.net',
  /** Event Hubs namespace (`<namespace>.servicebus.windows.net`). */
  SERVICE_BUS = 'privatelink.servicebus.windows.net',
  /** Microsoft Purview account (`<account>.purview.azure.com`). */
  PURVIEW_ACCOUNT = 'privatelink.purview.azure.com',
  /** Microsoft Purview governance portal (`web.purview.azure.com`). */
  PURVIEW_PORTAL = 'privatelink.purviewstudio.azure.com',
}

/**
 * The sub-resource (group id) a private endpoint connects to.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-link-resource
 * @example
 * network.addPrivateEndpoint('LakeDfs', { resourceId: lake.storageAccountId, subresource: PrivateEndpointSubresource.DFS });
 */
export enum PrivateEndpointSubresource {
  /** A storage account's blob service. */
  BLOB = 'blob',
  /** A storage account's Data Lake (dfs) service. */
  DFS = 'dfs',
  /** A Key Vault. */
  KEY_VAULT = 'vault',
  /** A Synapse workspace's dedicated SQL endpoint. */
  SYNAPSE_SQL = 'Sql',
  /** A Synapse workspace's serverless SQL endpoint. */
  SYNAPSE_SQL_ON_DEMAND = 'SqlOnDemand',
  /** A Synapse workspace's development endpoint (Studio, pipelines, Synapse RBAC). */
  SYNAPSE_DEV = 'Dev',
  /** An Event Hubs namespace. */
  EVENT_HUBS_NAMESPACE = 'namespace',
  /** A Purview account's API endpoint. */
  PURVIEW_ACCOUNT = 'account',
  /** A Purview account's governance portal. */
  PURVIEW_PORTAL = 'portal',
}

/**
 * Sub-resource → the private DNS zone its endpoint registers in: the one table of the network
 * block. Both Synapse SQL endpoints share one zone.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns#azure-services-dns-zone-configuration
 * @example
 * const zone = SUBRESOURCE_DNS_ZONES[PrivateEndpointSubresource.DFS]; // privatelink.dfs.core.windows.net
 */
export const SUBRESOURCE_DNS_ZONES: Readonly<Record<PrivateEndpointSubresource, PrivateDnsZoneName>> = {
  [PrivateEndpointSubresource.BLOB]: PrivateDnsZoneName.BLOB,
  [PrivateEndpointSubresource.DFS]: PrivateDnsZoneName.DFS,
  [PrivateEndpointSubresource.KEY_VAULT]: PrivateDnsZoneName.KEY_VAULT,
  [PrivateEndpointSubresource.SYNAPSE_SQL]: PrivateDnsZoneName.SYNAPSE_SQL,
  [PrivateEndpointSubresource.SYNAPSE_SQL_ON_DEMAND]: PrivateDnsZoneName.SYNAPSE_SQL,
  [PrivateEndpointSubresource.SYNAPSE_DEV]: PrivateDnsZoneName.SYNAPSE_DEV,
  [PrivateEndpointSubresource.EVENT_HUBS_NAMESPACE]: PrivateDnsZoneName.SERVICE_BUS,
  [PrivateEndpointSubresource.PURVIEW_ACCOUNT]: PrivateDnsZoneName.PURVIEW_ACCOUNT,
  [PrivateEndpointSubresource.PURVIEW_PORTAL]: PrivateDnsZoneName.PURVIEW_PORTAL,
};
