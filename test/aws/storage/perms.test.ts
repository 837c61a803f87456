import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { EncryptionKey, LakeStorage, ZONE_PERMISSIONS } from '../../../src/aws';
import { ErrorCode, ZoneAccess } from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';

const POLICY = 'AWS::IAM::Policy';

interface Fixture {
  readonly stack: Stack;
  readonly lake: LakeStorage;
  readonly role: iam.Role;
}

function fixture(stack = newAwsStack()): Fixture {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const role = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
  return { stack, lake, role };
}

const arnOf = (stack: Stack, bucket: s3.IBucket) => ({
  'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'],
});
const objectsOf = (stack: Stack, bucket: s3.IBucket) => ({ 'Fn::Join': ['', [arnOf(stack, bucket), '/*']] });
const keyArnOf = (stack: Stack, lake: LakeStorage) => ({
  'Fn::GetAtt': [
    stack.getLogicalId((lake.encryptionKey as EncryptionKey).key.node.defaultChild as kms.CfnKey),
    'Arn',
  ],
});
/** CloudFormation renders a one-element action list as a string. */
const actionsOf = (actions: readonly string[]) => (actions.length === 1 ? actions[0] : [...actions]);

/** The exact statements a grant of `access` on `zone` must emit on the role's policy. */
function expectedStatements(f: Fixture, zone: string, access: ZoneAccess) {
  const perms = ZONE_PERMISSIONS[access];
  const bucket = f.lake.bucketFor(zone);
  return [
    { Effect: 'Allow', Action: actionsOf(perms.bucketActions), Resource: arnOf(f.stack, bucket) },
    { Effect: 'Allow', Action: actionsOf(perms.objectActions), Resource: objectsOf(f.stack, bucket) },
    { Effect: 'Allow', Action: actionsOf(perms.keyActions), Resource: keyArnOf(f.stack, f.lake) },
  ];
}

describe('ZONE_PERMISSIONS', () => {
  test('READ lists the bucket, gets objects and decrypts', () => {
    expect(ZONE_PERMISSIONS[ZoneAccess.READ]).toEqual({
      bucketActions: ['s3:ListBucket'],
      objectActions: ['s3:GetObject'],
      keyActions: ['kms:Decrypt'],
    });
  });

  test('WRITE puts objects and runs multipart uploads; SSE-KMS multipart also needs kms:Decrypt', () => {
    expect(ZONE_PERMISSIONS[ZoneAccess.WRITE]).toEqual({
      bucketActions: ['s3:ListBucketMultipartUploads'],
      objectActions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      keyActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    });
  });

  test('READ_WRITE is READ plus WRITE plus DeleteObject, never a version delete', () => {
    expect(ZONE_PERMISSIONS[ZoneAccess.READ_WRITE]).toEqual({
      bucketActions: ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
      objectActions: [
        's3:GetObject',
        's3:PutObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
        's3:DeleteObject',
      ],
      keyActions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    });
  });

  test('no intent holds a wildcard action or a version delete', () => {
    for (const perms of Object.values(ZONE_PERMISSIONS)) {
      const all = [...perms.bucketActions, ...perms.objectActions, ...perms.keyActions];
      expect(all.filter((a) => a.includes('*') || a.includes('Version'))).toEqual([]);
    }
  });
});

describe('LakeStorage grants', () => {
  test.each([
    ['grantRead', ZoneAccess.READ],
    ['grantWrite', ZoneAccess.WRITE],
    ['grantReadWrite', ZoneAccess.READ_WRITE],
  ] as const)('%s emits exactly the table statements, on one zone bucket and the key', (method, access) => {
    // GIVEN
    const f = fixture();
    // WHEN
    const grant = f.lake[method](f.role, 'serving');
    // THEN
    expect(grant.success).toBe(true);
    expect(grant.principalStatements).toHaveLength(3);
    Template.fromStack(f.stack).hasResourceProperties(POLICY, {
      PolicyDocument: { Statement: expectedStatements(f, 'serving', access) },
      Roles: [{ Ref: f.stack.getLogicalId(f.role.node.defaultChild as iam.CfnRole) }],
    });
  });

  test.each(Object.values(ZoneAccess))(
    'grant(principal, zone, %s) is the same as the named method',
    (access) => {
      const f = fixture();
      f.lake.grant(f.role, 'raw', access);
      Template.fromStack(f.stack).hasResourceProperties(POLICY, {
        PolicyDocument: { Statement: expectedStatements(f, 'raw', access) },
      });
    },
  );

  test('a grant touches only its zone: no other bucket and no "*" resource', () => {
    const f = fixture();
    f.lake.grantReadWrite(f.role, 'raw');
    const policies = Object.values(Template.fromStack(f.stack).findResources(POLICY));
    const text = JSON.stringify(policies);
    expect(text).toContain(f.stack.getLogicalId(f.lake.bucketFor('raw').node.defaultChild as s3.CfnBucket));
    for (const zone of ['curated', 'serving']) {
      expect(text).not.toContain(
        f.stack.getLogicalId(f.lake.bucketFor(zone).node.defaultChild as s3.CfnBucket),
      );
    }
    for (const statement of policies.flatMap((p) => p.Properties.PolicyDocument.Statement)) {
      expect(statement.Resource).not.toEqual('*');
    }
  });

  test('grants on a brought key name that key', () => {
    const stack = newAwsStack();
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555';
    const lake = new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      encryptionKey: EncryptionKey.fromKey(stack, 'Brought', kms.Key.fromKeyArn(stack, 'Existing', arn)),
    });
    const role = new iam.Role(stack, 'Writer', { assumedBy: new iam.AccountRootPrincipal() });
    lake.grantWrite(role, 'raw');
    Template.fromStack(stack).hasResourceProperties(POLICY, {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: arn },
        ]),
      },
    });
  });

  test('a cross-account principal is granted through the bucket policy and the key policy', () => {
    // GIVEN a principal of another account, which has no identity policy in this stack
    const stack = newRecommendedAwsStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    // WHEN
    const grant = lake.grantRead(new iam.AccountPrincipal('444455556666'), 'serving');
    // THEN the resources carry the statements
    expect(grant.resourceStatements.length).toBeGreaterThan(0);
    const template = Template.fromStack(stack);
    const principal = { AWS: 'arn:aws:iam::444455556666:root' };
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: stack.getLogicalId(lake.bucketFor('serving').node.defaultChild as s3.CfnBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:ListBucket', Principal: principal }),
          Match.objectLike({ Action: 's3:GetObject', Principal: principal }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt', Principal: principal })]),
      },
    });
  });

  test('a grant on a zone the storage does not have is DPK_UNKNOWN_ZONE', () => {
    const f = fixture();
    for (const call of [
      () => f.lake.grantRead(f.role, 'gold'),
      () => f.lake.grantWrite(f.role, 'gold'),
      () => f.lake.grantReadWrite(f.role, 'gold'),
      () => f.lake.grant(f.role, 'gold', ZoneAccess.READ),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: ErrorCode.UNKNOWN_ZONE, received: 'gold' }));
    }
  });
});
