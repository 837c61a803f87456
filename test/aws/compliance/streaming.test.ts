import { App, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { build as buildExample } from '../../../examples/streaming-aws/app';
import {
  DeliveryCompression,
  EncryptionKey,
  LakeStorage,
  NotificationTarget,
  STREAM_INGESTION_ACKNOWLEDGEMENTS,
  StreamIngestion,
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
 * cdk-nag v3 AwsSolutions plus the kit's DataPlatformChecks over the streaming blocks
 * (StreamIngestion, NotificationTarget) in their default and a maximal configuration with grants,
 * under legacy and recommended feature flags, and over the streaming-aws example: zero
 * unacknowledged findings. The blocks acknowledge only what their tables name: the wildcard of
 * the delivery role's two object prefixes, and on the data resources the two AwsSolutions rules
 * the kit's guarantees or the service rule out (STREAM_INGESTION_ACKNOWLEDGEMENTS).
 */
const ENV = { account: '111122223333', region: 'eu-west-1' };
const FLAGS = [
  ['legacy', {}],
  ['recommended', cxapi.CURRENTLY_RECOMMENDED_FLAGS],
] as const;

function addDefaultBlocks(app: App): void {
  const stack = new Stack(app, 'StreamDefaults', { env: ENV });
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  new StreamIngestion(stack, 'Clicks', { platformName: 'sales', streamName: 'clicks', lake: lake });
  new NotificationTarget(new Stack(app, 'TargetOnly', { env: ENV }), 'Alerts', { platformName: 'sales' });
}

/** Every option at once, two streams sharing a target, a user's topic, and every grant. */
function addMaximalBlocks(app: App): void {
  const stack = new Stack(app, 'StreamMaximal', { env: ENV });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    zones: ['landing', 'raw', 'curated'],
  });
  const streamKey = new EncryptionKey(stack, 'StreamKey', {
    platformName: 'sales',
    purpose: 'streams',
    removalPolicy: DataRemovalPolicy.DESTROY,
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    purpose: 'streams',
    emailAddresses: ['oncall@example.com', 'data@example.com'],
    displayName: 'Sales streams',
    tags: { team: 'data' },
  });
  const orders = new StreamIngestion(stack, 'Orders', {
    platformName: 'sales',
    streamName: 'orders',
    lake: lake,
    zone: 'landing',
    encryptionKey: streamKey,
    shardCount: 2,
    retentionHours: 168,
    bufferingIntervalSeconds: 60,
    bufferingSizeMiB: 128,
    compression: DeliveryCompression.HADOOP_SNAPPY,
    logRetentionDays: 90,
    notificationTarget: alerts,
    iteratorAgeThresholdMilliseconds: 60_000,
    dataFreshnessThresholdSeconds: 600,
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data', 'cost-center': '42' },
  });
  const ops = new sns.Topic(stack, 'Ops', { masterKey: alerts.encryptionKey.key, enforceSSL: true });
  const clicks = new StreamIngestion(stack, 'Clicks', {
    platformName: 'sales',
    streamName: 'clicks',
    lake: lake,
    notificationTarget: NotificationTarget.fromTopic(ops),
  });

  const producer = new iam.Role(stack, 'Producer', {
    assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
  });
  const consumer = new iam.Role(stack, 'Consumer', { assumedBy: new iam.AccountRootPrincipal() });
  for (const ingestion of [orders, clicks]) {
    ingestion.grantWrite(producer);
    ingestion.grantRead(consumer);
  }
  clicks.grantRead(new iam.AccountPrincipal('444455556666'));
  StreamIngestion.fromStreamAttributes(stack, 'Legacy', {
    streamArn: 'arn:aws:kinesis:eu-west-1:111122223333:stream/legacy',
    encryptionKey: streamKey,
  }).grantRead(consumer);
}

const expectNoFindings = (scope: IConstruct): ComplianceReport => expectClean(checkCompliance(scope));

describe.each(FLAGS)(
  'AwsSolutions + DataPlatformChecks over the streaming blocks under %s feature flags',
  (_, context) => {
    test('default configurations: zero findings; the acknowledgements are exactly those of the tables', () => {
      const app = appWith(context, addDefaultBlocks);
      const report = checkCompliance(app);
      expect(formatFindings(report.findings)).toBe('');
      expect(
        report.acknowledged.map((a) => [a.path, a.ruleId.replace(/<LakeRawBucket[0-9A-F]+/, '<RAW')]).sort(),
      ).toEqual(
        [
          ['StreamDefaults/Clicks/Delivery', 'AwsSolutions-KDF1'],
          ['StreamDefaults/Clicks/DeliveryRole/Resource', 'AwsSolutions-IAM5[Resource::<RAW.Arn>/clicks/*]'],
          [
            'StreamDefaults/Clicks/DeliveryRole/Resource',
            'AwsSolutions-IAM5[Resource::<RAW.Arn>/errors/clicks/*]',
          ],
          ['StreamDefaults/Clicks/Stream/Resource', 'AwsSolutions-KDS3'],
        ].sort(),
      );
    });

    test('a maximal configuration with grants: zero findings', () => {
      expectNoFindings(appWith(context, addMaximalBlocks));
    });

    test('the streaming-aws example: zero findings', () => {
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

    test('on data resources, the only acknowledgements are the table rows, on the stream and the Firehose stream', () => {
      const app = appWith(context, (a) => {
        addDefaultBlocks(a);
        addMaximalBlocks(a);
        buildExample(a);
      });
      const onData = acknowledgementsOnDataResources(app);
      expect(onData.length).toBe(STREAM_INGESTION_ACKNOWLEDGEMENTS.length * 4);
      for (const ack of onData) {
        const row = STREAM_INGESTION_ACKNOWLEDGEMENTS.find((r) => ack.reason === r.reason);
        expect(row?.reason).toBe(ack.reason);
        expect(ack.path).toMatch(row!.resource === 'stream' ? /\/Stream\/Resource$/ : /\/Delivery$/);
        expect(ack.resourceTypes).toEqual([
          row!.resource === 'stream' ? 'AWS::Kinesis::Stream' : 'AWS::KinesisFirehose::DeliveryStream',
        ]);
      }
      // AND every other acknowledgement is on a delivery role
      const key = (a: { path: string; ruleId: string }) => `${a.path} ${a.ruleId}`;
      const others = acknowledgementsIn(app).filter((a) => !onData.map(key).includes(key(a)));
      expect(others.length).toBeGreaterThan(0);
      for (const ack of others) expect(ack.resourceTypes).toEqual(['AWS::IAM::Role']);
    });

    test("the blocks' own resources are checked: weakening them through the escape hatches is reported", () => {
      // GIVEN a stream without encryption, a delivery without a destination key, a log group without
      // retention, an unencrypted topic and an alarm without actions
      const app = new App({ context });
      const stack = new Stack(app, 'Weakened', { env: ENV });
      const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
      const ingestion = new StreamIngestion(stack, 'Clicks', {
        platformName: 'sales',
        streamName: 'clicks',
        lake: lake,
      });
      (ingestion.stream.node.defaultChild as kinesis.CfnStream).streamEncryption = undefined;
      ingestion.deliveryStream.addPropertyDeletionOverride(
        'ExtendedS3DestinationConfiguration.EncryptionConfiguration.KMSEncryptionConfig',
      );
      (ingestion.deliveryLogGroup.node.defaultChild as logs.CfnLogGroup).retentionInDays = undefined;
      (
        (ingestion.notificationTarget as NotificationTarget).topic.node.defaultChild as sns.CfnTopic
      ).kmsMasterKeyId = undefined;
      (ingestion.dataFreshnessAlarm.node.defaultChild as cloudwatch.CfnAlarm).alarmActions = undefined;
      (ingestion.dataFreshnessAlarm.node.defaultChild as cloudwatch.CfnAlarm).okActions = undefined;
      // WHEN
      const findings = checkCompliance(app).findings.map((f) => [
        f.ruleId,
        (f.path ?? '').replace('Weakened/Clicks/', ''),
      ]);
      // THEN
      expect(findings.sort()).toEqual(
        [
          ['AwsSolutions-KDS1', 'Stream/Resource'],
          ['DPK-AWS-KinesisStreamKMSEncrypted', 'Stream/Resource'],
          ['DPK-AWS-FirehoseS3DestinationKMS', 'Delivery'],
          ['DPK-AWS-CloudWatchLogGroupRetentionPeriod', 'DeliveryLogGroup/Resource'],
          ['DPK-AWS-SNSEncryptedKMS', 'Alerts/Topic/Resource'],
          ['DPK-AWS-CloudWatchAlarmAction', 'DataFreshnessAlarm/Resource'],
        ].sort(),
      );
    });
  },
);
