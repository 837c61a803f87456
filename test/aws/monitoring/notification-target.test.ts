import { Duration, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  ALARMS_KEY_POLICY_NOT_ADDED_WARNING,
  EncryptionKey,
  NotificationTarget,
  type NotificationTargetProps,
} from '../../../src/aws';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';

const TOPIC = 'AWS::SNS::Topic';
const KEY = 'AWS::KMS::Key';
const HASH = '[0-9a-f]{8}';

function synthTarget(props: Partial<NotificationTargetProps> = {}, stack: Stack = newAwsStack()) {
  const target = new NotificationTarget(stack, 'Alerts', { platformName: 'sales', ...props });
  return { target, stack, template: Template.fromStack(stack) };
}

const only = (template: Template, type: string) => {
  const all = Object.values(template.findResources(type));
  expect(all).toHaveLength(1);
  return all[0];
};
const idOf = (stack: Stack, c: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(c.node.defaultChild as kms.CfnKey);

const CLOUDWATCH_ON_KEY = {
  Effect: 'Allow',
  Principal: { Service: 'cloudwatch.amazonaws.com' },
  Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
  Resource: '*',
  // only alarms of this account (confused deputy)
  Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
};

const alarmIn = (stack: Stack) =>
  new cloudwatch.Alarm(stack, 'Alarm', {
    metric: new cloudwatch.Metric({ namespace: 'Test', metricName: 'Errors', period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
  });

describe('NotificationTarget defaults', () => {
  test('an SNS topic named <platform>-alerts-<hash>, encrypted with a new alerts key (DEFAULT_PURPOSE)', () => {
    const { target, stack, template } = synthTarget();
    expect(NotificationTarget.DEFAULT_PURPOSE).toBe('alerts');
    expect(target.encryptionKey).toBeInstanceOf(EncryptionKey);
    template.resourceCountIs(KEY, 1);
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: Match.stringLikeRegexp(`^alias/sales/alerts/${HASH}$`),
    });
    expect(only(template, TOPIC).Properties).toMatchObject({
      TopicName: expect.stringMatching(new RegExp(`^sales-alerts-${HASH}$`)),
      KmsMasterKeyId: { 'Fn::GetAtt': [idOf(stack, (target.encryptionKey as EncryptionKey).key), 'Arn'] },
    });
  });

  test('display name `<platform> data platform alerts`, messages signed with SIGNATURE_VERSION 2 (SHA256)', () => {
    const { template } = synthTarget();
    expect(NotificationTarget.SIGNATURE_VERSION).toBe('2');
    expect(only(template, TOPIC).Properties).toMatchObject({
      DisplayName: 'sales data platform alerts',
      SignatureVersion: '2',
    });
  });

  test("the key's policy lets CloudWatch alarms use it, before the topic that references it exists", () => {
    const { target, stack, template } = synthTarget();
    const keyId = idOf(stack, (target.encryptionKey as EncryptionKey).key);
    expect(template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement).toContainEqual(
      CLOUDWATCH_ON_KEY,
    );
    expect(only(template, TOPIC).Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });

  test('the topic policy denies publishing without TLS and lets only CloudWatch alarms of this account publish', () => {
    const { target, stack, template } = synthTarget();
    const topic = { Ref: idOf(stack, target.topic) };
    expect(only(template, 'AWS::SNS::TopicPolicy').Properties.PolicyDocument.Statement).toEqual([
      {
        Sid: 'AllowPublishThroughSSLOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Resource: topic,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'AllowCloudWatchAlarmsOfThisAccount',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topic,
        Condition: {
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:eu-west-1:111122223333:alarm:*'],
              ],
            },
          },
          StringEquals: { 'aws:SourceAccount': '111122223333' },
        },
      },
    ]);
  });

  test('no subscriptions; the key is retained, the topic (no data) is not', () => {
    const { template } = synthTarget();
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    template.allResources(KEY, { DeletionPolicy: 'RetainExceptOnCreate' });
    expect(only(template, TOPIC).DeletionPolicy).toBeUndefined();
  });

  test("the topic and the key carry the kit's data-platform tag", () => {
    const { template } = synthTarget();
    for (const type of [TOPIC, KEY]) {
      template.allResourcesProperties(type, { Tags: [{ Key: 'data-platform', Value: 'sales' }] });
    }
  });

  test('the same topic and key policy under recommended feature flags, and no warning', () => {
    const legacy = synthTarget().template;
    const { stack, template } = synthTarget({}, newRecommendedAwsStack());
    expect(template.findResources(TOPIC)).toEqual(legacy.findResources(TOPIC));
    expect(Object.values(template.findResources(KEY))[0].Properties.KeyPolicy.Statement).toContainEqual(
      CLOUDWATCH_ON_KEY,
    );
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('NotificationTarget options', () => {
  test('emailAddresses: one email subscription each', () => {
    const { target, stack, template } = synthTarget({ emailAddresses: ['a@example.com', 'b@example.org'] });
    expect(target.emailAddresses).toEqual(['a@example.com', 'b@example.org']);
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    for (const email of target.emailAddresses) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: email,
        TopicArn: { Ref: idOf(stack, target.topic) },
      });
    }
  });

  test('purpose names the topic and the key alias', () => {
    const { template } = synthTarget({ purpose: 'pipelines' });
    expect(only(template, TOPIC).Properties.TopicName).toMatch(new RegExp(`^sales-pipelines-${HASH}$`));
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: Match.stringLikeRegexp('^alias/sales/pipelines/'),
    });
  });

  test('displayName', () => {
    expect(only(synthTarget({ displayName: 'Sales on-call' }).template, TOPIC).Properties.DisplayName).toBe(
      'Sales on-call',
    );
  });

  test('encryptionKey: a kit key of the app encrypts the topic and gets the CloudWatch statement', () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'Shared', { platformName: 'sales', purpose: 'ops' });
    const { target, template } = synthTarget({ encryptionKey: key }, stack);
    expect(target.encryptionKey).toBe(key);
    template.resourceCountIs(KEY, 1);
    expect(only(template, KEY).Properties.KeyPolicy.Statement).toContainEqual(CLOUDWATCH_ON_KEY);
  });

  test('encryptionKey: an imported key is used as is, and the kit warns with the statement to add', () => {
    const stack = newAwsStack();
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555';
    const key = EncryptionKey.fromKey(stack, 'Brought', kms.Key.fromKeyArn(stack, 'Existing', arn));
    const { template } = synthTarget({ encryptionKey: key }, stack);
    template.resourceCountIs(KEY, 0);
    expect(only(template, TOPIC).Properties.KmsMasterKeyId).toBe(arn);
    Annotations.fromStack(stack).hasWarning(
      '/Test/Alerts',
      Match.stringLikeRegexp(
        `cloudwatch\\.amazonaws\\.com.*\\[ack: ${ALARMS_KEY_POLICY_NOT_ADDED_WARNING}\\]`,
      ),
    );
  });

  test('tags go on the topic and the key, after the kit tag', () => {
    const { template } = synthTarget({ tags: { team: 'ops' } });
    for (const type of [TOPIC, KEY]) {
      template.allResourcesProperties(type, {
        Tags: [
          { Key: 'data-platform', Value: 'sales' },
          { Key: 'team', Value: 'ops' },
        ],
      });
    }
  });

  test('removalPolicy DESTROY with the context flag deletes the key it made', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthTarget({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    template.allResources(KEY, { DeletionPolicy: 'Delete' });
  });

  test('removalPolicy DESTROY without the flag keeps the key', () => {
    const { template } = synthTarget({ removalPolicy: DataRemovalPolicy.DESTROY });
    template.allResources(KEY, { DeletionPolicy: 'RetainExceptOnCreate' });
  });
});

describe('notifyOn and fromTopic', () => {
  test('notifyOn sends the alarm and OK transitions to the topic', () => {
    const stack = newAwsStack();
    const target = new NotificationTarget(stack, 'Alerts', { platformName: 'sales' });
    target.notifyOn(alarmIn(stack));
    const topic = { Ref: idOf(stack, target.topic) };
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [topic],
      OKActions: [topic],
    });
    expect(target.topicArn).toBe(target.topic.topicArn);
  });

  test("fromTopic: alarms go to the user's topic, which the kit leaves untouched", () => {
    const stack = newAwsStack();
    const arn = 'arn:aws:sns:eu-west-1:111122223333:ops';
    const target = NotificationTarget.fromTopic(sns.Topic.fromTopicArn(stack, 'Ops', arn));
    target.notifyOn(alarmIn(stack));
    const template = Template.fromStack(stack);
    expect(target.topicArn).toBe(arn);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [arn], OKActions: [arn] });
    for (const type of [TOPIC, 'AWS::SNS::TopicPolicy', KEY]) template.resourceCountIs(type, 0);
  });
});
