import { Annotations, ArnFormat, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { grantPipelineObserve, grantPipelineStart } from './perms';
import type { PipelineProps, PipelineStep } from './pipeline-types';
import { CommonDefaults, constructIdFrom } from '../../core/internal';
import { type INotificationTarget, NotificationTarget } from '../monitoring/notification-target';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import { encryptedLogGroup } from '../private/log-groups';
import { fixLogDeliveryKeyCondition } from './private/log-delivery-key';
import {
  createPipelineAlarms,
  createPipelineSchedule,
  type PipelineAlarms,
  type PipelineSchedule,
} from './private/pipeline-schedule';
import { type PipelineSettings, resolvePipelineSettings } from './private/pipeline-settings';
import { assertNotPublic } from '../private/principals';
import { applyTags } from '../private/tags';
import { SparkJob } from '../processing/spark-job';
import type { IEncryptionKey } from '../security/encryption-key';

/** Warning id: the key is imported, so Step Functions' log delivery could not be allowed on it. */
export const PIPELINE_KEY_POLICY_NOT_ADDED_WARNING = 'data-platform-kit:pipelineKeyPolicyNotAdded';

/**
 * A batch pipeline on AWS: its steps as Glue Spark jobs ({@link SparkJob}), run one after the
 * other by a Step Functions state machine that EventBridge Scheduler starts on a schedule, with
 * alarms to a {@link NotificationTarget}.
 *
 * Secure defaults: each step's job has a role of its own with exactly its zones (read on the
 * source, read-write on the target) and an encrypted runtime (see {@link SparkJob}). The state
 * machine is STANDARD, encrypted with the pipeline's key (the lake's unless given), logs ALL
 * events (without execution data) to an encrypted log group with a retention (365 days,
 * retained), traces with X-Ray, and times out after a day. Each step runs its job with the
 * `.sync` integration; a run refused because the job is busy or throttled is retried with
 * backoff, a failed run is retried (3 attempts in all, 5 minutes then 10 apart), and a step that
 * still fails ends the run as failed. The schedule (daily at 02:00 UTC) is encrypted with the
 * pipeline's key, has no flexible window, and starts runs with a role that may start this state
 * machine only. Alarms on failed and timed-out runs and dropped schedule invocations notify a
 * kit-made (KMS-encrypted) topic unless you bring one.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html
 * @example
 * new Pipeline(stack, 'Daily', {
 *   platformName: 'sales',
 *   pipelineName: 'daily',
 *   lake,
 *   steps: [
 *     { name: 'clean', sourceZone: 'raw', targetZone: 'curated', script: SparkJobScript.fromAsset('clean.py') },
 *     { name: 'publish', sourceZone: 'curated', targetZone: 'serving', script: SparkJobScript.fromAsset('publish.py') },
 *   ],
 *   alertEmailAddresses: ['data-oncall@example.com'],
 * });
 */
export class Pipeline extends Construct {
  /** When the pipeline runs if not told: every day at 02:00 UTC. */
  public static readonly DEFAULT_SCHEDULE = scheduler.ScheduleExpression.cron({
    minute: '0',
    hour: '2',
    timeZone: TimeZone.ETC_UTC,
  });
  /** Steps a pipeline takes: 1 to 10, kit policy (each adds log groups and key-policy statements). */
  public static readonly STEPS_RANGE = { min: 1, max: 10 } as const;
  /** Attempts per step when not told. */
  public static readonly DEFAULT_MAX_ATTEMPTS = 3;
  /** Attempts per step (`maxAttempts`): 1 to 10, kit policy. */
  public static readonly MAX_ATTEMPTS_RANGE = { min: 1, max: 10 } as const;
  /** Seconds before the first retry of a failed step when not told. */
  public static readonly DEFAULT_RETRY_DELAY_SECONDS = 300;
  /** First retry delay, in seconds: 1 to 3600, kit policy. */
  public static readonly RETRY_DELAY_SECONDS_RANGE = { min: 1, max: 3600 } as const;
  /** How much longer each further retry waits. */
  public static readonly RETRY_BACKOFF_RATE = 2;
  /** Glue errors that mean "not now" (the job is still running, or throttled): retried on their own. */
  public static readonly BUSY_ERRORS: readonly string[] = [
    'Glue.ConcurrentRunsExceededException',
    'Glue.ThrottlingException',
  ];
  /** Retries of a busy or throttled start, 60 seconds apart at first. */
  public static readonly BUSY_RETRY_ATTEMPTS = 6;
  /** Minutes a whole run may take when not told (a day). */
  public static readonly DEFAULT_RUN_TIMEOUT_MINUTES = 1440;
  /** Run timeout, in minutes: 1 to 525600 (a year, the longest a standard workflow runs). */
  public static readonly RUN_TIMEOUT_MINUTES_RANGE = { min: 1, max: 525600 } as const;
  /** Days the run logs are kept when not told. */
  public static readonly DEFAULT_LOG_RETENTION_DAYS: number = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Whether the schedule is disabled when not told. */
  public static readonly DEFAULT_PAUSED = false;

  /** The steps, in run order. */
  public readonly steps: readonly PipelineStep[];
  /** Each step's Spark job, in run order. */
  public readonly jobs: readonly SparkJob[];
  /** The key of the state machine, its logs, the schedule and the steps' logs and bookmarks. */
  public readonly encryptionKey: IEncryptionKey;
  /** The state machine (escape hatch). */
  public readonly stateMachine: sfn.StateMachine;
  /** The state machine's name. */
  public readonly stateMachineName: string;
  /** The state machine's encrypted log group. */
  public readonly logGroup: logs.LogGroup;
  /** When the pipeline runs. */
  public readonly scheduleExpression: scheduler.ScheduleExpression;
  /** The pipeline's own schedule group (L1). */
  public readonly scheduleGroup: scheduler.CfnScheduleGroup;
  /** The schedule (L1). */
  public readonly schedule: scheduler.CfnSchedule;
  /** The role the schedule starts runs with. */
  public readonly scheduleRole: iam.Role;
  /** Where the alarms notify (brought or kit-made). */
  public readonly notificationTarget: INotificationTarget;
  /** Alarm on `ExecutionsFailed` (sum above 0). */
  public readonly executionsFailedAlarm: cloudwatch.Alarm;
  /** Alarm on `ExecutionsTimedOut` (sum above 0). */
  public readonly executionsTimedOutAlarm: cloudwatch.Alarm;
  /** Alarm on the schedule group's `InvocationDroppedCount` (sum above 0). */
  public readonly invocationsDroppedAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    const settings = resolvePipelineSettings(this, props);
    this.steps = settings.steps;
    this.scheduleExpression = settings.scheduleExpression;
    this.stateMachineName = settings.stateMachineName;
    this.encryptionKey = settings.encryptionKey;

    this.jobs = this.createJobs(props, settings);
    this.logGroup = this.createLogGroup(settings);
    this.stateMachine = this.createStateMachine(settings);
    const schedule = this.createSchedule(settings);
    this.scheduleGroup = schedule.group;
    this.schedule = schedule.schedule;
    this.scheduleRole = schedule.role;
    this.notificationTarget = props.notificationTarget ?? this.createNotificationTarget(props, settings);
    const alarms = this.createAlarms(settings);
    this.executionsFailedAlarm = alarms.executionsFailed;
    this.executionsTimedOutAlarm = alarms.executionsTimedOut;
    this.invocationsDroppedAlarm = alarms.invocationsDropped;
    applyTags(this, settings.tags);
  }

  /**
   * Lets `grantee` start runs by hand (`states:StartExecution` on the state machine, and the key
   * actions its encryption needs, for this state machine only). Throws `DPK_INVALID_PRINCIPAL`
   * for everyone (`*`) without conditions.
   */
  public grantStart(grantee: iam.IGrantable): iam.Grant {
    assertNotPublic(this, grantee, 'grantee');
    return grantPipelineStart(grantee, this.stateMachine.stateMachineArn, this.encryptionKey);
  }

  /** The ARN pattern of every run (execution) of the state machine: `…:execution:<name>:*`. */
  public get executionsArn(): string {
    return Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /**
   * Lets `grantee` operate the pipeline: start runs ({@link grantStart}), describe the state
   * machine, list its runs, and follow or stop a run (`PIPELINE_PERMISSIONS`). Throws
   * `DPK_INVALID_PRINCIPAL` for everyone (`*`) without conditions.
   */
  public grantOperate(grantee: iam.IGrantable): iam.Grant {
    const start = this.grantStart(grantee);
    return start.combine(
      grantPipelineObserve(grantee, this.stateMachine.stateMachineArn, this.executionsArn),
    );
  }

  /** One Spark job per step, in run order, with exactly its zones. */
  private createJobs(props: PipelineProps, settings: PipelineSettings): SparkJob[] {
    return this.steps.map(
      (step) =>
        new SparkJob(this, `${constructIdFrom(step.name)}Job`, {
          ...step,
          platformName: settings.platform,
          jobName: step.name,
          lake: props.lake,
          network: props.network,
          encryptionKey: this.encryptionKey,
          logRetentionDays: settings.logRetentionDays,
          description: `Step ${step.name} of pipeline ${settings.name}: ${step.sourceZone} to ${step.targetZone}`,
          removalPolicy: props.removalPolicy,
          tags: props.tags,
        }),
    );
  }

  /** The state machine's encrypted log group. */
  private createLogGroup(settings: PipelineSettings): logs.LogGroup {
    // The prefix Step Functions recommends for vended logs keeps the logs resource policy small.
    return encryptedLogGroup(this, 'LogGroup', {
      logGroupName: `/aws/vendedlogs/states/${settings.stateMachineName}`,
      key: this.encryptionKey,
      retentionDays: settings.logRetentionDays,
      removalPolicy: settings.removalPolicy,
    });
  }

  /** The STANDARD state machine running the steps: encrypted, logged, traced, with the run timeout. */
  private createStateMachine(settings: PipelineSettings): sfn.StateMachine {
    const { name, platform } = settings;
    const stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: settings.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment: `Pipeline ${name} of platform ${platform}: ${this.steps.map((s) => s.name).join(' then ')}`,
      definitionBody: sfn.DefinitionBody.fromChainable(
        this.createDefinition(settings.maxAttempts, settings.retryDelaySeconds),
      ),
      timeout: Duration.minutes(settings.runTimeoutMinutes),
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
      encryptionConfiguration: new sfn.CustomerManagedEncryptionConfiguration(this.encryptionKey.key),
    });
    this.warnIfKeyImported();
    fixLogDeliveryKeyCondition(stateMachine);
    acknowledgeWildcards(stateMachine.role, ['*'], INHERENT_WILDCARD_REASONS.STATE_MACHINE_ROLE);
    return stateMachine;
  }

  /** The schedule in a group of its own, starting runs with a role that may start this state machine only. */
  private createSchedule(settings: PipelineSettings): PipelineSchedule {
    return createPipelineSchedule(this, {
      stateMachine: this.stateMachine,
      key: this.encryptionKey,
      groupName: settings.scheduleName,
      scheduleName: settings.scheduleName,
      expression: this.scheduleExpression,
      enabled: !settings.paused,
      description: `pipeline ${settings.name} of platform ${settings.platform}`,
    });
  }

  /** The alerts topic, when none is brought. */
  private createNotificationTarget(props: PipelineProps, settings: PipelineSettings): NotificationTarget {
    return new NotificationTarget(this, 'Alerts', {
      platformName: settings.platform,
      purpose: `${settings.name}-alerts`,
      emailAddresses: props.alertEmailAddresses,
      removalPolicy: props.removalPolicy,
      tags: props.tags,
    });
  }

  /** Alarms on failed and timed-out runs and dropped schedule invocations, to the notification target. */
  private createAlarms(settings: PipelineSettings): PipelineAlarms {
    return createPipelineAlarms(this, {
      stateMachine: this.stateMachine,
      scheduleGroupName: settings.scheduleName,
      label: `${settings.platform}/${settings.name}`,
      target: this.notificationTarget,
    });
  }

  /** The steps' tasks in order: busy starts retried, failed runs retried, then failure. */
  private createDefinition(maxAttempts: number, retryDelaySeconds: number): sfn.IChainable {
    const runs = this.steps.map((step, i) => {
      const id = constructIdFrom(step.name);
      const run = new tasks.GlueStartJobRun(this, `Run${id}`, {
        stateName: `Run ${step.name}`,
        comment: `${step.sourceZone} to ${step.targetZone}`,
        glueJobName: this.jobs[i].jobName,
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        resultPath: sfn.JsonPath.DISCARD,
      });
      run.addRetry({
        errors: [...Pipeline.BUSY_ERRORS],
        interval: Duration.seconds(60),
        backoffRate: Pipeline.RETRY_BACKOFF_RATE,
        maxAttempts: Pipeline.BUSY_RETRY_ATTEMPTS,
      });
      if (maxAttempts > 1) {
        run.addRetry({
          errors: [sfn.Errors.TASKS_FAILED],
          interval: Duration.seconds(retryDelaySeconds),
          backoffRate: Pipeline.RETRY_BACKOFF_RATE,
          maxAttempts: maxAttempts - 1,
        });
      }
      run.addCatch(
        new sfn.Fail(this, `${id}Failed`, {
          stateName: `${step.name} failed`,
          error: 'PipelineStepFailed',
          causePath: '$.error.Cause',
        }),
        { errors: [sfn.Errors.ALL], resultPath: '$.error' },
      );
      return run;
    });
    const [first, ...rest] = runs;
    return rest
      .reduce<sfn.Chain>((chain, run) => chain.next(run), sfn.Chain.start(first))
      .next(new sfn.Succeed(this, 'Succeeded', { stateName: 'Pipeline succeeded' }));
  }

  /** Step Functions' log delivery must decrypt with the key; an imported key cannot be told here. */
  private warnIfKeyImported(): void {
    if (!(this.encryptionKey.key instanceof kms.Key)) {
      Annotations.of(this).addWarningV2(
        PIPELINE_KEY_POLICY_NOT_ADDED_WARNING,
        'The pipeline key is imported, so its key policy cannot be changed from here: allow ' +
          "'delivery.logs.amazonaws.com' kms:Decrypt on it, or the state machine's logs stay empty.",
      );
    }
  }
}
