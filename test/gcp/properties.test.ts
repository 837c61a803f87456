import * as fc from 'fast-check';
import { expectValidationError, newGcpStack } from './support';
import { formatFindings } from '../../src/core/compliance';
import { ErrorCode } from '../../src/core/errors';
import { RESERVED_ZONE_NAMES, type ZoneOptions } from '../../src/core/zones';
import { EncryptionKey, KeyProtectionLevel, LakeStorage, Principal } from '../../src/gcp';
import { checkCompliance } from '../../src/gcp/compliance';

/**
 * Property tests on GCP: for generated valid props, synthesis succeeds with zero compliance
 * findings; for generated invalid names, the documented code is thrown. numRuns stays modest so
 * the suite stays fast; set DPK_PROPERTY_RUNS (e.g. 400) for a deeper local run.
 */
const RUNS = Number(process.env.DPK_PROPERTY_RUNS ?? 25);

/** Platform names as documented: 2-20 of a-z 0-9 '-', a letter first, no '--', no trailing '-'. */
const PLATFORM = /^[a-z](?:[a-z0-9]|-(?!-)){0,18}[a-z0-9]$/;
/** Zone names as documented: 1-20 of a-z 0-9 and single '-', a letter first, no trailing '-'. */
const ZONE = /^[a-z](?:(?:[a-z0-9]|-(?!-)){0,18}[a-z0-9])?$/;
/** GCS forbids names starting with 'goog' or containing 'google' (or look-alikes). */
const googleFree = (s: string) => !s.startsWith('goog') && !/g[o0]{2}gle/.test(s);

/** Words of a-z 0-9 joined by single hyphens, the first starting with a letter. */
const hyphenated = (maxWords: number) =>
  fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
      fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: maxWords - 1 }),
    )
    .map(([first, rest]) => [first, ...rest].join('-'));
const platformName = hyphenated(4).filter((p) => PLATFORM.test(p) && googleFree(p));
const zoneName = hyphenated(3).filter(
  (z) => ZONE.test(z) && googleFree(z) && !RESERVED_ZONE_NAMES.includes(z),
);
const zone: fc.Arbitrary<string | ZoneOptions> = fc.oneof(
  zoneName,
  fc.record(
    {
      name: zoneName,
      coolAfterDays: fc.integer({ min: 0, max: 36500 }),
      noncurrentVersionExpirationDays: fc.integer({ min: 7, max: 36500 }),
    },
    { requiredKeys: ['name'] },
  ),
);
const zones = fc.uniqueArray(zone, {
  minLength: 1,
  maxLength: 5,
  selector: (z) => (typeof z === 'string' ? z : z.name),
});
const labels = fc.dictionary(
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,62}$/),
  fc.stringMatching(/^[a-z0-9_-]{0,63}$/),
  { maxKeys: 8 },
);
/** A bucket location and the region of a key that fits it. */
const location = fc.constantFrom('europe-west1', 'us-central1', 'asia-northeast1', 'EU', 'US', 'ASIA');

describe('GCP properties: valid props synthesize with zero findings', () => {
  test('LakeStorage with generated platform names, zones, lifecycle days, labels and locations', () => {
    fc.assert(
      fc.property(
        fc.record({
          platformName,
          zones,
          location,
          tags: labels,
          softDeleteRetentionDays: fc.integer({ min: 7, max: 90 }),
          accessLogRetentionDays: fc.integer({ min: 1, max: 36500 }),
        }),
        (props) => {
          // GIVEN a lake with generated props and a read grant on its first zone
          const stack = newGcpStack();
          const lake = new LakeStorage(stack, 'Lake', props);
          lake.grantRead(Principal.group('analysts@acme.com'), lake.zoneNames[0]);
          // WHEN / THEN
          const report = checkCompliance(stack);
          expect(formatFindings(report.findings)).toBe('');
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('EncryptionKey with generated rotation, destroy-scheduled days, protection and labels', () => {
    fc.assert(
      fc.property(
        fc.record({
          platformName,
          location,
          rotationPeriodDays: fc.integer({ min: 1, max: 90 }),
          destroyScheduledDays: fc.integer({ min: 1, max: 120 }),
          protectionLevel: fc.constantFrom(KeyProtectionLevel.SOFTWARE, KeyProtectionLevel.HSM),
          keyRingName: fc.option(fc.stringMatching(/^[a-zA-Z0-9_-]{1,63}$/), { nil: undefined }),
          tags: labels,
        }),
        (props) => {
          const stack = newGcpStack();
          new EncryptionKey(stack, 'Key', props);
          expect(formatFindings(checkCompliance(stack).findings)).toBe('');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** A string that is not empty and breaks `valid` (judged by the documented rule). */
const breaking = (valid: (s: string) => boolean, ...extra: fc.Arbitrary<string>[]) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.stringMatching(/^[A-Z][a-zA-Z0-9]{1,10}$/),
      fc.stringMatching(/^[a-z0-9]{1,10}[._ ][a-z0-9]{1,10}$/),
      fc.stringMatching(/^-[a-z0-9-]{2,10}$/),
      fc.stringMatching(/^[a-z0-9]{64,80}$/),
      ...extra,
    )
    .filter((s) => !valid(s));

describe('GCP properties: invalid names throw the documented code', () => {
  test('an invalid platformName throws DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(
        breaking((s) => PLATFORM.test(s) && googleFree(s), fc.constantFrom('google', 'googsales', 'x')),
        (name) => {
          expectValidationError(
            () => new LakeStorage(newGcpStack(), 'Lake', { platformName: name, location: 'europe-west1' }),
            ErrorCode.INVALID_NAME,
            'platformName',
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('an invalid zone name throws DPK_INVALID_ZONE', () => {
    fc.assert(
      fc.property(
        breaking(
          (s) => ZONE.test(s) && !RESERVED_ZONE_NAMES.includes(s),
          fc.constantFrom(...RESERVED_ZONE_NAMES),
        ),
        (name) => {
          expectValidationError(
            () =>
              new LakeStorage(newGcpStack(), 'Lake', {
                platformName: 'sales',
                location: 'EU',
                zones: [name],
              }),
            ErrorCode.INVALID_ZONE,
            'zones[0].name',
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('an invalid bucket name throws DPK_INVALID_NAME', () => {
    /** GCS bucket names as documented, without dots (the kit rejects them: they need domain verification). */
    const valid = (s: string) => /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/.test(s) && googleFree(s);
    fc.assert(
      fc.property(breaking(valid, fc.stringMatching(/^[a-z0-9-]{0,10}google[a-z0-9-]{0,10}$/)), (name) => {
        expectValidationError(
          () =>
            new LakeStorage(newGcpStack(), 'Lake', {
              platformName: 'sales',
              location: 'EU',
              zones: [{ name: 'raw', storageName: name }],
            }),
          ErrorCode.INVALID_NAME,
          'zones[0].storageName',
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('an invalid key ring name throws DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(
        breaking((s) => /^[a-zA-Z0-9_-]{1,63}$/.test(s)),
        (name) => {
          expectValidationError(
            () => new EncryptionKey(newGcpStack(), 'Key', { location: 'EU', keyRingName: name }),
            ErrorCode.INVALID_NAME,
            'keyRingName',
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('an invalid label key throws DPK_INVALID_TAGS', () => {
    fc.assert(
      fc.property(
        breaking((s) => /^\p{Ll}[\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u.test(s)),
        (key) => {
          expectValidationError(
            () => new EncryptionKey(newGcpStack(), 'Key', { location: 'EU', tags: { [key]: 'x' } }),
            ErrorCode.INVALID_TAGS,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
