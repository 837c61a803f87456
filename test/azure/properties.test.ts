import * as fc from 'fast-check';
import { newAzureStack, OBJECT_ID, RG } from './azure-stack';
import { checkCompliance } from '../../src/azure/compliance';
import { Principal } from '../../src/azure/iam/principal';
import { EncryptionKey } from '../../src/azure/security/encryption-key';
import { LakeStorage } from '../../src/azure/storage/lake-storage';
import { formatFindings } from '../../src/core/compliance';
import { ErrorCode, ValidationError } from '../../src/core/errors';
import { RESERVED_ZONE_NAMES, type ZoneOptions } from '../../src/core/zones';

/**
 * Property tests on Azure: for generated valid props, synthesis succeeds with zero unacknowledged
 * compliance findings; for generated invalid names, the documented code is thrown. numRuns stays
 * modest so the suite stays fast; set DPK_PROPERTY_RUNS (e.g. 400) for a deeper local run.
 */
const RUNS = Number(process.env.DPK_PROPERTY_RUNS ?? 25);

/** Platform names as documented: 2-20 of a-z 0-9 '-', a letter first, no '--', no trailing '-'. */
const PLATFORM = /^[a-z](?:[a-z0-9]|-(?!-)){0,18}[a-z0-9]$/;
/** Zone names as documented: 1-20 of a-z 0-9 and single '-', a letter first, no trailing '-'. */
const ZONE = /^[a-z](?:(?:[a-z0-9]|-(?!-)){0,18}[a-z0-9])?$/;
/** Azure storage account names: 3-24 lowercase letters and digits. */
const ACCOUNT = /^[a-z0-9]{3,24}$/;
/** Azure Key Vault names: 3-24 of letters, digits and '-', a letter first, no '--', no trailing '-'. */
const VAULT = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){1,22}[a-zA-Z0-9]$/;
/** Container (filesystem) names: 3-63 of a-z 0-9 '-', alphanumeric at both ends, no '--'. */
const CONTAINER = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

/** Words of a-z 0-9 joined by single hyphens, the first starting with a letter. */
const hyphenated = (maxWords: number) =>
  fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
      fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: maxWords - 1 }),
    )
    .map(([first, rest]) => [first, ...rest].join('-'));
const platformName = hyphenated(4).filter((p) => PLATFORM.test(p));
const zoneName = hyphenated(3).filter((z) => ZONE.test(z) && !RESERVED_ZONE_NAMES.includes(z));
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
/**
 * Azure tags: names of 1-128 characters without < > % & \ ? /, unique ignoring case and apart
 * from the kit's names; values of 0-256 characters; at most 48 (the kit adds its own).
 */
const tagName = fc
  .string({ minLength: 1, maxLength: 128, unit: 'grapheme' })
  .filter((k) => !/[<>%&\\?/]/.test(k) && k.length <= 128 && !k.toLowerCase().startsWith('data-'));
const tags = fc
  .uniqueArray(fc.tuple(tagName, fc.string({ maxLength: 256 })), {
    maxLength: 48,
    selector: ([k]) => k.toLowerCase(),
  })
  .map((entries) => Object.fromEntries(entries));
/** IPv4 addresses and CIDR ranges from /8 to /32. */
/**
 * A runner's public egress range: first octets outside every documentation, private, shared,
 * loopback and link-local range (those are rejected, see the bad-input rows).
 */
const ipRange = fc
  .tuple(
    fc.constantFrom(4, 13, 20, 40, 52, 104),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 3, maxLength: 3 }),
    fc.option(fc.integer({ min: 8, max: 32 }), { nil: undefined }),
  )
  .map(([first, rest, prefix]) => {
    const ip = [first, ...rest].join('.');
    return prefix === undefined ? ip : `${ip}/${prefix}`;
  });

describe('Azure properties: valid props synthesize with zero findings', () => {
  test('LakeStorage with generated platform names, zones, lifecycle days, tags and vault ranges', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            platformName,
            zones,
            tags,
            softDeleteRetentionDays: fc.integer({ min: 1, max: 365 }),
            accessLogRetentionDays: fc.integer({ min: 30, max: 730 }),
            keyVaultAllowedIpRanges: fc.array(ipRange, { minLength: 1, maxLength: 3 }),
          },
          { requiredKeys: ['platformName'] },
        ),
        (props) => {
          // GIVEN a lake with generated props and a grant of each kind on its first zone
          const stack = newAzureStack();
          const lake = new LakeStorage(stack, 'Lake', { resourceGroup: RG, ...props });
          const first = lake.zoneNames[0];
          lake.grantRead(Principal.group(OBJECT_ID), first);
          lake.grantWrite(Principal.group(OBJECT_ID), first);
          lake.grantReadWrite(Principal.group(OBJECT_ID), first);
          // WHEN checked / THEN nothing unacknowledged
          expect(formatFindings(checkCompliance(stack).findings)).toBe('');
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('EncryptionKey with generated names, rotation, soft delete and tags', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            platformName,
            purpose: hyphenated(2),
            rotationPeriodDays: fc.integer({ min: 7, max: 365 }),
            softDeleteRetentionDays: fc.integer({ min: 7, max: 90 }),
            keyVaultName: fc
              .stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/)
              .filter((n) => VAULT.test(n)),
            keyName: fc.stringMatching(/^[a-zA-Z0-9-]{1,127}$/),
            tags,
          },
          { requiredKeys: [] },
        ),
        (props) => {
          const stack = newAzureStack();
          new EncryptionKey(stack, 'Key', { resourceGroup: RG, ...props });
          expect(formatFindings(checkCompliance(stack).findings)).toBe('');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** A string that breaks `valid` (judged by the documented rule). */
const breaking = (valid: (s: string) => boolean, ...extra: fc.Arbitrary<string>[]) =>
  fc
    .oneof(
      fc.string({ maxLength: 80 }),
      fc.stringMatching(/^[A-Z][a-zA-Z0-9]{1,10}$/),
      fc.stringMatching(/^[a-z0-9]{1,10}[._ ][a-z0-9]{1,10}$/),
      fc.stringMatching(/^-[a-z0-9-]{2,10}$/),
      fc.stringMatching(/^[a-z0-9]{64,80}$/),
      ...extra,
    )
    .filter((s) => !valid(s));

function expectCode(build: () => unknown, code: ErrorCode, prop: string): void {
  let error: unknown;
  try {
    build();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ code, prop });
}

describe('Azure properties: invalid names throw the documented code', () => {
  test('an invalid platformName throws DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(
        breaking((s) => PLATFORM.test(s), fc.constantFrom('a--b', 'ab-', 'x')),
        (name) => {
          expectCode(
            () => new LakeStorage(newAzureStack(), 'Lake', { platformName: name, resourceGroup: RG }),
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
          expectCode(
            () =>
              new LakeStorage(newAzureStack(), 'Lake', {
                platformName: 'sales',
                resourceGroup: RG,
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

  test('an invalid storage account name throws DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(
        breaking((s) => ACCOUNT.test(s), fc.stringMatching(/^[a-z0-9]{25,30}$/)),
        (name) => {
          expectCode(
            () =>
              new LakeStorage(newAzureStack(), 'Lake', {
                platformName: 'sales',
                resourceGroup: RG,
                storageAccountName: name,
              }),
            ErrorCode.INVALID_NAME,
            'storageAccountName',
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('an invalid container name throws DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(
        breaking((s) => CONTAINER.test(s), fc.stringMatching(/^[a-z0-9]{1,8}--[a-z0-9]{1,8}$/)),
        (name) => {
          expectCode(
            () =>
              new LakeStorage(newAzureStack(), 'Lake', {
                platformName: 'sales',
                resourceGroup: RG,
                zones: [{ name: 'raw', storageName: name }],
              }),
            ErrorCode.INVALID_NAME,
            'zones[0].storageName',
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('an invalid Key Vault name throws DPK_INVALID_NAME', () => {
    fc.assert(
      fc.property(
        breaking((s) => VAULT.test(s), fc.stringMatching(/^[0-9][a-z0-9]{2,10}$/)),
        (name) => {
          expectCode(
            () => new EncryptionKey(newAzureStack(), 'Key', { resourceGroup: RG, keyVaultName: name }),
            ErrorCode.INVALID_NAME,
            'keyVaultName',
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
