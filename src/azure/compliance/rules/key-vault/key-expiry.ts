import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet, nested } from '../../private/config';

/**
 * Key Vault keys expire (expiration_date or rotation_policy.expire_after).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/KeyExpirationDate.py
 */
export const CKV_AZURE_40: TerraformRule = {
  id: 'CKV_AZURE_40',
  description: 'Key Vault keys expire (expiration_date or rotation_policy.expire_after)',
  explanation:
    'Key Vault keys expire: a fixed `expiration_date`, or a `rotation_policy.expire_after` ' +
    'that gives every version (the first and each rotated one) an expiry. The rotation policy ' +
    'counts because it is what keeps a rotating key expiring: a fixed `expiration_date` ' +
    'applies to one version only and, on a key that rotates itself, would expire the key on a ' +
    "calendar date the rotation knows nothing about. Checkov's ARM variant of this check " +
    "reads the rotation policy's expiry the same way " +
    '(`rotationPolicy.attributes.expiryTime`).',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_key_vault_key'],
  check: (r) =>
    compliantIf(isSet(r.config.expiration_date) || isSet(nested(r.config, 'rotation_policy')?.expire_after)),
};
