import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from './errors';
import { isUnresolved } from './tokens';

/** Tags (AWS, Azure) or labels (GCP): string keys to string values. */
export type Tags = Readonly<Record<string, string>>;

/** The tagging rules of one cloud. */
export interface TagRule {
  /** `tag` or `label`, for messages. */
  readonly noun: string;
  readonly maxCount: number;
  readonly keyPattern: RegExp;
  readonly valuePattern: RegExp;
  readonly keyAllowed: string;
  readonly valueAllowed: string;
  /** Whether two keys differing only in letter case are the same tag. */
  readonly caseInsensitiveKeys?: boolean;
}

/** Tagging rules per cloud, with the limits each documents. */
export const TagRules = {
  /**
   * AWS: up to 50 tags; keys 1-128 and values 0-256 of letters, digits, spaces and
   * `_ . : / = + - @`; the `aws:` prefix is reserved.
   * @see https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
   */
  AWS: {
    noun: 'tag',
    maxCount: 50,
    keyPattern: /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/iu,
    valuePattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u,
    keyAllowed: "1-128 letters, digits, spaces or _ . : / = + - @, not starting with 'aws:'",
    valueAllowed: '0-256 letters, digits, spaces or _ . : / = + - @',
  },
  /**
   * GCP labels: up to 64; keys 1-63 starting with a lowercase letter, values 0-63, both of
   * lowercase letters, digits, '_' and '-'.
   * @see https://cloud.google.com/resource-manager/docs/labels-overview#requirements
   */
  GCP: {
    noun: 'label',
    maxCount: 64,
    keyPattern: /^\p{Ll}[\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u,
    valuePattern: /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u,
    keyAllowed: "1-63 lowercase letters, digits, '_' or '-', starting with a lowercase letter",
    valueAllowed: "0-63 lowercase letters, digits, '_' or '-'",
  },
  /**
   * Azure: up to 50 tags; names 1-128 (the storage-account limit, the strictest) without
   * `< > % & \ ? /`; values 0-256.
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations
   */
  AZURE: {
    noun: 'tag',
    maxCount: 50,
    keyPattern: /^[^<>%&\\?/]{1,128}$/,
    valuePattern: /^[\s\S]{0,256}$/,
    keyAllowed: '1-128 characters without < > % & \\ ? /',
    valueAllowed: '0-256 characters',
    caseInsensitiveKeys: true,
  },
} satisfies Record<string, TagRule>;

/**
 * Validates `tags` against a cloud's rule, collecting every violation, and returns them
 * (an empty set when none are given). Callers merge them after {@link kitTags}.
 * Throws `DPK_INVALID_TAGS`.
 */
export function validateTags(scope: IConstruct, rule: TagRule, tags: Tags | undefined, prop = 'tags'): Tags {
  const entries = Object.entries(tags ?? {});
  const violations: Violation[] = [];
  if (entries.length > rule.maxCount) {
    violations.push({
      prop,
      received: `${entries.length} ${rule.noun}s`,
      allowed: `at most ${rule.maxCount} ${rule.noun}s`,
    });
  }
  for (const [key, value] of entries) {
    if (!isUnresolved(key) && !rule.keyPattern.test(key)) {
      violations.push({
        prop: `${prop} key`,
        received: key,
        allowed: `a ${rule.noun} key of ${rule.keyAllowed}`,
      });
    }
    if (!isUnresolved(value) && (typeof value !== 'string' || !rule.valuePattern.test(value))) {
      violations.push({
        prop: `${prop}[${JSON.stringify(key)}]`,
        received: value,
        allowed: `a ${rule.noun} value of ${rule.valueAllowed}`,
      });
    }
  }
  ValidationError.throwIfAny(ErrorCode.INVALID_TAGS, scope, violations);
  return tags ?? {};
}

/**
 * The tags of one resource: the kit's ({@link kitTags}) and then the user's, validated as the
 * merged set the cloud will see: at most `maxCount` in all, and, where the cloud's tag names are
 * case-insensitive (Azure), no two names that differ only in letter case. A user tag with the
 * kit's exact name replaces the kit's value. Throws `DPK_INVALID_TAGS`.
 */
export function resourceTags(
  scope: IConstruct,
  rule: TagRule,
  platform: string,
  tags: Tags | undefined,
  zone?: string,
): Tags {
  const kit = kitTags(platform, zone);
  const merged: Tags = { ...kit, ...validateTags(scope, rule, tags) };
  const keys = Object.keys(merged);
  const violations: Violation[] = [];
  if (keys.length > rule.maxCount) {
    violations.push({
      prop: 'tags',
      received: `${keys.length - Object.keys(kit).length} ${rule.noun}s, ${keys.length} with the kit's`,
      allowed: `at most ${rule.maxCount} ${rule.noun}s on a resource, the kit's ${Object.keys(kit).length} included`,
    });
  }
  if (rule.caseInsensitiveKeys) {
    const byLowerCase = new Map<string, string[]>();
    for (const key of keys.filter((k) => !isUnresolved(k))) {
      byLowerCase.set(key.toLowerCase(), [...(byLowerCase.get(key.toLowerCase()) ?? []), key]);
    }
    for (const same of [...byLowerCase.values()].filter((s) => s.length > 1)) {
      violations.push({
        prop: 'tags key',
        received: same,
        allowed: `${rule.noun} names that differ in more than letter case (they are case-insensitive)`,
      });
    }
  }
  ValidationError.throwIfAny(ErrorCode.INVALID_TAGS, scope, violations);
  return merged;
}

/**
 * Checks up front, before any resource exists, that the user's tags are valid for `rule`'s cloud
 * and fit beside the kit's on every resource the block makes (the {@link resourceTags} rules);
 * blocks that tag resources later, per zone, call this first so a bad tag fails fast and once.
 * Throws `DPK_INVALID_TAGS`.
 */
export function validateResourceTags(
  scope: IConstruct,
  rule: TagRule,
  platform: string,
  tags: Tags | undefined,
): void {
  resourceTags(scope, rule, platform, tags);
}

/** The tags the kit puts on every resource it makes: the platform, and the zone where there is one. */
export function kitTags(platform: string, zone?: string): Tags {
  return zone ? { 'data-platform': platform, 'data-zone': zone } : { 'data-platform': platform };
}
