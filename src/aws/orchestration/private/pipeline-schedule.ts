/**
 * The schedule that starts a pipeline, and the alarms that watch it. Internal: not exported from
 * the entry point.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { INotificationTarget } from '../../monitoring/notification-target';
import type { IEncryptionKey } from '../../security/encryption-key';
import { grantPipelineStart, PIPELINE_PERMISSIONS } from '../perms';

/** How often the schedule retries starting a run, and for how long, before it drops the invocation. */
export const SCHEDULE_RETRY_POLICY = { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 } as const;

/** The period every pipeline alarm evaluates, in minutes. */
export const PIPELINE_ALARM_PERIOD_MINUTES = 5;

/** What the schedule starts and how. */
export interface PipelineScheduleOptions {
  readonly stateMachine: sfn.IStateMachine;
  readonly key: IEncryptionKey;
  readonly groupName: string;
  readonly scheduleName: string;
  readonly expression: scheduler.ScheduleExpression;
  readonly enabled: boolean;
  readonly description: string;
}

/** What the schedule is made of. */
export interface PipelineSchedule {
  readonly group: scheduler.CfnScheduleGroup;
  readonly schedule: scheduler.CfnSchedule;
  readonly role: iam.Role;
}

/**
 * An EventBridge Scheduler schedule in a group of its own (so its metrics are the pipeline's),
 * encrypted with the pipeline's key, flexible time window off, starting the state machine with a
 * role that only EventBridge Scheduler may assume, for this account and group
 * (`aws:SourceAccount`, `aws:SourceArn`), and that may start that one state machine.
 *
 * Deployability: the schedule depends on its role (and the role's policy) and its group, so the
 * first invocation finds its permissions in place.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
 */
export function createPipelineSchedule(scope: Construct, o: PipelineScheduleOptions): PipelineSchedule {
  const stack = Stack.of(scope);
  const group = new scheduler.CfnScheduleGroup(scope, 'ScheduleGroup', { name: o.groupName });
  const groupArn = stack.formatArn({
    service: 'scheduler',
    resource: 'schedule-group',
    resourceName: o.groupName,
  });
  const role = new iam.Role(scope, 'ScheduleRole', {
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': groupArn } },
    }),
    description: `EventBridge Scheduler: starts ${o.description}`,
  });
  grantPipelineStart(role, o.stateMachine.stateMachineArn, o.key);
  iam.Grant.addToPrincipal({
    grantee: role,
    actions: [...PIPELINE_PERMISSIONS.scheduleKeyActions],
    resourceArns: [o.key.keyArn],
  });

  const schedule = new scheduler.CfnSchedule(scope, 'Schedule', {
    name: o.scheduleName,
    groupName: o.groupName,
    description: `Starts ${o.description}`,
    scheduleExpression: o.expression.expressionString,
    scheduleExpressionTimezone: o.expression.timeZone?.timezoneName,
    flexibleTimeWindow: { mode: 'OFF' },
    state: o.enabled ? 'ENABLED' : 'DISABLED',
    kmsKeyArn: o.key.keyArn,
    target: {
      arn: o.stateMachine.stateMachineArn,
      roleArn: role.roleArn,
      input: '{}',
      retryPolicy: { ...SCHEDULE_RETRY_POLICY },
    },
  });
  schedule.node.addDependency(group, role);
  return { group, schedule, role };
}

/** What the pipeline alarms watch and where they notify. */
export interface PipelineAlarmOptions {
  readonly stateMachine: sfn.IStateMachine;
  readonly scheduleGroupName: string;
  /** `<platform>/<pipeline>`, for the alarm descriptions. */
  readonly label: string;
  readonly target: INotificationTarget;
}

/** The pipeline alarms, one per signal. */
export interface PipelineAlarms {
  readonly executionsFailed: cloudwatch.Alarm;
  readonly executionsTimedOut: cloudwatch.Alarm;
  readonly invocationsDropped: cloudwatch.Alarm;
}

/**
 * Alarms that say a run did not happen or did not finish, each sending ALARM and OK to the
 * target: runs that failed (`ExecutionsFailed`) or timed out (`ExecutionsTimedOut`), and
 * schedule invocations dropped once the schedule's retries ran out
 * (`AWS/Scheduler InvocationDroppedCount` of the pipeline's own group). Each fires on a sum above
 * 0 in a period; no data (no run) is not a failure.
 */
export function createPipelineAlarms(scope: Construct, o: PipelineAlarmOptions): PipelineAlarms {
  const period = Duration.minutes(PIPELINE_ALARM_PERIOD_MINUTES);
  const alarm = (id: string, metric: cloudwatch.IMetric, description: string) =>
    new cloudwatch.Alarm(scope, id, {
      metric,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `${o.label}: ${description}`,
    });
  const executionsFailed = alarm(
    'ExecutionsFailedAlarm',
    o.stateMachine.metricFailed({ statistic: 'Sum', period }),
    'a pipeline run failed (a step failed after its retries).',
  );
  const executionsTimedOut = alarm(
    'ExecutionsTimedOutAlarm',
    o.stateMachine.metricTimedOut({ statistic: 'Sum', period }),
    'a pipeline run took longer than its timeout and was stopped.',
  );
  const invocationsDropped = alarm(
    'InvocationsDroppedAlarm',
    new cloudwatch.Metric({
      namespace: 'AWS/Scheduler',
      metricName: 'InvocationDroppedCount',
      dimensionsMap: { ScheduleGroup: o.scheduleGroupName },
      statistic: 'Sum',
      period,
    }),
    'the schedule could not start a pipeline run, and gave up after its retries.',
  );
  for (const a of [executionsFailed, executionsTimedOut, invocationsDropped]) o.target.notifyOn(a);
  return { executionsFailed, executionsTimedOut, invocationsDropped };
}
