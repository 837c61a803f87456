import type { CloudName } from '../spec/spec-file';

/**
 * How a deployment of the new output would lose a stateful resource's data:
 * - `replaced`: the resource is deleted and created anew (an identity-forming argument or
 *   property changed, or a table's schema changed so the service recreates it);
 * - `destroyed`: the resource (or its whole stack) is gone from the new output, unretained;
 * - `retention-removed`: what kept its data on deletion (DeletionPolicy, prevent_destroy,
 *   deletion protection, soft delete, retention) was dropped or weakened;
 * - `iceberg-fields-dropped`: an Iceberg table's Glue definition is updated in place, and
 *   CloudFormation drops its Iceberg fields (the metadata location among them).
 */
export type DataLossKind = 'replaced' | 'destroyed' | 'retention-removed' | 'iceberg-fields-dropped';

/** One stateful resource whose data a deployment of the new output would lose, and why. */
export interface DataLoss {
  /** Its logical id (AWS) or Terraform address (`type.name`). */
  readonly resource: string;
  /** Its CloudFormation or Terraform resource type. */
  readonly type: string;
  readonly kind: DataLossKind;
  /** Why, in one line: `BucketName changed "a" → "b"`, `gone from the new output`, … */
  readonly reason: string;
}

/** A stateful resource that leaves the output but keeps its data (left in place, no longer managed). */
export interface RetainedResource {
  readonly resource: string;
  readonly type: string;
  /** What keeps it: `DeletionPolicy Retain`, a `removed` block with `destroy = false`, … */
  readonly reason: string;
}

/** Changes that lose no data, counted. */
export interface OtherChanges {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
}

/** What a deployment of one stack's new output would change. */
export interface StackDiff {
  readonly cloud: CloudName;
  /** The stack's name (its artifact id on AWS, its cdktf stack name on Terraform). */
  readonly stack: string;
  /** `changed`, or `added`/`removed` when the stack exists on one side only. */
  readonly status: 'changed' | 'unchanged' | 'added' | 'removed';
  readonly losses: readonly DataLoss[];
  readonly retained: readonly RetainedResource[];
  readonly other: OtherChanges;
}

/** The result of `dpk diff`: every stack of both outputs, in order. */
export interface DiffReport {
  readonly stacks: readonly StackDiff[];
  /** Whether any stack would lose data: `dpk diff` then exits 1. */
  readonly dataLoss: boolean;
}

/** No other change. */
export const NO_OTHER_CHANGES: OtherChanges = { added: 0, updated: 0, removed: 0 };

/** Sums the other changes of several stacks. */
export function sumOtherChanges(all: readonly OtherChanges[]): OtherChanges {
  return all.reduce(
    (sum, o) => ({
      added: sum.added + o.added,
      updated: sum.updated + o.updated,
      removed: sum.removed + o.removed,
    }),
    NO_OTHER_CHANGES,
  );
}

/** Shows a value from a template or Terraform document in a reason: strings quoted, absent as `absent`. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
