import { TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core';
import { EncryptionKey, Principal } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

const ID = 'projects/acme-sales/locations/europe-west1/keyRings/sales/cryptoKeys/lake';

describe('EncryptionKey.fromEncryptionKeyAttributes', () => {
  test('the location defaults to the one in the id; nothing is created for the key', () => {
    const stack = newGcpStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SalesKey', { cryptoKeyId: ID });
    key.grantEncryptDecrypt(Principal.group('data@acme.com'));
    expect(key.location).toBe('europe-west1');
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('google_kms_key_ring', 0);
    template.resourceCountIs('google_kms_crypto_key', 0);
    template.hasResourceProperties('google_kms_crypto_key_iam_member', {
      crypto_key_id: ID,
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: 'group:data@acme.com',
    });
  });

  test('fromCryptoKeyId is the same import', () => {
    const key = EncryptionKey.fromCryptoKeyId(newGcpStack(), 'SalesKey', ID);
    expect([key.cryptoKeyId, key.location]).toEqual([ID, 'europe-west1']);
  });

  test.each([
    ['a key ring id', 'projects/acme-sales/locations/europe-west1/keyRings/sales'],
    ['a key version id', `${ID}/cryptoKeyVersions/1`],
    ['a bare key name', 'lake'],
  ])('%s throws DPK_INVALID_NAME on cryptoKeyId', (_, cryptoKeyId) => {
    expectValidationError(
      () => EncryptionKey.fromEncryptionKeyAttributes(newGcpStack(), 'SalesKey', { cryptoKeyId }),
      ErrorCode.INVALID_NAME,
      'cryptoKeyId',
    );
  });

  test("a location other than the id's throws DPK_INVALID_LOCATION", () => {
    expectValidationError(
      () =>
        EncryptionKey.fromEncryptionKeyAttributes(newGcpStack(), 'SalesKey', {
          cryptoKeyId: ID,
          location: 'europe',
        }),
      ErrorCode.INVALID_LOCATION,
      'location',
    );
  });

  test('a token id passes, but then the location is required', () => {
    const stack = newGcpStack();
    const cryptoKeyId = new TerraformVariable(stack, 'KeyId', { type: 'string' }).stringValue;
    expectValidationError(
      () => EncryptionKey.fromEncryptionKeyAttributes(stack, 'NoLocation', { cryptoKeyId }),
      ErrorCode.INVALID_LOCATION,
      'location',
    );
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SalesKey', { cryptoKeyId, location: 'us' });
    expect(key.location).toBe('us');
  });
});
