import { TerraformOutput, TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import {
  EncryptionKey,
  ENCRYPT_DECRYPT_ROLE,
  type EncryptionKeyProps,
  KeyProtectionLevel,
  Principal,
} from '../../../src/gcp';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

const RING = 'google_kms_key_ring';
const KEY = 'google_kms_crypto_key';
const KEY_IAM = 'google_kms_crypto_key_iam_member';
const DAY = 86_400;

function synthKey(props: Partial<EncryptionKeyProps> = {}, context: Record<string, unknown> = {}) {
  const stack = newGcpStack(context);
  const key = new EncryptionKey(stack, 'Key', { location: 'europe-west1', ...props });
  return { stack, key, template: TfTemplate.fromStack(stack) };
}

describe('EncryptionKey defaults', () => {
  test('creates one key ring and one crypto key in the region', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    template.resourceCountIs(RING, 1);
    template.resourceCountIs(KEY, 1);
    template.hasResourceProperties(RING, { location: 'europe-west1' });
  });

  test('derives stable names from the default platform and purpose', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    const ring = template.resources(RING)[0].config;
    expect(ring.name).toMatch(/^data-data-[0-9a-f]{8}$/);
    expect(template.resources(KEY)[0].config.name).toMatch(/^data-data-key-[0-9a-f]{8}$/);
    expect(synthKey().template.resources(RING)[0].config.name).toBe(ring.name);
  });

  test('rotates every DEFAULT_ROTATION_PERIOD_DAYS (90)', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    expect(EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS).toBe(90);
    template.hasResourceProperties(KEY, { rotation_period: `${90 * DAY}s` });
  });

  test('is a symmetric ENCRYPT_DECRYPT key with DEFAULT_PROTECTION_LEVEL (SOFTWARE)', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    expect(EncryptionKey.DEFAULT_PROTECTION_LEVEL).toBe(KeyProtectionLevel.SOFTWARE);
    template.hasResourceProperties(KEY, {
      purpose: 'ENCRYPT_DECRYPT',
      version_template: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protection_level: 'SOFTWARE' },
    });
  });

  test('keeps destroyed versions DEFAULT_DESTROY_SCHEDULED_DAYS (30)', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    expect(EncryptionKey.DEFAULT_DESTROY_SCHEDULED_DAYS).toBe(30);
    template.hasResourceProperties(KEY, { destroy_scheduled_duration: `${30 * DAY}s` });
  });

  test('labels the key with the kit label only', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    expect(template.resources(KEY)[0].config.labels).toEqual({ 'data-platform': 'data' });
  });

  test('enables the Cloud KMS API (DEFAULT_ENABLE_APIS) and creates the ring after it', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    expect(EncryptionKey.DEFAULT_ENABLE_APIS).toBe(true);
    const api = template.hasResourceProperties('google_project_service', {
      service: 'cloudkms.googleapis.com',
      disable_on_destroy: false,
    });
    template.hasResourceProperties(RING, { depends_on: [api.address] });
  });

  test('exposes the crypto key id and the Cloud KMS location', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'Key', { location: 'EU' });
    // WHEN
    new TerraformOutput(stack, 'KeyId', { value: key.cryptoKeyId });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const address = template.resources(KEY)[0].address;
    expect(template.doc.output).toEqual({ KeyId: { value: `\${${address}.id}` } });
    expect(key.location).toBe('europe');
  });
});

describe('EncryptionKey options', () => {
  test('puts the ring in the given project', () => {
    // GIVEN / WHEN
    const { template } = synthKey({ project: 'acme-data-dev' });
    // THEN
    template.hasResourceProperties(RING, { project: 'acme-data-dev' });
    template.hasResourceProperties('google_project_service', { project: 'acme-data-dev' });
  });

  test.each([
    ['EU', 'europe'],
    ['US', 'us'],
    ['ASIA', 'asia'],
    ['us-central1', 'us-central1'],
  ])('maps location %s to the Cloud KMS location %s', (location, kmsLocation) => {
    synthKey({ location }).template.hasResourceProperties(RING, { location: kmsLocation });
  });

  test('derives names from platformName and purpose', () => {
    // GIVEN / WHEN
    const { template } = synthKey({ platformName: 'sales', purpose: 'lake' });
    // THEN
    expect(template.resources(RING)[0].config.name).toMatch(/^sales-lake-[0-9a-f]{8}$/);
    expect(template.resources(KEY)[0].config.name).toMatch(/^sales-lake-key-[0-9a-f]{8}$/);
  });

  test('uses keyRingName and keyName as given', () => {
    // GIVEN / WHEN
    const { template } = synthKey({ keyRingName: 'Sales_Ring', keyName: 'lake-key' });
    // THEN
    template.hasResourceProperties(RING, { name: 'Sales_Ring' });
    template.hasResourceProperties(KEY, { name: 'lake-key' });
  });

  test.each([1, 30, 90])('rotates every %i days when asked', (days) => {
    synthKey({ rotationPeriodDays: days }).template.hasResourceProperties(KEY, {
      rotation_period: `${days * DAY}s`,
    });
  });

  test('uses HSM protection when asked', () => {
    synthKey({ protectionLevel: KeyProtectionLevel.HSM }).template.hasResourceProperties(KEY, {
      version_template: { protection_level: 'HSM' },
    });
  });

  test.each([1, 120])('keeps destroyed versions %i days when asked', (days) => {
    synthKey({ destroyScheduledDays: days }).template.hasResourceProperties(KEY, {
      destroy_scheduled_duration: `${days * DAY}s`,
    });
  });

  test('merges user labels after the kit label', () => {
    // GIVEN / WHEN
    const { template } = synthKey({ platformName: 'sales', tags: { team: 'data-eng' } });
    // THEN
    expect(template.resources(KEY)[0].config.labels).toEqual({ 'data-platform': 'sales', team: 'data-eng' });
  });

  test('enableApis: false leaves the API alone', () => {
    // GIVEN / WHEN
    const { template } = synthKey({ enableApis: false });
    // THEN
    template.resourceCountIs('google_project_service', 0);
    expect(template.resources(RING)[0].config.depends_on).toBeUndefined();
  });
});

describe('EncryptionKey validation', () => {
  test.each([0, 91, 1.5])('rejects rotationPeriodDays %p', (days) => {
    expectValidationError(
      () => synthKey({ rotationPeriodDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'rotationPeriodDays',
    );
  });

  test.each([0, 121])('rejects destroyScheduledDays %p', (days) => {
    expectValidationError(
      () => synthKey({ destroyScheduledDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'destroyScheduledDays',
    );
  });

  test.each(['europe', 'eu', 'europe-west1-b', 'EUROPE-WEST1', ''])('rejects location %p', (location) => {
    expectValidationError(() => synthKey({ location }), ErrorCode.INVALID_LOCATION, 'location');
  });

  test('rejects an invalid keyRingName', () => {
    expectValidationError(
      () => synthKey({ keyRingName: 'has space' }),
      ErrorCode.INVALID_NAME,
      'keyRingName',
    );
  });

  test('rejects an invalid keyName', () => {
    expectValidationError(() => synthKey({ keyName: 'x'.repeat(64) }), ErrorCode.INVALID_NAME, 'keyName');
  });

  test('rejects an invalid project', () => {
    expectValidationError(() => synthKey({ project: 'Acme' }), ErrorCode.INVALID_NAME, 'project');
  });

  test('rejects an invalid platformName', () => {
    expectValidationError(() => synthKey({ platformName: 'Sales!' }), ErrorCode.INVALID_NAME, 'platformName');
  });

  test('rejects labels GCP does not allow', () => {
    expectValidationError(() => synthKey({ tags: { Team: 'x' } }), ErrorCode.INVALID_TAGS);
  });

  test('skips validation of deploy-time tokens', () => {
    // GIVEN
    const stack = newGcpStack();
    const str = (id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
    // WHEN
    new EncryptionKey(stack, 'Key', {
      location: str('Location'),
      project: str('Project'),
      keyRingName: str('Ring'),
      keyName: str('Name'),
      tags: { team: str('Team') },
    });
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(RING, {
      location: '${var.Location}',
      project: '${var.Project}',
      name: '${var.Ring}',
    });
    template.hasResourceProperties(KEY, { name: '${var.Name}', labels: { team: '${var.Team}' } });
  });

  test('rejects a deploy-time number of days, which cannot be converted to seconds', () => {
    // GIVEN
    const stack = newGcpStack();
    const days = new TerraformVariable(stack, 'Days', { type: 'number' }).numberValue;
    // WHEN / THEN
    expectValidationError(
      () => new EncryptionKey(stack, 'Key', { location: 'europe-west1', rotationPeriodDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'rotationPeriodDays',
    );
  });
});

describe('EncryptionKey removal', () => {
  test('key ring and key are prevent_destroy by default', () => {
    // GIVEN / WHEN
    const { template } = synthKey();
    // THEN
    template.hasResourceProperties(RING, { lifecycle: { prevent_destroy: true } });
    template.hasResourceProperties(KEY, { lifecycle: { prevent_destroy: true } });
  });

  test('DESTROY without the context flag still retains, with a warning', () => {
    // GIVEN / WHEN
    const { stack, template } = synthKey({ removalPolicy: DataRemovalPolicy.DESTROY });
    // THEN
    template.hasResourceProperties(RING, { lifecycle: { prevent_destroy: true } });
    template.hasResourceProperties(KEY, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(stack)).toEqual([expect.stringContaining(REMOVAL_DOWNGRADED_WARNING)]);
  });

  test('DESTROY with the context flag lifts prevent_destroy', () => {
    // GIVEN / WHEN
    const { stack, template } = synthKey(
      { removalPolicy: DataRemovalPolicy.DESTROY },
      { [REMOVE_DATA_ON_DESTROY_CONTEXT]: true },
    );
    // THEN
    template.hasResourceProperties(RING, { lifecycle: { prevent_destroy: false } });
    template.hasResourceProperties(KEY, { lifecycle: { prevent_destroy: false } });
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe('EncryptionKey grants', () => {
  test('grantEncryptDecrypt emits an IAM member with the encrypter/decrypter role on the key', () => {
    // GIVEN
    const { stack, key } = synthKey();
    // WHEN
    const grant = key.grantEncryptDecrypt(Principal.serviceAccount('etl@acme.iam.gserviceaccount.com'));
    // THEN
    const template = TfTemplate.fromStack(stack);
    const keyAddress = template.resources(KEY)[0].address;
    template.hasResourceProperties(KEY_IAM, {
      crypto_key_id: `\${${keyAddress}.id}`,
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: 'serviceAccount:etl@acme.iam.gserviceaccount.com',
    });
    expect(ENCRYPT_DECRYPT_ROLE).toBe('roles/cloudkms.cryptoKeyEncrypterDecrypter');
    expect(template.resources(KEY_IAM).map((b) => b.name)).toEqual([grant.friendlyUniqueId]);
  });

  test('granting the same principal twice returns the first grant', () => {
    // GIVEN
    const { stack, key } = synthKey();
    const etl = Principal.serviceAccount('etl@acme.iam.gserviceaccount.com');
    // WHEN
    const first = key.grantEncryptDecrypt(etl);
    const second = key.grantEncryptDecrypt(Principal.serviceAccount('etl@acme.iam.gserviceaccount.com'));
    // THEN
    expect(second).toBe(first);
    TfTemplate.fromStack(stack).resourceCountIs(KEY_IAM, 1);
  });

  test('rejects a hand-made public principal', () => {
    const { key } = synthKey();
    expectValidationError(
      () => key.grantEncryptDecrypt({ iamMember: 'allUsers' }),
      ErrorCode.INVALID_PRINCIPAL,
    );
  });

  test('rejects a deploy-time member without a token-free grantKey', () => {
    // GIVEN
    const { stack, key } = synthKey();
    const member = new TerraformVariable(stack, 'Member', { type: 'string' }).stringValue;
    // WHEN / THEN
    expectValidationError(
      () => key.grantEncryptDecrypt(Principal.fromMember(member)),
      ErrorCode.INVALID_PRINCIPAL,
      'principal.grantKey',
    );
    key.grantEncryptDecrypt(Principal.fromMember(member, 'etl'));
    TfTemplate.fromStack(stack).hasResourceProperties(KEY_IAM, { member: '${var.Member}' });
  });
});

describe('EncryptionKey.fromEncryptionKeyAttributes', () => {
  const ID = 'projects/acme-sec/locations/europe/keyRings/shared/cryptoKeys/lake';

  test('exposes the id and location and grants on the existing key', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Existing', {
      cryptoKeyId: ID,
      location: 'europe',
    });
    // WHEN
    key.grantEncryptDecrypt(Principal.group('data@acme.com'));
    // THEN
    expect(key).toEqual(expect.objectContaining({ cryptoKeyId: ID, location: 'europe' }));
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(RING, 0);
    template.hasResourceProperties(KEY_IAM, { crypto_key_id: ID, member: 'group:data@acme.com' });
  });

  test('rejects a malformed crypto key id', () => {
    expectValidationError(
      () =>
        EncryptionKey.fromEncryptionKeyAttributes(newGcpStack(), 'Existing', {
          cryptoKeyId: 'lake',
          location: 'europe',
        }),
      ErrorCode.INVALID_NAME,
      'cryptoKeyId',
    );
  });

  test('rejects a location that differs from the one in the id', () => {
    expectValidationError(
      () =>
        EncryptionKey.fromEncryptionKeyAttributes(newGcpStack(), 'Existing', {
          cryptoKeyId: ID,
          location: 'us',
        }),
      ErrorCode.INVALID_LOCATION,
      'location',
    );
  });

  test('rejects a malformed location', () => {
    expectValidationError(
      () =>
        EncryptionKey.fromEncryptionKeyAttributes(newGcpStack(), 'Existing', {
          cryptoKeyId: ID,
          location: 'EU',
        }),
      ErrorCode.INVALID_LOCATION,
      'location',
    );
  });

  test('skips validation of a deploy-time id', () => {
    // GIVEN
    const stack = newGcpStack();
    const id = new TerraformVariable(stack, 'KeyId', { type: 'string' }).stringValue;
    // WHEN
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Existing', {
      cryptoKeyId: id,
      location: 'europe-west1',
    });
    // THEN
    expect(key.cryptoKeyId).toBe(id);
  });
});
