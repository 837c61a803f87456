/**
 * Checks the ids of a key made elsewhere (`EncryptionKey.fromEncryptionKeyAttributes`). Internal:
 * not exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';
import { Fn, Token } from '../../../terraform';
import type { EncryptionKeyAttributes } from '../encryption-key';

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>`. */
const KEY_VAULT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([a-zA-Z0-9-]{3,24})$/i;
/** `https://<vault>.vault.<cloud suffix>/keys/<name>`, versionless. */
const KEY_URL = /^https:\/\/([a-zA-Z0-9-]{3,24})\.vault\.[a-z0-9.-]+\/keys\/([a-zA-Z0-9-]{1,127})$/;

/**
 * Checks the ids' shapes (`DPK_INVALID_NAME`) and that they name one key in one vault
 * (`DPK_CONFLICTING_PROPS`); unresolved ids are skipped. Returns the key name (a Terraform
 * expression when the key id is a token).
 */
export function validateKeyAttributes(scope: IConstruct, attrs: EncryptionKeyAttributes): string {
  const malformed: Violation[] = [];
  const vault = isUnresolved(attrs.keyVaultId) ? undefined : KEY_VAULT_ID.exec(String(attrs.keyVaultId));
  if (!isUnresolved(attrs.keyVaultId) && !vault) {
    malformed.push({
      prop: 'keyVaultId',
      received: attrs.keyVaultId,
      allowed:
        'a Key Vault resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>',
    });
  }
  // https://<vault>.vault.azure.net/keys/<name> → <name> is element 4 after a split on '/'.
  const keyUrl = isUnresolved(attrs.keyVaultKeyId) ? undefined : KEY_URL.exec(String(attrs.keyVaultKeyId));
  if (!isUnresolved(attrs.keyVaultKeyId) && !keyUrl) {
    malformed.push({
      prop: 'keyVaultKeyId',
      received: attrs.keyVaultKeyId,
      allowed:
        'a versionless Key Vault key id: https://<vault>.vault.azure.net/keys/<name> (no version, so services follow rotation)',
    });
  }
  ValidationError.throwIfAny(ErrorCode.INVALID_NAME, scope, malformed);

  const conflicts: Violation[] = [];
  if (vault && keyUrl && vault[1].toLowerCase() !== keyUrl[1].toLowerCase()) {
    conflicts.push({
      prop: 'keyVaultKeyId',
      received: attrs.keyVaultKeyId,
      allowed: `a key in the vault 'keyVaultId' names (${vault[1]})`,
    });
  }
  const keyName = keyUrl ? keyUrl[2] : Token.asString(Fn.element(Fn.split('/', attrs.keyVaultKeyId), 4));
  const resourceId = attrs.keyResourceId;
  if (
    resourceId !== undefined &&
    keyUrl &&
    !isUnresolved(attrs.keyVaultId) &&
    !isUnresolved(resourceId) &&
    resourceId.toLowerCase() !== `${attrs.keyVaultId}/keys/${keyName}`.toLowerCase()
  ) {
    conflicts.push({
      prop: 'keyResourceId',
      received: resourceId,
      allowed: `the resource id of the key 'keyVaultKeyId' names: ${attrs.keyVaultId}/keys/${keyName}`,
    });
  }
  ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, scope, conflicts);
  return keyName;
}
