import { TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core';
import { EncryptionKey, LakeStorage, type LakeZoneAttributes, Principal } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

const KEY_ID = 'projects/acme-sales/locations/europe-west1/keyRings/sales/cryptoKeys/lake';
const ZONES: LakeZoneAttributes[] = [
  { name: 'raw', bucketName: 'sales-raw-1a2b3c4d' },
  { name: 'curated', bucketName: 'sales-curated-1a2b3c4d' },
];

function importLake(zones: readonly LakeZoneAttributes[] = ZONES, location?: string, stack = newGcpStack()) {
  const encryptionKey = EncryptionKey.fromCryptoKeyId(stack, 'SalesKey', KEY_ID);
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
    zones,
    encryptionKey,
    project: 'acme-sales',
    location,
  });
  return { stack, lake, encryptionKey };
}

describe('LakeStorage.fromLakeStorageAttributes', () => {
  test('exposes the zones, bucket names and key it was given', () => {
    const { lake, encryptionKey } = importLake();
    expect(lake.zoneNames).toEqual(['raw', 'curated']);
    expect(lake.zones).toEqual([{ name: 'raw' }, { name: 'curated' }]);
    expect(lake.bucketFor('curated').name).toBe('sales-curated-1a2b3c4d');
    expect(lake.encryptionKey).toBe(encryptionKey);
  });

  test("a grant is a bucket IAM member on the zone's bucket; no bucket or key grant is made", () => {
    const { stack, lake } = importLake();
    lake.grantWrite(Principal.serviceAccount('etl@acme-marketing.iam.gserviceaccount.com'), 'raw');
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('google_storage_bucket', 0);
    template.resourceCountIs('google_kms_crypto_key_iam_member', 0);
    template.resourceCountIs('google_storage_bucket_iam_member', 1);
    template.hasResourceProperties('google_storage_bucket_iam_member', {
      bucket: 'sales-raw-1a2b3c4d',
      role: 'roles/storage.objectCreator',
      member: 'serviceAccount:etl@acme-marketing.iam.gserviceaccount.com',
    });
  });

  test('a zone it does not have throws DPK_UNKNOWN_ZONE', () => {
    const { lake } = importLake();
    expectValidationError(
      () => lake.grantRead(Principal.group('a@acme.com'), 'serving'),
      ErrorCode.UNKNOWN_ZONE,
    );
  });

  test.each<[string, LakeZoneAttributes[], ErrorCode, string]>([
    ['no zones', [], ErrorCode.NO_ZONES, 'zones'],
    [
      'a malformed zone name',
      [{ name: 'Raw', bucketName: 'b-raw' }],
      ErrorCode.INVALID_ZONE,
      'zones[0].name',
    ],
    [
      'a zone twice',
      [
        { name: 'raw', bucketName: 'b-raw' },
        { name: 'raw', bucketName: 'b-raw-2' },
      ],
      ErrorCode.DUPLICATE_ZONE,
      'zones[1].name',
    ],
    [
      'a malformed bucket name',
      [{ name: 'raw', bucketName: 'gs://b-raw' }],
      ErrorCode.INVALID_NAME,
      'zones[0].bucketName',
    ],
    [
      'two zones in one bucket',
      [
        { name: 'raw', bucketName: 'b-shared' },
        { name: 'curated', bucketName: 'b-shared' },
      ],
      ErrorCode.INVALID_NAME,
      'zones[1].bucketName',
    ],
  ])('%s throws its code with the prop path', (_, zones, code, prop) => {
    expectValidationError(() => importLake(zones), code, prop);
  });

  test("a location whose Cloud KMS location is not the key's throws DPK_INVALID_LOCATION", () => {
    expectValidationError(() => importLake(ZONES, 'US'), ErrorCode.INVALID_LOCATION, 'encryptionKey');
    expect(importLake(ZONES, 'europe-west1').lake.zoneNames).toEqual(['raw', 'curated']);
  });

  test('bucket names that are tokens pass unvalidated', () => {
    const stack = newGcpStack();
    const bucketName = new TerraformVariable(stack, 'RawBucket', { type: 'string' }).stringValue;
    const { lake } = importLake([{ name: 'raw', bucketName }], undefined, stack);
    expect(lake.bucketFor('raw').name).toBe(bucketName);
  });
});
