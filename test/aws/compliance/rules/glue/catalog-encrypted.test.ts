import { CfnParameter, type Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { GlueCatalogEncrypted, ruleId } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

function settings(
  stack: Stack,
  encryptionAtRest?: glue.CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty,
): glue.CfnDataCatalogEncryptionSettings {
  return new glue.CfnDataCatalogEncryptionSettings(stack, 'Settings', {
    catalogId: stack.account,
    dataCatalogEncryptionSettings: { encryptionAtRest },
  });
}

describe('DPK-AWS-GlueCatalogEncrypted', () => {
  test('its id', () => {
    expect(ruleId(GlueCatalogEncrypted)).toBe('DPK-AWS-GlueCatalogEncrypted');
  });

  test.each(['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'])('compliant: %s with a customer-managed key', (mode) => {
    // GIVEN
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    // WHEN
    const node = settings(stack, { catalogEncryptionMode: mode, sseAwsKmsKeyId: key.keyArn });
    // THEN
    expect(verdict(GlueCatalogEncrypted, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(GlueCatalogEncrypted, stack)).toEqual([]);
  });

  test.each([
    ['DISABLED', { catalogEncryptionMode: 'DISABLED' }],
    ['SSE-KMS with the AWS managed key', { catalogEncryptionMode: 'SSE-KMS' }],
    ['no encryption at rest', undefined],
  ])('non-compliant: %s', (_, atRest) => {
    const stack = fixtureStack();
    const node = settings(stack, atRest);
    expect(verdict(GlueCatalogEncrypted, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(GlueCatalogEncrypted, stack)).toEqual(['Test/Settings']);
  });

  test('an escape-hatch override that disables encryption is reported', () => {
    const stack = fixtureStack();
    const node = settings(stack, {
      catalogEncryptionMode: 'SSE-KMS',
      sseAwsKmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
    });
    node.addPropertyOverride(
      'DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode',
      'DISABLED',
    );
    expect(reported(GlueCatalogEncrypted, stack)).toEqual(['Test/Settings']);
  });

  test('a mode that is a parameter cannot be judged: the rule throws and the pack reports it', () => {
    const stack = fixtureStack();
    const mode = new CfnParameter(stack, 'Mode').valueAsString;
    const node = settings(stack, { catalogEncryptionMode: mode, sseAwsKmsKeyId: 'k' });
    expect(() => verdict(GlueCatalogEncrypted, node)).toThrow(/non-primitive/);
    expect(reported(GlueCatalogEncrypted, stack)).toEqual(['Test/Settings']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    const db = new glue.CfnDatabase(stack, 'Db', {
      catalogId: stack.account,
      databaseInput: { name: 'raw' },
    });
    expect(verdict(GlueCatalogEncrypted, db)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
