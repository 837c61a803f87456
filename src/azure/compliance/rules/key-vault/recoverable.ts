import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs, isReference } from '../../private/config';

/** Key Vault's soft-delete retention range, in days. */
const SOFT_DELETE_DAYS = { min: 7, max: 90 } as const;

/**
 * Key Vaults are recoverable (soft delete with purge protection).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/KeyVaultRecoveryEnabled.py
 */
export const CKV_AZURE_42: TerraformRule = {
  id: 'CKV_AZURE_42',
  description: 'Key Vaults are recoverable (soft delete with purge protection)',
  explanation:
    'Key Vaults are recoverable: soft delete (always on since 2020; ' +
    '`soft_delete_retention_days` within 7-90, default 90) together with purge protection.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_key_vault'],
  check: (r) => {
    const days = r.config.soft_delete_retention_days ?? SOFT_DELETE_DAYS.max;
    const softDelete =
      isReference(days) ||
      (typeof days === 'number' && days >= SOFT_DELETE_DAYS.min && days <= SOFT_DELETE_DAYS.max);
    return compliantIf(softDelete && flagIs(r.config.purge_protection_enabled, true, false));
  },
};
