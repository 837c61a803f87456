import type { Stack } from 'aws-cdk-lib';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { FirehoseS3DestinationKMS } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const ROLE = 'arn:aws:iam::111122223333:role/firehose';
const BUCKET = 'arn:aws:s3:::sales-raw';
const KMS = (keyArn: string) => ({ kmsEncryptionConfig: { awskmsKeyArn: keyArn } });
const NONE = { noEncryptionConfig: 'NoEncryption' };

const stream = (stack: Stack, props: firehose.CfnDeliveryStreamProps) =>
  new firehose.CfnDeliveryStream(stack, 'Stream', props);

describe('DPK-AWS-FirehoseS3DestinationKMS', () => {
  test('compliant: an extended S3 destination and its backup encrypted with KMS', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = stream(stack, {
      extendedS3DestinationConfiguration: {
        bucketArn: BUCKET,
        roleArn: ROLE,
        encryptionConfiguration: KMS(key.keyArn),
        s3BackupMode: 'Enabled',
        s3BackupConfiguration: { bucketArn: BUCKET, roleArn: ROLE, encryptionConfiguration: KMS(key.keyArn) },
      },
    });
    expect(verdict(FirehoseS3DestinationKMS, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(FirehoseS3DestinationKMS, stack)).toEqual([]);
  });

  test('compliant: a plain S3 destination encrypted with KMS', () => {
    const stack = fixtureStack();
    const node = stream(stack, {
      s3DestinationConfiguration: {
        bucketArn: BUCKET,
        roleArn: ROLE,
        encryptionConfiguration: KMS('arn:aws:kms:k'),
      },
    });
    expect(verdict(FirehoseS3DestinationKMS, node)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    [
      'NoEncryption',
      {
        extendedS3DestinationConfiguration: {
          bucketArn: BUCKET,
          roleArn: ROLE,
          encryptionConfiguration: NONE,
        },
      },
    ],
    ['no encryption configuration', { s3DestinationConfiguration: { bucketArn: BUCKET, roleArn: ROLE } }],
    [
      'an unencrypted S3 backup',
      {
        extendedS3DestinationConfiguration: {
          bucketArn: BUCKET,
          roleArn: ROLE,
          encryptionConfiguration: KMS('arn:aws:kms:k'),
          s3BackupConfiguration: { bucketArn: BUCKET, roleArn: ROLE },
        },
      },
    ],
    [
      "another destination's unencrypted S3 backup",
      {
        httpEndpointDestinationConfiguration: {
          endpointConfiguration: { url: 'https://example.com' },
          s3Configuration: { bucketArn: BUCKET, roleArn: ROLE },
        },
      },
    ],
  ])('non-compliant: %s', (_, props) => {
    const stack = fixtureStack();
    const node = stream(stack, props as firehose.CfnDeliveryStreamProps);
    expect(verdict(FirehoseS3DestinationKMS, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(FirehoseS3DestinationKMS, stack)).toEqual(['Test/Stream']);
  });

  test('an override that drops the key is reported', () => {
    const stack = fixtureStack();
    const node = stream(stack, {
      s3DestinationConfiguration: {
        bucketArn: BUCKET,
        roleArn: ROLE,
        encryptionConfiguration: KMS('arn:aws:kms:k'),
      },
    });
    node.addPropertyDeletionOverride(
      'S3DestinationConfiguration.EncryptionConfiguration.KMSEncryptionConfig',
    );
    node.addPropertyOverride(
      'S3DestinationConfiguration.EncryptionConfiguration.NoEncryptionConfig',
      'NoEncryption',
    );
    expect(reported(FirehoseS3DestinationKMS, stack)).toEqual(['Test/Stream']);
  });

  test('not applicable to a stream without an S3 location, or to other resources', () => {
    const stack = fixtureStack();
    const bare = stream(stack, { deliveryStreamType: 'DirectPut' });
    expect(verdict(FirehoseS3DestinationKMS, bare)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(verdict(FirehoseS3DestinationKMS, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
