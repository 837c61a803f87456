import { Duration, TimeZone } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  ALARM,
  buildPipeline,
  definitionOf,
  SCHEDULE,
  SCHEDULE_GROUP,
  STATE_MACHINE,
  synthPipeline,
  TOPIC,
} from './support';
import {
  EncryptionKey,
  Network,
  NotificationTarget,
  Pipeline,
  PIPELINE_KEY_POLICY_NOT_ADDED_WARNING,
} from '../../../src/aws';
import { acknowledgementsIn, acknowledgementsOnDataResources } from '../../../src/aws/compliance';
import {
  PIPELINE_ALARM_PERIOD_MINUTES,
  SCHEDULE_RETRY_POLICY,
} from '../../../src/aws/orchestration/private/pipeline-schedule';
import { INHERENT_WILDCARD_REASONS } from '../../../src/aws/private/acknowledgements';
import {
  CommonDefaults,
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';
import {
  actionsOf,
  arnOf,
  flat,
  HASH,
  idOf,
  JOB,
  LOG_GROUP,
  only,
  script,
  statementsOf,
} from '../processing/support';
import { logsStatementCovers } from '../support/logs-key';

const sm = (template: Template) => only(template, STATE_MACHINE);
const schedule = (template: Template) => only(template, SCHEDULE).Properties;
const task = (template: Template, step: string) => definitionOf(template).States[`Run ${step}`];

describe('Pipeline defaults', () => {
  test('one Spark job per step, in order, each reading its source zone and writing its target zone', () => {
    const { pipeline, template } = synthPipeline();
    expect(pipeline.jobs.map((j) => [j.sourceZone, j.targetZone])).toEqual([
      ['raw', 'curated'],
      ['curated', 'serving'],
    ]);
    expect(Object.keys(template.findResources(JOB))).toHaveLength(2);
    expect(pipeline.jobs.map((j) => j.jobName)).toEqual([
      expect.stringMatching(new RegExp(`^sales-clean-${HASH}$`)),
      expect.stringMatching(new RegExp(`^sales-publish-${HASH}$`)),
    ]);
  });

  test('the state machine runs the steps in order with the .sync Glue integration, then succeeds', () => {
    const { pipeline, template } = synthPipeline();
    const asl = definitionOf(template);
    expect(asl.StartAt).toBe('Run clean');
    expect(task(template, 'clean')).toMatchObject({
      Type: 'Task',
      Resource: 'arn:aws:states:::glue:startJobRun.sync',
      Parameters: { JobName: pipeline.jobs[0].jobName },
      ResultPath: null,
      Next: 'Run publish',
    });
    expect(task(template, 'publish')).toMatchObject({
      Parameters: { JobName: pipeline.jobs[1].jobName },
      Next: 'Pipeline succeeded',
    });
    expect(asl.States['Pipeline succeeded']).toEqual({ Type: 'Succeed' });
  });

  test('busy or throttled starts are retried on their own (BUSY_ERRORS, BUSY_RETRY_ATTEMPTS, from 60 s)', () => {
    expect(Pipeline.BUSY_ERRORS).toEqual([
      'Glue.ConcurrentRunsExceededException',
      'Glue.ThrottlingException',
    ]);
    expect(task(synthPipeline().template, 'clean').Retry[0]).toEqual({
      ErrorEquals: [...Pipeline.BUSY_ERRORS],
      IntervalSeconds: 60,
      MaxAttempts: Pipeline.BUSY_RETRY_ATTEMPTS,
      BackoffRate: Pipeline.RETRY_BACKOFF_RATE,
    });
  });

  test('failed runs: DEFAULT_MAX_ATTEMPTS (3) in all, DEFAULT_RETRY_DELAY_SECONDS (300) then doubling', () => {
    expect(Pipeline.DEFAULT_MAX_ATTEMPTS).toBe(3);
    expect(Pipeline.DEFAULT_RETRY_DELAY_SECONDS).toBe(300);
    expect(task(synthPipeline().template, 'publish').Retry[1]).toEqual({
      ErrorEquals: ['States.TaskFailed'],
      IntervalSeconds: 300,
      MaxAttempts: 2,
      BackoffRate: 2,
    });
  });

  test('a step that still fails is caught into a Fail state naming it, which fails the run', () => {
    const asl = definitionOf(synthPipeline().template);
    expect(asl.States['Run clean'].Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'clean failed' },
    ]);
    expect(asl.States['clean failed']).toEqual({
      Type: 'Fail',
      Error: 'PipelineStepFailed',
      CausePath: '$.error.Cause',
    });
  });

  test('STANDARD, X-Ray tracing, timed out after DEFAULT_RUN_TIMEOUT_MINUTES (1440)', () => {
    expect(Pipeline.DEFAULT_RUN_TIMEOUT_MINUTES).toBe(1440);
    const { template } = synthPipeline();
    expect(sm(template).Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
    });
    expect(definitionOf(template).TimeoutSeconds).toBe(86400);
  });

  test("encrypted with the lake's key (customer-managed), named <platform>-<pipeline>-<hash>", () => {
    const { lake, pipeline, stack, template } = synthPipeline();
    expect(pipeline.encryptionKey).toBe(lake.encryptionKey);
    expect(sm(template).Properties.EncryptionConfiguration).toEqual({
      Type: 'CUSTOMER_MANAGED_KMS_KEY',
      KmsKeyId: arnOf(stack, lake.encryptionKey.key),
      KmsDataKeyReusePeriodSeconds: 300,
    });
    expect(sm(template).Properties.StateMachineName).toMatch(new RegExp(`^sales-daily-${HASH}$`));
  });

  test('logs ALL events, without execution data, to an encrypted log group kept DEFAULT_LOG_RETENTION_DAYS (365)', () => {
    expect(Pipeline.DEFAULT_LOG_RETENTION_DAYS).toBe(CommonDefaults.ACCESS_LOG_RETENTION_DAYS);
    const { lake, pipeline, stack, template } = synthPipeline();
    expect(sm(template).Properties.LoggingConfiguration).toEqual({
      Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: arnOf(stack, pipeline.logGroup) } }],
      IncludeExecutionData: false,
      Level: 'ALL',
    });
    const group = template.toJSON().Resources[idOf(stack, pipeline.logGroup)];
    expect(group.Properties).toMatchObject({
      LogGroupName: `/aws/vendedlogs/states/${sm(template).Properties.StateMachineName}`,
      KmsKeyId: arnOf(stack, lake.encryptionKey.key),
      RetentionInDays: 365,
    });
    expect(group.DeletionPolicy).toBe('RetainExceptOnCreate');
  });

  test('deployability: the key lets the logs service use it for the log group and log delivery decrypt', () => {
    const { lake, stack, template } = synthPipeline();
    const statements = template.toJSON().Resources[idOf(stack, lake.encryptionKey.key)].Properties.KeyPolicy
      .Statement as any[];
    const name = sm(template).Properties.StateMachineName;
    const keyPolicy = { Statement: statements };
    expect(logsStatementCovers(keyPolicy, `/aws/vendedlogs/states/${name}`)).toBe(true);
    expect(statements.some((s) => s.Principal?.Service === 'delivery.logs.amazonaws.com')).toBe(true);
  });

  test("deployability: the state machine is created after its role's policy (Glue runs, key, logs)", () => {
    const { pipeline, stack, template } = synthPipeline();
    const policy = pipeline.stateMachine.role.node.findChild('DefaultPolicy').node
      .defaultChild as iam.CfnPolicy;
    expect(sm(template).DependsOn).toContain(stack.getLogicalId(policy));
    const actions = statementsOf(template, idOf(stack, pipeline.stateMachine.role)).flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining([
        'glue:StartJobRun',
        'glue:GetJobRun',
        'kms:GenerateDataKey',
        'logs:CreateLogDelivery',
      ]),
    );
  });

  test('DEFAULT_SCHEDULE: daily at 02:00 UTC, no flexible window, enabled (DEFAULT_PAUSED false), encrypted', () => {
    expect(Pipeline.DEFAULT_PAUSED).toBe(false);
    const { lake, pipeline, stack, template } = synthPipeline();
    expect(pipeline.scheduleExpression).toBe(Pipeline.DEFAULT_SCHEDULE);
    expect(schedule(template)).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      KmsKeyArn: arnOf(stack, lake.encryptionKey.key),
    });
  });

  test('the schedule is in a group of its own and starts this state machine, retrying as SCHEDULE_RETRY_POLICY', () => {
    const { pipeline, stack, template } = synthPipeline();
    const group = only(template, SCHEDULE_GROUP).Properties.Name;
    expect(schedule(template)).toMatchObject({
      GroupName: group,
      Name: expect.stringMatching(new RegExp(`^sales-daily-${HASH}$`)),
      Target: {
        Arn: { Ref: idOf(stack, pipeline.stateMachine) },
        RoleArn: arnOf(stack, pipeline.scheduleRole),
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
      },
    });
    expect(SCHEDULE_RETRY_POLICY).toEqual({ maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 });
  });

  test('the schedule role: assumable by EventBridge Scheduler for this account and group, may start this state machine only', () => {
    const { lake, pipeline, stack, template } = synthPipeline();
    const role = template.toJSON().Resources[idOf(stack, pipeline.scheduleRole)].Properties;
    const group = only(template, SCHEDULE_GROUP).Properties.Name;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': '111122223333',
            'aws:SourceArn': expect.anything(),
          },
        },
      },
    ]);
    expect(flat(role.AssumeRolePolicyDocument.Statement[0].Condition.StringEquals['aws:SourceArn'])).toBe(
      `arn:<AWS::Partition>:scheduler:eu-west-1:111122223333:schedule-group/${group}`,
    );
    const statements = statementsOf(template, idOf(stack, pipeline.scheduleRole));
    const key = arnOf(stack, lake.encryptionKey.key);
    expect(statements).toEqual([
      {
        Action: 'states:StartExecution',
        Effect: 'Allow',
        Resource: { Ref: idOf(stack, pipeline.stateMachine) },
      },
      {
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Effect: 'Allow',
        Resource: key,
        Condition: {
          StringEquals: {
            'kms:EncryptionContext:aws:states:stateMachineArn': { Ref: idOf(stack, pipeline.stateMachine) },
          },
        },
      },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: key },
    ]);
  });

  test('deployability: the schedule is created after its group, its role and the role policy', () => {
    const { pipeline, stack, template } = synthPipeline();
    const policy = pipeline.scheduleRole.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy;
    expect(only(template, SCHEDULE).DependsOn).toEqual(
      expect.arrayContaining([
        stack.getLogicalId(pipeline.scheduleGroup),
        idOf(stack, pipeline.scheduleRole),
        stack.getLogicalId(policy),
      ]),
    );
  });

  test('alarms on failed runs, timed-out runs and dropped schedule invocations, to a kit-made encrypted topic', () => {
    const { pipeline, stack, template } = synthPipeline();
    expect(pipeline.notificationTarget).toBeInstanceOf(NotificationTarget);
    const topic = { Ref: idOf(stack, (pipeline.notificationTarget as NotificationTarget).topic) };
    const alarms = Object.values(template.findResources(ALARM)).map((a) => a.Properties);
    expect(alarms.map((a) => a.MetricName).sort()).toEqual([
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'InvocationDroppedCount',
    ]);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Statistic: 'Sum',
        Period: PIPELINE_ALARM_PERIOD_MINUTES * 60,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [topic],
        OKActions: [topic],
      });
    }
    const dropped = alarms.find((a) => a.MetricName === 'InvocationDroppedCount');
    expect(dropped).toMatchObject({
      Namespace: 'AWS/Scheduler',
      Dimensions: [{ Name: 'ScheduleGroup', Value: only(template, SCHEDULE_GROUP).Properties.Name }],
    });
    expect(only(template, TOPIC).Properties.KmsMasterKeyId).toBeDefined();
  });

  test("the state machine role's inherent wildcards are acknowledged on it; nothing on a data resource", () => {
    const { pipeline, stack } = buildPipeline();
    const onStateMachine = acknowledgementsIn(stack).filter(
      (a) => a.path === pipeline.stateMachine.role.node.path,
    );
    expect(onStateMachine).toEqual([
      expect.objectContaining({
        ruleId: 'AwsSolutions-IAM5[Resource::*]',
        reason: INHERENT_WILDCARD_REASONS.STATE_MACHINE_ROLE,
        resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::Role'],
      }),
    ]);
    expect(acknowledgementsOnDataResources(stack)).toEqual([]);
  });

  test('tags: the kit tag on the state machine, the jobs and the schedule group', () => {
    const { template } = synthPipeline();
    expect(sm(template).Properties.Tags).toEqual([{ Key: 'data-platform', Value: 'sales' }]);
    for (const job of Object.values(template.findResources(JOB))) {
      expect(job.Properties.Tags).toEqual({ 'data-platform': 'sales' });
    }
    expect(only(template, SCHEDULE_GROUP).Properties.Tags).toEqual([
      { Key: 'data-platform', Value: 'sales' },
    ]);
  });
});

describe('Pipeline options', () => {
  test('schedule: a rate or a cron in a time zone', () => {
    const rate = synthPipeline({ schedule: scheduler.ScheduleExpression.rate(Duration.hours(6)) }).template;
    expect(schedule(rate).ScheduleExpression).toBe('rate(6 hours)');
    const cron = synthPipeline({
      schedule: scheduler.ScheduleExpression.cron({
        minute: '30',
        hour: '5',
        timeZone: TimeZone.EUROPE_BRUSSELS,
      }),
    }).template;
    expect(schedule(cron)).toMatchObject({
      ScheduleExpression: 'cron(30 5 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
    });
  });

  test('paused: the schedule is disabled', () => {
    expect(schedule(synthPipeline({ paused: true }).template).State).toBe('DISABLED');
  });

  test('maxAttempts and retryDelaySeconds shape the failed-run retrier; maxAttempts 1 has none', () => {
    const five = task(synthPipeline({ maxAttempts: 5, retryDelaySeconds: 60 }).template, 'clean');
    expect(five.Retry[1]).toMatchObject({ IntervalSeconds: 60, MaxAttempts: 4 });
    const once = task(synthPipeline({ maxAttempts: 1 }).template, 'clean');
    expect(once.Retry.map((r: any) => r.ErrorEquals)).toEqual([[...Pipeline.BUSY_ERRORS]]);
  });

  test('runTimeoutMinutes', () => {
    expect(definitionOf(synthPipeline({ runTimeoutMinutes: 120 }).template).TimeoutSeconds).toBe(7200);
  });

  test('logRetentionDays: the state machine and every step log group', () => {
    const { template } = synthPipeline({ logRetentionDays: 30 });
    const groups = Object.values(template.findResources(LOG_GROUP));
    expect(groups).toHaveLength(5);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  test("encryptionKey: the state machine, its logs, the schedule and the steps' logs use it", () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'PipelineKey', { platformName: 'sales', purpose: 'pipelines' });
    const { pipeline, template } = synthPipeline({ encryptionKey: key }, stack);
    const arn = arnOf(stack, key.key);
    expect(sm(template).Properties.EncryptionConfiguration.KmsKeyId).toEqual(arn);
    expect(schedule(template).KmsKeyArn).toEqual(arn);
    for (const group of Object.values(template.findResources(LOG_GROUP))) {
      expect(group.Properties.KmsKeyId).toEqual(arn);
    }
    for (const job of pipeline.jobs) expect(job.encryptionKey).toBe(key);
  });

  test('notificationTarget: the alarms notify the brought topic; no kit topic is made', () => {
    const stack = newAwsStack();
    const key = new kms.Key(stack, 'TopicKey', { enableKeyRotation: true });
    const topic = new sns.Topic(stack, 'Ops', { masterKey: key, enforceSSL: true });
    const { pipeline, template } = synthPipeline(
      { notificationTarget: NotificationTarget.fromTopic(topic) },
      stack,
    );
    expect(pipeline.notificationTarget.topic).toBe(topic);
    expect(Object.keys(template.findResources(TOPIC))).toHaveLength(1);
    for (const alarm of Object.values(template.findResources(ALARM))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: idOf(stack, topic) }]);
    }
  });

  test('alertEmailAddresses subscribe to the kit-made topic', () => {
    synthPipeline({ alertEmailAddresses: ['oncall@example.com'] }).template.hasResourceProperties(
      'AWS::SNS::Subscription',
      { Protocol: 'email', Endpoint: 'oncall@example.com' },
    );
  });

  test('network: every step runs in it', () => {
    const stack = newAwsStack();
    const network = new Network(stack, 'Network', { platformName: 'sales' });
    const { pipeline, template } = synthPipeline({ network }, stack);
    expect(pipeline.jobs.every((j) => j.connection !== undefined)).toBe(true);
    expect(Object.keys(template.findResources('AWS::Glue::Connection'))).toHaveLength(2);
  });

  test('step runtime options reach their job', () => {
    const { template } = synthPipeline({
      steps: [{ name: 'clean', sourceZone: 'raw', targetZone: 'curated', script: script(), workerCount: 8 }],
    });
    expect(only(template, JOB).Properties.NumberOfWorkers).toBe(8);
    expect(Object.keys(definitionOf(template).States)).toEqual([
      'Run clean',
      'Pipeline succeeded',
      'clean failed',
    ]);
  });

  test('grantStart: StartExecution on this state machine and its key for its data only', () => {
    const { pipeline, stack } = buildPipeline();
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    expect(pipeline.grantStart(operator).success).toBe(true);
    const statements = statementsOf(Template.fromStack(stack), idOf(stack, operator));
    expect(statements.map(actionsOf)).toEqual([
      ['states:StartExecution'],
      ['kms:GenerateDataKey', 'kms:Decrypt'],
    ]);
    expect(statements[1].Condition).toEqual({
      StringEquals: {
        'kms:EncryptionContext:aws:states:stateMachineArn': { Ref: idOf(stack, pipeline.stateMachine) },
      },
    });
  });

  test('an imported key: a warning names the statement to add for log delivery', () => {
    const stack = newAwsStack();
    const key = EncryptionKey.fromKey(
      stack,
      'Imported',
      kms.Key.fromKeyArn(
        stack,
        'Arn',
        'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555',
      ),
    );
    const { stack: s } = buildPipeline({ encryptionKey: key }, stack);
    Annotations.fromStack(s).hasWarning(
      '/Test/Daily',
      Match.stringLikeRegexp(PIPELINE_KEY_POLICY_NOT_ADDED_WARNING),
    );
  });
});

describe('Pipeline removal guard', () => {
  test('DESTROY without the context flag keeps every log group and the alerts key, with a warning', () => {
    const { stack, template } = synthPipeline({ removalPolicy: DataRemovalPolicy.DESTROY });
    template.allResources(LOG_GROUP, { DeletionPolicy: 'RetainExceptOnCreate' });
    template.allResources('AWS::KMS::Key', { DeletionPolicy: 'RetainExceptOnCreate' });
    Annotations.fromStack(stack).hasWarning(
      '/Test/Daily',
      Match.stringLikeRegexp(`${REMOVE_DATA_ON_DESTROY_CONTEXT}.*\\[ack: ${REMOVAL_DOWNGRADED_WARNING}\\]`),
    );
  });

  test('DESTROY with the context flag deletes the log groups', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    synthPipeline({ removalPolicy: DataRemovalPolicy.DESTROY }, stack).template.allResources(LOG_GROUP, {
      DeletionPolicy: 'Delete',
    });
  });
});

describe('Pipeline under the recommended feature flags', () => {
  test('the same state machine, schedule and alarms; the state machine role is scoped to its state machines', () => {
    const { pipeline, stack, template } = synthPipeline({}, newRecommendedAwsStack());
    expect(sm(template).Properties.LoggingConfiguration.Level).toBe('ALL');
    expect(schedule(template).State).toBe('ENABLED');
    expect(Object.keys(template.findResources(ALARM))).toHaveLength(3);
    const trust =
      template.toJSON().Resources[idOf(stack, pipeline.stateMachine.role)].Properties.AssumeRolePolicyDocument
        .Statement[0];
    expect(trust.Principal).toEqual({ Service: 'states.amazonaws.com' });
  });
});
