import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import type { NameRule } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';

/**
 * Pub/Sub topic, subscription and schema names: 3-255 of letters, digits and `- . _ ~ + %`,
 * starting with a letter, never starting with `goog`. Names are unique per project only, so
 * derived names need no deployment uniqueness beyond the construct path.
 * @see https://cloud.google.com/pubsub/docs/pubsub-basics#resource_names
 */
export const PUBSUB_NAME_RULE: NameRule = {
  target: 'Pub/Sub resource name',
  minLength: 3,
  maxLength: 255,
  charset: /[a-zA-Z0-9._~+%-]/,
  separator: '-',
  extraChecks: [
    (n) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter'),
    (n) => (/^goog/i.test(n) ? "not start with 'goog'" : undefined),
  ],
  allowed:
    "3-255 characters of letters, digits, '-', '.', '_', '~', '+' and '%', starting with a letter, not starting with 'goog'",
};

/** `seconds` as a Google duration string (`"600s"`). */
export function duration(seconds: number): string {
  return `${seconds}s`;
}

/** Cloud KMS multi-regions and the prefix of the regions each one covers. */
const KMS_MULTI_REGION_PREFIX: Readonly<Record<string, string>> = {
  europe: 'europe-',
  us: 'us-',
  asia: 'asia-',
};

/**
 * True when a key in Cloud KMS location `keyLocation` may encrypt messages stored in `region`:
 * the same region, the multi-region that covers it (`europe` for `europe-west1`), or `global`.
 */
export function keyLocationFits(region: string, keyLocation: string): boolean {
  if (keyLocation === region || keyLocation === 'global') return true;
  const prefix = KMS_MULTI_REGION_PREFIX[keyLocation];
  return prefix !== undefined && region.startsWith(prefix);
}

/**
 * Throws `DPK_OUT_OF_RANGE` unless `min <= max` (both known at synth time); returns nothing.
 * For pairs like a retry policy's minimum and maximum backoff.
 */
export function validateOrdered(
  scope: IConstruct,
  minProp: string,
  min: number,
  maxProp: string,
  max: number,
): void {
  if (isUnresolved(min) || isUnresolved(max) || min <= max) return;
  throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
    prop: minProp,
    received: min,
    allowed: `at most '${maxProp}' (${max})`,
  });
}

/** Numbers converted to durations must be literals; throws `DPK_OUT_OF_RANGE` for a token. */
export function literalNumber(scope: IConstruct, prop: string, value: number): number {
  if (!isUnresolved(value)) return value;
  throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
    prop,
    received: '<deploy-time token>',
    allowed: 'a number known at synth time (it is converted to a duration or a byte count)',
  });
}
