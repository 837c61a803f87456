/**
 * IPv4 CIDR arithmetic for the network block (plain arithmetic on 32-bit values). Internal: not
 * exported from the entry point.
 */

/** A parsed IPv4 range. */
export interface Ipv4Range {
  /** The range's first address, as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The RFC 1918 private ranges. */
const PRIVATE_RANGES: readonly Ipv4Range[] = [
  { network: 10 * 2 ** 24, prefix: 8 },
  { network: 172 * 2 ** 24 + 16 * 2 ** 16, prefix: 12 },
  { network: 192 * 2 ** 24 + 168 * 2 ** 16, prefix: 16 },
];

/** Number of addresses in a range of `prefix`. */
const blockSize = (prefix: number) => 2 ** (32 - prefix);

/** Parses `a.b.c.d/n`; undefined when malformed or when host bits are set. */
export function parseCidr(cidr: string): Ipv4Range | undefined {
  const m = CIDR.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  return address % blockSize(prefix) === 0 ? { network: address, prefix } : undefined;
}

/** True when `range` lies inside one of the RFC 1918 private ranges. */
export function isPrivateRange(range: Ipv4Range): boolean {
  return PRIVATE_RANGES.some(
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
