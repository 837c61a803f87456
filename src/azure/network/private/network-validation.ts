/**
 * Validation of the network block's props, and the settings they resolve to. Internal: not
 * exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { firstSubnet, validatePrivateCidr } from '../../../core/cidr';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { validatePlatformName } from '../../../core/naming';
import { resourceTags, type Tags, TagRules } from '../../../core/tags';
import { isUnresolved } from '../../../core/tokens';
import { PrivateDnsZoneName } from '../endpoints';
import type { ExistingNetworkAttributes, NetworkProps } from '../network';

/** Allowed prefix lengths of a network's range. */
export const CIDR_PREFIX_RANGE = { min: 8, max: 24 } as const;
/** Prefix length of the private-endpoint subnet. */
export const PRIVATE_ENDPOINT_SUBNET_PREFIX = 24;

const ZONE_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/([^/]+)$/i;
const VNET_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i;
const SUBNET_ID = /^(.+)\/subnets\/[^/]+$/i;
const ZONE_NAMES: readonly string[] = Object.values(PrivateDnsZoneName);

/**
 * Validates the network's range (a literal private CIDR from /8 to /24, no host bits) and
 * returns the private-endpoint subnet: its first /24. Throws `DPK_INVALID_IP_RANGE`.
 */
export function validateCidr(scope: IConstruct, cidr: string): string {
  const range = validatePrivateCidr(scope, cidr, {
    prefixRange: CIDR_PREFIX_RANGE,
    literalBecause: 'the subnet is derived from it',
  })!;
  return firstSubnet(range, PRIVATE_ENDPOINT_SUBNET_PREFIX);
}

/** Validates an existing network's ids; throws `DPK_INVALID_NAME` or `DPK_CONFLICTING_PROPS`. */
export function validateExistingNetwork(scope: IConstruct, existing: ExistingNetworkAttributes): void {
  const { virtualNetworkId: vnet, privateEndpointSubnetId: subnet } = existing;
  const bad = (prop: string, received: string, allowed: string) =>
    ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop: `existingNetwork.${prop}`,
      received,
      allowed,
    });
  if (!isUnresolved(vnet) && !VNET_ID.test(vnet)) {
    throw bad(
      'virtualNetworkId',
      vnet,
      'a virtual network id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>',
    );
  }
  if (isUnresolved(subnet)) return;
  const parent = SUBNET_ID.exec(subnet)?.[1];
  if (!parent || !VNET_ID.test(parent)) {
    throw bad('privateEndpointSubnetId', subnet, 'a subnet id: <virtual network id>/subnets/<name>');
  }
  if (!isUnresolved(vnet) && parent.toLowerCase() !== vnet.toLowerCase()) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'existingNetwork.privateEndpointSubnetId',
      received: subnet,
      allowed: `a subnet of the virtual network ${vnet}`,
    });
  }
}

/** Validates existing private DNS zone ids by zone name; throws `DPK_INVALID_NAME`. */
export function validateZoneIds(
  scope: IConstruct,
  ids: Partial<Record<PrivateDnsZoneName, string>>,
): Partial<Record<PrivateDnsZoneName, string>> {
  const violations = Object.entries(ids).flatMap(([zone, id]) => {
    const prop = `privateDnsZoneIds[${JSON.stringify(zone)}]`;
    if (!ZONE_NAMES.includes(zone)) {
      return [{ prop, received: zone, allowed: `one of the zones ${ZONE_NAMES.join(', ')}` }];
    }
    if (typeof id === 'string' && isUnresolved(id)) return [];
    const named = typeof id === 'string' ? ZONE_ID.exec(id)?.[1] : undefined;
    if (named?.toLowerCase() === zone) return [];
    return [
      {
        prop,
        received: id,
        allowed: `the id of the private DNS zone ${zone}: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/${zone}`,
      },
    ];
  });
  ValidationError.throwIfAny(ErrorCode.INVALID_NAME, scope, violations);
  return ids;
}

/** A network's props, validated, with defaults resolved. */
export interface NetworkSettings {
  readonly platform: string;
  readonly location: string;
  readonly tags: Tags;
  readonly existingZones: Partial<Record<PrivateDnsZoneName, string>>;
  /** The landing zone's network, or the range of the one to create and its endpoint subnet. */
  readonly network:
    | ({ readonly kind: 'existing' } & ExistingNetworkAttributes)
    | { readonly kind: 'new'; readonly cidr: string; readonly subnetRange: string };
}

/**
 * Validates a `Network`'s props and resolves their defaults (`defaultCidr` when `cidr` is unset),
 * before any resource exists: the platform name, tags and DNS zone ids, then an existing network's
 * ids (without `cidr`: `DPK_CONFLICTING_PROPS`) or the range of the network to create.
 */
export function resolveNetworkSettings(
  scope: IConstruct,
  props: NetworkProps,
  defaultCidr: string,
): NetworkSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const tags = resourceTags(scope, TagRules.AZURE, platform, props.tags);
  const existingZones = validateZoneIds(scope, props.privateDnsZoneIds ?? {});
  const location = props.location ?? props.resourceGroup.location;
  if (!props.existingNetwork) {
    const cidr = props.cidr ?? defaultCidr;
    return {
      platform,
      location,
      tags,
      existingZones,
      network: { kind: 'new', cidr, subnetRange: validateCidr(scope, cidr) },
    };
  }
  if (props.cidr !== undefined) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'cidr',
      received: props.cidr,
      allowed: "unset when 'existingNetwork' is given",
    });
  }
  validateExistingNetwork(scope, props.existingNetwork);
  return { platform, location, tags, existingZones, network: { kind: 'existing', ...props.existingNetwork } };
}
