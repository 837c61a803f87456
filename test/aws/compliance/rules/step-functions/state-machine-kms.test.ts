import type { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { NagRuleCompliance } from 'cdk-nag';
import { StepFunctionsStateMachineKMS } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const machine = (
  stack: Stack,
  encryptionConfiguration?: sfn.CfnStateMachine.EncryptionConfigurationProperty,
) =>
  new sfn.CfnStateMachine(stack, 'Machine', {
    roleArn: 'arn:aws:iam::111122223333:role/sfn',
    definitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}',
    encryptionConfiguration,
  });

describe('DPK-AWS-StepFunctionsStateMachineKMS', () => {
  test('compliant: a customer-managed key', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = machine(stack, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: key.keyArn });
    expect(verdict(StepFunctionsStateMachineKMS, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(StepFunctionsStateMachineKMS, stack)).toEqual([]);
  });

  test.each<[string, sfn.CfnStateMachine.EncryptionConfigurationProperty | undefined]>([
    ['no encryption configuration (the AWS-owned key)', undefined],
    ['the AWS-owned key', { type: 'AWS_OWNED_KEY' }],
    ['customer-managed without a key', { type: 'CUSTOMER_MANAGED_KMS_KEY' }],
  ])('non-compliant: %s', (_, configuration) => {
    const stack = fixtureStack();
    expect(verdict(StepFunctionsStateMachineKMS, machine(stack, configuration))).toBe(
      NagRuleCompliance.NON_COMPLIANT,
    );
    expect(reported(StepFunctionsStateMachineKMS, stack)).toEqual(['Test/Machine']);
  });

  test('an override that drops the encryption is reported', () => {
    const stack = fixtureStack();
    machine(stack, {
      type: 'CUSTOMER_MANAGED_KMS_KEY',
      kmsKeyId: 'arn:aws:kms:k',
    }).addPropertyDeletionOverride('EncryptionConfiguration');
    expect(reported(StepFunctionsStateMachineKMS, stack)).toEqual(['Test/Machine']);
  });

  test('not applicable to other resources', () => {
    expect(verdict(StepFunctionsStateMachineKMS, new kms.CfnKey(fixtureStack(), 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
