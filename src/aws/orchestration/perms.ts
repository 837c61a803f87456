import * as iam from 'aws-cdk-lib/aws-iam';
import type { IEncryptionKey } from '../security/encryption-key';

/** What starting a pipeline allows, and what its schedule may do besides. */
export interface PipelinePermissions {
  /** Actions on the state machine ARN. */
  readonly startActions: readonly string[];
  /**
   * Actions on the pipeline's key, only for this state machine's data (encryption context
   * `aws:states:stateMachineArn`): the execution input is encrypted with it.
   */
  readonly startKeyActions: readonly string[];
  /** Actions on the pipeline's key for the schedule's role: the schedule is encrypted with it. */
  readonly scheduleKeyActions: readonly string[];
  /** Actions an operator has on the state machine besides starting it: see it and list its runs. */
  readonly observeStateMachineActions: readonly string[];
  /** Actions an operator has on the state machine's executions (`execution:<name>:*`): follow and stop runs. */
  readonly observeExecutionActions: readonly string[];
}

/**
 * The one table of who may start a pipeline: `states:StartExecution` on its state machine and
 * the key actions its customer-managed encryption needs, named exactly (no `*`). The schedule's
 * role gets this and `kms:Decrypt` on the key its schedule is encrypted with, nothing more.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/encryption-rest.html
 * @example
 * PIPELINE_PERMISSIONS.startActions; // ['states:StartExecution']
 */
export const PIPELINE_PERMISSIONS: PipelinePermissions = {
  startActions: ['states:StartExecution'],
  startKeyActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
  scheduleKeyActions: ['kms:Decrypt'],
  observeStateMachineActions: ['states:DescribeStateMachine', 'states:ListExecutions'],
  observeExecutionActions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'],
};

/**
 * Grants `grantee` the start permissions of {@link PIPELINE_PERMISSIONS} on the state machine
 * `stateMachineArn` encrypted with `key`; returns the combined grant.
 */
export function grantPipelineStart(
  grantee: iam.IGrantable,
  stateMachineArn: string,
  key: IEncryptionKey,
): iam.Grant {
  const p = PIPELINE_PERMISSIONS;
  const onStateMachine = iam.Grant.addToPrincipal({
    grantee,
    actions: [...p.startActions],
    resourceArns: [stateMachineArn],
  });
  const onKey = iam.Grant.addToPrincipal({
    grantee,
    actions: [...p.startKeyActions],
    resourceArns: [key.keyArn],
    conditions: { StringEquals: { 'kms:EncryptionContext:aws:states:stateMachineArn': stateMachineArn } },
  });
  return onStateMachine.combine(onKey);
}

/**
 * Grants `grantee` what an operator of the pipeline needs besides starting it: describing the
 * state machine, listing its runs, and following or stopping one run (`executionArnPattern`,
 * the state machine's `execution:<name>:*`).
 */
export function grantPipelineObserve(
  grantee: iam.IGrantable,
  stateMachineArn: string,
  executionArnPattern: string,
): iam.Grant {
  const p = PIPELINE_PERMISSIONS;
  return iam.Grant.addToPrincipal({
    grantee,
    actions: [...p.observeStateMachineActions],
    resourceArns: [stateMachineArn],
  }).combine(
    iam.Grant.addToPrincipal({
      grantee,
      actions: [...p.observeExecutionActions],
      resourceArns: [executionArnPattern],
    }),
  );
}
