import { TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { ZoneDefaults } from '../../../src/core/zones';
import { EncryptionKey } from '../../../src/gcp';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';
import { BUCKET, newLake, synthLake } from './lake-fixtures';

describe('LakeStorage validation', () => {
  test.each(['europe', 'eu', 'europe-west1-b', 'EUR4'])('rejects location %p', (location) => {
    expectValidationError(() => synthLake({ location }), ErrorCode.INVALID_LOCATION, 'location');
  });

  test.each([6, 91, 7.5])('rejects softDeleteRetentionDays %p', (days) => {
    expectValidationError(
      () => synthLake({ softDeleteRetentionDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'softDeleteRetentionDays',
    );
  });

  test.each([0, ZoneDefaults.LIFECYCLE_DAYS_RANGE.max + 1])('rejects accessLogRetentionDays %p', (days) => {
    expectValidationError(
      () => synthLake({ accessLogRetentionDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'accessLogRetentionDays',
    );
  });

  test('rejects an empty zone list', () => {
    expectValidationError(() => synthLake({ zones: [] }), ErrorCode.NO_ZONES);
  });

  test('rejects a duplicate zone', () => {
    expectValidationError(() => synthLake({ zones: ['raw', 'raw'] }), ErrorCode.DUPLICATE_ZONE);
  });

  test('rejects a reserved zone name', () => {
    expectValidationError(() => synthLake({ zones: ['logs'] }), ErrorCode.INVALID_ZONE);
  });

  test('rejects an invalid zone lifecycle', () => {
    expectValidationError(
      () => synthLake({ zones: [{ name: 'raw', noncurrentVersionExpirationDays: 1 }] }),
      ErrorCode.OUT_OF_RANGE,
    );
  });

  test('rejects a storageName GCS does not allow', () => {
    expectValidationError(
      () => synthLake({ zones: [{ name: 'raw', storageName: 'google-raw' }] }),
      ErrorCode.INVALID_NAME,
      'zones[0].storageName',
    );
  });

  test('rejects a logBucketName GCS does not allow', () => {
    expectValidationError(
      () => synthLake({ logBucketName: 'Logs', usageLogs: true }),
      ErrorCode.INVALID_NAME,
      'logBucketName',
    );
  });

  test('rejects an invalid platformName', () => {
    expectValidationError(() => synthLake({ platformName: 'x' }), ErrorCode.INVALID_NAME, 'platformName');
  });

  test('rejects an invalid project', () => {
    expectValidationError(() => synthLake({ project: 'p' }), ErrorCode.INVALID_NAME, 'project');
  });

  test('rejects labels GCP does not allow', () => {
    expectValidationError(() => synthLake({ tags: { 'Cost Center': '1' } }), ErrorCode.INVALID_TAGS);
  });

  test('skips validation of deploy-time tokens', () => {
    // GIVEN
    const stack = newGcpStack();
    const str = (id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SharedKey', {
      cryptoKeyId: str('KeyId'),
      location: 'us',
    });
    // WHEN: the location token also skips the key-location check
    newLake(stack, 'Lake', {
      location: str('Location'),
      project: str('Project'),
      encryptionKey: key,
      usageLogs: true,
      logBucketName: str('LogBucket'),
      zones: [{ name: 'raw', storageName: str('RawBucket') }],
      tags: { team: str('Team') },
    });
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.allResourcesHave(BUCKET, { location: '${var.Location}', project: '${var.Project}' });
    template.hasResourceProperties(BUCKET, { name: '${var.RawBucket}', labels: { team: '${var.Team}' } });
    template.hasResourceProperties(BUCKET, { name: '${var.LogBucket}' });
  });

  test('rejects a deploy-time softDeleteRetentionDays, which cannot be converted to seconds', () => {
    // GIVEN
    const stack = newGcpStack();
    const days = new TerraformVariable(stack, 'Days', { type: 'number' }).numberValue;
    // WHEN / THEN
    expectValidationError(
      () => newLake(stack, 'Lake', { softDeleteRetentionDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'softDeleteRetentionDays',
    );
  });
});

describe('LakeStorage removal', () => {
  test('buckets, key ring and key are prevent_destroy by default', () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    template.allResourcesHave(BUCKET, { lifecycle: { prevent_destroy: true } });
    template.allResourcesHave('google_kms_key_ring', { lifecycle: { prevent_destroy: true } });
    template.allResourcesHave('google_kms_crypto_key', { lifecycle: { prevent_destroy: true } });
  });

  test('DESTROY without the context flag still retains, with a warning', () => {
    // GIVEN / WHEN
    const { stack, template } = synthLake({ removalPolicy: DataRemovalPolicy.DESTROY });
    // THEN
    template.allResourcesHave(BUCKET, { lifecycle: { prevent_destroy: true }, force_destroy: false });
    template.allResourcesHave('google_kms_crypto_key', { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(stack)).toEqual(
      expect.arrayContaining([expect.stringContaining(REMOVAL_DOWNGRADED_WARNING)]),
    );
  });

  test('DESTROY with the context flag lifts prevent_destroy but never force-destroys', () => {
    // GIVEN / WHEN
    const { stack, template } = synthLake(
      { removalPolicy: DataRemovalPolicy.DESTROY },
      { [REMOVE_DATA_ON_DESTROY_CONTEXT]: true },
    );
    // THEN
    template.allResourcesHave(BUCKET, { lifecycle: { prevent_destroy: false }, force_destroy: false });
    template.allResourcesHave('google_kms_crypto_key', { lifecycle: { prevent_destroy: false } });
    expect(warningsOf(stack)).toEqual([]);
  });
});
