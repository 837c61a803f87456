import { Annotations, RemovalPolicy } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { DataRemovalPolicy, decideRemoval } from '../../core/removal';

/**
 * Renders the removal guard for CloudFormation: DESTROY only with the app-level flag,
 * otherwise `RETAIN_ON_UPDATE_OR_DELETE` plus the guard's warning on `scope`. That is
 * `DeletionPolicy: RetainExceptOnCreate` (and `UpdateReplacePolicy: Retain`): kept on delete and
 * replace like `Retain`, but a resource created by a deployment that then rolls back is deleted
 * with it, so retrying a failed first deploy does not hit "already exists" on a fixed name.
 */
export function removalPolicyFor(scope: IConstruct, requested: DataRemovalPolicy | undefined): RemovalPolicy {
  const decision = decideRemoval(scope, requested);
  if (decision.warning) Annotations.of(scope).addWarningV2(decision.warning.id, decision.warning.message);
  return decision.policy === DataRemovalPolicy.DESTROY
    ? RemovalPolicy.DESTROY
    : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
}
