import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Private IPv4 space a subnet may take: RFC 1918 and the RFC 6598 shared range. */
const PRIVATE_RANGES: readonly (readonly [base: number, prefix: number])[] = [
  [toInt([10, 0, 0, 0]), 8],
  [toInt([172, 16, 0, 0]), 12],
  [toInt([192, 168, 0, 0]), 16],
  [toInt([100, 64, 0, 0]), 10],
];

/** Subnet prefix length VPC allows: /8 (widest) to /29 (narrowest). `Network.CIDR_PREFIX_RANGE`. */
export const CIDR_PREFIX_RANGE = { min: 8, max: 29 } as const;

function toInt(octets: readonly number[]): number {
  return octets.reduce((n, o) => n * 256 + o, 0);
}

function inside(address: number, prefix: number, base: number, basePrefix: number): boolean {
  const size = 2 ** (32 - basePrefix);
  return prefix >= basePrefix && address >= base && address < base + size;
}

/**
 * Validates a subnet range (`DPK_INVALID_IP_RANGE`): an IPv4 CIDR with a prefix from /8 to /29,
 * no host bits set, inside private address space (10/8, 172.16/12, 192.168/16 or 100.64/10).
 * Tokens pass. Returns it.
 */
export function validateSubnetCidr(scope: IConstruct, cidr: string, prop = 'cidr'): string {
  if (isUnresolved(cidr)) return cidr;
  const m = typeof cidr === 'string' ? IPV4_CIDR.exec(cidr) : null;
  const octets = m?.slice(1, 5).map(Number) ?? [];
  const prefix = Number(m?.[5]);
  const address = toInt(octets);
  const ok =
    m !== null &&
    octets.every((o) => o <= 255) &&
    prefix >= CIDR_PREFIX_RANGE.min &&
    prefix <= CIDR_PREFIX_RANGE.max &&
    address % 2 ** (32 - prefix) === 0 &&
    PRIVATE_RANGES.some(([base, basePrefix]) => inside(address, prefix, base, basePrefix));
  if (!ok) {
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, scope, {
      prop,
      received: cidr,
      allowed: `a private IPv4 CIDR (inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10) with a prefix from /${CIDR_PREFIX_RANGE.min} to /${CIDR_PREFIX_RANGE.max} and no host bits set`,
    });
  }
  return cidr;
}
