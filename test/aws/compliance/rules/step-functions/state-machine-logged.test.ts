import type { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { NagRuleCompliance } from 'cdk-nag';
import { StepFunctionsStateMachineLogged } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/m:*';
const machine = (stack: Stack, loggingConfiguration?: sfn.CfnStateMachine.LoggingConfigurationProperty) =>
  new sfn.CfnStateMachine(stack, 'Machine', {
    roleArn: 'arn:aws:iam::111122223333:role/sfn',
    definitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}',
    loggingConfiguration,
  });

describe('DPK-AWS-StepFunctionsStateMachineLogged', () => {
  test('compliant: ALL events to a log group', () => {
    const stack = fixtureStack();
    const node = machine(stack, {
      level: 'ALL',
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: GROUP } }],
    });
    expect(verdict(StepFunctionsStateMachineLogged, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(StepFunctionsStateMachineLogged, stack)).toEqual([]);
  });

  test.each<[string, sfn.CfnStateMachine.LoggingConfigurationProperty | undefined]>([
    ['no logging', undefined],
    ['errors only', { level: 'ERROR', destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: GROUP } }] }],
    ['logging off', { level: 'OFF' }],
    ['ALL without a destination', { level: 'ALL' }],
  ])('non-compliant: %s', (_, logging) => {
    const stack = fixtureStack();
    expect(verdict(StepFunctionsStateMachineLogged, machine(stack, logging))).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
    expect(reported(StepFunctionsStateMachineLogged, stack)).toEqual(['Test/Machine']);
  });

  test('an override that lowers the level is reported', () => {
    const stack = fixtureStack();
    machine(stack, {
      level: 'ALL',
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: GROUP } }],
    }).addPropertyOverride('LoggingConfiguration.Level', 'FATAL');
    expect(reported(StepFunctionsStateMachineLogged, stack)).toEqual(['Test/Machine']);
  });

  test('not applicable to other resources', () => {
    expect(verdict(StepFunctionsStateMachineLogged, new kms.CfnKey(fixtureStack(), 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
