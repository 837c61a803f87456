import type { Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { AthenaResultsKMSEncrypted } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const workGroup = (stack: Stack, config?: athena.CfnWorkGroup.WorkGroupConfigurationProperty) =>
  new athena.CfnWorkGroup(stack, 'WorkGroup', { name: 'analysts', workGroupConfiguration: config });

const s3Results = (encryptionOption: string, kmsKey?: string) => ({
  enforceWorkGroupConfiguration: true,
  resultConfiguration: {
    outputLocation: 's3://results/',
    encryptionConfiguration: { encryptionOption, kmsKey },
  },
});

describe('DPK-AWS-AthenaResultsKMSEncrypted', () => {
  test.each(['SSE_KMS', 'CSE_KMS'])('compliant: %s with a key', (option) => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = workGroup(stack, s3Results(option, key.keyArn));
    expect(verdict(AthenaResultsKMSEncrypted, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(AthenaResultsKMSEncrypted, stack)).toEqual([]);
  });

  test('compliant: managed query results encrypted with a key', () => {
    const stack = fixtureStack();
    const node = workGroup(stack, {
      managedQueryResultsConfiguration: {
        enabled: true,
        encryptionConfiguration: { kmsKey: 'arn:aws:kms:k' },
      },
    });
    expect(verdict(AthenaResultsKMSEncrypted, node)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['SSE_S3', s3Results('SSE_S3')],
    ['SSE_KMS without a key', s3Results('SSE_KMS')],
    ['no result encryption', { resultConfiguration: { outputLocation: 's3://results/' } }],
    ['managed results without a key', { managedQueryResultsConfiguration: { enabled: true } }],
    ['no configuration', undefined],
  ])('non-compliant: %s', (_, config) => {
    const stack = fixtureStack();
    const node = workGroup(stack, config);
    expect(verdict(AthenaResultsKMSEncrypted, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(AthenaResultsKMSEncrypted, stack)).toEqual(['Test/WorkGroup']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    expect(verdict(AthenaResultsKMSEncrypted, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
