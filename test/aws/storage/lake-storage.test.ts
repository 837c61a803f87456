import { CfnParameter, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  ACCESS_LOGS_BUCKET_KMS_WARNING,
  ACCESS_LOGS_POLICY_NOT_ADDED_WARNING,
  EncryptionKey,
  LakeStorage,
  type LakeStorageProps,
} from '../../../src/aws';
import {
  CommonDefaults,
  DataRemovalPolicy,
  DEFAULT_ZONES,
  ErrorCode,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
  type ValidationError,
  ZoneDefaults,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';

const BUCKET = 'AWS::S3::Bucket';
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';
const KEY = 'AWS::KMS::Key';
const HASH = '[0-9a-f]{8}';

function lakeIn(stack: Stack, props: Partial<LakeStorageProps> = {}): LakeStorage {
  return new LakeStorage(stack, 'Lake', { platformName: 'sales', ...props });
}

function synthLake(props: Partial<LakeStorageProps> = {}, stack = newAwsStack()) {
  const lake = lakeIn(stack, props);
  return { lake, stack, template: Template.fromStack(stack) };
}

/** The logical id of a construct's CloudFormation resource. */
const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as s3.CfnBucket);

/** The template properties of one zone's bucket. */
function zoneBucket(template: Template, zone: string): Record<string, any> {
  const found = template.findResources(BUCKET, {
    Properties: { BucketName: Match.stringLikeRegexp(`^sales-${zone}-${HASH}$`) },
  });
  const all = Object.values(found);
  expect(all).toHaveLength(1);
  return all[0];
}

const expectCode = (fn: () => unknown, code: ErrorCode, prop?: string) =>
  expect(fn).toThrow(expect.objectContaining(prop ? { code, prop } : { code }));

const numberToken = (stack: Stack, id: string) =>
  Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);

describe('LakeStorage defaults', () => {
  test('one bucket per default zone plus the access-log bucket, named <platform>-<zone>-<hash>', () => {
    const { lake, template } = synthLake();
    expect(lake.zoneNames).toEqual([...DEFAULT_ZONES]);
    template.resourceCountIs(BUCKET, DEFAULT_ZONES.length + 1);
    for (const zone of DEFAULT_ZONES) zoneBucket(template, zone);
    template.hasResourceProperties(BUCKET, { BucketName: Match.stringLikeRegexp(`^sales-logs-${HASH}$`) });
  });

  test('creates one EncryptionKey (purpose lake) and encrypts every zone with it and S3 Bucket Keys', () => {
    const { lake, stack, template } = synthLake();
    expect(lake.encryptionKey).toBeInstanceOf(EncryptionKey);
    template.resourceCountIs(KEY, 1);
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: Match.stringLikeRegexp(`^alias/sales/${LakeStorage.KEY_PURPOSE}/${HASH}$`),
    });
    const keyId = stack.getLogicalId(
      (lake.encryptionKey as EncryptionKey).key.node.defaultChild as kms.CfnKey,
    );
    for (const zone of DEFAULT_ZONES) {
      expect(zoneBucket(template, zone).Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
            },
          },
        ],
      });
    }
  });

  test('every bucket blocks public access, disables ACLs and is versioned', () => {
    const { template } = synthLake();
    const buckets = Object.values(template.findResources(BUCKET));
    expect(buckets).toHaveLength(4);
    for (const bucket of buckets) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
      });
      expect(bucket.Properties.AccessControl).toBeUndefined();
    }
  });

  test('every bucket policy denies non-TLS requests and TLS below MINIMUM_TLS_VERSION (1.2)', () => {
    const { template } = synthLake();
    expect(LakeStorage.MINIMUM_TLS_VERSION).toBe(1.2);
    const policies = Object.values(template.findResources(BUCKET_POLICY));
    expect(policies).toHaveLength(4);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
          }),
        ]),
      );
    }
  });

  test.each([
    ['raw', ZoneDefaults.COOL_AFTER_DAYS.raw],
    ['curated', ZoneDefaults.COOL_AFTER_DAYS.curated],
    ['serving', undefined],
  ])('zone %s: Standard-IA after %p days, noncurrent versions expire, uploads are aborted', (zone, cool) => {
    const { template } = synthLake();
    expect(zoneBucket(template, zone).Properties.LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'ZoneLifecycle',
          Status: 'Enabled',
          ...(cool === undefined
            ? {}
            : { Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: cool }] }),
          NoncurrentVersionExpiration: { NoncurrentDays: ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS },
          AbortIncompleteMultipartUpload: {
            DaysAfterInitiation: LakeStorage.ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS,
          },
        },
      ],
    });
    expect(LakeStorage.ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS).toBe(7);
  });

  test('each zone logs to the access-log bucket under <zone>/', () => {
    const { lake, stack, template } = synthLake();
    const logsId = logicalId(stack, lake.accessLogsBucket);
    for (const zone of DEFAULT_ZONES) {
      expect(zoneBucket(template, zone).Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: logsId },
        LogFilePrefix: `${zone}/`,
      });
    }
  });

  test('the access-log bucket uses SSE-S3, keeps logs DEFAULT_ACCESS_LOG_RETENTION_DAYS (365) and does not log itself', () => {
    const { lake, stack, template } = synthLake();
    expect(LakeStorage.DEFAULT_ACCESS_LOG_RETENTION_DAYS).toBe(CommonDefaults.ACCESS_LOG_RETENTION_DAYS);
    const logs = template.toJSON().Resources[logicalId(stack, lake.accessLogsBucket)];
    expect(logs.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(logs.Properties.LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'AccessLogRetention',
          Status: 'Enabled',
          ExpirationInDays: 365,
          NoncurrentVersionExpiration: {
            NoncurrentDays: LakeStorage.ACCESS_LOG_NONCURRENT_VERSION_EXPIRATION_DAYS,
          },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ],
    });
    expect(logs.Properties.LoggingConfiguration).toBeUndefined();
  });

  test('log delivery is allowed by one bucket-policy statement per zone, scoped by source account and ARN', () => {
    const { lake, stack, template } = synthLake();
    const logsId = logicalId(stack, lake.accessLogsBucket);
    expect(zoneBucket(template, 'raw').Properties.BucketName).toMatch(/^sales-raw-/);
    const policy = Object.values(
      template.findResources(BUCKET_POLICY, { Properties: { Bucket: { Ref: logsId } } }),
    )[0];
    const delivery = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(delivery).toEqual(
      DEFAULT_ZONES.map((zone) => ({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logsId, 'Arn'] }, `/${zone}/*`]] },
        Condition: {
          ArnLike: {
            'aws:SourceArn': {
              // built from the literal name, not a reference: the bucket can depend on this policy
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  `:s3:::${zoneBucket(template, zone).Properties.BucketName}`,
                ],
              ],
            },
          },
          StringEquals: { 'aws:SourceAccount': '111122223333' },
        },
      })),
    );
  });

  test('deployability: each zone bucket is created after the log-delivery policy exists', () => {
    const { lake, stack, template } = synthLake();
    const logsPolicyId = stack.getLogicalId(
      (lake.accessLogsBucket as s3.Bucket).policy!.node.defaultChild as s3.CfnBucketPolicy,
    );
    for (const zone of DEFAULT_ZONES) {
      expect(zoneBucket(template, zone).DependsOn).toEqual([logsPolicyId]);
    }
  });

  test('zone buckets carry data-platform and data-zone tags; the log bucket and key carry data-platform', () => {
    const { lake, stack, template } = synthLake();
    for (const zone of DEFAULT_ZONES) {
      expect(zoneBucket(template, zone).Properties.Tags).toEqual([
        { Key: 'data-platform', Value: 'sales' },
        { Key: 'data-zone', Value: zone },
      ]);
    }
    const resources = template.toJSON().Resources;
    expect(resources[logicalId(stack, lake.accessLogsBucket)].Properties.Tags).toEqual([
      { Key: 'data-platform', Value: 'sales' },
    ]);
    template.hasResourceProperties(KEY, { Tags: [{ Key: 'data-platform', Value: 'sales' }] });
  });

  test('every bucket and the key are retained, and nothing empties a bucket', () => {
    const { template } = synthLake();
    template.allResources(BUCKET, { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
    template.allResources(KEY, { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('the escape hatches expose the zones, the buckets and the log bucket', () => {
    const { lake } = synthLake();
    expect(lake.zones.map((z) => z.name)).toEqual(['raw', 'curated', 'serving']);
    expect(lake.zones[0]).toMatchObject({ coolAfterDays: 30, noncurrentVersionExpirationDays: 90 });
    expect(Object.keys(lake.buckets)).toEqual(['raw', 'curated', 'serving']);
    expect(lake.bucketFor('raw')).toBe(lake.buckets.raw);
    expect(lake.bucketFor('raw')).toBeInstanceOf(s3.Bucket);
    expect(lake.accessLogsBucket).toBeInstanceOf(s3.Bucket);
  });

  test('legacy and recommended feature flags emit the same buckets and bucket policies', () => {
    // GIVEN the same lake under the two flag sets (aws-cdk-lib grants log delivery by ACL
    // under legacy flags when given serverAccessLogsBucket; the kit never does)
    const legacy = synthLake().template;
    const recommended = synthLake({}, newRecommendedAwsStack()).template;
    // THEN
    for (const type of [BUCKET, BUCKET_POLICY]) {
      expect(recommended.findResources(type)).toEqual(legacy.findResources(type));
    }
    expect(JSON.stringify(recommended.toJSON())).not.toMatch(/LogDeliveryWrite|AccessControl/);
    expect(JSON.stringify(legacy.toJSON())).not.toMatch(/LogDeliveryWrite|AccessControl/);
  });

  test('under recommended flags the zone buckets keep their secure settings and DependsOn', () => {
    const { lake, stack, template } = synthLake({}, newRecommendedAwsStack());
    const logsPolicyId = stack.getLogicalId(
      (lake.accessLogsBucket as s3.Bucket).policy!.node.defaultChild as s3.CfnBucketPolicy,
    );
    for (const zone of DEFAULT_ZONES) {
      const bucket = zoneBucket(template, zone);
      expect(bucket.DependsOn).toEqual([logsPolicyId]);
      expect(bucket.DeletionPolicy).toBe('RetainExceptOnCreate');
      expect(bucket.Properties.LoggingConfiguration.LogFilePrefix).toBe(`${zone}/`);
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].BucketKeyEnabled).toBe(
        true,
      );
    }
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('LakeStorage options', () => {
  test('zones: custom names, custom zones stay hot', () => {
    const { lake, template } = synthLake({ zones: ['landing', 'gold'] });
    expect(lake.zoneNames).toEqual(['landing', 'gold']);
    template.resourceCountIs(BUCKET, 3);
    expect(
      zoneBucket(template, 'landing').Properties.LifecycleConfiguration.Rules[0].Transitions,
    ).toBeUndefined();
    expect(zoneBucket(template, 'gold').Properties.Tags).toContainEqual({ Key: 'data-zone', Value: 'gold' });
  });

  test('zone options: coolAfterDays, noncurrentVersionExpirationDays and storageName', () => {
    const { template } = synthLake({
      zones: [
        { name: 'raw', coolAfterDays: 45, noncurrentVersionExpirationDays: 30, storageName: 'acme-raw-data' },
      ],
    });
    template.hasResourceProperties(BUCKET, {
      BucketName: 'acme-raw-data',
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 45 }],
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          }),
        ],
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'raw/' }),
    });
  });

  test('coolAfterDays 0 keeps a default zone hot', () => {
    const { template } = synthLake({ zones: [{ name: 'raw', coolAfterDays: 0 }] });
    expect(
      zoneBucket(template, 'raw').Properties.LifecycleConfiguration.Rules[0].Transitions,
    ).toBeUndefined();
  });

  test('coolAfterDays accepts the S3 minimum COOL_AFTER_DAYS_RANGE.min (30)', () => {
    expect(LakeStorage.COOL_AFTER_DAYS_RANGE).toEqual({ min: 30, max: 36500 });
    const { template } = synthLake({ zones: [{ name: 'serving', coolAfterDays: 30 }] });
    expect(zoneBucket(template, 'serving').Properties.LifecycleConfiguration.Rules[0].Transitions).toEqual([
      { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
    ]);
  });

  test('accessLogRetentionDays sets the log expiration', () => {
    const { template } = synthLake({ accessLogRetentionDays: 90 });
    template.hasResourceProperties(BUCKET, {
      BucketName: Match.stringLikeRegexp('^sales-logs-'),
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
  });

  test('tags go on every bucket and the key, after the kit tags', () => {
    const { template } = synthLake({ tags: { team: 'analytics' } });
    const buckets = Object.values(template.findResources(BUCKET));
    for (const bucket of buckets) {
      expect(bucket.Properties.Tags).toContainEqual({ Key: 'team', Value: 'analytics' });
    }
    template.hasResourceProperties(KEY, {
      Tags: [
        { Key: 'data-platform', Value: 'sales' },
        { Key: 'team', Value: 'analytics' },
      ],
    });
  });

  test('encryptionKey: a brought key encrypts every zone and no key is created', () => {
    const stack = newAwsStack();
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555';
    const key = EncryptionKey.fromKey(stack, 'Brought', kms.Key.fromKeyArn(stack, 'Existing', arn));
    const { lake, template } = synthLake({ encryptionKey: key }, stack);
    expect(lake.encryptionKey).toBe(key);
    template.resourceCountIs(KEY, 0);
    for (const zone of DEFAULT_ZONES) {
      expect(
        zoneBucket(template, zone).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]
          .ServerSideEncryptionByDefault,
      ).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn });
    }
  });

  test('accessLogsBucket: a brought bucket receives the logs and the delivery statements', () => {
    // GIVEN the user's own SSE-S3 log bucket in the same stack
    const stack = newAwsStack();
    const mine = new s3.Bucket(stack, 'MyLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    });
    // WHEN
    const { lake, template } = synthLake({ accessLogsBucket: mine }, stack);
    // THEN no log bucket of the kit's, logs and statements go to the user's
    expect(lake.accessLogsBucket).toBe(mine);
    template.resourceCountIs(BUCKET, 4);
    const mineId = logicalId(stack, mine);
    const minePolicyId = stack.getLogicalId(mine.policy!.node.defaultChild as s3.CfnBucketPolicy);
    for (const zone of DEFAULT_ZONES) {
      const bucket = zoneBucket(template, zone);
      expect(bucket.Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: mineId },
        LogFilePrefix: `${zone}/`,
      });
      expect(bucket.DependsOn).toEqual([minePolicyId]);
    }
    template.hasResourceProperties(BUCKET_POLICY, {
      Bucket: { Ref: mineId },
      PolicyDocument: {
        Statement: DEFAULT_ZONES.map((zone) =>
          Match.objectLike({
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [mineId, 'Arn'] }, `/${zone}/*`]] },
          }),
        ),
      },
    });
    template.allResourcesProperties(BUCKET, { AccessControl: Match.absent() });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('accessLogsBucket: an imported bucket gets no statement, and the kit warns with the statement to add', () => {
    const stack = newAwsStack();
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'acme-access-logs');
    const { template } = synthLake({ accessLogsBucket: imported }, stack);
    template.resourceCountIs(BUCKET, 3);
    expect(zoneBucket(template, 'raw').Properties.LoggingConfiguration.DestinationBucketName).toBe(
      'acme-access-logs',
    );
    expect(zoneBucket(template, 'raw').DependsOn).toBeUndefined();
    Annotations.fromStack(stack).hasWarning(
      '/Test/Lake',
      Match.stringLikeRegexp(`logging\\.s3\\.amazonaws\\.com.*${ACCESS_LOGS_POLICY_NOT_ADDED_WARNING}`),
    );
  });

  test('accessLogsBucket: an SSE-KMS bucket draws a warning (S3 cannot deliver logs to it)', () => {
    const stack = newAwsStack();
    const kmsLogs = new s3.Bucket(stack, 'KmsLogs', { encryption: s3.BucketEncryption.KMS });
    lakeIn(stack, { accessLogsBucket: kmsLogs });
    Annotations.fromStack(stack).hasWarning(
      '/Test/Lake',
      Match.stringLikeRegexp(ACCESS_LOGS_BUCKET_KMS_WARNING),
    );
  });
});

describe('LakeStorage validation', () => {
  test.each([['Sales'], ['s'], ['sales_eu']])('platformName %p is DPK_INVALID_NAME', (platformName) => {
    expectCode(() => lakeIn(newAwsStack(), { platformName }), ErrorCode.INVALID_NAME, 'platformName');
  });

  test('an empty zone list is DPK_NO_ZONES', () => {
    expectCode(() => lakeIn(newAwsStack(), { zones: [] }), ErrorCode.NO_ZONES);
  });

  test.each([['Raw'], ['logs'], ['-raw']])('zone name %p is DPK_INVALID_ZONE', (zone) => {
    expectCode(() => lakeIn(newAwsStack(), { zones: [zone] }), ErrorCode.INVALID_ZONE, 'zones[0].name');
  });

  test('a repeated zone is DPK_DUPLICATE_ZONE', () => {
    expectCode(
      () => lakeIn(newAwsStack(), { zones: ['raw', 'raw'] }),
      ErrorCode.DUPLICATE_ZONE,
      'zones[1].name',
    );
  });

  test('zones a-1 and a1 get distinct construct ids and buckets', () => {
    const lake = lakeIn(newAwsStack(), { zones: ['a-1', 'a1'] });
    expect(lake.buckets['a-1'].node.id).toBe('A_1Bucket');
    expect(lake.buckets.a1.node.id).toBe('A1Bucket');
  });

  test('a zone name that is a token is DPK_INVALID_ZONE (zone names become construct ids)', () => {
    const stack = newAwsStack();
    const name = new CfnParameter(stack, 'Zone').valueAsString;
    expectCode(() => lakeIn(stack, { zones: [name] }), ErrorCode.INVALID_ZONE, 'zones[0].name');
  });

  test.each([1, 29])('coolAfterDays %p (below the S3 Standard-IA minimum) is DPK_OUT_OF_RANGE', (days) => {
    expectCode(
      () => lakeIn(newAwsStack(), { zones: [{ name: 'raw', coolAfterDays: days }] }),
      ErrorCode.OUT_OF_RANGE,
      'zones[0].coolAfterDays',
    );
  });

  test('coolAfterDays above 100 years and a noncurrent window under 7 days are DPK_OUT_OF_RANGE', () => {
    expectCode(
      () =>
        lakeIn(newAwsStack(), {
          zones: [{ name: 'raw', coolAfterDays: ZoneDefaults.COOL_AFTER_DAYS_RANGE.max + 1 }],
        }),
      ErrorCode.OUT_OF_RANGE,
    );
    expectCode(
      () => lakeIn(newAwsStack(), { zones: [{ name: 'raw', noncurrentVersionExpirationDays: 3 }] }),
      ErrorCode.OUT_OF_RANGE,
      'zones[0].noncurrentVersionExpirationDays',
    );
  });

  test.each([0, 1.5, LakeStorage.ACCESS_LOG_RETENTION_DAYS_RANGE.max + 1])(
    'accessLogRetentionDays %p is DPK_OUT_OF_RANGE',
    (days) => {
      expectCode(
        () => lakeIn(newAwsStack(), { accessLogRetentionDays: days }),
        ErrorCode.OUT_OF_RANGE,
        'accessLogRetentionDays',
      );
    },
  );

  test('accessLogRetentionDays with a brought accessLogsBucket is DPK_CONFLICTING_PROPS', () => {
    const stack = newAwsStack();
    const mine = new s3.Bucket(stack, 'MyLogs');
    expectCode(
      () => lakeIn(stack, { accessLogsBucket: mine, accessLogRetentionDays: 30 }),
      ErrorCode.CONFLICTING_PROPS,
      'accessLogRetentionDays',
    );
  });

  test('invalid storage names are DPK_INVALID_NAME, all reported at once', () => {
    let error: ValidationError | undefined;
    try {
      lakeIn(newAwsStack(), {
        zones: [
          { name: 'raw', storageName: 'Bad_Name' },
          { name: 'curated', storageName: 'ok-name' },
          { name: 'serving', storageName: 'xn--reserved' },
        ],
      });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error?.code).toBe(ErrorCode.INVALID_NAME);
    expect(error?.violations.map((v) => v.prop)).toEqual(['zones[0].storageName', 'zones[2].storageName']);
  });

  test('two zones with the same storage name are DPK_INVALID_NAME', () => {
    expectCode(
      () =>
        lakeIn(newAwsStack(), {
          zones: [
            { name: 'raw', storageName: 'acme-lake' },
            { name: 'curated', storageName: 'acme-lake' },
          ],
        }),
      ErrorCode.INVALID_NAME,
      'zones[1].storageName',
    );
  });

  test('invalid tags are DPK_INVALID_TAGS', () => {
    expectCode(() => lakeIn(newAwsStack(), { tags: { 'aws:team': 'x' } }), ErrorCode.INVALID_TAGS);
  });

  test('looking up a zone the storage does not have is DPK_UNKNOWN_ZONE', () => {
    const lake = lakeIn(newAwsStack());
    expectCode(() => lake.bucketFor('gold'), ErrorCode.UNKNOWN_ZONE, 'zone');
  });

  test('tokens skip validation and reach the template unchanged', () => {
    // GIVEN deploy-time values for every validated zone number, a storage name, retention and a tag
    const stack = newAwsStack();
    const storageName = new CfnParameter(stack, 'Name').valueAsString;
    const team = new CfnParameter(stack, 'Team').valueAsString;
    // WHEN
    lakeIn(stack, {
      zones: [
        {
          name: 'raw',
          storageName,
          coolAfterDays: numberToken(stack, 'Cool'),
          noncurrentVersionExpirationDays: numberToken(stack, 'Noncurrent'),
        },
      ],
      accessLogRetentionDays: numberToken(stack, 'Retention'),
      tags: { team },
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties(BUCKET, {
      BucketName: { Ref: 'Name' },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: { Ref: 'Cool' } }],
            NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'Noncurrent' } },
          }),
        ],
      },
      Tags: Match.arrayWith([{ Key: 'team', Value: { Ref: 'Team' } }]),
    });
    template.hasResourceProperties(BUCKET, {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: { Ref: 'Retention' } })] },
    });
  });
});

describe('LakeStorage removal guard', () => {
  test('RETAIN by default, without a warning', () => {
    const { stack, template } = synthLake();
    template.allResources(BUCKET, { DeletionPolicy: 'RetainExceptOnCreate' });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('DESTROY without the context flag still retains every bucket and the key, and warns', () => {
    const { stack, template } = synthLake({ removalPolicy: DataRemovalPolicy.DESTROY });
    template.allResources(BUCKET, { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
    template.allResources(KEY, { DeletionPolicy: 'RetainExceptOnCreate' });
    // Said once per stack (the flag is app-wide), on the first block that asked.
    const warnings = Annotations.fromStack(stack).findWarning(
      '*',
      Match.stringLikeRegexp(REMOVAL_DOWNGRADED_WARNING),
    );
    expect(warnings.map((w) => w.id)).toEqual(['/Test/Lake']);
  });

  test('DESTROY with the context flag deletes buckets and key, but never empties a bucket', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthLake({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    template.allResources(BUCKET, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    template.allResources(KEY, { DeletionPolicy: 'Delete' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('LakeStorage bucket names', () => {
  const namesIn = (account: string) => {
    const stack = new Stack(undefined, 'Lakes', { env: { account, region: 'eu-west-1' } });
    const lake = lakeIn(stack);
    return Object.values(lake.buckets).map((b) => stack.resolve(b.bucketName) as string);
  };

  test('the same app in two accounts derives different (globally unique) bucket names', () => {
    const first = namesIn('111122223333');
    expect(first).toEqual(namesIn('111122223333'));
    expect(first.filter((name) => namesIn('444455556666').includes(name))).toEqual([]);
  });
});
