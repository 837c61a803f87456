import { Annotations, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { DataRemovalPolicy, decideRemoval } from '../../core/removal';

/** Stacks that already carry the removal guard's warning. */
const warnedStacks = new WeakSet<Stack>();

/**
 * Renders the removal guard for CloudFormation: DESTROY only with the app-level flag,
 * otherwise `RETAIN_ON_UPDATE_OR_DELETE` plus the guard's warning on `scope` (once per stack). That is
 * `DeletionPolicy: RetainExceptOnCreate` (and `UpdateReplacePolicy: Retain`): kept on delete and
 * replace like `Retain`, but a resource created by a deployment that then rolls back is deleted
 * with it, so retrying a failed first deploy does not hit "already exists" on a fixed name.
 */
export function removalPolicyFor(scope: IConstruct, requested: DataRemovalPolicy | undefined): RemovalPolicy {
  const decision = decideRemoval(scope, requested);
  if (decision.warning && !warnedStacks.has(Stack.of(scope))) {
    // Said once per stack: the flag is app-wide, so one warning covers every block that asked.
    warnedStacks.add(Stack.of(scope));
    Annotations.of(scope).addWarningV2(decision.warning.id, decision.warning.message);
  }
  return decision.policy === DataRemovalPolicy.DESTROY
    ? RemovalPolicy.DESTROY
    : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
}
