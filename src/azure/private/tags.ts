import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../core/errors';
import { kitTags, TagRules, type Tags, validateTags } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';

/**
 * The tags of one Azure resource: the kit's (`data-platform`, and `data-zone` where there is
 * one) and then the user's, validated against Azure's rules as they apply to the merged set:
 * at most 50 in all, and no two names that differ only in letter case (Azure tag names are
 * case-insensitive, so `Env` and `env` are the same tag). A user tag with exactly the kit's
 * name replaces the kit's value. Throws `DPK_INVALID_TAGS`.
 */
export function azureTags(scope: IConstruct, platform: string, tags: Tags | undefined, zone?: string): Tags {
  const merged: Tags = { ...kitTags(platform, zone), ...validateTags(scope, TagRules.AZURE, tags) };
  const keys = Object.keys(merged);
  const violations: Violation[] = [];
  if (keys.length > TagRules.AZURE.maxCount) {
    const kit = Object.keys(kitTags(platform, zone)).length;
    violations.push({
      prop: 'tags',
      received: `${keys.length - kit} tags, ${keys.length} with the kit's`,
      allowed: `at most ${TagRules.AZURE.maxCount} tags on a resource, the kit's ${kit} included`,
    });
  }
  const byLowerCase = new Map<string, string[]>();
  for (const key of keys.filter((k) => !isUnresolved(k))) {
    const lower = key.toLowerCase();
    byLowerCase.set(lower, [...(byLowerCase.get(lower) ?? []), key]);
  }
  for (const same of byLowerCase.values()) {
    if (same.length > 1) {
      violations.push({
        prop: 'tags key',
        received: same,
        allowed: 'tag names that differ in more than letter case (Azure tag names are case-insensitive)',
      });
    }
  }
  ValidationError.throwIfAny(ErrorCode.INVALID_TAGS, scope, violations);
  return merged;
}
