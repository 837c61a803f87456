import type { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { NagRuleCompliance } from 'cdk-nag';
import { SchedulerScheduleKMS } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const schedule = (stack: Stack, kmsKeyArn?: string) =>
  new scheduler.CfnSchedule(stack, 'Schedule', {
    scheduleExpression: 'rate(1 day)',
    flexibleTimeWindow: { mode: 'OFF' },
    target: {
      arn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:m',
      roleArn: 'arn:aws:iam::111122223333:role/s',
    },
    kmsKeyArn,
  });

describe('DPK-AWS-SchedulerScheduleKMS', () => {
  test('compliant: a customer-managed key (a reference or an ARN)', () => {
    const stack = fixtureStack();
    const node = schedule(stack, new kms.Key(stack, 'Key').keyArn);
    expect(verdict(SchedulerScheduleKMS, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(SchedulerScheduleKMS, stack)).toEqual([]);
    expect(
      verdict(SchedulerScheduleKMS, schedule(fixtureStack(), 'arn:aws:kms:eu-west-1:111122223333:key/k')),
    ).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no key (the AWS-owned key)', undefined],
    ['an empty key', ''],
  ])('non-compliant: %s', (_, key) => {
    const stack = fixtureStack();
    expect(verdict(SchedulerScheduleKMS, schedule(stack, key))).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(SchedulerScheduleKMS, stack)).toEqual(['Test/Schedule']);
  });

  test('an override that drops the key is reported', () => {
    const stack = fixtureStack();
    schedule(stack, 'arn:aws:kms:k').addPropertyDeletionOverride('KmsKeyArn');
    expect(reported(SchedulerScheduleKMS, stack)).toEqual(['Test/Schedule']);
  });

  test('not applicable to other resources', () => {
    expect(verdict(SchedulerScheduleKMS, new kms.CfnKey(fixtureStack(), 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
