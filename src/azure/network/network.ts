import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Construct, type IConstruct } from 'constructs';
import { PrivateDnsZoneName, PrivateEndpointSubresource, SUBRESOURCE_DNS_ZONES } from './endpoints';
import { CommonDefaults, type NetworkCommonProps } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName } from '../../core/naming';
import type { Tags } from '../../core/tags';
import { type ITerraformDependable, TerraformStack } from '../../terraform';
import {
  CIDR_PREFIX_RANGE,
  PRIVATE_ENDPOINT_SUBNET_PREFIX,
  resolveNetworkSettings,
} from './private/network-validation';
import { WarehouseNameRules } from '../private/warehouse-names';
import type { ResourceGroupRef } from '../resource-group';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** What a private endpoint connects to. */
export interface PrivateEndpointOptions {
  /** Resource Manager id of the resource (storage account, vault, workspace, Purview account). */
  readonly resourceId: string;
  /** The sub-resource (group id) to connect; it picks the private DNS zone. */
  readonly subresource: PrivateEndpointSubresource;
  /**
   * What the endpoint waits for (e.g. a Synapse workspace's key activation: Synapse refuses
   * connections to a workspace whose customer-managed key is not active yet).
   * @default - nothing beyond the target
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** Private networking other blocks place their private endpoints in. */
export interface INetwork extends IConstruct {
  /** Resource Manager id of the virtual network. */
  readonly virtualNetworkId: string;
  /** Resource Manager id of the subnet that holds the private endpoints. */
  readonly privateEndpointSubnetId: string;
  /**
   * Adds a private endpoint for `options.resourceId` in the private-endpoint subnet, registered in
   * the sub-resource's private DNS zone. Adding the same `id` for the same target returns the
   * first endpoint; for another target it throws `DPK_CONFLICTING_PROPS`.
   */
  addPrivateEndpoint(id: string, options: PrivateEndpointOptions): PrivateEndpoint;
  /** Resource Manager id of a private DNS zone: the one given, or one the network creates and links. */
  privateDnsZoneId(zone: PrivateDnsZoneName): string;
}

/** An existing virtual network and subnet (a landing zone's) to use instead of creating them. */
export interface ExistingNetworkAttributes {
  /** Resource Manager id of the virtual network (DNS zones the network creates link to it). */
  readonly virtualNetworkId: string;
  /** Resource Manager id of a subnet of that network, for the private endpoints. */
  readonly privateEndpointSubnetId: string;
}

/**
 * What identifies a virtual network made in another stack or subscription (a landing zone's),
 * and where the private endpoints this stack adds to it go.
 */
export interface NetworkAttributes extends ExistingNetworkAttributes {
  /** Platform name that the names of added endpoints and DNS zone links start with. */
  readonly platformName: string;
  /** Resource group of the endpoints (and of DNS zones not given) this stack adds. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the virtual network: endpoints live in its region.
   * @default - the resource group's location
   */
  readonly location?: string;
  /**
   * The landing zone's private DNS zones by zone name, used as they are.
   * @default - every zone an endpoint needs is created in `resourceGroup` and linked
   */
  readonly privateDnsZoneIds?: Partial<Record<PrivateDnsZoneName, string>>;
}

/** Props of {@link Network}. */
export interface NetworkProps extends NetworkCommonProps {
  /** Resource group of the network resources. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the network and its endpoints (the resources they reach may be elsewhere).
   * With `existingNetwork`, give that network's location: endpoints live in its region.
   * @default - the resource group's location
   */
  readonly location?: string;
  /**
   * Use an existing virtual network and subnet instead of creating them: no VNet, subnet or
   * network security group is made (the landing zone owns them). Not allowed with `cidr`.
   * @default - a new virtual network
   */
  readonly existingNetwork?: ExistingNetworkAttributes;
  /**
   * Existing private DNS zones by zone name (`/subscriptions/…/privateDnsZones/<zone name>`), as
   * landing zones own DNS centrally. A zone given here is used as is: the network neither creates
   * it nor links it to the virtual network (the landing zone resolves it). Zones not given are
   * created, when an endpoint needs them, and linked to the virtual network.
   * @default - every zone an endpoint needs is created and linked
   */
  readonly privateDnsZoneIds?: Partial<Record<PrivateDnsZoneName, string>>;
  /**
   * A lake to reach privately: endpoints for its `blob` and `dfs` sub-resources
   * ({@link Network.addLakeEndpoints}).
   * @default - none; add later with `addLakeEndpoints`
   */
  readonly lake?: ILakeStorage;
  /**
   * Keys whose vaults to reach privately ({@link Network.addKeyVaultEndpoint}).
   * @default - none
   */
  readonly encryptionKeys?: IEncryptionKey[];
}

/** Stable construct-id stems of the zones a network creates (ids never change with names). */
const DNS_ZONE_CONSTRUCT_IDS: Readonly<Record<PrivateDnsZoneName, string>> = {
  [PrivateDnsZoneName.BLOB]: 'Blob',
  [PrivateDnsZoneName.DFS]: 'Dfs',
  [PrivateDnsZoneName.KEY_VAULT]: 'KeyVault',
  [PrivateDnsZoneName.SYNAPSE_SQL]: 'SynapseSql',
  [PrivateDnsZoneName.SYNAPSE_DEV]: 'SynapseDev',
  [PrivateDnsZoneName.SERVICE_BUS]: 'ServiceBus',
  [PrivateDnsZoneName.PURVIEW_ACCOUNT]: 'PurviewAccount',
  [PrivateDnsZoneName.PURVIEW_PORTAL]: 'PurviewPortal',
};

/**
 * Private networking for the data services: a virtual network with a private-endpoint subnet,
 * private endpoints for the lake (`blob`, `dfs`), Key Vaults and any other private-link resource,
 * and the private DNS zones those endpoints register in. Or an existing (landing-zone) network
 * and DNS zones, brought by id.
 *
 * Secure defaults: an RFC 1918 range only; the private-endpoint subnet has no default outbound
 * internet access and a network security group that denies all inbound traffic from the internet
 * (priority {@link Network.DENY_INTERNET_PRIORITY}, ahead of any rule added later), enforced on
 * the private endpoints too (`private_endpoint_network_policies = Enabled`); DNS zones are linked
 * without auto-registration. Endpoints connect automatically (no manual approval), which needs the
 * deployer to hold `…/privateEndpointConnectionsApproval/action` on the target (Owner or
 * Contributor does); otherwise the connection waits, pending, for the target's owner.
 *
 * The Synapse managed virtual network needs no delegated subnet here: Synapse's own compute runs
 * in the workspace-managed network and reaches the lake through managed private endpoints
 * (see `Warehouse`); this network carries the inbound side (users, runners, the deployer).
 *
 * Deployability: a Key Vault key created by the kit waits for its vault's endpoint, so a deployer
 * inside this network resolves the vault to its private address before creating the key.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-overview
 * @example
 * const network = new Network(stack, 'Network', {
 *   platformName: 'sales',
 *   resourceGroup: rg,
 *   lake,
 *   encryptionKeys: [key],
 * });
 */
export class Network extends Construct implements INetwork {
  /** IPv4 range when `cidr` is unset. */
  public static readonly DEFAULT_CIDR = CommonDefaults.NETWORK_CIDR;
  /** Allowed prefix lengths of `cidr` (the private-endpoint subnet takes the first /24). */
  public static readonly CIDR_PREFIX_RANGE = CIDR_PREFIX_RANGE;
  /** Prefix length of the private-endpoint subnet: 251 usable addresses, one per endpoint. */
  public static readonly PRIVATE_ENDPOINT_SUBNET_PREFIX = PRIVATE_ENDPOINT_SUBNET_PREFIX;
  /** Name of the private-endpoint subnet (unique within its virtual network). */
  public static readonly PRIVATE_ENDPOINT_SUBNET_NAME = 'private-endpoints';
  /** Name of the rule that denies inbound traffic from the internet. */
  public static readonly DENY_INTERNET_RULE_NAME = 'DenyInternetInbound';
  /** Priority of that rule: the highest user priority, so no later allow rule precedes it. */
  public static readonly DENY_INTERNET_PRIORITY = 100;

  /**
   * Imports a virtual network made in another stack or subscription, for blocks that add
   * private endpoints to it. Nothing is created for the network itself (no VNet, subnet or
   * security group); endpoints, and the DNS zones not given, are created as blocks ask for them.
   * Throws `DPK_INVALID_NAME` for malformed ids; tokens pass.
   *
   * @example
   * const network = Network.fromNetworkAttributes(stack, 'LandingZone', {
   *   platformName: 'sales',
   *   resourceGroup: rg,
   *   virtualNetworkId: hubVnetId,
   *   privateEndpointSubnetId: endpointSubnetId,
   * });
   */
  public static fromNetworkAttributes(scope: Construct, id: string, attrs: NetworkAttributes): INetwork {
    const { virtualNetworkId, privateEndpointSubnetId, ...props } = attrs;
    return new Network(scope, id, {
      ...props,
      existingNetwork: { virtualNetworkId, privateEndpointSubnetId },
    });
  }

  /** The virtual network, unless `existingNetwork` was given. */
  public readonly virtualNetwork?: VirtualNetwork;
  /** The private-endpoint subnet, unless `existingNetwork` was given. */
  public readonly privateEndpointSubnet?: Subnet;
  /** The subnet's network security group, unless `existingNetwork` was given. */
  public readonly networkSecurityGroup?: NetworkSecurityGroup;
  /** The rule denying inbound internet traffic, unless `existingNetwork` was given. */
  public readonly denyInternetInbound?: NetworkSecurityRule;
  /** The group's association with the subnet, unless `existingNetwork` was given. */
  public readonly subnetNetworkSecurityGroup?: SubnetNetworkSecurityGroupAssociation;
  public readonly virtualNetworkId: string;
  public readonly privateEndpointSubnetId: string;
  private readonly platform: string;
  private readonly location: string;
  private readonly resourceGroupName: string;
  private readonly tags: Tags;
  private readonly existingZones: Partial<Record<PrivateDnsZoneName, string>>;
  private readonly zones = new Map<PrivateDnsZoneName, PrivateDnsZone>();
  private readonly zoneLinks = new Map<PrivateDnsZoneName, PrivateDnsZoneVirtualNetworkLink>();
  private readonly endpoints = new Map<string, PrivateEndpoint>();

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const s = resolveNetworkSettings(this, props, Network.DEFAULT_CIDR);
    this.platform = s.platform;
    this.location = s.location;
    this.resourceGroupName = props.resourceGroup.name;
    this.tags = s.tags;
    this.existingZones = s.existingZones;
    if (s.network.kind === 'existing') {
      this.virtualNetworkId = s.network.virtualNetworkId;
      this.privateEndpointSubnetId = s.network.privateEndpointSubnetId;
    } else {
      this.virtualNetwork = this.createVirtualNetwork(s.network.cidr);
      this.privateEndpointSubnet = this.createPrivateEndpointSubnet(
        this.virtualNetwork,
        s.network.subnetRange,
      );
      this.networkSecurityGroup = this.createSecurityGroup();
      this.denyInternetInbound = this.createDenyInternetRule(this.networkSecurityGroup);
      this.subnetNetworkSecurityGroup = this.createSubnetSecurityGroup(
        this.privateEndpointSubnet,
        this.networkSecurityGroup,
      );
      this.virtualNetworkId = this.virtualNetwork.id;
      this.privateEndpointSubnetId = this.privateEndpointSubnet.id;
    }

    if (props.lake) this.addLakeEndpoints(props.lake);
    for (const key of props.encryptionKeys ?? []) this.addKeyVaultEndpoint(key);
  }

  /** Every private DNS zone the network created, by zone name. */
  public get privateDnsZones(): Readonly<Partial<Record<PrivateDnsZoneName, PrivateDnsZone>>> {
    return Object.fromEntries(this.zones);
  }

  /** The links of the created zones to the virtual network, by zone name. */
  public get privateDnsZoneLinks(): Readonly<
    Partial<Record<PrivateDnsZoneName, PrivateDnsZoneVirtualNetworkLink>>
  > {
    return Object.fromEntries(this.zoneLinks);
  }

  /** Every private endpoint added, by construct id. */
  public get privateEndpoints(): Readonly<Record<string, PrivateEndpoint>> {
    return Object.fromEntries(this.endpoints);
  }

  public privateDnsZoneId(zone: PrivateDnsZoneName): string {
    const existing = this.existingZones[zone];
    if (existing !== undefined) return existing;
    let created = this.zones.get(zone);
    if (!created) {
      const stem = DNS_ZONE_CONSTRUCT_IDS[zone];
      created = new PrivateDnsZone(this, `${stem}DnsZone`, {
        name: zone,
        resourceGroupName: this.resourceGroupName,
        tags: this.tags,
      });
      this.zones.set(zone, created);
      this.zoneLinks.set(
        zone,
        new PrivateDnsZoneVirtualNetworkLink(this, `${stem}DnsZoneLink`, {
          name: this.name(stem.toLowerCase(), 'link'),
          resourceGroupName: this.resourceGroupName,
          privateDnsZoneName: created.name,
          virtualNetworkId: this.virtualNetworkId,
          registrationEnabled: false,
          tags: this.tags,
        }),
      );
    }
    return created.id;
  }

  public addPrivateEndpoint(id: string, options: PrivateEndpointOptions): PrivateEndpoint {
    const existing = this.endpoints.get(id);
    if (existing) {
      const connection = existing.privateServiceConnection;
      const same =
        connection.privateConnectionResourceIdInput === options.resourceId &&
        connection.subresourceNamesInput?.[0] === options.subresource;
      if (same) return existing;
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'id',
        received: id,
        allowed: `an id not yet used for another private endpoint of this network (it connects ${connection.privateConnectionResourceIdInput})`,
      });
    }
    const zoneId = this.privateDnsZoneId(SUBRESOURCE_DNS_ZONES[options.subresource]);
    const name = this.name('pe', id.toLowerCase());
    const endpoint = new PrivateEndpoint(this, `${id}Endpoint`, {
      name,
      location: this.location,
      resourceGroupName: this.resourceGroupName,
      subnetId: this.privateEndpointSubnetId,
      customNetworkInterfaceName: `${name}-nic`,
      privateServiceConnection: {
        name,
        privateConnectionResourceId: options.resourceId,
        subresourceNames: [options.subresource],
        isManualConnection: false,
      },
      privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [zoneId] },
      tags: this.tags,
      dependsOn: options.dependsOn,
    });
    this.endpoints.set(id, endpoint);
    return endpoint;
  }

  /** Endpoints for the lake account's `blob` and `dfs` sub-resources, in that order. */
  public addLakeEndpoints(lake: ILakeStorage): PrivateEndpoint[] {
    return [PrivateEndpointSubresource.BLOB, PrivateEndpointSubresource.DFS].map((subresource) =>
      this.addPrivateEndpoint(
        `${lake.node.id}${subresource === PrivateEndpointSubresource.BLOB ? 'Blob' : 'Dfs'}`,
        {
          resourceId: lake.storageAccountId,
          subresource,
        },
      ),
    );
  }

  /**
   * An endpoint for the key's vault. A key the kit creates is made after the endpoint exists, so a
   * deployer inside this network reaches the vault's data plane on the first apply.
   */
  public addKeyVaultEndpoint(key: IEncryptionKey): PrivateEndpoint {
    const endpoint = this.addPrivateEndpoint(`${key.node.id}Vault`, {
      resourceId: key.keyVaultId,
      subresource: PrivateEndpointSubresource.KEY_VAULT,
    });
    if (key instanceof EncryptionKey && TerraformStack.of(key) === TerraformStack.of(this)) {
      // depends_on takes a plain address; the endpoint's is known once it exists.
      const address = `${endpoint.terraformResourceType}.${endpoint.friendlyUniqueId}`;
      key.key.dependsOn = [...new Set([...(key.key.dependsOn ?? []), address])];
    }
    return endpoint;
  }

  /** The virtual network (`VirtualNetwork`) over `cidr`. */
  private createVirtualNetwork(cidr: string): VirtualNetwork {
    return new VirtualNetwork(this, 'VirtualNetwork', {
      name: this.name('vnet'),
      location: this.location,
      resourceGroupName: this.resourceGroupName,
      addressSpace: [cidr],
      tags: this.tags,
    });
  }

  /** The private-endpoint subnet: no default outbound access, network policies on the endpoints. */
  private createPrivateEndpointSubnet(vnet: VirtualNetwork, range: string): Subnet {
    return new Subnet(this, 'PrivateEndpointSubnet', {
      name: Network.PRIVATE_ENDPOINT_SUBNET_NAME,
      resourceGroupName: this.resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefixes: [range],
      // NSGs and route tables apply to the private endpoints as well.
      privateEndpointNetworkPolicies: 'Enabled',
      defaultOutboundAccessEnabled: false,
    });
  }

  /** The subnet's network security group. */
  private createSecurityGroup(): NetworkSecurityGroup {
    return new NetworkSecurityGroup(this, 'SecurityGroup', {
      name: this.name('pe-nsg'),
      location: this.location,
      resourceGroupName: this.resourceGroupName,
      tags: this.tags,
    });
  }

  /** The rule denying every inbound connection from the internet, at the highest user priority. */
  private createDenyInternetRule(nsg: NetworkSecurityGroup): NetworkSecurityRule {
    return new NetworkSecurityRule(this, 'DenyInternetInbound', {
      name: Network.DENY_INTERNET_RULE_NAME,
      resourceGroupName: this.resourceGroupName,
      networkSecurityGroupName: nsg.name,
      priority: Network.DENY_INTERNET_PRIORITY,
      direction: 'Inbound',
      access: 'Deny',
      protocol: '*',
      sourceAddressPrefix: 'Internet',
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      destinationPortRange: '*',
      description: 'data-platform-kit: nothing reaches the private endpoints from the internet.',
    });
  }

  /** The security group's association with the subnet. */
  private createSubnetSecurityGroup(
    subnet: Subnet,
    nsg: NetworkSecurityGroup,
  ): SubnetNetworkSecurityGroupAssociation {
    return new SubnetNetworkSecurityGroupAssociation(this, 'SubnetSecurityGroup', {
      subnetId: subnet.id,
      networkSecurityGroupId: nsg.id,
    });
  }

  private name(...parts: string[]): string {
    return physicalName(this, WarehouseNameRules.NETWORK_RESOURCE, { platform: this.platform, parts });
  }
}
