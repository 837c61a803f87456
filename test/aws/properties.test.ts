import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { EncryptionKey, LakeStorage } from '../../src/aws';
import { acknowledgeRule, checkCompliance, wildcardResourceFindingId } from '../../src/aws/compliance';
import {
  ErrorCode,
  formatFindings,
  RESERVED_ZONE_NAMES,
  type Tags,
  ZoneAccess,
  ZoneDefaults,
  type ZoneOptions,
} from '../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../helpers/aws-stack';

/**
 * Property tests: for generated valid props the blocks synthesize with zero compliance findings;
 * for generated invalid names the documented code is thrown. Runs are kept modest (25) so the
 * suite stays fast; every run builds and checks a fresh stack.
 */
const RUNS = { numRuns: 25 };

// ---- valid inputs -------------------------------------------------------------------------

/** 2-20 of a-z 0-9 '-', starting with a letter, ending alphanumeric, no '--'. */
const platformName = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/).filter((n) => !n.includes('--'));

/** 1-20 of a-z 0-9 '-', starting with a letter, no trailing '-', no '--', not reserved. */
const zoneName = fc
  .stringMatching(/^[a-z]([a-z0-9-]{0,18}[a-z0-9])?$/)
  .filter((n) => !n.includes('--') && !RESERVED_ZONE_NAMES.includes(n));

const coolAfterDays = fc.option(fc.oneof(fc.constant(0), fc.integer(LakeStorage.COOL_AFTER_DAYS_RANGE)), {
  nil: undefined,
});
const noncurrentDays = fc.option(fc.integer(ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS_RANGE), {
  nil: undefined,
});

const zones = fc.uniqueArray(zoneName, { minLength: 1, maxLength: 4 }).chain((names) =>
  fc.tuple(
    ...names.map((name) =>
      fc
        .record({ cool: coolAfterDays, noncurrent: noncurrentDays })
        .map(({ cool, noncurrent }): ZoneOptions => ({
          name,
          coolAfterDays: cool,
          noncurrentVersionExpirationDays: noncurrent,
        })),
    ),
  ),
);

/** AWS tags: keys 1-128 and values 0-256 of letters, digits, spaces and `_ . : / = + - @`, no `aws:` keys. */
const tags: fc.Arbitrary<Tags> = fc.dictionary(
  fc.stringMatching(/^[A-Za-z0-9_.:/=+@-][A-Za-z0-9 _.:/=+@-]{0,30}$/).filter((k) => !/^aws:/i.test(k)),
  fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,40}$/),
  { maxKeys: 5 },
);

const validProps = fc.record({
  platform: platformName,
  zones,
  tags,
  rotationPeriodDays: fc.integer(EncryptionKey.ROTATION_PERIOD_DAYS_RANGE),
  pendingWindowDays: fc.integer(EncryptionKey.PENDING_WINDOW_DAYS_RANGE),
  accessLogRetentionDays: fc.integer(LakeStorage.ACCESS_LOG_RETENTION_DAYS_RANGE),
  access: fc.constantFrom(...Object.values(ZoneAccess)),
  recommendedFlags: fc.boolean(),
});

describe('AWS properties: valid props', () => {
  test('synthesize, with grants, with zero compliance findings', () => {
    fc.assert(
      fc.property(validProps, (p) => {
        // GIVEN a fresh stack and generated props
        const stack = p.recommendedFlags ? newRecommendedAwsStack() : newAwsStack();
        const key = new EncryptionKey(stack, 'Key', {
          platformName: p.platform,
          purpose: 'lake',
          rotationPeriodDays: p.rotationPeriodDays,
          pendingWindowDays: p.pendingWindowDays,
          tags: p.tags,
        });
        const lake = new LakeStorage(stack, 'Lake', {
          platformName: p.platform,
          zones: p.zones,
          encryptionKey: key,
          accessLogRetentionDays: p.accessLogRetentionDays,
          tags: p.tags,
        });
        const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
        for (const zone of lake.zoneNames) {
          lake.grant(reader, zone, p.access);
          acknowledgeRule(reader, {
            id: wildcardResourceFindingId(reader, lake.bucketFor(zone).arnForObjects('*')),
            reason: 'Object-level access is the intent of a zone grant.',
          });
        }
        // WHEN
        const template = Template.fromStack(stack);
        const report = checkCompliance(stack);
        // THEN one bucket per zone plus the log bucket, and nothing to report
        template.resourceCountIs('AWS::S3::Bucket', p.zones.length + 1);
        expect(formatFindings(report.findings)).toBe('');
      }),
      RUNS,
    );
  });
});

// ---- invalid names ------------------------------------------------------------------------

/** One way to break a valid name, and the rule it breaks. */
const breakName = (valid: fc.Arbitrary<string>, maxLength: number) =>
  fc.oneof(
    valid.map((n) => n.toUpperCase() + 'X'),
    fc
      .tuple(valid, fc.constantFrom('_', '.', '!', '#', ' ', 'é', '/'))
      .map(([n, c]) => `${n.slice(0, 1)}${c}${n.slice(1)}`),
    valid.map((n) => `-${n}`),
    valid.map((n) => `${n}-`),
    valid.map((n) => n.padEnd(maxLength + 1, 'x')),
    fc.constant(''),
  );

describe('AWS properties: invalid names', () => {
  test('an invalid platformName is DPK_INVALID_NAME on both blocks', () => {
    fc.assert(
      fc.property(breakName(platformName, 20), (name) => {
        expect(() => new LakeStorage(newAwsStack(), 'Lake', { platformName: name })).toThrow(
          expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'platformName' }),
        );
        expect(() => new EncryptionKey(newAwsStack(), 'Key', { platformName: name })).toThrow(
          expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'platformName' }),
        );
      }),
      RUNS,
    );
  });

  test('an invalid zone name is DPK_INVALID_ZONE', () => {
    fc.assert(
      fc.property(fc.oneof(breakName(zoneName, 20), fc.constantFrom(...RESERVED_ZONE_NAMES)), (name) => {
        expect(
          () => new LakeStorage(newAwsStack(), 'Lake', { platformName: 'sales', zones: ['raw', name] }),
        ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_ZONE, prop: 'zones[1].name' }));
      }),
      RUNS,
    );
  });

  test('an invalid zone storageName (S3 bucket name) is DPK_INVALID_NAME', () => {
    const bucketName = fc
      .stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/)
      .filter((n) => !n.startsWith('xn--'));
    fc.assert(
      fc.property(breakName(bucketName, 63), (name) => {
        expect(
          () =>
            new LakeStorage(newAwsStack(), 'Lake', {
              platformName: 'sales',
              zones: [{ name: 'raw', storageName: name }],
            }),
        ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'zones[0].storageName' }));
      }),
      RUNS,
    );
  });

  test('an alias in the reserved aws/ namespace is DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9/_-]{1,40}$/), (rest) => {
        expect(() => new EncryptionKey(newAwsStack(), 'Key', { aliasName: `alias/aws/${rest}` })).toThrow(
          expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'aliasName' }),
        );
      }),
      RUNS,
    );
  });
});
