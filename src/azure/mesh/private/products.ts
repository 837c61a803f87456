/**
 * A domain's products stack: its lakehouse on the identity stack's personas, network and
 * governance's DNS zones (all found by name), a container per product, the producer's and its
 * subscribers' grants on those containers, the peerings with its consumers' networks, and a
 * freshness rule per product. Internal: not exported from the entry point.
 */
import { DataAzurermPrivateDnsZone } from '@cdktf/provider-azurerm/lib/data-azurerm-private-dns-zone';
import { DataAzurermSubnet } from '@cdktf/provider-azurerm/lib/data-azurerm-subnet';
import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { DataAzurermVirtualNetwork } from '@cdktf/provider-azurerm/lib/data-azurerm-virtual-network';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { HUB_ALIAS } from './landing-zone';
import {
  freshnessRuleName,
  idPart,
  peeringName,
  personaIdentityName,
  productContainerName,
} from './mesh-names';
import type { AzureMeshSettings } from './mesh-settings';
import { meshProvider } from './providers';
import { decideRemoval, ZoneAccess } from '../../../core/internal';
import {
  type DataMeshSpec,
  domainLakehouseSpec,
  type PlannedDomain,
  type PlannedProduct,
} from '../../../patterns';
import type { TerraformStack } from '../../../terraform';
import { Principal } from '../../iam/principal';
import type { PrivateDnsZoneName } from '../../network/endpoints';
import { Network } from '../../network/network';
import { Lakehouse } from '../../patterns/lakehouse';
import { grantRole } from '../../private/grants';
import { retainData } from '../../private/removal';

/** The role a subscriber's personas get on a product's container: read, list, never write. */
export const SUBSCRIBER_ROLE = 'Storage Blob Data Reader';
/** The role the producer's personas that write the product's zone get on its container. */
export const PUBLISHER_ROLE = 'Storage Blob Data Contributor';
/** The Log Analytics table the lake's blob logs land in. */
export const BLOB_LOG_TABLE = 'StorageBlobLogs';
/** Look-backs a scheduled query rule accepts (`window_duration`), in hours. */
const WINDOW_HOURS = [1, 2, 3, 4, 5, 6, 24, 48];

/** The names the products stack finds other stacks' resources by. */
export interface NetworkNames {
  /** Each domain's virtual network name, by domain. */
  readonly domainNetworks: Readonly<Record<string, string>>;
}

/** What a domain's products stack holds. */
export interface ProductsParts {
  readonly lakehouse: Lakehouse;
  /** Each product's container, by product id. */
  readonly containers: Readonly<Record<string, StorageContainer>>;
  /** The subscribers' grants on this domain's products, by `<consumer>/<persona>/<product id>`. */
  readonly subscriberGrants: Readonly<Record<string, RoleAssignment>>;
  /** Each product's freshness rule, by product id. */
  readonly freshnessRules: Readonly<Record<string, MonitorScheduledQueryRulesAlertV2>>;
  /** Peerings with consumers' networks this stack owns (both directions). */
  readonly peerings: readonly VirtualNetworkPeering[];
}

/** Fills a domain's products stack. */
export function createProducts(
  stack: TerraformStack,
  s: AzureMeshSettings,
  domain: PlannedDomain,
  names: NetworkNames,
): ProductsParts {
  const zone = s.domains[domain.name];
  meshProvider(stack, zone.subscriptionId);
  const hubProvider = meshProvider(stack, s.governanceSubscriptionId, HUB_ALIAS);
  const rg = { name: zone.resourceGroupName, location: zone.location };
  const personaIdentities = Object.fromEntries(
    domain.lakehouse.personas.map((p) => [
      p.name,
      new DataAzurermUserAssignedIdentity(stack, `${idPart(p.name)}Persona`, {
        name: personaIdentityName(s.plan.name, domain.name, p.name),
        resourceGroupName: zone.resourceGroupName,
      }),
    ]),
  );
  const vnet = new DataAzurermVirtualNetwork(stack, 'DomainNetwork', {
    name: names.domainNetworks[domain.name],
    resourceGroupName: zone.resourceGroupName,
  });
  const subnet = new DataAzurermSubnet(stack, 'PrivateEndpointSubnet', {
    name: Network.PRIVATE_ENDPOINT_SUBNET_NAME,
    virtualNetworkName: names.domainNetworks[domain.name],
    resourceGroupName: zone.resourceGroupName,
  });
  const privateDnsZoneIds: Partial<Record<PrivateDnsZoneName, string>> = {};
  for (const dnsZone of zone.dnsZones) {
    privateDnsZoneIds[dnsZone] = new DataAzurermPrivateDnsZone(
      stack,
      `DnsZone${idPart(dnsZone.replace(/\./g, '-'))}`,
      { provider: hubProvider, name: dnsZone, resourceGroupName: s.governanceResourceGroupName },
    ).id;
  }
  const spec = s.props.domains[s.plan.domains.indexOf(domain)];
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...domainLakehouseSpec(s.props as DataMeshSpec, spec),
    resourceGroup: rg,
    personaIdentities,
    network: {
      existingNetwork: { virtualNetworkId: vnet.id, privateEndpointSubnetId: subnet.id },
      privateDnsZoneIds,
    },
    stepScripts: s.props.domainOptions?.[domain.name]?.stepScripts,
    keyVaultAllowedIpRanges: s.props.keyVaultAllowedIpRanges,
    deployerInsideNetwork: s.props.deployerInsideNetwork,
    deployerReachesWorkspace: s.props.deployerReachesWorkspace,
  });
  const containers = createContainers(stack, lakehouse, domain);
  grantPublishers(stack, lakehouse, domain, containers);
  const subscriberGrants = grantSubscribers(stack, s, domain, lakehouse, containers);
  const freshnessRules = createFreshnessRules(stack, s, domain, lakehouse, containers);
  const peerings = peerConsumers(stack, s, domain, names);
  return { lakehouse, containers, subscriberGrants, freshnessRules, peerings };
}

/** Resource Manager id of a product's container. */
export function containerScope(lakehouse: Lakehouse, container: StorageContainer): string {
  return `${lakehouse.lake.storageAccountId}/blobServices/default/containers/${container.name}`;
}

/** A private container per product in the producer's lake, retained on destroy like the zones'. */
function createContainers(
  stack: TerraformStack,
  lakehouse: Lakehouse,
  domain: PlannedDomain,
): Record<string, StorageContainer> {
  const containers: Record<string, StorageContainer> = {};
  for (const product of domain.products) {
    containers[product.id] = new StorageContainer(stack, `${idPart(product.name)}Container`, {
      name: productContainerName(product),
      storageAccountId: lakehouse.lake.storageAccountId,
      containerAccessType: 'private',
    });
  }
  retainData(stack, decideRemoval(stack, lakehouse.plan.removalPolicy), Object.values(containers));
  return containers;
}

/**
 * The producer's personas keep their access to the zone a product is published from on its
 * container: readers read it, read-write personas (who publish) also write it. Write-only
 * personas get nothing here: publishing rewrites table files, which needs reading them.
 */
function grantPublishers(
  stack: TerraformStack,
  lakehouse: Lakehouse,
  domain: PlannedDomain,
  containers: Readonly<Record<string, StorageContainer>>,
): void {
  for (const product of domain.products) {
    for (const grant of lakehouse.plan.grants.filter((g) => g.zone === product.zone)) {
      if (grant.access === ZoneAccess.WRITE) continue;
      grantRole(
        stack,
        `${idPart(product.name)}Producer`,
        Principal.fromUserAssignedIdentity(lakehouse.personas[grant.persona]),
        {
          scope: containerScope(lakehouse, containers[product.id]),
          roleDefinitionName: grant.access === ZoneAccess.READ ? SUBSCRIBER_ROLE : PUBLISHER_ROLE,
          description: `${grant.persona} of ${domain.name}: ${grant.access} on the ${product.name} product`,
        },
      );
    }
  }
}

/** Each cell of the subscription matrix this domain produces: the consumer persona reads the product's container. */
function grantSubscribers(
  stack: TerraformStack,
  s: AzureMeshSettings,
  domain: PlannedDomain,
  lakehouse: Lakehouse,
  containers: Readonly<Record<string, StorageContainer>>,
): Record<string, RoleAssignment> {
  const grants: Record<string, RoleAssignment> = {};
  for (const g of s.plan.subscriptions.filter((x) => x.producer === domain.name)) {
    const consumer = s.domains[g.consumer];
    const provider = meshProvider(stack, consumer.subscriptionId, consumerAlias(g.consumer));
    const identityId = `${idPart(g.consumer)}${idPart(g.persona)}Subscriber`;
    const identity =
      (stack.node.tryFindChild(identityId) as DataAzurermUserAssignedIdentity | undefined) ??
      new DataAzurermUserAssignedIdentity(stack, identityId, {
        provider,
        name: personaIdentityName(s.plan.name, g.consumer, g.persona),
        resourceGroupName: consumer.resourceGroupName,
      });
    const product = s.plan.products.find((p) => p.id === g.product)!;
    grants[`${g.consumer}/${g.persona}/${g.product}`] = grantRole(
      stack,
      `${idPart(product.name)}Subscriber`,
      Principal.fromUserAssignedIdentity(identity),
      {
        scope: containerScope(lakehouse, containers[product.id]),
        roleDefinitionName: SUBSCRIBER_ROLE,
        description: `${g.persona} of ${g.consumer} subscribes to ${g.product} (approved by ${g.approvedBy}${g.expires ? `, until ${g.expires}` : ''})`,
      },
    );
  }
  return grants;
}

/** The alias of the provider reaching a consumer domain's subscription. */
function consumerAlias(consumer: string): string {
  return `domain_${consumer.replace(/-/g, '_')}`;
}

/**
 * A scheduled query per product on the lake's blob logs: no write under the product's container
 * within its maximum age (or no log at all) alerts the producing domain's action group.
 */
function createFreshnessRules(
  stack: TerraformStack,
  s: AzureMeshSettings,
  domain: PlannedDomain,
  lakehouse: Lakehouse,
  containers: Readonly<Record<string, StorageContainer>>,
): Record<string, MonitorScheduledQueryRulesAlertV2> {
  const rules: Record<string, MonitorScheduledQueryRulesAlertV2> = {};
  const workspace = lakehouse.lake.logWorkspace;
  if (workspace === undefined) return rules;
  for (const product of domain.products) {
    rules[product.id] = new MonitorScheduledQueryRulesAlertV2(stack, `${idPart(product.name)}Freshness`, {
      name: freshnessRuleName(s.plan.name, product),
      displayName: `${product.id} is stale`,
      description: `No write under the ${product.id} container in ${product.freshness.maxAgeHours} hours (its contract's freshness): the product is stale or its producer is silent.`,
      resourceGroupName: s.domains[domain.name].resourceGroupName,
      location: s.domains[domain.name].location,
      scopes: [workspace.id],
      severity: 2,
      enabled: true,
      evaluationFrequency: product.freshness.maxAgeHours < 24 ? 'PT1H' : 'P1D',
      windowDuration: freshnessWindow(product),
      criteria: [
        {
          query: freshnessQuery(lakehouse, containers[product.id], product),
          timeAggregationMethod: 'Count',
          operator: 'LessThan',
          threshold: 1,
        },
      ],
      autoMitigationEnabled: true,
      ...(lakehouse.notifications
        ? { action: { actionGroups: [lakehouse.notifications.actionGroupId] } }
        : {}),
      tags: lakehouse.plan.tags as Record<string, string>,
    });
  }
  return rules;
}

/** The smallest look-back the rule accepts that covers the product's maximum age. */
export function freshnessWindow(product: Pick<PlannedProduct, 'freshness'>): string {
  const hours = WINDOW_HOURS.find((h) => h >= product.freshness.maxAgeHours)!;
  return hours < 24 ? `PT${hours}H` : `P${hours / 24}D`;
}

/** Writes under the product's container within its maximum age: none (or no logs) is a breach. */
function freshnessQuery(lakehouse: Lakehouse, container: StorageContainer, product: PlannedProduct): string {
  const account = lakehouse.lake.storageAccountName;
  return [
    BLOB_LOG_TABLE,
    `| where TimeGenerated > ago(${product.freshness.maxAgeHours}h)`,
    `| where AccountName == "${account}" and Category == "StorageWrite"`,
    `| where ObjectKey startswith "/${account}/${container.name}/"`,
  ].join('\n');
}

/**
 * Peering is not transitive: a consumer reaches its producers' private endpoints through a
 * peering of its own with each. The pair is made once, both directions, in the products stack of
 * the first domain (in spec order) that produces for the other: that stack already waits for the
 * other's identity stack, where its network is.
 */
function peerConsumers(
  stack: TerraformStack,
  s: AzureMeshSettings,
  domain: PlannedDomain,
  names: NetworkNames,
): VirtualNetworkPeering[] {
  const order = s.plan.domains.map((d) => d.name);
  const produces = (producer: string, consumer: string) =>
    s.plan.subscriptions.some((g) => g.producer === producer && g.consumer === consumer);
  const peers = order.filter(
    (other) =>
      other !== domain.name &&
      produces(domain.name, other) &&
      !(produces(other, domain.name) && order.indexOf(other) < order.indexOf(domain.name)),
  );
  const own = s.domains[domain.name];
  const peerings: VirtualNetworkPeering[] = [];
  for (const other of peers) {
    const zone = s.domains[other];
    const provider = meshProvider(stack, zone.subscriptionId, consumerAlias(other));
    const ownNetwork = stack.node.tryFindChild('DomainNetwork') as DataAzurermVirtualNetwork;
    const otherNetwork = new DataAzurermVirtualNetwork(stack, `${idPart(other)}Network`, {
      provider,
      name: names.domainNetworks[other],
      resourceGroupName: zone.resourceGroupName,
    });
    peerings.push(
      new VirtualNetworkPeering(stack, `To${idPart(other)}`, {
        name: peeringName(s.plan.name, domain.name, other),
        resourceGroupName: own.resourceGroupName,
        virtualNetworkName: names.domainNetworks[domain.name],
        remoteVirtualNetworkId: otherNetwork.id,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: false,
      }),
      new VirtualNetworkPeering(stack, `From${idPart(other)}`, {
        provider,
        name: peeringName(s.plan.name, other, domain.name),
        resourceGroupName: zone.resourceGroupName,
        virtualNetworkName: names.domainNetworks[other],
        remoteVirtualNetworkId: ownNetwork.id,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: false,
      }),
    );
  }
  return peerings;
}
