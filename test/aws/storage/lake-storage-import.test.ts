import { Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EncryptionKey, LakeStorage, type LakeZoneAttributes } from '../../../src/aws';
import { ErrorCode } from '../../../src/core';
import { newAwsStack } from '../../helpers/aws-stack';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ZONES: LakeZoneAttributes[] = [
  { name: 'raw', bucketName: 'sales-raw-1a2b3c4d' },
  { name: 'curated', bucketName: 'sales.curated.1a2b3c4d' },
];

function importLake(zones: readonly LakeZoneAttributes[] = ZONES, stack = newAwsStack()) {
  const encryptionKey = EncryptionKey.fromKeyArn(stack, 'SalesKey', KEY_ARN);
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', { zones, encryptionKey });
  return { stack, lake, encryptionKey };
}

describe('LakeStorage.fromLakeStorageAttributes', () => {
  test('exposes the zones, buckets and key it was given', () => {
    const { lake, encryptionKey } = importLake();
    expect(lake.zoneNames).toEqual(['raw', 'curated']);
    expect(lake.zones).toEqual([{ name: 'raw' }, { name: 'curated' }]);
    expect(lake.encryptionKey).toBe(encryptionKey);
    expect(lake.bucketFor('curated').bucketName).toBe('sales.curated.1a2b3c4d');
  });

  test('a grant names the zone bucket, its objects and the key, in the grantee policy only', () => {
    const { stack, lake } = importLake();
    const role = new iam.Role(stack, 'Writer', { assumedBy: new iam.AccountRootPrincipal() });
    lake.grantWrite(role, 'raw');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    const [policy] = Object.values(template.findResources('AWS::IAM::Policy'));
    const resources = JSON.stringify(policy.Properties.PolicyDocument.Statement.map((s: any) => s.Resource));
    expect(resources).toContain(':s3:::sales-raw-1a2b3c4d"');
    expect(resources).toContain(':s3:::sales-raw-1a2b3c4d/*"');
    expect(resources).toContain(KEY_ARN);
    expect(resources).not.toContain('curated');
  });

  test('a zone it does not have throws DPK_UNKNOWN_ZONE', () => {
    const { lake } = importLake();
    expect(() => lake.bucketFor('serving')).toThrow(
      expect.objectContaining({ code: ErrorCode.UNKNOWN_ZONE }),
    );
  });

  test.each<[string, LakeZoneAttributes[], ErrorCode, string]>([
    ['no zones', [], ErrorCode.NO_ZONES, 'zones'],
    [
      'a malformed zone name',
      [{ name: 'Raw Data', bucketName: 'b-raw' }],
      ErrorCode.INVALID_ZONE,
      'zones[0].name',
    ],
    [
      'a reserved zone name',
      [{ name: 'logs', bucketName: 'b-logs' }],
      ErrorCode.INVALID_ZONE,
      'zones[0].name',
    ],
    [
      'a zone twice',
      [
        { name: 'raw', bucketName: 'b-raw' },
        { name: 'raw', bucketName: 'b-raw-2' },
      ],
      ErrorCode.DUPLICATE_ZONE,
      'zones[1].name',
    ],
    [
      'a malformed bucket name',
      [{ name: 'raw', bucketName: 'Sales_Raw' }],
      ErrorCode.INVALID_NAME,
      'zones[0].bucketName',
    ],
    [
      'two zones in one bucket',
      [
        { name: 'raw', bucketName: 'b-shared' },
        { name: 'curated', bucketName: 'b-shared' },
      ],
      ErrorCode.INVALID_NAME,
      'zones[1].bucketName',
    ],
  ])('%s throws its code with the prop path', (_, zones, code, prop) => {
    expect(() => importLake(zones)).toThrow(
      expect.objectContaining({ code, prop, constructPath: 'Test/SalesLake' }),
    );
  });

  test('every bad zone is reported at once', () => {
    let error: any;
    try {
      importLake([
        { name: 'Raw', bucketName: 'ok-bucket' },
        { name: 'curated', bucketName: 'x' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error.violations.map((v: any) => v.prop)).toEqual(['zones[0].name', 'zones[1].bucketName']);
  });

  test('bucket names that are tokens pass unvalidated', () => {
    const bucketName = Token.asString({ 'Fn::ImportValue': 'RawBucket' });
    const { lake } = importLake([{ name: 'raw', bucketName }]);
    expect(lake.bucketFor('raw').bucketName).toBe(bucketName);
  });
});
