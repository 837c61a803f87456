import { TerraformVariable } from 'cdktf';
import { expectValidationError, newGcpStack } from './support';
import { ZoneAccess } from '../../src/core/blocks';
import { ErrorCode } from '../../src/core/errors';
import {
  EncryptionKey,
  type EncryptionKeyProps,
  LakeStorage,
  type LakeStorageProps,
  Principal,
  ZONE_ROLES,
} from '../../src/gcp';
import { acknowledgeRule, checkCompliance } from '../../src/gcp/compliance';
import { BASIC_ROLES, isPublicPrincipal } from '../../src/gcp/compliance/private/iam';
import type { TerraformStack } from '../../src/terraform';
import { describeBadInput, tupleRows } from '../helpers/bad-input';
import { TfTemplate } from '../helpers/tf-template';

/**
 * Bad input on GCP (issue 3 §4), one table: each row builds a construct with one bad prop and
 * names the ErrorCode and prop it must fail with. The GCP blocks expose no TLS setting (Cloud
 * Storage and Cloud KMS endpoints are TLS-only), no prop that would open data to the public, and
 * no pair of props that conflict (a lake takes a key object, never key options), so none of those
 * rows exist; grants take a ZoneAccess intent, never a role, so basic roles cannot be asked for
 * (the last suite proves it on the output).
 */

const keyIn = (stack: TerraformStack, props: Partial<EncryptionKeyProps> = {}) =>
  new EncryptionKey(stack, 'Key', { location: 'europe-west1', ...props });
const lakeIn = (stack: TerraformStack, props: Partial<LakeStorageProps> = {}) =>
  new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1', ...props });
const key = (props: Partial<EncryptionKeyProps>) => (stack: TerraformStack) => keyIn(stack, props);
const lake = (props: Partial<LakeStorageProps>) => (stack: TerraformStack) => lakeIn(stack, props);
const storageName = (name: string) => lake({ zones: [{ name: 'raw', storageName: name }] });
const imported = (cryptoKeyId: string, location: string) => (stack: TerraformStack) =>
  EncryptionKey.fromEncryptionKeyAttributes(stack, 'Imported', { cryptoKeyId, location });
const grant =
  (member: () => ReturnType<typeof Principal.user>, zone = 'raw') =>
  (stack: TerraformStack) =>
    lakeIn(stack).grantRead(member(), zone);

const LONG_63 = 'a'.repeat(63);
const KEY_ID = 'projects/acme-sec/locations/europe-west1/keyRings/shared/cryptoKeys/lake';

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop?: string];

const ROWS: Row[] = [
  // Platform names: length, charset, reserved forms (GCS forbids 'goog…' and 'google' in bucket names)
  ['platformName too short', lake({ platformName: 'x' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['platformName too long', lake({ platformName: 'a'.repeat(21) }), ErrorCode.INVALID_NAME, 'platformName'],
  ['platformName in uppercase', lake({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  [
    'platformName starting with a digit',
    lake({ platformName: '1sales' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  ['platformName with --', lake({ platformName: 'sa--les' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['platformName ending with -', lake({ platformName: 'sales-' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['platformName with _', lake({ platformName: 'sales_eu' }), ErrorCode.INVALID_NAME, 'platformName'],
  [
    "platformName 'goog…' (bucket names)",
    lake({ platformName: 'googdata' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    "platformName 'google' (bucket names)",
    lake({ platformName: 'google' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    "platformName containing 'g00gle'",
    lake({ platformName: 'my-g00gle' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  ['key platformName in uppercase', key({ platformName: 'Data' }), ErrorCode.INVALID_NAME, 'platformName'],
  // Bucket name overrides
  ['storageName too short', storageName('ab'), ErrorCode.INVALID_NAME, 'zones[0].storageName'],
  ['storageName too long', storageName(`${LONG_63}b`), ErrorCode.INVALID_NAME, 'zones[0].storageName'],
  ['storageName in uppercase', storageName('Acme-Raw'), ErrorCode.INVALID_NAME, 'zones[0].storageName'],
  ['storageName with a dot', storageName('raw.acme.com'), ErrorCode.INVALID_NAME, 'zones[0].storageName'],
  ['storageName starting with -', storageName('-acme-raw'), ErrorCode.INVALID_NAME, 'zones[0].storageName'],
  ['storageName ending with _', storageName('acme-raw_'), ErrorCode.INVALID_NAME, 'zones[0].storageName'],
  [
    "storageName starting with 'goog'",
    storageName('goog-raw'),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    "storageName containing 'google'",
    storageName('acme-google-raw'),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    'two zones with one storageName',
    lake({
      zones: [
        { name: 'raw', storageName: 'acme-lake' },
        { name: 'curated', storageName: 'acme-lake' },
      ],
    }),
    ErrorCode.INVALID_NAME,
    'zones[1].storageName',
  ],
  [
    'logBucketName in uppercase',
    lake({ usageLogs: true, logBucketName: 'Logs' }),
    ErrorCode.INVALID_NAME,
    'logBucketName',
  ],
  [
    'logBucketName too long',
    lake({ usageLogs: true, logBucketName: `${LONG_63}b` }),
    ErrorCode.INVALID_NAME,
    'logBucketName',
  ],
  [
    "logBucketName containing 'google'",
    lake({ usageLogs: true, logBucketName: 'google-logs' }),
    ErrorCode.INVALID_NAME,
    'logBucketName',
  ],
  // Key ring and key name overrides
  ['keyRingName empty', key({ keyRingName: '' }), ErrorCode.INVALID_NAME, 'keyRingName'],
  ['keyRingName too long', key({ keyRingName: `${LONG_63}b` }), ErrorCode.INVALID_NAME, 'keyRingName'],
  ['keyRingName with a dot', key({ keyRingName: 'ring.v1' }), ErrorCode.INVALID_NAME, 'keyRingName'],
  ['keyRingName with a space', key({ keyRingName: 'my ring' }), ErrorCode.INVALID_NAME, 'keyRingName'],
  ['keyName empty', key({ keyName: '' }), ErrorCode.INVALID_NAME, 'keyName'],
  ['keyName with a slash', key({ keyName: 'keys/lake' }), ErrorCode.INVALID_NAME, 'keyName'],
  ['project too short', lake({ project: 'acme' }), ErrorCode.INVALID_NAME, 'project'],
  ['project in uppercase', key({ project: 'Acme-Data' }), ErrorCode.INVALID_NAME, 'project'],
  // Zones
  ['no zones', lake({ zones: [] }), ErrorCode.NO_ZONES, 'zones'],
  ['a duplicate zone', lake({ zones: ['raw', 'curated', 'raw'] }), ErrorCode.DUPLICATE_ZONE, 'zones[2].name'],
  [
    'a duplicate zone given as options',
    lake({ zones: ['raw', { name: 'raw' }] }),
    ErrorCode.DUPLICATE_ZONE,
    'zones[1].name',
  ],
  ['a reserved zone name', lake({ zones: ['logs'] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a zone name in uppercase', lake({ zones: ['Raw'] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a zone name with _', lake({ zones: ['raw_zone'] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a zone name too long', lake({ zones: ['a'.repeat(21)] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  // Labels
  ['a label key in uppercase', lake({ tags: { Team: 'sales' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'a label key over 63 characters',
    key({ tags: { [`k${LONG_63}`]: 'x' } }),
    ErrorCode.INVALID_TAGS,
    'tags key',
  ],
  [
    'a label key starting with a digit',
    lake({ tags: { '1team': 'sales' } }),
    ErrorCode.INVALID_TAGS,
    'tags key',
  ],
  ['a label value in uppercase', lake({ tags: { team: 'Sales' } }), ErrorCode.INVALID_TAGS, 'tags["team"]'],
  [
    'a label value over 63 characters',
    key({ tags: { team: `${LONG_63}x` } }),
    ErrorCode.INVALID_TAGS,
    'tags["team"]',
  ],
  [
    'more than 64 labels',
    lake({ tags: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'x'])) }),
    ErrorCode.INVALID_TAGS,
    'tags',
  ],
  // Locations
  [
    "a Cloud KMS location as bucket location ('europe')",
    lake({ location: 'europe' }),
    ErrorCode.INVALID_LOCATION,
    'location',
  ],
  ["a lowercase multi-region ('eu')", lake({ location: 'eu' }), ErrorCode.INVALID_LOCATION, 'location'],
  [
    "a zone as location ('europe-west1-b')",
    key({ location: 'europe-west1-b' }),
    ErrorCode.INVALID_LOCATION,
    'location',
  ],
  ["a dual-region code ('EUR4')", lake({ location: 'EUR4' }), ErrorCode.INVALID_LOCATION, 'location'],
  [
    'a regional key for a multi-region lake',
    (stack) => lakeIn(stack, { location: 'EU', encryptionKey: keyIn(stack, { location: 'europe-west1' }) }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'a multi-region key for a regional lake',
    (stack) => lakeIn(stack, { encryptionKey: keyIn(stack, { location: 'EU' }) }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'a key in another region',
    (stack) => lakeIn(stack, { encryptionKey: keyIn(stack, { location: 'europe-west4' }) }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'a brought key in another location',
    (stack) => lakeIn(stack, { location: 'US', encryptionKey: imported(KEY_ID, 'europe-west1')(stack) }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  // Existing keys
  [
    'a malformed cryptoKeyId',
    imported('projects/acme/keyRings/r/cryptoKeys/k', 'europe-west1'),
    ErrorCode.INVALID_NAME,
    'cryptoKeyId',
  ],
  [
    'a key ring id as cryptoKeyId',
    imported('projects/acme/locations/europe-west1/keyRings/r', 'europe-west1'),
    ErrorCode.INVALID_NAME,
    'cryptoKeyId',
  ],
  [
    'a cryptoKeyId with a version',
    imported(`${KEY_ID}/cryptoKeyVersions/1`, 'europe-west1'),
    ErrorCode.INVALID_NAME,
    'cryptoKeyId',
  ],
  [
    'a location that is not the one in cryptoKeyId',
    imported(KEY_ID, 'europe-west4'),
    ErrorCode.INVALID_LOCATION,
    'location',
  ],
  ['a malformed key location', imported(KEY_ID, 'Europe West'), ErrorCode.INVALID_LOCATION, 'location'],
  // Rotation and retention out of range
  ['rotationPeriodDays 0', key({ rotationPeriodDays: 0 }), ErrorCode.OUT_OF_RANGE, 'rotationPeriodDays'],
  [
    'rotationPeriodDays 91 (CKV_GCP_43)',
    key({ rotationPeriodDays: 91 }),
    ErrorCode.OUT_OF_RANGE,
    'rotationPeriodDays',
  ],
  ['rotationPeriodDays 365', key({ rotationPeriodDays: 365 }), ErrorCode.OUT_OF_RANGE, 'rotationPeriodDays'],
  ['rotationPeriodDays 1.5', key({ rotationPeriodDays: 1.5 }), ErrorCode.OUT_OF_RANGE, 'rotationPeriodDays'],
  [
    'destroyScheduledDays 0',
    key({ destroyScheduledDays: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'destroyScheduledDays',
  ],
  [
    'destroyScheduledDays 121',
    key({ destroyScheduledDays: 121 }),
    ErrorCode.OUT_OF_RANGE,
    'destroyScheduledDays',
  ],
  [
    'softDeleteRetentionDays 6',
    lake({ softDeleteRetentionDays: 6 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'softDeleteRetentionDays 0 (soft delete off)',
    lake({ softDeleteRetentionDays: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'softDeleteRetentionDays 91',
    lake({ softDeleteRetentionDays: 91 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'accessLogRetentionDays 0',
    lake({ accessLogRetentionDays: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'accessLogRetentionDays',
  ],
  [
    'a negative coolAfterDays',
    lake({ zones: [{ name: 'raw', coolAfterDays: -1 }] }),
    ErrorCode.OUT_OF_RANGE,
    'zones[0].coolAfterDays',
  ],
  [
    'noncurrentVersionExpirationDays under 7',
    lake({ zones: [{ name: 'raw', noncurrentVersionExpirationDays: 6 }] }),
    ErrorCode.OUT_OF_RANGE,
    'zones[0].noncurrentVersionExpirationDays',
  ],
  // Public principals and malformed members
  [
    'a grant to allUsers',
    grant(() => Principal.fromMember('allUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'a grant to allAuthenticatedUsers',
    grant(() => Principal.fromMember('allAuthenticatedUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'a grant to the public principal set',
    grant(() => Principal.fromMember('principalSet://goog/public:all')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  ["a user named 'allUsers'", grant(() => Principal.user('allUsers')), ErrorCode.INVALID_PRINCIPAL, 'email'],
  ['a user without a domain', grant(() => Principal.user('ana')), ErrorCode.INVALID_PRINCIPAL, 'email'],
  [
    'a group with a space',
    grant(() => Principal.group('data team@acme.com')),
    ErrorCode.INVALID_PRINCIPAL,
    'email',
  ],
  [
    'a service account outside gserviceaccount.com',
    grant(() => Principal.serviceAccount('etl@acme.com')),
    ErrorCode.INVALID_PRINCIPAL,
    'email',
  ],
  [
    'a domain member',
    grant(() => Principal.fromMember('domain:acme.com')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'a member without a type',
    grant(() => Principal.fromMember('ana@acme.com')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'a grant on an unknown zone',
    grant(() => Principal.group('analysts@acme.com'), 'gold'),
    ErrorCode.UNKNOWN_ZONE,
    'zone',
  ],
  // Acknowledgements need a reason
  [
    'an acknowledgement without a reason',
    (stack) => acknowledgeRule(lakeIn(stack), { id: 'CKV_GCP_62', reason: 'because' }),
    ErrorCode.INVALID_ACKNOWLEDGEMENT,
    'acknowledgement',
  ],
];

describeBadInput('GCP bad input', tupleRows(ROWS), {
  newStack: () => newGcpStack(),
  expectError: expectValidationError,
  rowTitle: 'rejects %s',
  distinctTitle: 'every row is a distinct case',
});

/** A deploy-time string: what a user passes when the value comes from a variable or another resource. */
const token = (stack: TerraformStack, id: string) =>
  new TerraformVariable(stack, id, { type: 'string' }).stringValue;

type TokenRow = readonly [description: string, build: (stack: TerraformStack) => unknown];

/** The same props as deploy-time tokens: validation skips them, and synthesis succeeds. */
const TOKEN_ROWS: readonly TokenRow[] = [
  ['storageName', (s) => lakeIn(s, { zones: [{ name: 'raw', storageName: token(s, 'Name') }] })],
  ['logBucketName', (s) => lakeIn(s, { usageLogs: true, logBucketName: token(s, 'Name') })],
  ['keyRingName', (s) => keyIn(s, { keyRingName: token(s, 'Name') })],
  ['keyName', (s) => keyIn(s, { keyName: token(s, 'Name') })],
  ['project', (s) => lakeIn(s, { project: token(s, 'Project') })],
  ['label key and value', (s) => lakeIn(s, { tags: { [token(s, 'Key')]: token(s, 'Value') } })],
  ['location', (s) => lakeIn(s, { location: token(s, 'Location') })],
  [
    'key location against the lake location',
    (s) => lakeIn(s, { location: 'EU', encryptionKey: imported(token(s, 'Id'), token(s, 'Loc'))(s) }),
  ],
  [
    'cryptoKeyId',
    (s) => imported(token(s, 'Id'), 'europe-west1')(s).grantEncryptDecrypt(Principal.group('a@acme.com')),
  ],
  [
    'accessLogRetentionDays',
    (s) =>
      lakeIn(s, { accessLogRetentionDays: new TerraformVariable(s, 'Days', { type: 'number' }).numberValue }),
  ],
  [
    'a member with a grantKey',
    (s) => lakeIn(s).grantRead(Principal.fromMember(token(s, 'Member'), 'etl'), 'raw'),
  ],
];

describe('GCP bad input: deploy-time tokens', () => {
  test.each(TOKEN_ROWS)('skips validation of a token %s', (_, build) => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN / THEN
    expect(() => build(stack)).not.toThrow();
    expect(TfTemplate.fromStack(stack).resourceCount()).toBeGreaterThan(0);
  });

  test.each([
    [
      'platformName, which becomes part of physical names',
      lake({ platformName: '${TfToken[TOKEN.1]}' }),
      ErrorCode.INVALID_NAME,
      'platformName',
    ],
    [
      'purpose, which becomes part of key names',
      key({ purpose: '${TfToken[TOKEN.1]}' }),
      ErrorCode.INVALID_NAME,
      'purpose',
    ],
    [
      'zone name, which becomes a construct id',
      lake({ zones: ['${TfToken[TOKEN.1]}'] }),
      ErrorCode.INVALID_ZONE,
      'zones[0].name',
    ],
    [
      'rotationPeriodDays, which is converted to seconds',
      (s: TerraformStack) =>
        keyIn(s, { rotationPeriodDays: new TerraformVariable(s, 'D', { type: 'number' }).numberValue }),
      ErrorCode.OUT_OF_RANGE,
      'rotationPeriodDays',
    ],
    [
      'a member without a grantKey, which names IAM resources',
      (s: TerraformStack) => lakeIn(s).grantRead(Principal.fromMember(token(s, 'M')), 'raw'),
      ErrorCode.INVALID_PRINCIPAL,
      'principal.grantKey',
    ],
  ] as const)('rejects a token %s', (_, build, code, prop) => {
    expectValidationError(() => build(newGcpStack()), code, prop);
  });
});

describe('GCP least privilege: the API cannot express basic roles or public members', () => {
  test.each(Object.values(ZoneAccess))(
    'a %s grant emits a predefined storage role to the named member only',
    (access) => {
      // GIVEN
      const stack = newGcpStack();
      const storage = lakeIn(stack);
      // WHEN
      storage.grant(Principal.group('analysts@acme.com'), 'raw', access);
      // THEN
      const iam = TfTemplate.fromStack(stack).resources('google_storage_bucket_iam_member');
      const roles = iam.map((b) => b.config.role as string);
      expect(roles.filter((r) => BASIC_ROLES.includes(r))).toEqual([]);
      expect(roles).toContain(ZONE_ROLES[access]);
      expect(iam.filter((b) => isPublicPrincipal(b.config.member))).toEqual([]);
      expect(checkCompliance(stack).findings).toEqual([]);
    },
  );
});
