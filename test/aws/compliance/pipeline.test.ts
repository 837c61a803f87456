import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { build as buildExample } from '../../../examples/pipeline-aws/app';
import {
  EncryptionKey,
  LakeStorage,
  Network,
  NotificationTarget,
  Pipeline,
  SparkJob,
  SparkJobLanguage,
  SparkJobScript,
} from '../../../src/aws';
import {
  acknowledgeFrameworkHelpers,
  acknowledgementsIn,
  acknowledgementsOnDataResources,
  checkCompliance,
  DataPlatformChecks,
} from '../../../src/aws/compliance';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, formatFindings } from '../../../src/core/internal';
import { awsAppWith as appWith, expectClean } from '../../helpers/compliance';

/**
 * cdk-nag v3 AwsSolutions plus the kit's DataPlatformChecks over the processing and orchestration
 * blocks (SparkJob, Pipeline) in their default and a maximal configuration with grants, under
 * legacy and recommended feature flags, and over the pipeline-aws example: zero unacknowledged
 * findings. The blocks acknowledge only the inherent wildcards of the roles they make (zone
 * objects, Glue log streams, Glue's EC2 calls, Step Functions log delivery and X-Ray), on those
 * roles, never on a data resource.
 */
const ENV = { account: '111122223333', region: 'eu-west-1' };
const FLAGS = [
  ['legacy', {}],
  ['recommended', cxapi.CURRENTLY_RECOMMENDED_FLAGS],
] as const;
const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, '../processing/fixtures/clean.py'));

const twoSteps = () => [
  { name: 'clean', sourceZone: 'raw', targetZone: 'curated', script: SCRIPT },
  { name: 'publish', sourceZone: 'curated', targetZone: 'serving', script: SCRIPT },
];

function addDefaultBlocks(app: App): void {
  const stack = new Stack(app, 'PipelineDefaults', { env: ENV });
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  new Pipeline(stack, 'Daily', { platformName: 'sales', pipelineName: 'daily', lake, steps: twoSteps() });
  const jobStack = new Stack(app, 'JobOnly', { env: ENV });
  new SparkJob(jobStack, 'Clean', {
    platformName: 'sales',
    jobName: 'clean',
    lake: new LakeStorage(jobStack, 'Lake', { platformName: 'sales' }),
    sourceZone: 'raw',
    targetZone: 'curated',
    script: SCRIPT,
  });
  const agnostic = new Stack(app, 'Agnostic');
  new Pipeline(agnostic, 'Daily', {
    platformName: 'sales',
    pipelineName: 'daily',
    lake: new LakeStorage(agnostic, 'Lake', { platformName: 'sales' }),
    steps: twoSteps(),
  });
}

/** Every option at once: a network, own keys, every Glue version, a Scala step, a bucket script, grants. */
function addMaximalBlocks(app: App): void {
  const stack = new Stack(app, 'PipelineMaximal', { env: ENV });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    zones: ['landing', 'raw', 'curated', 'serving'],
  });
  const network = new Network(stack, 'Network', { platformName: 'sales', encryptionKey: lake.encryptionKey });
  const pipelineKey = new EncryptionKey(stack, 'PipelineKey', {
    platformName: 'sales',
    purpose: 'pipelines',
    removalPolicy: DataRemovalPolicy.DESTROY,
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    purpose: 'pipelines',
    emailAddresses: ['oncall@example.com'],
  });
  const scriptsKey = new kms.Key(stack, 'ScriptsKey', { enableKeyRotation: true });
  // A scripts bucket the team already has, encrypted with its own key.
  const scripts = s3.Bucket.fromBucketAttributes(stack, 'Scripts', {
    bucketName: 'sales-scripts',
    encryptionKey: scriptsKey,
  });
  const orders = new Pipeline(stack, 'Orders', {
    platformName: 'sales',
    pipelineName: 'orders',
    lake,
    network,
    steps: [
      {
        name: 'land',
        sourceZone: 'landing',
        targetZone: 'raw',
        script: SCRIPT,
        glueVersion: glue.GlueVersion.V4_0,
      },
      {
        name: 'clean',
        sourceZone: 'raw',
        targetZone: 'curated',
        script: SparkJobScript.fromBucket(scripts, 'jobs/Clean.scala'),
        language: SparkJobLanguage.SCALA,
        mainClass: 'com.example.Clean',
        glueVersion: glue.GlueVersion.V5_1,
        workerType: glue.WorkerType.G_2X,
        workerCount: 10,
        jobBookmarks: false,
        timeoutMinutes: 60,
        arguments: { mode: 'full' },
      },
      {
        name: 'publish',
        sourceZone: 'curated',
        targetZone: 'serving',
        script: SCRIPT,
        workerType: glue.WorkerType.R_1X,
      },
    ],
    schedule: scheduler.ScheduleExpression.rate(Duration.hours(6)),
    paused: true,
    notificationTarget: alerts,
    encryptionKey: pipelineKey,
    maxAttempts: 5,
    retryDelaySeconds: 60,
    runTimeoutMinutes: 600,
    logRetentionDays: 90,
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data' },
  });
  const ops = new sns.Topic(stack, 'Ops', { masterKey: alerts.encryptionKey.key, enforceSSL: true });
  const nightly = new Pipeline(stack, 'Nightly', {
    platformName: 'sales',
    pipelineName: 'nightly',
    lake,
    steps: twoSteps(),
    notificationTarget: NotificationTarget.fromTopic(ops),
  });
  const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
  orders.grantStart(operator);
  nightly.grantStart(operator);
  for (const job of orders.jobs) job.grantRun(operator);
}

const expectNoFindings = (scope: IConstruct): ComplianceReport => expectClean(checkCompliance(scope));

describe.each(FLAGS)(
  'AwsSolutions + DataPlatformChecks over the pipeline blocks under %s feature flags',
  (_, context) => {
    test('default configurations: zero findings; every acknowledgement is an IAM5 wildcard on a role the blocks made', () => {
      const app = appWith(context, addDefaultBlocks);
      const report = checkCompliance(app);
      expect(formatFindings(report.findings)).toBe('');
      expect(report.acknowledged.length).toBeGreaterThan(0);
      for (const ack of report.acknowledged) {
        expect(ack.ruleId).toMatch(/^AwsSolutions-IAM5\[Resource::/);
        expect(ack.path).toMatch(/\/(Role|StateMachine\/Role)\/DefaultPolicy\/Resource$/);
      }
    });

    test('a maximal configuration with grants: zero findings', () => {
      expectNoFindings(appWith(context, addMaximalBlocks));
    });

    test('the pipeline-aws example: zero findings', () => {
      expectNoFindings(appWith(context, buildExample));
    });

    test('the packs agree when run the cdk-nag way (validateScope)', () => {
      const app = appWith(context, (a) => {
        addDefaultBlocks(a);
        addMaximalBlocks(a);
        buildExample(a);
      });
      acknowledgeFrameworkHelpers(app);
      expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
      expect(new DataPlatformChecks().validateScope(app).violations).toEqual([]);
    });

    test('no acknowledgement covers a data-bearing resource; the blocks acknowledge on IAM roles only', () => {
      const app = appWith(context, (a) => {
        addDefaultBlocks(a);
        addMaximalBlocks(a);
        buildExample(a);
      });
      expect(acknowledgementsOnDataResources(app)).toEqual([]);
      const blocks = acknowledgementsIn(app).filter((a) => !/\/Network\//.test(a.path));
      expect(blocks.length).toBeGreaterThan(0);
      for (const ack of blocks) expect(ack.resourceTypes).toEqual(['AWS::IAM::Policy', 'AWS::IAM::Role']);
    });

    test("the blocks' own resources are checked: weakening them through the escape hatches is reported", () => {
      // GIVEN a job without its security configuration, a state machine logging errors only without
      // tracing or its key, a schedule without its key, a log group without retention, an alarm
      // without actions
      const app = new App({ context });
      const stack = new Stack(app, 'Weakened', { env: ENV });
      const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
      const pipeline = new Pipeline(stack, 'Daily', {
        platformName: 'sales',
        pipelineName: 'daily',
        lake,
        steps: [{ name: 'clean', sourceZone: 'raw', targetZone: 'curated', script: SCRIPT }],
      });
      pipeline.jobs[0].job.securityConfiguration = undefined;
      const machine = pipeline.stateMachine.node.defaultChild as sfn.CfnStateMachine;
      machine.addPropertyOverride('LoggingConfiguration.Level', 'ERROR');
      machine.tracingConfiguration = { enabled: false };
      machine.encryptionConfiguration = undefined;
      pipeline.schedule.kmsKeyArn = undefined;
      (pipeline.logGroup.node.defaultChild as logs.CfnLogGroup).retentionInDays = undefined;
      (pipeline.executionsFailedAlarm.node.defaultChild as cloudwatch.CfnAlarm).alarmActions = undefined;
      (pipeline.executionsFailedAlarm.node.defaultChild as cloudwatch.CfnAlarm).okActions = undefined;
      // WHEN
      const findings = checkCompliance(app).findings.map((f) => [
        f.ruleId,
        (f.path ?? '').replace('Weakened/Daily/', ''),
      ]);
      // THEN
      expect(findings.sort()).toEqual(
        [
          ['AwsSolutions-GL1', 'CleanJob/Resource'],
          ['AwsSolutions-GL3', 'CleanJob/Resource'],
          ['DPK-AWS-GlueJobEncrypted', 'CleanJob/Resource'],
          ['AwsSolutions-SF2', 'StateMachine/Resource'],
          ['DPK-AWS-StepFunctionsStateMachineLogged', 'StateMachine/Resource'],
          ['DPK-AWS-StepFunctionsStateMachineKMS', 'StateMachine/Resource'],
          ['DPK-AWS-SchedulerScheduleKMS', 'Schedule'],
          ['DPK-AWS-CloudWatchLogGroupRetentionPeriod', 'LogGroup/Resource'],
          ['DPK-AWS-CloudWatchAlarmAction', 'ExecutionsFailedAlarm/Resource'],
        ].sort(),
      );
    });
  },
);
