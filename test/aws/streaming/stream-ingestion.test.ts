import { CfnParameter, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DELIVERY, HASH, idOf, KEY, keyArnOf, LOG_GROUP, only, STREAM, synthStream, TOPIC } from './support';
import {
  DeliveryCompression,
  EncryptionKey,
  NotificationTarget,
  STREAM_INGESTION_ACKNOWLEDGEMENTS,
  StreamIngestion,
} from '../../../src/aws';
import { acknowledgementsIn } from '../../../src/aws/compliance';
import { LOGS_KEY_POLICY_NOT_ADDED_WARNING } from '../../../src/aws/private/log-groups';
import {
  ComplianceIntent,
  CommonDefaults,
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';
import { logsStatementCovers } from '../support/logs-key';

const TIME = 'year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/';
const destination = (template: ReturnType<typeof synthStream>['template']) =>
  only(template, DELIVERY).Properties.ExtendedS3DestinationConfiguration;

describe('StreamIngestion defaults', () => {
  test('lands in DEFAULT_ZONE (raw): Firehose writes to the raw bucket', () => {
    const { lake, ingestion, stack, template } = synthStream();
    expect(StreamIngestion.DEFAULT_ZONE).toBe(CommonDefaults.STREAM_ZONE);
    expect(ingestion.zone).toBe('raw');
    expect(ingestion.bucket).toBe(lake.bucketFor('raw'));
    expect(destination(template).BucketARN).toEqual({
      'Fn::GetAtt': [idOf(stack, lake.bucketFor('raw')), 'Arn'],
    });
  });

  test('the stream is on-demand (no shard count) and keeps records DEFAULT_RETENTION_HOURS (24)', () => {
    const { template } = synthStream();
    expect(StreamIngestion.DEFAULT_RETENTION_HOURS).toBe(24);
    const props = only(template, STREAM).Properties;
    expect(props.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    expect(props.ShardCount).toBeUndefined();
    expect(props.RetentionPeriodHours).toBe(24);
  });

  test("the stream is KMS-encrypted with the lake's key, which no new key replaces", () => {
    const { lake, ingestion, stack, template } = synthStream();
    expect(ingestion.encryptionKey).toBe(lake.encryptionKey);
    expect(only(template, STREAM).Properties.StreamEncryption).toEqual({
      EncryptionType: 'KMS',
      KeyId: keyArnOf(stack, lake.encryptionKey as EncryptionKey),
    });
    // the lake key and the alerts key only
    expect(Object.keys(template.findResources(KEY))).toHaveLength(2);
  });

  test('derived names: stream <platform>-<stream>-<hash>, Firehose <platform>-<stream>-<zone>-<hash>', () => {
    const { template } = synthStream();
    expect(only(template, STREAM).Properties.Name).toMatch(new RegExp(`^sales-clickstream-${HASH}$`));
    const name = only(template, DELIVERY).Properties.DeliveryStreamName;
    expect(name).toMatch(new RegExp(`^sales-clickstream-raw-${HASH}$`));
    expect(only(template, LOG_GROUP).Properties.LogGroupName).toBe(`/aws/kinesisfirehose/${name}`);
  });

  test('names are stable for a construct path and differ between paths', () => {
    const first = synthStream().template;
    const again = synthStream().template;
    expect(only(again, STREAM).Properties.Name).toBe(only(first, STREAM).Properties.Name);
    const stack = newAwsStack();
    const other = synthStream({}, stack);
    new StreamIngestion(stack, 'Other', {
      platformName: 'sales',
      streamName: 'clickstream',
      lake: other.lake,
    });
    const names = Object.values(other.stack.node.findAll())
      .filter((c) => (c as { cfnResourceType?: string }).cfnResourceType === STREAM)
      .map((c) => other.stack.resolve((c as any).name));
    expect(new Set(names).size).toBe(2);
  });

  test('Kinesis source, time-partitioned data prefix and a separate error prefix', () => {
    const { ingestion, stack, template } = synthStream();
    const props = only(template, DELIVERY).Properties;
    expect(props.DeliveryStreamType).toBe('KinesisStreamAsSource');
    expect(props.KinesisStreamSourceConfiguration.KinesisStreamARN).toEqual({
      'Fn::GetAtt': [idOf(stack, ingestion.stream), 'Arn'],
    });
    expect(ingestion.dataPrefix).toBe(`clickstream/${TIME}`);
    expect(ingestion.errorPrefix).toBe(`errors/clickstream/!{firehose:error-output-type}/${TIME}`);
    expect(destination(template)).toMatchObject({
      Prefix: ingestion.dataPrefix,
      ErrorOutputPrefix: ingestion.errorPrefix,
    });
  });

  test('buffers DEFAULT_BUFFERING_INTERVAL_SECONDS (300) or DEFAULT_BUFFERING_SIZE_MIB (64)', () => {
    expect(StreamIngestion.DEFAULT_BUFFERING_INTERVAL_SECONDS).toBe(300);
    expect(StreamIngestion.DEFAULT_BUFFERING_SIZE_MIB).toBe(64);
    expect(destination(synthStream().template).BufferingHints).toEqual({
      IntervalInSeconds: 300,
      SizeInMBs: 64,
    });
  });

  test('compresses with DEFAULT_COMPRESSION (GZIP)', () => {
    expect(StreamIngestion.DEFAULT_COMPRESSION).toBe(DeliveryCompression.GZIP);
    expect(destination(synthStream().template).CompressionFormat).toBe('GZIP');
  });

  test("encrypts delivered objects with the lake's key (KMS on the destination)", () => {
    const { lake, stack, template } = synthStream();
    expect(destination(template).EncryptionConfiguration).toEqual({
      KMSEncryptionConfig: { AWSKMSKeyARN: keyArnOf(stack, lake.encryptionKey as EncryptionKey) },
    });
    expect(destination(template).S3BackupMode).toBe('Disabled');
  });

  test('logs delivery errors to its log group and stream, encrypted, kept DEFAULT_LOG_RETENTION_DAYS (365)', () => {
    const { lake, ingestion, stack, template } = synthStream();
    expect(StreamIngestion.DEFAULT_LOG_RETENTION_DAYS).toBe(365);
    expect(only(template, LOG_GROUP).Properties).toMatchObject({
      KmsKeyId: keyArnOf(stack, lake.encryptionKey as EncryptionKey),
      RetentionInDays: 365,
    });
    const logStream = only(template, 'AWS::Logs::LogStream');
    expect(logStream.Properties).toEqual({
      LogGroupName: { Ref: idOf(stack, ingestion.deliveryLogGroup) },
      LogStreamName: 'S3Delivery',
    });
    expect(destination(template).CloudWatchLoggingOptions).toEqual({
      Enabled: true,
      LogGroupName: { Ref: idOf(stack, ingestion.deliveryLogGroup) },
      LogStreamName: { Ref: expect.stringMatching(/^ClicksDeliveryLogStream/) },
    });
  });

  test('alarms go to a kit-made NotificationTarget: an encrypted topic with its own alerts key', () => {
    const { ingestion, stack, template } = synthStream();
    expect(ingestion.notificationTarget).toBeInstanceOf(NotificationTarget);
    const target = ingestion.notificationTarget as NotificationTarget;
    expect(only(template, TOPIC).Properties).toMatchObject({
      TopicName: expect.stringMatching(new RegExp(`^sales-clickstream-alerts-${HASH}$`)),
      KmsMasterKeyId: keyArnOf(stack, target.encryptionKey as EncryptionKey),
    });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  test('the stream, the log group and its log stream are retained; nothing is force-deleted', () => {
    const { template } = synthStream();
    for (const type of [STREAM, LOG_GROUP, 'AWS::Logs::LogStream', KEY]) {
      template.allResources(type, { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
    }
  });

  test("every taggable resource carries the kit's data-platform tag", () => {
    const { template } = synthStream();
    for (const type of [STREAM, DELIVERY, LOG_GROUP, 'AWS::IAM::Role', TOPIC, 'AWS::CloudWatch::Alarm']) {
      template.allResourcesProperties(type, {
        Tags: Match.arrayWith([{ Key: 'data-platform', Value: 'sales' }]),
      });
    }
  });

  test('the escape hatches expose every native resource', () => {
    const { ingestion } = synthStream();
    expect(ingestion.stream.node.defaultChild).toBeDefined();
    expect(ingestion.deliveryStream.cfnResourceType).toBe(DELIVERY);
    expect(ingestion.deliveryRole.roleArn).toBeDefined();
    expect(ingestion.deliveryLogGroup).toBeInstanceOf(logs.LogGroup);
    expect([
      ingestion.iteratorAgeAlarm,
      ingestion.dataFreshnessAlarm,
      ingestion.deliverySuccessAlarm,
    ]).toHaveLength(3);
    expect(ingestion.streamArn).toBe(ingestion.stream.streamArn);
  });

  test('acknowledges exactly the findings of its table, on the stream and the Firehose stream, and two object prefixes on its role', () => {
    const { ingestion } = synthStream();
    const acks = acknowledgementsIn(ingestion).map((a) => [a.path, a.ruleId]);
    expect(STREAM_INGESTION_ACKNOWLEDGEMENTS.map((a) => a.intent)).toEqual([
      ComplianceIntent.CUSTOMER_MANAGED_KEY,
      ComplianceIntent.NOTHING_AT_REST,
    ]);
    expect(acks).toEqual([
      ['Test/Clicks/Stream/Resource', 'AwsSolutions-KDS3'],
      [
        'Test/Clicks/DeliveryRole',
        expect.stringMatching(
          /^AwsSolutions-IAM5\[Resource::<LakeRawBucket[0-9A-F]+\.Arn>\/clickstream\/\*\]$/,
        ),
      ],
      [
        'Test/Clicks/DeliveryRole',
        expect.stringMatching(
          /^AwsSolutions-IAM5\[Resource::<LakeRawBucket[0-9A-F]+\.Arn>\/errors\/clickstream\/\*\]$/,
        ),
      ],
      ['Test/Clicks/Delivery', 'AwsSolutions-KDF1'],
    ]);
  });
});

describe('StreamIngestion options', () => {
  test('shardCount switches the stream to PROVISIONED with that many shards', () => {
    const props = only(synthStream({ shardCount: 4 }).template, STREAM).Properties;
    expect(props.StreamModeDetails).toEqual({ StreamMode: 'PROVISIONED' });
    expect(props.ShardCount).toBe(4);
  });

  test.each([24, 168, 8760])('retentionHours %p', (hours) => {
    expect(
      only(synthStream({ retentionHours: hours }).template, STREAM).Properties.RetentionPeriodHours,
    ).toBe(hours);
  });

  test('retentionHours as a token goes straight to the stream', () => {
    const stack = newAwsStack();
    const hours = Token.asNumber(new CfnParameter(stack, 'Hours', { type: 'Number' }).value);
    expect(
      only(synthStream({ retentionHours: hours }, stack).template, STREAM).Properties.RetentionPeriodHours,
    ).toEqual({
      Ref: 'Hours',
    });
  });

  test('zone: lands in another zone of the lake, named in the Firehose stream', () => {
    const { lake, stack, template } = synthStream({ zone: 'curated' });
    expect(destination(template).BucketARN).toEqual({
      'Fn::GetAtt': [idOf(stack, lake.bucketFor('curated')), 'Arn'],
    });
    expect(only(template, DELIVERY).Properties.DeliveryStreamName).toMatch(/^sales-clickstream-curated-/);
  });

  test('encryptionKey: encrypts the stream and the log group; delivered objects keep the lake key', () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'StreamKey', { platformName: 'sales', purpose: 'stream' });
    const { lake, ingestion, template } = synthStream({ encryptionKey: key }, stack);
    expect(ingestion.encryptionKey).toBe(key);
    expect(only(template, STREAM).Properties.StreamEncryption.KeyId).toEqual(keyArnOf(stack, key));
    expect(only(template, LOG_GROUP).Properties.KmsKeyId).toEqual(keyArnOf(stack, key));
    expect(destination(template).EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN).toEqual(
      keyArnOf(stack, lake.encryptionKey as EncryptionKey),
    );
  });

  test('bufferingIntervalSeconds and bufferingSizeMiB, including zero buffering and the maxima', () => {
    expect(
      destination(synthStream({ bufferingIntervalSeconds: 0, bufferingSizeMiB: 1 }).template).BufferingHints,
    ).toEqual({ IntervalInSeconds: 0, SizeInMBs: 1 });
    expect(
      destination(
        synthStream({
          bufferingIntervalSeconds: StreamIngestion.BUFFERING_INTERVAL_SECONDS_RANGE.max,
          bufferingSizeMiB: StreamIngestion.BUFFERING_SIZE_MIB_RANGE.max,
          dataFreshnessThresholdSeconds: 1800,
        }).template,
      ).BufferingHints,
    ).toEqual({ IntervalInSeconds: 900, SizeInMBs: 128 });
  });

  test.each(Object.values(DeliveryCompression))('compression %s', (compression) => {
    expect(destination(synthStream({ compression }).template).CompressionFormat).toBe(compression);
  });

  test('logRetentionDays', () => {
    expect(only(synthStream({ logRetentionDays: 30 }).template, LOG_GROUP).Properties.RetentionInDays).toBe(
      30,
    );
  });

  test('notificationTarget: a brought target receives the alarms and no topic or alerts key is made', () => {
    const stack = newAwsStack();
    const target = new NotificationTarget(stack, 'Shared', { platformName: 'sales' });
    const { ingestion, template } = synthStream({ notificationTarget: target }, stack);
    expect(ingestion.notificationTarget).toBe(target);
    template.resourceCountIs(TOPIC, 1);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: idOf(stack, target.topic) }],
    });
  });

  test("notificationTarget: NotificationTarget.fromTopic sends the alarms to the user's topic", () => {
    const stack = newAwsStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Ops', 'arn:aws:sns:eu-west-1:111122223333:ops');
    const { template } = synthStream({ notificationTarget: NotificationTarget.fromTopic(topic) }, stack);
    template.resourceCountIs(TOPIC, 0);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: ['arn:aws:sns:eu-west-1:111122223333:ops'],
      OKActions: ['arn:aws:sns:eu-west-1:111122223333:ops'],
    });
  });

  test('alertEmailAddresses subscribe to the kit-made topic', () => {
    const { template } = synthStream({ alertEmailAddresses: ['oncall@example.com', 'data@example.com'] });
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });

  test('tags go on every taggable resource, after the kit tag', () => {
    const { template } = synthStream({ tags: { team: 'web' } });
    for (const type of [STREAM, DELIVERY, LOG_GROUP, TOPIC]) {
      template.allResourcesProperties(type, {
        Tags: [
          { Key: 'data-platform', Value: 'sales' },
          { Key: 'team', Value: 'web' },
        ],
      });
    }
  });
});

describe('StreamIngestion removal guard', () => {
  test('DESTROY without the context flag keeps the stream and log group, with a warning', () => {
    const { stack, template } = synthStream({ removalPolicy: DataRemovalPolicy.DESTROY });
    for (const type of [STREAM, LOG_GROUP]) {
      template.allResources(type, { DeletionPolicy: 'RetainExceptOnCreate' });
    }
    Annotations.fromStack(stack).hasWarning(
      '/Test/Clicks',
      Match.stringLikeRegexp(`${REMOVE_DATA_ON_DESTROY_CONTEXT}.*\\[ack: ${REMOVAL_DOWNGRADED_WARNING}\\]`),
    );
  });

  test('DESTROY with the context flag deletes the stream, the log group and the alerts key', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthStream({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    for (const type of [STREAM, LOG_GROUP, 'AWS::Logs::LogStream']) {
      template.allResources(type, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    }
    template.hasResource(KEY, {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ Description: Match.stringLikeRegexp('clickstream-alerts') }),
    });
  });
});

describe('StreamIngestion deployability', () => {
  test("the logs service may use the key for this log group only, in the key's own policy", () => {
    const { lake, stack, template } = synthStream();
    const name = only(template, LOG_GROUP).Properties.LogGroupName;
    const keyId = idOf(stack, (lake.encryptionKey as EncryptionKey).key);
    const keyPolicy = template.toJSON().Resources[keyId].Properties.KeyPolicy;
    expect(logsStatementCovers(keyPolicy, name)).toBe(true);
    expect(logsStatementCovers(keyPolicy, '/aws/kinesisfirehose/other-platform-stream')).toBe(false);
    // AND the log group references the key, so it is created after the policy allows it
    expect(only(template, LOG_GROUP).Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });

  test('the delivery role carries its whole policy inline: the Firehose stream never exists without it', () => {
    const { ingestion, stack, template } = synthStream();
    const roleId = idOf(stack, ingestion.deliveryRole);
    const role = template.toJSON().Resources[roleId];
    expect(role.Properties.Policies).toHaveLength(1);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const props = only(template, DELIVERY).Properties;
    expect(props.KinesisStreamSourceConfiguration.RoleARN).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    expect(props.ExtendedS3DestinationConfiguration.RoleARN).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });

  test('the role trusts Firehose of this account only (sts:ExternalId)', () => {
    const { ingestion, stack, template } = synthStream();
    expect(
      template.toJSON().Resources[idOf(stack, ingestion.deliveryRole)].Properties.AssumeRolePolicyDocument,
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'firehose.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': '111122223333' } },
        },
      ],
    });
  });

  test('an imported stream key gets no logs statement, and the kit warns with the statement to add', () => {
    const stack = newAwsStack();
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555';
    const key = EncryptionKey.fromKey(stack, 'Brought', kms.Key.fromKeyArn(stack, 'Existing', arn));
    const { template } = synthStream({ encryptionKey: key }, stack);
    expect(only(template, LOG_GROUP).Properties.KmsKeyId).toBe(arn);
    Annotations.fromStack(stack).hasWarning(
      '/Test/Clicks',
      Match.stringLikeRegexp(
        `CloudWatch Logs cannot be allowed.*log-group:/aws/kinesisfirehose/sales-clickstream-raw-.*\\[ack: ${LOGS_KEY_POLICY_NOT_ADDED_WARNING}\\]`,
      ),
    );
  });

  test('under recommended feature flags: same stream, delivery and log group, the same role permissions, no warning', () => {
    const legacy = synthStream().template;
    const { stack, template } = synthStream({}, newRecommendedAwsStack());
    for (const type of [STREAM, DELIVERY, LOG_GROUP]) {
      expect(template.findResources(type)).toEqual(legacy.findResources(type));
    }
    // (minimizePolicies sorts the actions and partition literals replace AWS::Partition)
    const actions = (t: typeof template) =>
      only(t, 'AWS::IAM::Role')
        .Properties.Policies[0].PolicyDocument.Statement.flatMap((st: any) => [st.Action].flat())
        .sort();
    expect(actions(template)).toEqual(actions(legacy));
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('StreamIngestion.fromStreamAttributes', () => {
  test('wraps an existing stream so producers and consumers can be granted on it', () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'Key', { platformName: 'sales' });
    const arn = 'arn:aws:kinesis:eu-west-1:111122223333:stream/orders';
    const imported = StreamIngestion.fromStreamAttributes(stack, 'Orders', {
      streamArn: arn,
      encryptionKey: key,
    });
    expect(imported.streamArn).toBe(arn);
    expect(imported.encryptionKey).toBe(key);
    expect(
      stack.node.findAll().some((c) => (c as { cfnResourceType?: string }).cfnResourceType === STREAM),
    ).toBe(false);
  });
});
