/**
 * A domain's data landing zone, in its identity stack: the resource group, the persona
 * identities others grant to, and the domain's network, peered with the hub both ways and linked
 * to every private DNS zone of governance. Internal: not exported from the entry point.
 */
import { DataAzurermVirtualNetwork } from '@cdktf/provider-azurerm/lib/data-azurerm-virtual-network';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { dnsLinkName, idPart, peeringName, personaIdentityName } from './mesh-names';
import type { AzureMeshSettings } from './mesh-settings';
import { meshProvider } from './providers';
import type { PlannedDomain } from '../../../patterns';
import type { TerraformStack } from '../../../terraform';
import { Network } from '../../network/network';

/** The alias of the provider a stack reaches the data management zone's subscription with. */
export const HUB_ALIAS = 'hub';

/** What a domain's identity stack holds. */
export interface LandingZoneParts {
  readonly resourceGroup: ResourceGroup;
  /** The persona identities, by persona name. */
  readonly identities: Readonly<Record<string, UserAssignedIdentity>>;
  readonly network: Network;
  /** The domain → hub peering, then the hub → domain one. */
  readonly peerings: readonly VirtualNetworkPeering[];
  /** The domain network's link to each of governance's zones, by zone name. */
  readonly dnsLinks: Readonly<Record<string, PrivateDnsZoneVirtualNetworkLink>>;
}

/** Where governance's hub is, by name: its network and resource group. */
export interface HubRef {
  readonly virtualNetworkName: string;
  readonly resourceGroupName: string;
}

/** Fills a domain's identity stack. */
export function createLandingZone(
  stack: TerraformStack,
  s: AzureMeshSettings,
  domain: PlannedDomain,
  hub: HubRef,
): LandingZoneParts {
  const zone = s.domains[domain.name];
  meshProvider(stack, zone.subscriptionId);
  const hubProvider = meshProvider(stack, s.governanceSubscriptionId, HUB_ALIAS);
  const resourceGroup = new ResourceGroup(stack, 'ResourceGroup', {
    name: zone.resourceGroupName,
    location: zone.location,
    tags: { ...s.plan.tags },
  });
  const identities: Record<string, UserAssignedIdentity> = {};
  for (const persona of domain.lakehouse.personas) {
    identities[persona.name] = new UserAssignedIdentity(stack, `${idPart(persona.name)}Persona`, {
      name: personaIdentityName(s.plan.name, domain.name, persona.name),
      location: zone.location,
      resourceGroupName: resourceGroup.name,
      tags: { ...s.plan.tags },
    });
  }
  const network = new Network(stack, 'Network', {
    platformName: domain.lakehouse.platformName,
    resourceGroup,
    cidr: zone.addressSpace,
    tags: s.plan.tags,
  });
  const hubNetwork = new DataAzurermVirtualNetwork(stack, 'HubNetwork', {
    provider: hubProvider,
    name: hub.virtualNetworkName,
    resourceGroupName: hub.resourceGroupName,
  });
  const peerings = [
    new VirtualNetworkPeering(stack, 'ToHub', {
      name: peeringName(s.plan.name, domain.name, 'hub'),
      resourceGroupName: resourceGroup.name,
      virtualNetworkName: network.virtualNetwork!.name,
      remoteVirtualNetworkId: hubNetwork.id,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
    }),
    new VirtualNetworkPeering(stack, 'FromHub', {
      provider: hubProvider,
      name: peeringName(s.plan.name, 'hub', domain.name),
      resourceGroupName: hub.resourceGroupName,
      virtualNetworkName: hub.virtualNetworkName,
      remoteVirtualNetworkId: network.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
    }),
  ];
  const dnsLinks: Record<string, PrivateDnsZoneVirtualNetworkLink> = {};
  s.dnsZones.forEach((dnsZone) => {
    dnsLinks[dnsZone] = new PrivateDnsZoneVirtualNetworkLink(
      stack,
      `DnsLink${idPart(dnsZone.replace(/\./g, '-'))}`,
      {
        provider: hubProvider,
        name: dnsLinkName(s.plan.name, domain.name),
        resourceGroupName: hub.resourceGroupName,
        privateDnsZoneName: dnsZone,
        virtualNetworkId: network.virtualNetworkId,
        registrationEnabled: false,
        tags: { ...s.plan.tags },
      },
    );
  });
  return { resourceGroup, identities, network, peerings, dnsLinks };
}
