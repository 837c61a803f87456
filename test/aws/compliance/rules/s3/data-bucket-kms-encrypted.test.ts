import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { LakeStorage } from '../../../../../src/aws';
import { S3DataBucketKMSEncrypted } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const cfn = (bucket: s3.IBucket) => bucket.node.defaultChild as s3.CfnBucket;

describe('DPK-AWS-S3DataBucketKMSEncrypted', () => {
  test.each([
    ['SSE-KMS', s3.BucketEncryption.KMS],
    ['DSSE-KMS', s3.BucketEncryption.DSSE],
  ])('compliant: a data bucket with %s and a customer-managed key', (_, encryption) => {
    const stack = fixtureStack();
    const bucket = new s3.Bucket(stack, 'Data', { encryption, encryptionKey: new kms.Key(stack, 'Key') });
    expect(verdict(S3DataBucketKMSEncrypted, cfn(bucket))).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(S3DataBucketKMSEncrypted, stack)).toEqual([]);
  });

  test.each([
    ['SSE-S3', { encryption: s3.BucketEncryption.S3_MANAGED }],
    ['SSE-KMS with the AWS managed aws/s3 key', { encryption: s3.BucketEncryption.KMS_MANAGED }],
    ['no explicit encryption', {}],
  ])('non-compliant: a data bucket with %s', (_, props) => {
    const stack = fixtureStack();
    const bucket = new s3.Bucket(stack, 'Data', props);
    expect(verdict(S3DataBucketKMSEncrypted, cfn(bucket))).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(S3DataBucketKMSEncrypted, stack)).toEqual(['Test/Data/Resource']);
  });

  test('compliant: a server-access-log destination with SSE-S3 (S3 delivers logs to SSE-S3 buckets only)', () => {
    // GIVEN a KMS data bucket that logs to an SSE-S3 bucket
    const stack = fixtureStack();
    const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
    new s3.Bucket(stack, 'Data', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: new kms.Key(stack, 'Key'),
      serverAccessLogsBucket: logs,
    });
    // THEN neither is reported
    expect(verdict(S3DataBucketKMSEncrypted, cfn(logs))).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(S3DataBucketKMSEncrypted, stack)).toEqual([]);
  });

  test('compliant: a log destination known only by its log-delivery bucket policy (sources in other stacks)', () => {
    const stack = fixtureStack();
    const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
    logs.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [logs.arnForObjects('*')],
      }),
    );
    expect(verdict(S3DataBucketKMSEncrypted, cfn(logs))).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: a server-access-log destination with SSE-KMS (no logs would arrive)', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.KMS, encryptionKey: key });
    new s3.Bucket(stack, 'Data', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      serverAccessLogsBucket: logs,
    });
    expect(verdict(S3DataBucketKMSEncrypted, cfn(logs))).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(S3DataBucketKMSEncrypted, stack)).toEqual(['Test/Logs/Resource']);
  });

  test("the lake's zone buckets and SSE-S3 log bucket are compliant; a zone switched to SSE-S3 by override is not", () => {
    // GIVEN
    const stack = fixtureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    expect(reported(S3DataBucketKMSEncrypted, stack)).toEqual([]);
    // WHEN the raw zone is weakened through the escape hatch
    cfn(lake.bucketFor('raw')).addPropertyOverride(
      'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault',
      { SSEAlgorithm: 'AES256' },
    );
    // THEN
    expect(reported(S3DataBucketKMSEncrypted, stack)).toEqual(['Test/Lake/RawBucket/Resource']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    expect(verdict(S3DataBucketKMSEncrypted, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
