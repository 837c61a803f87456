import { App, CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LakeStorage } from '../../../src/aws';
import { acknowledgeRule, checkCompliance, wildcardResourceFindingId } from '../../../src/aws/compliance';
import { MIN_REASON_LENGTH } from '../../../src/core/compliance';
import { ErrorCode, RuleLevel } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';

const REASON = 'A reason long enough to be one.';

/** A lake and a reader of its serving zone: one AwsSolutions-IAM5 finding on the reader's policy. */
function lakeWithReader(stack: Stack) {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
  lake.grantRead(reader, 'serving');
  return { lake, reader, objects: lake.bucketFor('serving').arnForObjects('*') };
}

describe('checkCompliance', () => {
  test('maps each finding to the kit shape: rule id, description, level, logical id and path', () => {
    // GIVEN
    const stack = newAwsStack();
    const bucket = new s3.Bucket(stack, 'Plain', { enforceSSL: true, versioned: true });
    // WHEN
    const report = checkCompliance(stack);
    // THEN
    const logicalId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    expect(report.findings).toContainEqual({
      ruleId: 'AwsSolutions-S1',
      description: 'The S3 Bucket has server access logs disabled.',
      level: RuleLevel.ERROR,
      address: logicalId,
      path: 'Test/Plain/Resource',
    });
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual([
      'AwsSolutions-S1',
      'DPK-AWS-S3BucketLoggingEnabled',
      'DPK-AWS-S3BucketPublicReadProhibited',
      'DPK-AWS-S3BucketPublicWriteProhibited',
      'DPK-AWS-S3DataBucketKMSEncrypted',
    ]);
    expect(report.findings.every((f) => f.path === 'Test/Plain/Resource')).toBe(true);
  });

  test('a compliant lake has zero findings and counts the checks that applied', () => {
    const report = checkCompliance(new LakeStorage(newAwsStack(), 'Lake', { platformName: 'sales' }));
    expect(report.findings).toEqual([]);
    expect(report.acknowledged).toEqual([]);
    expect(report.checks).toBeGreaterThan(40);
  });

  test('a hardening rule reports as WARNING', () => {
    const stack = newAwsStack();
    new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const finding = checkCompliance(stack).findings.find(
      (f) => f.ruleId === 'DPK-AWS-VPCDefaultSecurityGroupClosed',
    );
    expect(finding?.level).toBe(RuleLevel.WARNING);
  });

  test('a value no rule can judge (a parameter) is a finding that says so', () => {
    const stack = newAwsStack();
    new glue.CfnDataCatalogEncryptionSettings(stack, 'Settings', {
      catalogId: stack.account,
      dataCatalogEncryptionSettings: {
        encryptionAtRest: {
          catalogEncryptionMode: new CfnParameter(stack, 'Mode').valueAsString,
          sseAwsKmsKeyId: 'k',
        },
      },
    });
    const finding = checkCompliance(stack).findings.find((f) => f.ruleId === 'DPK-AWS-GlueCatalogEncrypted');
    expect(finding?.description).toMatch(/could not judge a value/);
  });

  test('acknowledged findings move to `acknowledged`, with their reason', () => {
    // GIVEN
    const stack = newAwsStack();
    const { reader, objects } = lakeWithReader(stack);
    const id = wildcardResourceFindingId(reader, objects);
    expect(checkCompliance(stack).findings.map((f) => f.ruleId)).toEqual([id]);
    // WHEN
    acknowledgeRule(reader, { id, reason: REASON });
    // THEN
    const report = checkCompliance(stack);
    expect(report.findings).toEqual([]);
    expect(report.acknowledged).toEqual([
      expect.objectContaining({ ruleId: id, path: 'Test/Reader/DefaultPolicy/Resource', reason: REASON }),
    ]);
  });

  test('an acknowledgement in the namespaced form the synth report suggests is honoured too', () => {
    const stack = newAwsStack();
    const { reader, objects } = lakeWithReader(stack);
    Validations.of(reader).acknowledge({
      id: `AwsSolutions::${wildcardResourceFindingId(reader, objects)}`,
      reason: REASON,
    });
    expect(checkCompliance(stack).findings).toEqual([]);
  });

  test('runs over a whole app, every stack', () => {
    const app = new App();
    new s3.Bucket(new Stack(app, 'One'), 'Plain');
    new s3.Bucket(new Stack(app, 'Two'), 'Plain');
    const paths = new Set(checkCompliance(app).findings.map((f) => f.path));
    expect([...paths].sort()).toEqual(['One/Plain/Resource', 'Two/Plain/Resource']);
  });
});

describe('wildcardResourceFindingId', () => {
  test("is exactly the id cdk-nag reports for a zone grant's object wildcard", () => {
    const stack = newAwsStack();
    const { reader, objects } = lakeWithReader(stack);
    const ids = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(ids).toEqual([wildcardResourceFindingId(reader, objects)]);
    expect(ids[0]).toMatch(/^AwsSolutions-IAM5\[Resource::<LakeServingBucket[0-9A-F]{8}\.Arn>\/\*\]$/);
  });
});

describe('acknowledgeRule', () => {
  test('records the acknowledgement cdk-nag v3 reads, under the bare id', () => {
    const stack = newAwsStack();
    const { reader, objects } = lakeWithReader(stack);
    const id = wildcardResourceFindingId(reader, objects);
    acknowledgeRule(reader, { id: `AwsSolutions::${id}`, reason: REASON });
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  test.each([
    ['an empty id', { id: ' ', reason: REASON }],
    ['no reason', { id: 'AwsSolutions-S1', reason: '' }],
    ['a placeholder reason', { id: 'AwsSolutions-S1', reason: 'x'.repeat(MIN_REASON_LENGTH - 1) }],
  ])('%s is DPK_INVALID_ACKNOWLEDGEMENT', (_, ack) => {
    const stack = newAwsStack();
    expect(() => acknowledgeRule(stack, ack)).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_ACKNOWLEDGEMENT, prop: 'acknowledgement' }),
    );
  });
});
