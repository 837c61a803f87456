import { Annotations, ArnFormat, Duration, Lazy, Stack, TimeZone } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { grantPipelineObserve, grantPipelineStart } from './perms';
import type { PipelineProps, PipelineStep } from './pipeline-types';
import {
  CommonDefaults,
  constructIdFrom,
  ErrorCode,
  findZone,
  isUnresolved,
  NameRules,
  nameViolation,
  physicalName,
  resourceTags,
  TagRules,
  validateIntegerRange,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
  ValidationError,
  type Violation,
} from '../../core/internal';
import { type INotificationTarget, NotificationTarget } from '../monitoring/notification-target';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import { encryptedLogGroup, LOG_RETENTION_DAYS } from '../private/log-groups';
import { PipelineNameRules } from '../private/pipeline-names';
import { createPipelineAlarms, createPipelineSchedule } from './private/pipeline-schedule';
import { assertNotPublic } from '../private/principals';
import { removalPolicyFor } from '../private/removal';
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
 *   alarmEmailAddresses: ['data-oncall@example.com'],
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
  /** Minutes a run may take when not told (a day). */
  public static readonly DEFAULT_TIMEOUT_MINUTES = 1440;
  /** Run timeout, in minutes: 1 to 525600 (a year, the longest a standard workflow runs). */
  public static readonly TIMEOUT_MINUTES_RANGE = { min: 1, max: 525600 } as const;
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
    const platform = validatePlatformName(this, props.platformName);
    const name = validateName(
      this,
      NameRules.COMPONENT,
      'pipelineName',
      validateLiteralNamePart(this, 'pipelineName', props.pipelineName),
    );
    const maxAttempts = props.maxAttempts ?? Pipeline.DEFAULT_MAX_ATTEMPTS;
    const retryDelaySeconds = props.retryDelaySeconds ?? Pipeline.DEFAULT_RETRY_DELAY_SECONDS;
    const timeoutMinutes = props.timeoutMinutes ?? Pipeline.DEFAULT_TIMEOUT_MINUTES;
    const logRetentionDays = props.logRetentionDays ?? Pipeline.DEFAULT_LOG_RETENTION_DAYS;
    const paused = props.paused ?? Pipeline.DEFAULT_PAUSED;
    this.scheduleExpression = props.schedule ?? Pipeline.DEFAULT_SCHEDULE;

    this.steps = this.validateSteps(props);
    // These shape the state machine's definition, which is rendered at synth time: literals only.
    for (const [prop, value] of Object.entries({ maxAttempts, retryDelaySeconds, timeoutMinutes })) {
      if (isUnresolved(value)) {
        throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
          prop,
          received: value,
          allowed: 'a literal number known at synth time (it is part of the state machine definition)',
        });
      }
    }
    validateIntegerRange(this, 'maxAttempts', maxAttempts, Pipeline.MAX_ATTEMPTS_RANGE);
    validateIntegerRange(this, 'retryDelaySeconds', retryDelaySeconds, Pipeline.RETRY_DELAY_SECONDS_RANGE);
    validateIntegerRange(this, 'timeoutMinutes', timeoutMinutes, Pipeline.TIMEOUT_MINUTES_RANGE);
    if (!isUnresolved(logRetentionDays) && !LOG_RETENTION_DAYS.includes(logRetentionDays)) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'logRetentionDays',
        received: logRetentionDays,
        allowed: `one of the retentions CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
      });
    }
    if (props.notificationTarget && props.alarmEmailAddresses !== undefined) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'alarmEmailAddresses',
        received: props.alarmEmailAddresses,
        allowed: "unset when 'notificationTarget' is given (subscribe to your own topic yourself)",
      });
    }
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const removalPolicy = removalPolicyFor(this, props.removalPolicy);
    this.encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;

    this.jobs = this.steps.map(
      (step) =>
        new SparkJob(this, `${constructIdFrom(step.name)}Job`, {
          ...step,
          platformName: platform,
          jobName: step.name,
          lake: props.lake,
          network: props.network,
          encryptionKey: this.encryptionKey,
          logRetentionDays,
          description: `Step ${step.name} of pipeline ${name}: ${step.sourceZone} to ${step.targetZone}`,
          removalPolicy: props.removalPolicy,
          tags: props.tags,
        }),
    );

    const stack = Stack.of(this);
    const uniqueness = [stack.account, stack.region];
    const stateMachineName = physicalName(this, PipelineNameRules.STATE_MACHINE, {
      platform,
      parts: [name],
      uniqueness,
    });
    // The prefix Step Functions recommends for vended logs keeps the logs resource policy small.
    this.logGroup = encryptedLogGroup(this, 'LogGroup', {
      logGroupName: `/aws/vendedlogs/states/${stateMachineName}`,
      key: this.encryptionKey,
      retentionDays: logRetentionDays,
      removalPolicy,
    });
    this.stateMachineName = stateMachineName;
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment: `Pipeline ${name} of platform ${platform}: ${this.steps.map((s) => s.name).join(' then ')}`,
      definitionBody: sfn.DefinitionBody.fromChainable(this.definition(maxAttempts, retryDelaySeconds)),
      timeout: Duration.minutes(timeoutMinutes),
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
      encryptionConfiguration: new sfn.CustomerManagedEncryptionConfiguration(this.encryptionKey.key),
    });
    this.warnIfKeyImported();
    this.fixLogDeliveryKeyCondition();
    acknowledgeWildcards(this.stateMachine.role, ['*'], INHERENT_WILDCARD_REASONS.STATE_MACHINE_ROLE);

    const scheduleName = physicalName(this, PipelineNameRules.SCHEDULE, {
      platform,
      parts: [name],
      uniqueness,
    });
    const schedule = createPipelineSchedule(this, {
      stateMachine: this.stateMachine,
      key: this.encryptionKey,
      groupName: scheduleName,
      scheduleName,
      expression: this.scheduleExpression,
      enabled: !paused,
      description: `pipeline ${name} of platform ${platform}`,
    });
    this.scheduleGroup = schedule.group;
    this.schedule = schedule.schedule;
    this.scheduleRole = schedule.role;

    this.notificationTarget =
      props.notificationTarget ??
      new NotificationTarget(this, 'Alerts', {
        platformName: platform,
        purpose: `${name}-alerts`,
        emailAddresses: props.alarmEmailAddresses,
        removalPolicy: props.removalPolicy,
        tags: props.tags,
      });
    const alarms = createPipelineAlarms(this, {
      stateMachine: this.stateMachine,
      scheduleGroupName: scheduleName,
      label: `${platform}/${name}`,
      target: this.notificationTarget,
    });
    this.executionsFailedAlarm = alarms.executionsFailed;
    this.executionsTimedOutAlarm = alarms.executionsTimedOut;
    this.invocationsDroppedAlarm = alarms.invocationsDropped;
    applyTags(this, tags);
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

  /** The steps' tasks in order: busy starts retried, failed runs retried, then failure. */
  private definition(maxAttempts: number, retryDelaySeconds: number): sfn.IChainable {
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

  /** Steps: as many as STEPS_RANGE, literal unique names, zones the lake has, never writing their source. */
  private validateSteps(props: PipelineProps): readonly PipelineStep[] {
    const steps = props.steps;
    const { min, max } = Pipeline.STEPS_RANGE;
    if (steps.length < min || steps.length > max) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'steps',
        received: `${steps.length} steps`,
        allowed: `from ${min} to ${max} steps`,
      });
    }
    const names: Violation[] = [];
    const seen = new Set<string>();
    steps.forEach((step, i) => {
      const prop = `steps[${i}].name`;
      const bad = isUnresolved(step.name)
        ? { prop, received: step.name, allowed: 'a literal step name, known at synth time' }
        : nameViolation(NameRules.COMPONENT, prop, step.name);
      if (bad) {
        names.push(bad);
      } else if (seen.has(step.name)) {
        names.push({ prop, received: step.name, allowed: 'a step name no other step uses' });
      }
      seen.add(step.name);
    });
    ValidationError.throwIfAny(ErrorCode.INVALID_NAME, this, names);
    steps.forEach((step, i) => {
      findZone(this, props.lake.zones, step.sourceZone, `steps[${i}].sourceZone`);
      findZone(this, props.lake.zones, step.targetZone, `steps[${i}].targetZone`);
      if (step.sourceZone === step.targetZone) {
        throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
          prop: `steps[${i}].targetZone`,
          received: step.targetZone,
          allowed: `a zone other than the step's sourceZone ('${step.sourceZone}')`,
        });
      }
    });
    return [...steps];
  }

  /**
   * aws-cdk-lib gives the state machine role `kms:GenerateDataKey` for log delivery under
   * `StringEquals` on `kms:EncryptionContext:SourceArn` = `arn:…:logs:<region>:<account>:*`: an
   * exact match on a value ending in `*` never matches. Rendered with `StringLike` instead, so
   * the statement means what it says (log groups of this account and region).
   */
  private fixLogDeliveryKeyCondition(): void {
    const policy = this.stateMachine.role.node.tryFindChild('DefaultPolicy');
    if (!(policy instanceof iam.Policy)) return;
    const cfn = policy.node.defaultChild as iam.CfnPolicy;
    const stack = Stack.of(this);
    cfn.addPropertyOverride(
      'PolicyDocument',
      Lazy.any({
        produce: () => {
          const doc = stack.resolve(policy.document);
          for (const statement of doc.Statement ?? []) {
            const equals = statement.Condition?.StringEquals;
            const value = equals?.['kms:EncryptionContext:SourceArn'];
            if (value === undefined || !/:\*"(]]})?$/.test(JSON.stringify(value))) continue;
            delete equals['kms:EncryptionContext:SourceArn'];
            if (Object.keys(equals).length === 0) delete statement.Condition.StringEquals;
            statement.Condition.StringLike = {
              ...(statement.Condition.StringLike ?? {}),
              'kms:EncryptionContext:SourceArn': value,
            };
          }
          return doc;
        },
      }),
    );
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
