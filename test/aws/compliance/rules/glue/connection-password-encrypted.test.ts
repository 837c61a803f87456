import type { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { GlueConnectionPasswordEncrypted } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

function settings(
  stack: Stack,
  passwords?: glue.CfnDataCatalogEncryptionSettings.ConnectionPasswordEncryptionProperty,
): glue.CfnDataCatalogEncryptionSettings {
  return new glue.CfnDataCatalogEncryptionSettings(stack, 'Settings', {
    catalogId: stack.account,
    dataCatalogEncryptionSettings: { connectionPasswordEncryption: passwords },
  });
}

describe('DPK-AWS-GlueConnectionPasswordEncrypted', () => {
  test('compliant: passwords returned encrypted with a KMS key', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = settings(stack, { returnConnectionPasswordEncrypted: true, kmsKeyId: key.keyArn });
    expect(verdict(GlueConnectionPasswordEncrypted, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(GlueConnectionPasswordEncrypted, stack)).toEqual([]);
  });

  test.each([
    ['disabled', { returnConnectionPasswordEncrypted: false, kmsKeyId: 'k' }],
    ['enabled without a key', { returnConnectionPasswordEncrypted: true }],
    ['not configured', undefined],
  ])('non-compliant: %s', (_, passwords) => {
    const stack = fixtureStack();
    const node = settings(stack, passwords);
    expect(verdict(GlueConnectionPasswordEncrypted, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(GlueConnectionPasswordEncrypted, stack)).toEqual(['Test/Settings']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    expect(verdict(GlueConnectionPasswordEncrypted, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
