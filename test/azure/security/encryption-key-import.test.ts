import { EncryptionKey, Principal } from '../../../src/azure';
import { ErrorCode } from '../../../src/core';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID } from '../azure-stack';

const VAULT =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-sales/providers/Microsoft.KeyVault/vaults/sales-lake-1a2b';
const KEY_URL = 'https://sales-lake-1a2b.vault.azure.net/keys/lake';

describe('EncryptionKey.fromEncryptionKeyAttributes', () => {
  test('grants are scoped to the key; nothing is created for the key or vault', () => {
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SalesKey', {
      keyVaultId: VAULT,
      keyVaultKeyId: KEY_URL,
    });
    key.grantEncryptDecrypt(Principal.group(OBJECT_ID));
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('azurerm_key_vault', 0);
    template.resourceCountIs('azurerm_key_vault_key', 0);
    template.hasResourceProperties('azurerm_role_assignment', {
      scope: `${VAULT}/keys/lake`,
      role_definition_name: 'Key Vault Crypto Service Encryption User',
    });
  });

  test('fromKeyVaultKeyId is the same import', () => {
    const key = EncryptionKey.fromKeyVaultKeyId(newAzureStack(), 'SalesKey', KEY_URL, VAULT);
    expect([key.keyId, key.keyVaultId, key.keyResourceId]).toEqual([KEY_URL, VAULT, `${VAULT}/keys/lake`]);
  });

  test.each<[string, string, string, ErrorCode, string]>([
    ['a versioned key id', VAULT, `${KEY_URL}/0123456789abcdef`, ErrorCode.INVALID_NAME, 'keyVaultKeyId'],
    ['a vault name for its id', 'sales-lake-1a2b', KEY_URL, ErrorCode.INVALID_NAME, 'keyVaultId'],
    [
      'a key of another vault',
      VAULT,
      'https://other-vault.vault.azure.net/keys/lake',
      ErrorCode.CONFLICTING_PROPS,
      'keyVaultKeyId',
    ],
  ])('%s throws its code with the prop path', (_, keyVaultId, keyVaultKeyId, code, prop) => {
    expect(() =>
      EncryptionKey.fromKeyVaultKeyId(newAzureStack(), 'SalesKey', keyVaultKeyId, keyVaultId),
    ).toThrow(expect.objectContaining({ code, prop }));
  });
});
