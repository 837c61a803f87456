import { Tags as CdkTags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Tags } from '../../core/internal';

/**
 * Applies `tags` to `scope` and every taggable resource below it (aws-cdk-lib's tag aspect).
 * The one place AWS blocks tag resources; validation happens before, with the props.
 */
export function applyTags(scope: IConstruct, tags: Tags): void {
  for (const [key, value] of Object.entries(tags)) CdkTags.of(scope).add(key, value);
}
