import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { build as buildExample } from '../../../examples/lake-storage-aws/app';
import { EncryptionKey, LakeStorage } from '../../../src/aws';
import {
  acknowledgeFrameworkHelpers,
  acknowledgementsIn,
  acknowledgementsOnDataResources,
  acknowledgeRule,
  checkCompliance,
  DataPlatformChecks,
  FRAMEWORK_ACKNOWLEDGEMENTS,
  wildcardResourceFindingId,
} from '../../../src/aws/compliance';
import { MIN_REASON_LENGTH } from '../../../src/core/compliance';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, ZoneAccess } from '../../../src/core/internal';
import { awsAppWith as appWith, expectClean } from '../../helpers/compliance';

/**
 * cdk-nag v3 AwsSolutions plus the kit's DataPlatformChecks over every AWS block, in its default
 * and a maximal configuration with grants, under legacy and recommended feature flags, and over
 * the lake-storage-aws example: zero unacknowledged findings. The blocks acknowledge nothing;
 * the only acknowledgements are the grantees' (user code), never on a data-bearing resource.
 */
const ENV = { account: '111122223333', region: 'eu-west-1' };
const PARTNER_ACCOUNT = '444455556666';
const FLAGS = [
  ['legacy', {}],
  ['recommended', cxapi.CURRENTLY_RECOMMENDED_FLAGS],
] as const;

/** Every block in its default configurations, one stack each. */
function addDefaultBlocks(app: App): void {
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

  new EncryptionKey(new Stack(app, 'KeyOnly', { env: ENV }), 'Key');
}

/** The grantee accepts the object wildcard each zone grant needs (`<bucket ARN>/*`): user code. */
function acknowledgeObjectGrants(grantee: iam.Role, lake: LakeStorage, zones: readonly string[]): void {
  for (const zone of zones) {
    acknowledgeRule(grantee, {
      id: wildcardResourceFindingId(grantee, lake.bucketFor(zone).arnForObjects('*')),
      reason: `Access to every object of the ${zone} zone is the intent of the grant.`,
    });
  }
}

/** Every option at once: a brought kit key and log bucket, custom zones, DESTROY, tags and every grant. */
function addMaximalBlocks(app: App): LakeStorage {
  const stack = new Stack(app, 'LakeMaximal', { env: ENV });
  const key = new EncryptionKey(stack, 'Key', {
    platformName: 'sales',
    purpose: 'lake',
    aliasName: 'alias/sales/lake-maximal',
    description: 'Sales lake key',
    rotationPeriodDays: 365,
    pendingWindowDays: 7,
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data' },
  });
  const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    zones: [
      'landing',
      {
        name: 'raw',
        coolAfterDays: 60,
        noncurrentVersionExpirationDays: 30,
        storageName: 'sales-raw-maximal-0001',
      },
      { name: 'curated', coolAfterDays: 0 },
      'serving',
    ],
    encryptionKey: key,
    accessLogsBucket: accessLogs,
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data', 'cost-center': '42' },
  });

  const engineer = new iam.Role(stack, 'Engineer', { assumedBy: new iam.AccountRootPrincipal() });
  const ingest = new iam.Role(stack, 'Ingest', {
    assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com'),
  });
  const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
  for (const zone of lake.zoneNames) lake.grantReadWrite(engineer, zone);
  lake.grantWrite(ingest, 'landing');
  lake.grant(analyst, 'curated', ZoneAccess.READ);
  lake.grantRead(analyst, 'serving');
  // A partner account reads the serving zone: the grant lands in the bucket and key policies.
  lake.grantRead(new iam.AccountPrincipal(PARTNER_ACCOUNT), 'serving');
  key.grantDecrypt(analyst);

  acknowledgeObjectGrants(engineer, lake, lake.zoneNames);
  acknowledgeObjectGrants(ingest, lake, ['landing']);
  acknowledgeObjectGrants(analyst, lake, ['curated', 'serving']);
  return lake;
}

const expectNoFindings = (scope: IConstruct): ComplianceReport => expectClean(checkCompliance(scope));

describe.each(FLAGS)('AwsSolutions + DataPlatformChecks under %s feature flags', (_, context) => {
  test('the blocks in their default configurations: zero findings, nothing acknowledged', () => {
    const app = appWith(context, addDefaultBlocks);
    expectNoFindings(app);
    expect(acknowledgementsIn(app)).toEqual([]);
  });

  test('the blocks in a maximal configuration with grants: zero findings', () => {
    expectNoFindings(appWith(context, addMaximalBlocks));
  });

  test('the lake-storage-aws example: zero findings', () => {
    expectNoFindings(appWith(context, buildExample));
  });

  test('the packs agree when run the cdk-nag way (validateScope)', () => {
    const app = appWith(context, (a) => {
      addDefaultBlocks(a);
      addMaximalBlocks(a);
      buildExample(a);
    });
    acknowledgeFrameworkHelpers(app);
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
    expect(new DataPlatformChecks().validateScope(app).violations).toEqual([]);
  });

  test('no acknowledgement anywhere covers a data-bearing resource', () => {
    const app = appWith(context, (a) => {
      addDefaultBlocks(a);
      addMaximalBlocks(a);
      buildExample(a);
    });
    acknowledgeFrameworkHelpers(app);
    expect(acknowledgementsIn(app).length).toBeGreaterThan(0);
    expect(acknowledgementsOnDataResources(app)).toEqual([]);
  });

  test('the check can fail: a plain bucket in the same app is reported by both packs', () => {
    // GIVEN the compliant blocks plus a bucket without logging, TLS enforcement or a KMS key
    const app = appWith(context, addDefaultBlocks);
    new s3.Bucket(new Stack(app, 'Plain', { env: ENV }), 'Bucket');
    // WHEN
    const report = checkCompliance(app);
    // THEN exactly that bucket is reported
    expect(new Set(report.findings.map((f) => f.path))).toEqual(new Set(['Plain/Bucket/Resource']));
    expect(report.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1',
        'AwsSolutions-S10',
        'DPK-AWS-S3BucketLoggingEnabled',
        'DPK-AWS-S3BucketSSLRequestsOnly',
        'DPK-AWS-S3DataBucketKMSEncrypted',
      ]),
    );
  });

  test("the blocks' own resources are checked: weakening them through the L1 escape hatch is reported", () => {
    // GIVEN a lake whose raw bucket stops logging and whose key stops rotating
    const app = new App({ context });
    const lake = new LakeStorage(new Stack(app, 'Weakened', { env: ENV }), 'Lake', { platformName: 'sales' });
    (lake.bucketFor('raw').node.defaultChild as s3.CfnBucket).loggingConfiguration = undefined;
    ((lake.encryptionKey as EncryptionKey).key.node.defaultChild as kms.CfnKey).enableKeyRotation = false;
    // WHEN
    const report = checkCompliance(app);
    // THEN
    expect(report.findings.map((f) => [f.ruleId, f.path]).sort()).toEqual([
      ['AwsSolutions-KMS5', 'Weakened/Lake/Key/Resource/Resource'],
      ['AwsSolutions-S1', 'Weakened/Lake/RawBucket/Resource'],
      ['DPK-AWS-KMSBackingKeyRotationEnabled', 'Weakened/Lake/Key/Resource/Resource'],
      ['DPK-AWS-S3BucketLoggingEnabled', 'Weakened/Lake/RawBucket/Resource'],
    ]);
  });

  test('weakening through addOverride is reported by the kit rules, which read the rendered template', () => {
    // GIVEN a lake whose curated zone is switched to SSE-S3 by a raw override
    const app = new App({ context });
    const lake = new LakeStorage(new Stack(app, 'Overridden', { env: ENV }), 'Lake', {
      platformName: 'sales',
    });
    (lake.bucketFor('curated').node.defaultChild as s3.CfnBucket).addOverride(
      'Properties.BucketEncryption.ServerSideEncryptionConfiguration',
      [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    );
    // WHEN / THEN
    expect(checkCompliance(app).findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['DPK-AWS-S3DataBucketKMSEncrypted', 'Overridden/Lake/CuratedBucket/Resource'],
    ]);
  });

  test("a grant's one finding is the object wildcard on the grantee's policy, which the grantee acknowledges", () => {
    // GIVEN a reader of the serving zone
    const app = new App({ context });
    const stack = new Stack(app, 'Grant', { env: ENV });
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    lake.grantRead(analyst, 'serving');
    // WHEN / THEN only `<bucket ARN>/*` is flagged (objects cannot be listed one by one)
    const id = wildcardResourceFindingId(analyst, lake.bucketFor('serving').arnForObjects('*'));
    expect(checkCompliance(app).findings.map((f) => [f.ruleId, f.path])).toEqual([
      [id, 'Grant/Analyst/DefaultPolicy/Resource'],
    ]);
    // AND acknowledging exactly that finding, with a reason, clears it
    acknowledgeObjectGrants(analyst, lake, ['serving']);
    expect(checkCompliance(app).findings).toEqual([]);
  });
});

describe("the kit's acknowledgements", () => {
  test('each names a reason', () => {
    for (const ack of FRAMEWORK_ACKNOWLEDGEMENTS) {
      expect(ack.reason.trim().length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
    }
  });
});
