import type * as CfnDiff from '@aws-cdk/cloudformation-diff';
import { DiffInputError } from './diff-input-error';
import { type DataLoss, type OtherChanges, type RetainedResource, showValue } from './report';
import { isStatefulType, type StackDocument } from './stateful-resources';

/**
 * DeletionPolicy values that keep data when a resource leaves the stack. `RetainExceptOnCreate`
 * (RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE) retains like `Retain`, except that a resource
 * created by a deployment that rolls back is removed with it (nothing existed before to lose).
 */
export const RETAINED_ON_DELETE: ReadonlySet<string> = new Set(['Retain', 'RetainExceptOnCreate']);

/** Whether a template resource keeps its data when deleted and when replaced. */
export function isRetainedResource(resource: Readonly<Record<string, any>>): boolean {
  return RETAINED_ON_DELETE.has(resource.DeletionPolicy) && resource.UpdateReplacePolicy === 'Retain';
}

/**
 * Loads the optional peer `@aws-cdk/cloudformation-diff` (the AWS CDK CLI's own template diff)
 * on first use, so only AWS diffs need it.
 */
export function loadCloudFormationDiff(): typeof CfnDiff {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@aws-cdk/cloudformation-diff') as typeof CfnDiff;
  } catch (error) {
    const missing = error as NodeJS.ErrnoException;
    // Only the peer itself missing: a broken install inside it is reported as it is.
    if (missing.code !== 'MODULE_NOT_FOUND' || !missing.message.includes("'@aws-cdk/cloudformation-diff'")) {
      throw error;
    }
    throw new DiffInputError(
      'Comparing AWS templates needs the optional peer @aws-cdk/cloudformation-diff, which is not installed. ' +
        'Install it beside data-platform-kit: npm install --save-dev @aws-cdk/cloudformation-diff',
    );
  }
}

/** What CloudFormation would do to one resource, as @aws-cdk/cloudformation-diff predicts it. */
export interface ResourceImpactOf {
  /** The logical id. */
  readonly id: string;
  /** The new type, or the old one when the resource is removed. */
  readonly type: string;
  /** A `ResourceImpact` value: WILL_CREATE, WILL_UPDATE, WILL_REPLACE, MAY_REPLACE, WILL_DESTROY, WILL_ORPHAN, … */
  readonly impact: string;
  /** The properties whose change replaces it (or may), each `Name changed "old" → "new"`. */
  readonly replacingProperties: readonly string[];
}

/** Every changed resource from `before` to `after`, with CloudFormation's impact on it. */
export function resourceImpacts(before: StackDocument, after: StackDocument): ResourceImpactOf[] {
  const cfn = loadCloudFormationDiff();
  const impacts: ResourceImpactOf[] = [];
  cfn.fullDiff(before, after).resources.forEachDifference((id, change) => {
    const replacingProperties = Object.entries(change.propertyUpdates)
      .filter(([, p]) =>
        [cfn.ResourceImpact.WILL_REPLACE, cfn.ResourceImpact.MAY_REPLACE].includes(p.changeImpact!),
      )
      .map(([name, p]) => `${name} changed ${showValue(p.oldValue)} → ${showValue(p.newValue)}`);
    impacts.push({
      id,
      type: change.newResourceType ?? change.oldResourceType ?? '',
      impact: change.changeImpact,
      replacingProperties,
    });
  });
  return impacts;
}

/**
 * The Iceberg tables (`AWS::Glue::Table` with `OpenTableFormatInput.IcebergInput`) of `before`
 * whose properties change in `after`: CloudFormation drops the Iceberg fields of a Glue table it
 * updates (its metadata location among them), so such a definition must never change in place.
 */
export function icebergTablesChangedInPlace(before: StackDocument, after: StackDocument): string[] {
  return Object.entries<any>(before.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::Glue::Table' && r.Properties?.OpenTableFormatInput?.IcebergInput)
    .filter(([id, r]) => {
      const now = after.Resources?.[id];
      return now && JSON.stringify(now.Properties) !== JSON.stringify(r.Properties);
    })
    .map(([id]) => id);
}

/** What deploying `after` over a stack deployed from `before` does to its data, and the rest. */
export interface TemplateComparison {
  readonly losses: DataLoss[];
  readonly retained: RetainedResource[];
  readonly other: OtherChanges;
}

/**
 * Compares two CloudFormation templates of one stack: stateful resources CloudFormation would
 * replace (the property that forces it, old → new) or destroy, those whose DeletionPolicy or
 * UpdateReplacePolicy no longer retains them, Iceberg tables updated in place; and counts the
 * other added, updated and removed resources.
 */
export function compareTemplates(before: StackDocument, after: StackDocument): TemplateComparison {
  const losses: DataLoss[] = [];
  const retained: RetainedResource[] = [];
  const other = { added: 0, updated: 0, removed: 0 };
  const iceberg = new Set(icebergTablesChangedInPlace(before, after));
  for (const change of resourceImpacts(before, after)) {
    const was = before.Resources?.[change.id] as Record<string, any> | undefined;
    const now = after.Resources?.[change.id] as Record<string, any> | undefined;
    const found = isStatefulType('aws', change.type) ? statefulLosses(change, was, now, iceberg) : undefined;
    if (found?.retained) retained.push(found.retained);
    if (found && found.losses.length > 0) {
      losses.push(...found.losses);
    } else if (!found?.retained) {
      if (was === undefined) other.added++;
      else if (now === undefined) other.removed++;
      else other.updated++;
    }
  }
  return { losses, retained, other };
}

/** The losses (or the retention) of one changed stateful resource. */
function statefulLosses(
  change: ResourceImpactOf,
  was: Record<string, any> | undefined,
  now: Record<string, any> | undefined,
  iceberg: ReadonlySet<string>,
): { losses: DataLoss[]; retained?: RetainedResource } {
  const at = { resource: change.id, type: change.type };
  if (change.impact === 'WILL_ORPHAN') {
    return { losses: [], retained: { ...at, reason: `DeletionPolicy ${was?.DeletionPolicy} keeps it` } };
  }
  if (change.impact === 'WILL_DESTROY') {
    return {
      losses: [
        {
          ...at,
          kind: 'destroyed',
          reason: `gone from the new template, DeletionPolicy ${was?.DeletionPolicy ?? 'Delete (the default)'}`,
        },
      ],
    };
  }
  const losses: DataLoss[] = [];
  if (change.impact === 'WILL_REPLACE' || change.impact === 'MAY_REPLACE') {
    const how = change.impact === 'WILL_REPLACE' ? 'replaced' : 'may be replaced';
    const because =
      change.replacingProperties.length > 0 ? change.replacingProperties.join('; ') : 'its type changed';
    const kept =
      now?.UpdateReplacePolicy === 'Retain'
        ? ' (UpdateReplacePolicy Retain keeps the old one, but the stack moves to a new, empty one)'
        : '';
    losses.push({ ...at, kind: 'replaced', reason: `${how} because ${because}${kept}` });
  }
  if (was && now) {
    if (RETAINED_ON_DELETE.has(was.DeletionPolicy) && !RETAINED_ON_DELETE.has(now.DeletionPolicy)) {
      losses.push({
        ...at,
        kind: 'retention-removed',
        reason: `DeletionPolicy ${was.DeletionPolicy} → ${now.DeletionPolicy ?? 'absent (Delete)'}`,
      });
    }
    if (was.UpdateReplacePolicy === 'Retain' && now.UpdateReplacePolicy !== 'Retain') {
      losses.push({
        ...at,
        kind: 'retention-removed',
        reason: `UpdateReplacePolicy Retain → ${now.UpdateReplacePolicy ?? 'absent (Delete)'}`,
      });
    }
  }
  if (iceberg.has(change.id) && !losses.some((l) => l.kind === 'replaced')) {
    losses.push({
      ...at,
      kind: 'iceberg-fields-dropped',
      reason:
        'its Iceberg table definition is updated in place: CloudFormation drops its Iceberg fields (publish a new table instead)',
    });
  }
  return { losses };
}
