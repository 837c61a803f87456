import { Duration, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { NotificationTarget } from '../../../src/aws';
import { ErrorCode } from '../../../src/core';
import { newAwsStack } from '../../helpers/aws-stack';

const ARN = 'arn:aws:sns:eu-west-1:444455556666:data-oncall';

function alarmIn(stack: ReturnType<typeof newAwsStack>) {
  return new cloudwatch.Alarm(stack, 'Alarm', {
    metric: new cloudwatch.Metric({ namespace: 'Test', metricName: 'Errors', period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
  });
}

describe('NotificationTarget.fromNotificationTargetAttributes', () => {
  test("alarms notify the imported topic's ARN; no topic, key or subscription is created", () => {
    const stack = newAwsStack();
    const target = NotificationTarget.fromNotificationTargetAttributes(stack, 'Ops', { topicArn: ARN });
    target.notifyOn(alarmIn(stack));
    const template = Template.fromStack(stack);
    for (const type of [
      'AWS::SNS::Topic',
      'AWS::SNS::TopicPolicy',
      'AWS::SNS::Subscription',
      'AWS::KMS::Key',
    ]) {
      template.resourceCountIs(type, 0);
    }
    expect(target.topicArn).toBe(ARN);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [ARN], OKActions: [ARN] });
  });

  test('fromTopicArn is the same import', () => {
    const stack = newAwsStack();
    expect(NotificationTarget.fromTopicArn(stack, 'Ops', ARN).topicArn).toBe(ARN);
  });

  test.each([
    ['a queue ARN', 'arn:aws:sqs:eu-west-1:444455556666:queue'],
    ['a topic name', 'data-oncall'],
    ['a subscription ARN', `${ARN}:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`],
  ])('rejects %s with DPK_INVALID_NAME on topicArn', (_, topicArn) => {
    expect(() =>
      NotificationTarget.fromNotificationTargetAttributes(newAwsStack(), 'Ops', { topicArn }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'topicArn' }));
  });

  test('a token ARN passes unvalidated', () => {
    const topicArn = Token.asString({ 'Fn::ImportValue': 'OpsTopicArn' });
    const target = NotificationTarget.fromTopicArn(newAwsStack(), 'Ops', topicArn);
    expect(target.topicArn).toBe(topicArn);
  });
});
