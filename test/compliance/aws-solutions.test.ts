import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { EncryptionKey, LakeStorage } from '../../src/aws';

/**
 * cdk-nag v3 (AwsSolutions) over the AWS building blocks: zero unacknowledged findings, and
 * nothing acknowledged inside the blocks (S1 on the access-log bucket is not a finding: cdk-nag
 * recognises a bucket that receives other buckets' access logs).
 */
const ENV = { account: '111122223333', region: 'eu-west-1' };
const FLAGS = [
  ['legacy', {}],
  ['recommended', cxapi.CURRENTLY_RECOMMENDED_FLAGS],
] as const;

/** An app holding every block in its shipped configurations, one stack each. */
function appWithBlocks(context: Record<string, unknown>): App {
  const app = new App({ context });
  new LakeStorage(new Stack(app, 'LakeDefaults', { env: ENV }), 'Lake', { platformName: 'sales' });

  const withKey = new Stack(app, 'LakeWithKitKey', { env: ENV });
  const key = new EncryptionKey(withKey, 'Key', { platformName: 'sales', purpose: 'lake' });
  new LakeStorage(withKey, 'Lake', { platformName: 'sales', encryptionKey: key });

  const withBroughtKey = new Stack(app, 'LakeWithBroughtKey', { env: ENV });
  const brought = kms.Key.fromKeyArn(
    withBroughtKey,
    'Existing',
    'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555',
  );
  new LakeStorage(withBroughtKey, 'Lake', {
    platformName: 'sales',
    encryptionKey: EncryptionKey.fromKey(withBroughtKey, 'Key', brought),
  });

  new EncryptionKey(new Stack(app, 'KeyOnly', { env: ENV }), 'Key', { rotationPeriodDays: 365 });
  return app;
}

/** Every acknowledgement recorded anywhere under `scope`. */
function acknowledgements(scope: IConstruct): unknown[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY));
}

describe.each(FLAGS)('AwsSolutions checks under %s feature flags', (_, context) => {
  test('the blocks have zero unacknowledged findings', () => {
    // GIVEN
    const app = appWithBlocks(context);
    // WHEN
    const report = new AwsSolutionsChecks().validateScope(app);
    // THEN
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });

  test('the blocks acknowledge nothing: the result is not bought with suppressions', () => {
    expect(acknowledgements(appWithBlocks(context))).toEqual([]);
  });

  test('the check does report a violation: a plain bucket in the same app fails S1 and S10', () => {
    // GIVEN the compliant blocks plus a bucket without logging or TLS enforcement
    const app = appWithBlocks(context);
    new s3.Bucket(new Stack(app, 'Plain', { env: ENV }), 'Bucket');
    // WHEN
    const report = new AwsSolutionsChecks().validateScope(app);
    // THEN exactly that bucket is reported
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.ruleName).sort()).toEqual(['AwsSolutions-S1', 'AwsSolutions-S10']);
    for (const violation of report.violations) {
      expect(violation.violatingResources.map((r) => r.constructPath)).toEqual(['Plain/Bucket/Resource']);
    }
  });

  test("the blocks' own resources are checked: weakening them through the escape hatches is reported", () => {
    // GIVEN a lake whose raw bucket stops logging and whose key stops rotating
    const app = new App({ context });
    const lake = new LakeStorage(new Stack(app, 'Weakened', { env: ENV }), 'Lake', { platformName: 'sales' });
    (lake.bucketFor('raw').node.defaultChild as s3.CfnBucket).loggingConfiguration = undefined;
    ((lake.encryptionKey as EncryptionKey).key.node.defaultChild as kms.CfnKey).enableKeyRotation = false;
    // WHEN
    const report = new AwsSolutionsChecks().validateScope(app);
    // THEN
    expect(
      report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)]),
    ).toEqual([
      ['AwsSolutions-KMS5', ['Weakened/Lake/Key/Resource/Resource']],
      ['AwsSolutions-S1', ['Weakened/Lake/RawBucket/Resource']],
    ]);
  });

  test("a grant's one finding is the object-level wildcard on the grantee's policy, which the grantee acknowledges", () => {
    // GIVEN a reader of the serving zone
    const app = new App({ context });
    const stack = new Stack(app, 'Grant', { env: ENV });
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    lake.grantRead(analyst, 'serving');
    // WHEN / THEN only `<bucket ARN>/*` is flagged (objects cannot be listed one by one)
    const bucketId = stack.getLogicalId(lake.bucketFor('serving').node.defaultChild as s3.CfnBucket);
    const finding = `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`;
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(
      report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)]),
    ).toEqual([[finding, ['Grant/Analyst/DefaultPolicy/Resource']]]);
    // AND acknowledging exactly that finding, with a reason, clears it
    Validations.of(analyst).acknowledge({
      id: finding,
      reason: 'Read access to every object of the serving zone is the intent of the grant.',
    });
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
  });
});
