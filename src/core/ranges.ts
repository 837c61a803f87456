import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from './errors';
import { isUnresolved } from './tokens';

/**
 * An inclusive range of integers. Every limit the kit exposes takes this form: a static (or a
 * constant) named `<QUANTITY>_RANGE`, e.g. `EncryptionKey.ROTATION_PERIOD_DAYS_RANGE`.
 */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Throws `DPK_OUT_OF_RANGE` unless `value` is an integer in `range` (or from `min` to `max`);
 * unset and unresolved values pass. Returns the value.
 */
export function validateIntegerRange<T extends number | undefined>(
  scope: IConstruct,
  prop: string,
  value: T,
  range: IntegerRange,
): T;
export function validateIntegerRange<T extends number | undefined>(
  scope: IConstruct,
  prop: string,
  value: T,
  min: number,
  max: number,
): T;
export function validateIntegerRange<T extends number | undefined>(
  scope: IConstruct,
  prop: string,
  value: T,
  rangeOrMin: IntegerRange | number,
  maxIfMin?: number,
): T {
  const { min, max } =
    typeof rangeOrMin === 'number' ? { min: rangeOrMin, max: maxIfMin as number } : rangeOrMin;
  if (value === undefined || isUnresolved(value)) return value;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: value,
      allowed: `an integer from ${min} to ${max}`,
    });
  }
  return value;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/**
 * Validates IPv4 addresses or CIDR ranges that may reach a resource's public endpoint.
 * Rejects malformed ranges and any prefix shorter than /8 (that is the internet, not an
 * allow-list). Throws `DPK_INVALID_IP_RANGE`.
 */
export function validateIpRanges(
  scope: IConstruct,
  prop: string,
  ranges: readonly string[] | undefined,
): string[] {
  const list = [...(ranges ?? [])];
  ValidationError.throwIfAny(
    ErrorCode.INVALID_IP_RANGE,
    scope,
    list.flatMap((range, i) => {
      if (isUnresolved(range)) return [];
      const m = IPV4_CIDR.exec(range);
      const octetsOk = m !== null && m.slice(1, 5).every((o) => Number(o) <= 255);
      const prefix = m?.[5] === undefined ? 32 : Number(m[5]);
      if (octetsOk && prefix >= 8 && prefix <= 32) return [];
      return [
        {
          prop: `${prop}[${i}]`,
          received: range,
          allowed: 'an IPv4 address or CIDR range with a prefix from /8 to /32',
        },
      ];
    }),
  );
  return list;
}
