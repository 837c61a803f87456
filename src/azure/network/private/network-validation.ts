/**
 * Validation of the network block's props. Internal: not exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';
import { firstSubnet, isPrivateRange, parseCidr } from '../../private/cidr';
import { PrivateDnsZoneName } from '../endpoints';
import type { ExistingNetworkAttributes } from '../network';

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
 * Validates the network's range (a literal RFC 1918 CIDR from /8 to /24, no host bits) and
 * returns the private-endpoint subnet: its first /24. Throws `DPK_INVALID_IP_RANGE`.
 */
export function validateCidr(scope: IConstruct, cidr: string): string {
  if (isUnresolved(cidr)) {
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, scope, {
      prop: 'cidr',
      received: cidr,
      allowed: 'a literal IPv4 range known at synth time (the subnet is derived from it)',
    });
  }
  const { min, max } = CIDR_PREFIX_RANGE;
  const range = parseCidr(cidr);
  if (!range || range.prefix < min || range.prefix > max || !isPrivateRange(range)) {
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, scope, {
      prop: 'cidr',
      received: cidr,
      allowed: `an RFC 1918 IPv4 range (10/8, 172.16/12, 192.168/16) in CIDR form, without host bits, with a prefix from /${min} to /${max}`,
    });
  }
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
