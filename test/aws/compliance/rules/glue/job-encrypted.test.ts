import type { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { GlueJobEncrypted } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

type Settings = glue.CfnSecurityConfiguration.EncryptionConfigurationProperty;

const ENCRYPTED = (key: string): Settings => ({
  s3Encryptions: [{ s3EncryptionMode: 'SSE-KMS', kmsKeyArn: key }],
  cloudWatchEncryption: { cloudWatchEncryptionMode: 'SSE-KMS', kmsKeyArn: key },
  jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: key },
});

function jobWith(stack: Stack, settings: Settings | undefined, byName = false): glue.CfnJob {
  const config =
    settings &&
    new glue.CfnSecurityConfiguration(stack, 'Config', { name: 'config', encryptionConfiguration: settings });
  return new glue.CfnJob(stack, 'Job', {
    role: 'arn:aws:iam::111122223333:role/job',
    command: { name: 'glueetl', scriptLocation: 's3://scripts/job.py' },
    securityConfiguration: config && (byName ? 'config' : config.ref),
  });
}

describe('DPK-AWS-GlueJobEncrypted', () => {
  test('compliant: a security configuration of the stack (by reference or name) encrypting S3, logs and bookmarks', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = jobWith(stack, ENCRYPTED(key.keyArn));
    expect(verdict(GlueJobEncrypted, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(GlueJobEncrypted, stack)).toEqual([]);
    const other = fixtureStack();
    expect(
      verdict(GlueJobEncrypted, jobWith(other, ENCRYPTED('arn:aws:kms:eu-west-1:111122223333:key/k'), true)),
    ).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each<[string, Settings | undefined]>([
    ['no security configuration', undefined],
    ['S3 with SSE-S3', { ...ENCRYPTED('k'), s3Encryptions: [{ s3EncryptionMode: 'SSE-S3' }] }],
    ['no S3 encryption', { ...ENCRYPTED('k'), s3Encryptions: [] }],
    ['S3 SSE-KMS without a key', { ...ENCRYPTED('k'), s3Encryptions: [{ s3EncryptionMode: 'SSE-KMS' }] }],
    [
      'logs not encrypted',
      { ...ENCRYPTED('k'), cloudWatchEncryption: { cloudWatchEncryptionMode: 'DISABLED' } },
    ],
    [
      'bookmarks not encrypted',
      { ...ENCRYPTED('k'), jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'DISABLED' } },
    ],
    [
      'bookmarks CSE-KMS without a key',
      { ...ENCRYPTED('k'), jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS' } },
    ],
  ])('non-compliant: %s', (_, settings) => {
    const stack = fixtureStack();
    const node = jobWith(stack, settings);
    expect(verdict(GlueJobEncrypted, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(GlueJobEncrypted, stack)).toEqual(['Test/Job']);
  });

  test('non-compliant: a security configuration name the stack does not hold', () => {
    const stack = fixtureStack();
    const node = new glue.CfnJob(stack, 'Job', {
      role: 'arn:aws:iam::111122223333:role/job',
      command: { name: 'glueetl', scriptLocation: 's3://scripts/job.py' },
      securityConfiguration: 'elsewhere',
    });
    expect(verdict(GlueJobEncrypted, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('an override that drops the logs encryption of the configuration is reported on the job', () => {
    const stack = fixtureStack();
    jobWith(stack, ENCRYPTED('arn:aws:kms:k'));
    (stack.node.findChild('Config') as glue.CfnSecurityConfiguration).addPropertyOverride(
      'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode',
      'DISABLED',
    );
    expect(reported(GlueJobEncrypted, stack)).toEqual(['Test/Job']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    expect(verdict(GlueJobEncrypted, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
