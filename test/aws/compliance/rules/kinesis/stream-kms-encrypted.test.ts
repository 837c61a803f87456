import type { Stack } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { KinesisStreamKMSEncrypted } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const stream = (stack: Stack, props: kinesis.CfnStreamProps = {}) =>
  new kinesis.CfnStream(stack, 'Stream', props);

describe('DPK-AWS-KinesisStreamKMSEncrypted', () => {
  test('compliant: KMS with a customer-managed key (a reference or an ARN)', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = stream(stack, { streamEncryption: { encryptionType: 'KMS', keyId: key.keyArn } });
    expect(verdict(KinesisStreamKMSEncrypted, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(KinesisStreamKMSEncrypted, stack)).toEqual([]);
    const other = fixtureStack();
    const byArn = stream(other, {
      streamEncryption: {
        encryptionType: 'KMS',
        keyId: 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555',
      },
    });
    expect(verdict(KinesisStreamKMSEncrypted, byArn)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no encryption', undefined],
    ["the AWS-managed 'alias/aws/kinesis' key", { encryptionType: 'KMS', keyId: 'alias/aws/kinesis' }],
    [
      'the AWS-managed key by alias ARN',
      { encryptionType: 'KMS', keyId: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/kinesis' },
    ],
    ['KMS without a key', { encryptionType: 'KMS', keyId: '' }],
    [
      'another encryption type',
      { encryptionType: 'NONE', keyId: 'arn:aws:kms:eu-west-1:111122223333:key/k' },
    ],
  ])('non-compliant: %s', (_, streamEncryption) => {
    const stack = fixtureStack();
    const node = stream(stack, {
      streamEncryption: streamEncryption as kinesis.CfnStream.StreamEncryptionProperty,
    });
    expect(verdict(KinesisStreamKMSEncrypted, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(KinesisStreamKMSEncrypted, stack)).toEqual(['Test/Stream']);
  });

  test('an override that drops the encryption is reported', () => {
    const stack = fixtureStack();
    const node = stream(stack, { streamEncryption: { encryptionType: 'KMS', keyId: 'arn:aws:kms:k' } });
    node.addPropertyDeletionOverride('StreamEncryption');
    expect(reported(KinesisStreamKMSEncrypted, stack)).toEqual(['Test/Stream']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    expect(verdict(KinesisStreamKMSEncrypted, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
