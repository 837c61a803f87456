import * as fs from 'node:fs';
import * as path from 'node:path';
import { CustomResource, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { LakeStorage } from '../../../src/aws';
import {
  acknowledgeFrameworkHelpers,
  acknowledgementsIn,
  acknowledgementsOnDataResources,
  checkCompliance,
  FRAMEWORK_ACKNOWLEDGEMENTS,
  FrameworkHelper,
  isDataBearingResourceType,
} from '../../../src/aws/compliance';
import { MIN_REASON_LENGTH } from '../../../src/core/compliance';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';

const SRC = path.resolve(__dirname, '../../../src/aws');

/** A lake whose raw zone notifies a queue, plus an AwsCustomResource, log retention and a Provider. */
function appWithEveryHelper(stack: Stack): LakeStorage {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const deadLetters = new sqs.Queue(stack, 'DeadLetters', { enforceSSL: true });
  const queue = new sqs.Queue(stack, 'Queue', {
    enforceSSL: true,
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
  });
  lake.bucketFor('raw').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(queue));
  new cr.AwsCustomResource(stack, 'Lookup', {
    onCreate: {
      service: 'S3',
      action: 'listBuckets',
      physicalResourceId: cr.PhysicalResourceId.of('buckets'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: ['arn:aws:s3:::sales-raw'] }),
    installLatestAwsSdk: false,
  });
  new logs.LogRetention(stack, 'Retention', {
    logGroupName: '/sales/jobs',
    retention: logs.RetentionDays.ONE_YEAR,
  });
  const onEvent = new lambda.Function(stack, 'OnEvent', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const provider = new cr.Provider(stack, 'Provider', { onEventHandler: onEvent });
  new CustomResource(stack, 'Custom', { serviceToken: provider.serviceToken });
  // The app's own handler, and the framework's right to invoke its versions (an id that names the
  // app's handler, so the app acknowledges it on its provider), are the app's to accept.
  for (const id of [
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AwsSolutions-L1',
    'DPK-AWS-CloudWatchLogGroupEncrypted',
  ]) {
    Validations.of(onEvent).acknowledge({ id, reason: "A fixture handler: the app's own function." });
  }
  Validations.of(provider).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(onEvent.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
    reason: 'The provider framework invokes any version of the handler it was given.',
  });
  return lake;
}

describe('FRAMEWORK_ACKNOWLEDGEMENTS', () => {
  test('every entry names a framework helper and gives a reason', () => {
    for (const ack of FRAMEWORK_ACKNOWLEDGEMENTS) {
      expect(Object.values(FrameworkHelper)).toContain(ack.helper);
      expect(ack.reason.trim().length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
      expect(ack.ruleId).toMatch(/^(AwsSolutions|DPK-AWS)-/);
    }
  });

  test('the kit acknowledges in two places: framework helpers (compliance) and its blocks (private)', () => {
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const callers = files(SRC)
      .filter((f) => /\.acknowledge\(|ACKNOWLEDGED_RULES_METADATA_KEY\s*,/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(callers.sort()).toEqual([
      'compliance/acknowledgements.ts',
      'compliance/check.ts',
      'compliance/intents.ts',
    ]);
  });
});

describe.each([
  ['legacy', newAwsStack],
  ['recommended', newRecommendedAwsStack],
])('framework helpers under %s flags', (_, newStack) => {
  test('their findings are acknowledged by the table, and only theirs', () => {
    // GIVEN
    const stack = newStack();
    appWithEveryHelper(stack);
    // WHEN
    const report = checkCompliance(stack.node.root);
    // THEN nothing is left, and what the table acknowledged sits on the helpers
    expect(report.findings).toEqual([]);
    const helpers = [
      'BucketNotificationsHandler',
      'AWS679f53fac002430cb0da5b7982bd2287',
      'LogRetention',
      'Provider/framework-',
    ];
    const byTable = report.acknowledged.filter((f) =>
      FRAMEWORK_ACKNOWLEDGEMENTS.some((a) => a.reason === f.reason),
    );
    expect(byTable.length).toBeGreaterThan(3);
    for (const finding of byTable) {
      expect(helpers.some((h) => finding.path?.startsWith(`Test/${h}`))).toBe(true);
    }
  });

  test('no acknowledgement covers a data-bearing resource', () => {
    const stack = newStack();
    appWithEveryHelper(stack);
    acknowledgeFrameworkHelpers(stack);
    expect(acknowledgementsOnDataResources(stack)).toEqual([]);
    expect(acknowledgementsIn(stack).length).toBeGreaterThan(3);
  });
});

describe('acknowledgeFrameworkHelpers', () => {
  test('applies once: a second call adds nothing', () => {
    const stack = newAwsStack();
    appWithEveryHelper(stack);
    expect(acknowledgeFrameworkHelpers(stack)).toBeGreaterThan(0);
    expect(acknowledgeFrameworkHelpers(stack)).toBe(0);
  });

  test('touches nothing in an app without helpers', () => {
    const stack = newAwsStack();
    new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    expect(acknowledgeFrameworkHelpers(stack)).toBe(0);
    expect(acknowledgementsIn(stack)).toEqual([]);
  });
});

describe('acknowledgementsOnDataResources (the guard)', () => {
  test('catches an acknowledgement on a bucket, on its policy, or on a scope above data', () => {
    // GIVEN
    const stack = newAwsStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    Validations.of(lake.bucketFor('raw')).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Weakening a data bucket.',
    });
    Validations.of(lake).acknowledge({
      id: 'DPK-AWS-S3BucketVersioningEnabled',
      reason: 'A scope holding buckets.',
    });
    // WHEN
    const found = acknowledgementsOnDataResources(stack);
    // THEN
    expect(found.map((a) => [a.path, a.ruleId])).toEqual([
      ['Test/Lake', 'DPK-AWS-S3BucketVersioningEnabled'],
      ['Test/Lake/RawBucket', 'AwsSolutions-S1'],
    ]);
    expect(found[1].resourceTypes).toEqual(['AWS::S3::Bucket', 'AWS::S3::BucketPolicy']);
  });

  test.each([
    ['AWS::S3::Bucket', true],
    ['AWS::KMS::Key', true],
    ['AWS::Glue::Database', true],
    ['AWS::RedshiftServerless::Namespace', true],
    ['AWS::KinesisFirehose::DeliveryStream', true],
    ['AWS::Lambda::Function', false],
    ['AWS::IAM::Role', false],
    ['AWS::Logs::LogGroup', false],
    ['Custom::S3BucketNotifications', false],
  ])('%s is data-bearing: %p', (type, expected) => {
    expect(isDataBearingResourceType(type)).toBe(expected);
  });
});
