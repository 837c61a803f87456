import { Annotations, RemovalPolicy } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { DataRemovalPolicy, decideRemoval } from '../../core/removal';

/**
 * Renders the removal guard for CloudFormation: DESTROY only with the app-level flag,
 * otherwise RETAIN plus the guard's warning on `scope`.
 */
export function removalPolicyFor(scope: IConstruct, requested: DataRemovalPolicy | undefined): RemovalPolicy {
  const decision = decideRemoval(scope, requested);
  if (decision.warning) Annotations.of(scope).addWarningV2(decision.warning.id, decision.warning.message);
  return decision.policy === DataRemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
}
