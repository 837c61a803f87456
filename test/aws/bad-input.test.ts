import { CfnParameter, type Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EncryptionKey, type EncryptionKeyProps, LakeStorage, type LakeStorageProps } from '../../src/aws';
import { ErrorCode, ZoneAccess, type ZoneInput } from '../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../helpers/bad-input';

/**
 * Every way the AWS blocks reject input, in one table: each row builds a construct with one bad
 * prop and names the ErrorCode (and prop) it must throw. Where the prop accepts a deploy-time
 * value, the row also builds it with an unresolved token, which validation must skip.
 *
 * The AWS blocks expose no TLS prop (TLS 1.2 minimum is fixed) and no public-access prop (Block
 * Public Access is always on), so neither can be weakened through input; the one public-exposure
 * input is a grant to everyone ('*'), rejected below. Grants take a zone name and an intent,
 * never actions, so a wildcard action cannot be asked for; the emitted policies are checked for
 * wildcards at the end.
 */
type Row = BadInputRow<Stack>;

const lake = (stack: Stack, props: Partial<LakeStorageProps> = {}) =>
  new LakeStorage(stack, 'Lake', { platformName: 'sales', ...props });
const key = (stack: Stack, props: EncryptionKeyProps = {}) => new EncryptionKey(stack, 'Key', props);
const role = (stack: Stack) => new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });

const stringToken = (stack: Stack, id = 'Param') => new CfnParameter(stack, id).valueAsString;
const numberToken = (stack: Stack, id = 'Days') =>
  Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);
const zone = (name: string, options: Omit<Exclude<ZoneInput, string>, 'name'>): ZoneInput => ({
  name,
  ...options,
});

const INVALID_PLATFORM_NAMES: [string, string][] = [
  ['too short', 's'],
  ['too long (21)', 's'.repeat(21)],
  ['uppercase', 'Sales'],
  ['starting with a digit', '1sales'],
  ['starting with a hyphen', '-sales'],
  ['ending with a hyphen', 'sales-'],
  ["with '--'", 'sa--les'],
  ["with '_'", 'sales_eu'],
  ["with '.'", 'sales.eu'],
  ['empty', ''],
];

const INVALID_BUCKET_NAMES: [string, string][] = [
  ['too short', 'ab'],
  ['too long (64)', 'a'.repeat(64)],
  ['uppercase', 'Sales-raw'],
  ["with '.' (breaks virtual-hosted TLS)", 'sales.raw'],
  ["with '_'", 'sales_raw'],
  ['starting with a hyphen', '-sales-raw'],
  ['ending with a hyphen', 'sales-raw-'],
  ['reserved prefix xn--', 'xn--sales'],
  ['reserved prefix sthree-', 'sthree-sales'],
  ['reserved prefix amzn-s3-demo-', 'amzn-s3-demo-sales'],
  ['reserved suffix -s3alias', 'sales-s3alias'],
  ['reserved suffix --ol-s3', 'sales--ol-s3'],
  ['reserved suffix --x-s3', 'sales--x-s3'],
  ['reserved suffix --table-s3', 'sales--table-s3'],
];

const INVALID_ALIASES: [string, string][] = [
  ['in the reserved aws/ namespace', 'alias/aws/lake'],
  ['in the reserved aws/ namespace, without alias/', 'aws/lake'],
  ['with a space', 'alias/sales lake'],
  ["with '!'", 'alias/sales!'],
  ['empty after alias/', 'alias/'],
  ['too long (251)', `alias/${'a'.repeat(251)}`],
];

const INVALID_ZONES: [string, string][] = [
  ['uppercase', 'Raw'],
  ['starting with a digit', '1raw'],
  ['ending with a hyphen', 'raw-'],
  ["with '--'", 'a--b'],
  ["with '_'", 'raw_1'],
  ['too long (21)', 'z'.repeat(21)],
  ['empty', ''],
  ['reserved: logs', 'logs'],
  ['reserved: log', 'log'],
  ['reserved: system', 'system'],
  ['reserved: tmp', 'tmp'],
];

const INVALID_TAGS: [string, Record<string, string>][] = [
  ["key in the reserved 'aws:' namespace", { 'aws:team': 'data' }],
  ["key in the reserved 'AWS:' namespace", { 'AWS:team': 'data' }],
  ['empty key', { '': 'data' }],
  ['key too long (129)', { ['k'.repeat(129)]: 'data' }],
  ["key with '#'", { 'team#1': 'data' }],
  ['value too long (257)', { team: 'v'.repeat(257) }],
  ["value with '|'", { team: 'a|b' }],
  ['more than 50 tags', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x']))],
];

const PUBLIC_PRINCIPALS: [string, () => iam.IGrantable][] = [
  ['AnyPrincipal', () => new iam.AnyPrincipal()],
  ['StarPrincipal', () => new iam.StarPrincipal()],
  ["ArnPrincipal('*')", () => new iam.ArnPrincipal('*')],
];

const ROWS: Row[] = [
  // Names
  ...INVALID_PLATFORM_NAMES.flatMap(([what, name]): Row[] => [
    {
      description: `LakeStorage platformName ${what}: ${JSON.stringify(name)}`,
      build: (s) => lake(s, { platformName: name }),
      code: ErrorCode.INVALID_NAME,
      prop: 'platformName',
    },
    {
      description: `EncryptionKey platformName ${what}: ${JSON.stringify(name)}`,
      build: (s) => key(s, { platformName: name }),
      code: ErrorCode.INVALID_NAME,
      prop: 'platformName',
    },
  ]),
  ...INVALID_BUCKET_NAMES.map(([what, name]): Row => ({
    description: `zone storageName (S3 bucket name) ${what}: ${JSON.stringify(name)}`,
    build: (s) => lake(s, { zones: [zone('raw', { storageName: name })] }),
    code: ErrorCode.INVALID_NAME,
    prop: 'zones[0].storageName',
    withToken: (s) => lake(s, { zones: [zone('raw', { storageName: stringToken(s) })] }),
  })),
  {
    description: 'two zones with the same storageName',
    build: (s) =>
      lake(s, {
        zones: [zone('raw', { storageName: 'sales-lake' }), zone('curated', { storageName: 'sales-lake' })],
      }),
    code: ErrorCode.INVALID_NAME,
    prop: 'zones[1].storageName',
  },
  ...INVALID_ALIASES.map(([what, name]): Row => ({
    description: `EncryptionKey aliasName ${what}`,
    build: (s) => key(s, { aliasName: name }),
    code: ErrorCode.INVALID_NAME,
    prop: 'aliasName',
    withToken: (s) => key(s, { aliasName: stringToken(s) }),
  })),
  // Zones
  ...INVALID_ZONES.map(([what, name]): Row => ({
    description: `zone name ${what}: ${JSON.stringify(name)}`,
    build: (s) => lake(s, { zones: [name] }),
    code: ErrorCode.INVALID_ZONE,
    prop: 'zones[0].name',
  })),
  {
    description: 'zone name as a token (zone names become construct ids, so they must be literals)',
    build: (s) => lake(s, { zones: [stringToken(s)] }),
    code: ErrorCode.INVALID_ZONE,
    prop: 'zones[0].name',
  },
  {
    description: 'a duplicate zone',
    build: (s) => lake(s, { zones: ['raw', 'curated', 'raw'] }),
    code: ErrorCode.DUPLICATE_ZONE,
    prop: 'zones[2].name',
  },
  {
    description: 'a duplicate zone, once as a name and once as options',
    build: (s) => lake(s, { zones: ['raw', zone('raw', { coolAfterDays: 60 })] }),
    code: ErrorCode.DUPLICATE_ZONE,
    prop: 'zones[1].name',
  },
  { description: 'no zones', build: (s) => lake(s, { zones: [] }), code: ErrorCode.NO_ZONES, prop: 'zones' },
  // Tags
  ...INVALID_TAGS.flatMap(([what, tags]): Row[] => [
    {
      description: `LakeStorage tags: ${what}`,
      build: (s) => lake(s, { tags }),
      code: ErrorCode.INVALID_TAGS,
      withToken: (s) => lake(s, { tags: { team: stringToken(s) } }),
    },
    {
      description: `EncryptionKey tags: ${what}`,
      build: (s) => key(s, { tags }),
      code: ErrorCode.INVALID_TAGS,
      withToken: (s) => key(s, { tags: { team: stringToken(s) } }),
    },
  ]),
  // Rotation and retention
  ...[89, 2561, 0, -90, 90.5].map((days): Row => ({
    description: `rotationPeriodDays ${days} (KMS allows 90-2560)`,
    build: (s) => key(s, { rotationPeriodDays: days }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'rotationPeriodDays',
    withToken: (s) => key(s, { rotationPeriodDays: numberToken(s) }),
  })),
  ...[6, 31, 0, 7.5].map((days): Row => ({
    description: `pendingWindowDays ${days} (KMS allows 7-30)`,
    build: (s) => key(s, { pendingWindowDays: days }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'pendingWindowDays',
    withToken: (s) => key(s, { pendingWindowDays: numberToken(s) }),
  })),
  ...[1, 29, 36501, 45.5, -1].map((days): Row => ({
    description: `coolAfterDays ${days} (0, or 30 to 36500: S3 needs 30 days before Standard-IA)`,
    build: (s) => lake(s, { zones: [zone('raw', { coolAfterDays: days })] }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'zones[0].coolAfterDays',
    withToken: (s) => lake(s, { zones: [zone('raw', { coolAfterDays: numberToken(s) })] }),
  })),
  ...[6, 0, 36501, 10.5].map((days): Row => ({
    description: `noncurrentVersionExpirationDays ${days} (7-36500: a recovery window)`,
    build: (s) => lake(s, { zones: [zone('raw', { noncurrentVersionExpirationDays: days })] }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'zones[0].noncurrentVersionExpirationDays',
    withToken: (s) => lake(s, { zones: [zone('raw', { noncurrentVersionExpirationDays: numberToken(s) })] }),
  })),
  ...[0, 36501, 1.5, -30].map((days): Row => ({
    description: `accessLogRetentionDays ${days} (1-36500)`,
    build: (s) => lake(s, { accessLogRetentionDays: days }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'accessLogRetentionDays',
    withToken: (s) => lake(s, { accessLogRetentionDays: numberToken(s) }),
  })),
  // Conflicting props (a token conflicts too: the brought bucket's lifecycle is its owner's)
  ...[30, 365].map((days): Row => ({
    description: `accessLogRetentionDays ${days} with a brought accessLogsBucket`,
    build: (s) => lake(s, { accessLogsBucket: new s3.Bucket(s, 'Logs'), accessLogRetentionDays: days }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'accessLogRetentionDays',
  })),
  // Grants: unknown zones (including '*') and public principals
  ...['gold', '*', '', 'RAW'].map((name): Row => ({
    description: `a grant on zone ${JSON.stringify(name)}, which the lake does not have`,
    build: (s) => lake(s).grantRead(role(s), name),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'zone',
  })),
  {
    description: "a lookup of zone '*'",
    build: (s) => lake(s).bucketFor('*'),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'zone',
  },
  ...PUBLIC_PRINCIPALS.flatMap(([what, principal]): Row[] => [
    ...Object.values(ZoneAccess).map((access): Row => ({
      description: `a ${access} zone grant to everyone (${what}), which would land in the bucket policy`,
      build: (s) => lake(s).grant(principal(), 'raw', access),
      code: ErrorCode.INVALID_PRINCIPAL,
      prop: 'principal',
    })),
    ...(['grantDecrypt', 'grantEncrypt', 'grantEncryptDecrypt'] as const).map((method): Row => ({
      description: `EncryptionKey.${method} to everyone (${what}), which would land in the key policy`,
      build: (s) => key(s)[method](principal()),
      code: ErrorCode.INVALID_PRINCIPAL,
      prop: 'grantee',
    })),
  ]),
];

describeBadInput(
  'AWS bad input',
  ROWS,
  {
    newStack: () => newAwsStack(),
    synth: (stack) => Template.fromStack(stack),
    codes: {
      title: 'the table covers every code the AWS blocks can raise from input',
      expected: [
        ErrorCode.INVALID_NAME,
        ErrorCode.INVALID_ZONE,
        ErrorCode.DUPLICATE_ZONE,
        ErrorCode.NO_ZONES,
        ErrorCode.UNKNOWN_ZONE,
        ErrorCode.INVALID_TAGS,
        ErrorCode.OUT_OF_RANGE,
        ErrorCode.CONFLICTING_PROPS,
        ErrorCode.INVALID_PRINCIPAL,
      ],
    },
  },
  () => {
    test.each([
      ['LakeStorage', (s: Stack) => lake(s, { platformName: stringToken(s) })],
      ['EncryptionKey', (s: Stack) => key(s, { platformName: stringToken(s) })],
      ['EncryptionKey purpose', (s: Stack) => key(s, { purpose: stringToken(s) })],
    ])(
      '%s: a token platform name or purpose is DPK_INVALID_NAME (it would freeze into bucket names)',
      (_, build) => {
        expect(() => build(newAwsStack())).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME }));
      },
    );

    test('everyone narrowed by a condition is the explicit escape hatch: the grant is made', () => {
      const stack = newAwsStack();
      const org = new iam.AnyPrincipal().withConditions({
        StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' },
      });
      expect(lake(stack).grantRead(org, 'serving').success).toBe(true);
    });
  },
);

/** Every Allow statement of a policy document, with actions and resources as lists. */
function allowStatements(document: any): { actions: string[]; resources: unknown[]; principal: unknown }[] {
  const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return list(document?.Statement)
    .filter((s: any) => s.Effect === 'Allow')
    .map((s: any) => ({
      actions: list<string>(s.Action),
      resources: list(s.Resource),
      principal: s.Principal,
    }));
}

describe.each([
  ['legacy', newAwsStack],
  ['recommended', newRecommendedAwsStack],
])('grants never emit a wildcard action or `*` resource (%s flags)', (_, newStack) => {
  test.each(Object.values(ZoneAccess))('%s, to a role and to another account', (access) => {
    // GIVEN every zone granted to a role of this account and to another account
    const stack = newStack();
    const storage = lake(stack);
    const reader = role(stack);
    const partner = new iam.AccountPrincipal('444455556666');
    for (const name of storage.zoneNames) {
      storage.grant(reader, name, access);
      storage.grant(partner, name, access);
    }
    (storage.encryptionKey as EncryptionKey).grantDecrypt(reader);
    const template = Template.fromStack(stack);
    // THEN identity policies: no '*' in any action, no '*' resource
    const identity = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((r: any) =>
      allowStatements(r.Properties.PolicyDocument),
    );
    expect(identity.length).toBeGreaterThan(0);
    for (const s of identity) {
      expect(s.actions.filter((a) => a.includes('*'))).toEqual([]);
      expect(s.resources).not.toContain('*');
    }
    // AND resource policies: the partner's statements name their actions (the key policy's
    // `*` resource means "this key"; its account-root administration statement is aws-cdk-lib's default)
    const resourcePolicies = [
      ...Object.values(template.findResources('AWS::S3::BucketPolicy')).map(
        (r: any) => r.Properties.PolicyDocument,
      ),
      ...Object.values(template.findResources('AWS::KMS::Key')).map((r: any) => r.Properties.KeyPolicy),
    ].flatMap(allowStatements);
    const partnerStatements = resourcePolicies.filter((s) =>
      JSON.stringify(s.principal).includes('444455556666'),
    );
    expect(partnerStatements.length).toBeGreaterThan(0);
    for (const s of partnerStatements) expect(s.actions.filter((a) => a.includes('*'))).toEqual([]);
    for (const s of resourcePolicies) expect(JSON.stringify(s.principal ?? {})).not.toMatch(/"\*"/);
  });
});
