/**
 * Checks the deployer's (runner's) egress ranges that a Key Vault firewall admits. Internal: not
 * exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';

/** Ranges no runner's public egress address can be in, with why. */
const UNROUTABLE: readonly { readonly cidr: string; readonly why: string }[] = [
  { cidr: '192.0.2.0/24', why: 'documentation range (RFC 5737 TEST-NET-1)' },
  { cidr: '198.51.100.0/24', why: 'documentation range (RFC 5737 TEST-NET-2)' },
  { cidr: '203.0.113.0/24', why: 'documentation range (RFC 5737 TEST-NET-3)' },
  { cidr: '10.0.0.0/8', why: 'private range (RFC 1918)' },
  { cidr: '172.16.0.0/12', why: 'private range (RFC 1918)' },
  { cidr: '192.168.0.0/16', why: 'private range (RFC 1918)' },
  { cidr: '100.64.0.0/10', why: 'shared address space (RFC 6598)' },
  { cidr: '127.0.0.0/8', why: 'loopback range' },
  { cidr: '169.254.0.0/16', why: 'link-local range' },
];

const toRange = (cidr: string): [number, number] | undefined => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr);
  if (!m) return undefined;
  const address = m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - (m[5] === undefined ? 32 : Number(m[5])));
  const first = address - (address % size);
  return [first, first + size - 1];
};

/**
 * Throws `DPK_INVALID_IP_RANGE` for every range that overlaps a documentation, private or other
 * unroutable range: the Key Vault firewall sees the runner's public egress address, so such a
 * range admits no runner (and a documentation range is a placeholder left in). Unresolved ranges
 * are skipped; call after the format check.
 */
export function validateRunnerRanges(scope: IConstruct, prop: string, ranges: readonly string[]): void {
  ValidationError.throwIfAny(
    ErrorCode.INVALID_IP_RANGE,
    scope,
    ranges.flatMap((range, i) => {
      if (isUnresolved(range)) return [];
      const r = toRange(range);
      const hit =
        r &&
        UNROUTABLE.find((u) => {
          const [lo, hi] = toRange(u.cidr)!;
          return r[0] <= hi && lo <= r[1];
        });
      if (!hit) return [];
      return [
        {
          prop: `${prop}[${i}]`,
          received: range,
          allowed:
            `the public egress range of the machine that runs terraform apply (this overlaps ${hit.cidr}, a ${hit.why}); ` +
            "find it with e.g. `curl -s https://api.ipify.org`. A runner inside the virtual network sets 'deployerInsideNetwork: true' and passes no ranges",
        },
      ];
    }),
  );
}
