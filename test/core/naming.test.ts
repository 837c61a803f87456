import * as cdk from 'aws-cdk-lib';
import { ErrorCode } from '../../src/core/errors';
import {
  type DeployTimeNaming,
  NAME_HASH_LENGTH,
  nameViolation,
  NameRules,
  physicalName,
  stableHash,
  validatePlatformName,
} from '../../src/core/naming';
import { newScope } from '../helpers/scope';

const invalidName = expect.objectContaining({ code: ErrorCode.INVALID_NAME });

describe('stableHash', () => {
  test('is stable, short and lowercase hex', () => {
    expect(stableHash('Stack/Lake')).toBe(stableHash('Stack/Lake'));
    expect(stableHash('Stack/Lake')).toMatch(new RegExp(`^[0-9a-f]{${NAME_HASH_LENGTH}}$`));
    expect(stableHash('Stack/Lake')).not.toBe(stableHash('Stack/Lake2'));
  });
});

describe('physicalName', () => {
  test('is <platform>-<parts>-<hash of the construct path>', () => {
    const scope = newScope({}, 'Lake');
    expect(physicalName(scope, NameRules.S3_BUCKET, { platform: 'sales', parts: ['raw'] })).toBe(
      `sales-raw-${stableHash('Stack/Lake')}`,
    );
  });

  test('is deterministic and differs between construct paths', () => {
    const a = physicalName(newScope({}, 'A'), NameRules.GCS_BUCKET, { platform: 'sales', parts: ['raw'] });
    const b = physicalName(newScope({}, 'B'), NameRules.GCS_BUCKET, { platform: 'sales', parts: ['raw'] });
    expect(a).toBe(
      physicalName(newScope({}, 'A'), NameRules.GCS_BUCKET, { platform: 'sales', parts: ['raw'] }),
    );
    expect(a).not.toBe(b);
  });

  test('drops separators where the rule has none (Azure storage accounts)', () => {
    const name = physicalName(newScope(), NameRules.AZURE_STORAGE_ACCOUNT, {
      platform: 'sales-eu',
      parts: ['lake'],
    });
    expect(name).toMatch(/^salesculake|^saleseulake/);
    expect(name).toMatch(/^[a-z0-9]{3,24}$/);
  });

  test.each(Object.entries(NameRules))('fits the %s rule even for the longest platform name', (_, rule) => {
    const name = physicalName(newScope(), rule, { platform: 'a'.repeat(20), parts: ['curated', 'purpose'] });
    expect(name.length).toBeLessThanOrEqual(rule.maxLength);
    expect(nameViolation(rule, 'n', name)).toBeUndefined();
  });

  test('never ends the trimmed body with a separator', () => {
    const name = physicalName(newScope(), NameRules.AZURE_KEY_VAULT, {
      platform: 'abcdefghijklmn',
      parts: ['x'],
    });
    expect(name).not.toContain('--');
    expect(name.length).toBeLessThanOrEqual(24);
  });

  test('uses a valid override as is', () => {
    expect(
      physicalName(newScope(), NameRules.S3_BUCKET, {
        platform: 'sales',
        override: 'my-bucket',
        overrideProp: 'x',
      }),
    ).toBe('my-bucket');
  });

  test('rejects an invalid override, naming the prop', () => {
    expect(() =>
      physicalName(newScope(), NameRules.S3_BUCKET, {
        platform: 'sales',
        override: 'My_Bucket',
        overrideProp: 'zones[0].storageName',
      }),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.INVALID_NAME,
        prop: 'zones[0].storageName',
        received: 'My_Bucket',
      }),
    );
  });

  test('rejects a platform from which no legal name can be derived', () => {
    expect(() =>
      physicalName(newScope(), NameRules.GCS_BUCKET, { platform: 'google-lake', parts: ['raw'] }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'platformName' }));
  });

  test('accepts an unresolved override', () => {
    const token = cdk.Token.asString({ resolve: () => 'x' });
    expect(physicalName(newScope(), NameRules.S3_BUCKET, { platform: 'sales', override: token })).toBe(token);
  });
});

describe('name rules', () => {
  const cases: [keyof typeof NameRules, string, boolean][] = [
    ['S3_BUCKET', 'sales-raw-1a2b3c4d', true],
    ['S3_BUCKET', 'ab', false],
    ['S3_BUCKET', 'a'.repeat(64), false],
    ['S3_BUCKET', 'Sales', false],
    ['S3_BUCKET', 'sales.raw', false],
    ['S3_BUCKET', '-sales', false],
    ['S3_BUCKET', 'xn--sales', false],
    ['S3_BUCKET', 'sthree-sales', false],
    ['S3_BUCKET', 'sales-s3alias', false],
    ['S3_BUCKET', 'sales--ol-s3', false],
    ['GCS_BUCKET', 'sales_raw-1', true],
    ['GCS_BUCKET', 'goog-sales', false],
    ['GCS_BUCKET', 'my-google-lake', false],
    ['GCS_BUCKET', 'my-g00gle-lake', false],
    ['GCS_BUCKET', 'sales_', false],
    ['AZURE_STORAGE_ACCOUNT', 'salesraw1234', true],
    ['AZURE_STORAGE_ACCOUNT', 'sales-raw', false],
    ['AZURE_STORAGE_ACCOUNT', 'a'.repeat(25), false],
    ['AZURE_KEY_VAULT', 'sales-kv-1', true],
    ['AZURE_KEY_VAULT', '1sales', false],
    ['AZURE_KEY_VAULT', 'sales--kv', false],
    ['AZURE_KEY_VAULT', 'sales-', false],
    ['AZURE_KEY_VAULT', 'a'.repeat(25), false],
    ['AZURE_CONTAINER', 'raw-zone', true],
    ['AZURE_CONTAINER', 'ra', false],
    ['AZURE_CONTAINER', 'raw--zone', false],
    ['AZURE_KEY', 'lake-key', true],
    ['AZURE_KEY', 'lake_key', false],
    ['KMS_ALIAS', 'sales/lake', true],
    ['KMS_ALIAS', 'aws/s3', false],
    ['GCP_KMS', 'sales_lake-1', true],
    ['GCP_KMS', 'a'.repeat(64), false],
    ['COMPONENT', 'clickstream', true],
    ['COMPONENT', 'a', true],
    ['COMPONENT', 'Click', false],
    ['COMPONENT', 'a'.repeat(21), false],
    ['PLATFORM', 'sales', true],
    ['PLATFORM', 's', false],
    ['PLATFORM', 'Sales', false],
    ['PLATFORM', '9sales', false],
    ['PLATFORM', 'a'.repeat(21), false],
  ];
  test.each(cases)('%s %p valid: %p', (rule, name, valid) => {
    expect(nameViolation(NameRules[rule], 'name', name) === undefined).toBe(valid);
  });

  test('validatePlatformName throws DPK_INVALID_NAME on the prop', () => {
    expect(() => validatePlatformName(newScope(), 'Sales!')).toThrow(invalidName);
    expect(validatePlatformName(newScope(), 'sales')).toBe('sales');
  });
});

describe('name uniqueness', () => {
  const derive = (uniqueness?: (string | undefined)[]) =>
    physicalName(newScope(), NameRules.S3_BUCKET, { platform: 'sales', parts: ['raw'], uniqueness });

  test('the deployment parts join the hash: two accounts derive two names', () => {
    expect(derive(['111122223333', 'eu-west-1'])).not.toBe(derive(['444455556666', 'eu-west-1']));
    expect(derive(['111122223333', 'eu-west-1'])).toBe(
      `sales-raw-${stableHash('Stack/Lake|111122223333|eu-west-1')}`,
    );
  });

  test('unresolved and missing uniqueness parts are left out (uniqueness is for literals only)', () => {
    const token = cdk.Token.asString({ resolve: () => 'x' });
    expect(derive([token, undefined, ''])).toBe(derive());
    expect(derive()).toBe(`sales-raw-${stableHash('Stack/Lake')}`);
  });
});

describe('deployment scope', () => {
  /** A stand-in engine: renders the deploy-time part as a readable marker. */
  const deployTime: DeployTimeNaming = {
    extraLength: (unresolved) => unresolved.length * 13,
    render: (body, sep, input) => `${body}${sep}HASH(${input.join('|')})`,
  };
  const derive = (values: (string | undefined)[], parts = ['raw']) =>
    physicalName(newScope(), NameRules.S3_BUCKET, {
      platform: 'sales',
      parts,
      deploymentScope: { values, deployTime },
    });
  const account = cdk.Token.asString({ resolve: () => '111122223333' });

  test('a literal scope joins the synth-time hash: two accounts, two literal names', () => {
    expect(derive(['111122223333', 'eu-west-1'])).toBe(
      `sales-raw-${stableHash('Stack/Lake|111122223333|eu-west-1')}`,
    );
    expect(derive(['111122223333', 'eu-west-1'])).not.toBe(derive(['444455556666', 'eu-west-1']));
  });

  test('an unresolved scope is never dropped: the cloud binds it into the name at deploy time', () => {
    expect(derive([account, 'eu-west-1'])).toBe(`sales-raw-HASH(Stack/Lake|${account}|eu-west-1)`);
    expect(derive([account, 'eu-west-1'])).not.toBe(derive([undefined, 'eu-west-1']));
  });

  test('the body is trimmed to leave room for the deploy-time part', () => {
    const long = derive([account], ['a-very-long-zone-name', 'and-a-purpose-too']);
    const body = long.slice(0, long.indexOf('-HASH('));
    expect(body.length).toBeLessThanOrEqual(NameRules.S3_BUCKET.maxLength - 13 - NAME_HASH_LENGTH - 1);
    expect(body.endsWith('-')).toBe(false);
  });

  test('an override is used as is, whatever the scope', () => {
    const name = physicalName(newScope(), NameRules.S3_BUCKET, {
      platform: 'sales',
      override: 'my-bucket',
      deploymentScope: { values: [account], deployTime },
    });
    expect(name).toBe('my-bucket');
  });
});
