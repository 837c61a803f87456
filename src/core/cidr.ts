/**
 * IPv4 ranges for the network blocks of every cloud: parsing, the private address space a data
 * platform's network may take, and one validation with one message. Plain arithmetic on
 * unsigned 32-bit values; no engine.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from './errors';
import type { IntegerRange } from './ranges';
import { isUnresolved } from './tokens';

/** A parsed IPv4 range. */
export interface Ipv4Range {
  /** The range's first address, as an unsigned 32-bit integer. */
  readonly network: number;
  /** The prefix length, 0-32. */
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Private IPv4 space a network may take on every cloud: the RFC 1918 ranges and the RFC 6598
 * shared address space, which AWS VPCs, GCP VPC subnets and Azure virtual networks all accept
 * as private (Azure documents RFC 6598 as treated like private address space).
 */
export const PRIVATE_IPV4_RANGES: readonly string[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
];

/** Number of addresses in a range of `prefix`. */
const blockSize = (prefix: number) => 2 ** (32 - prefix);

/** Parses `a.b.c.d/n`; undefined when malformed or when host bits are set. */
export function parseCidr(cidr: string): Ipv4Range | undefined {
  const m = typeof cidr === 'string' ? CIDR.exec(cidr) : null;
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  return address % blockSize(prefix) === 0 ? { network: address, prefix } : undefined;
}

const PRIVATE: readonly Ipv4Range[] = PRIVATE_IPV4_RANGES.map((r) => parseCidr(r)!);

/** True when `range` lies wholly inside one of {@link PRIVATE_IPV4_RANGES}. */
export function isPrivateRange(range: Ipv4Range): boolean {
  return PRIVATE.some(
    (p) =>
      range.prefix >= p.prefix &&
      Math.floor(range.network / blockSize(p.prefix)) === Math.floor(p.network / blockSize(p.prefix)),
  );
}

/** The first sub-range of `range` with `prefix` (`10.40.0.0/16`, 24 → `10.40.0.0/24`). */
export function firstSubnet(range: Ipv4Range, prefix: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(range.network / 2 ** shift) % 256);
  return `${octets.join('.')}/${Math.max(prefix, range.prefix)}`;
}

/** Options of {@link validatePrivateCidr}. */
export interface PrivateCidrOptions {
  /** The prefix lengths the cloud's network accepts. */
  readonly prefixRange: IntegerRange;
  /** The prop named in the error. @default 'cidr' */
  readonly prop?: string;
  /** Why the range must be known at synth time, when it must (it is split into subnets); else tokens pass. */
  readonly literalBecause?: string;
}

/**
 * Validates a network range (`DPK_INVALID_IP_RANGE`): an IPv4 CIDR without host bits, with a
 * prefix in `prefixRange`, wholly inside {@link PRIVATE_IPV4_RANGES}. Returns the parsed range,
 * or undefined for an unresolved token (rejected instead when `literalBecause` is given).
 */
export function validatePrivateCidr(
  scope: IConstruct,
  cidr: string,
  options: PrivateCidrOptions,
): Ipv4Range | undefined {
  const prop = options.prop ?? 'cidr';
  if (isUnresolved(cidr)) {
    if (options.literalBecause === undefined) return undefined;
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, scope, {
      prop,
      received: cidr,
      allowed: `a literal IPv4 range known at synth time (${options.literalBecause})`,
    });
  }
  const { min, max } = options.prefixRange;
  const range = parseCidr(cidr);
  if (!range || range.prefix < min || range.prefix > max || !isPrivateRange(range)) {
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, scope, {
      prop,
      received: cidr,
      allowed: `a private IPv4 range (inside ${PRIVATE_IPV4_RANGES.join(', ')}) in CIDR form, without host bits, with a prefix from /${min} to /${max}`,
    });
  }
  return range;
}
