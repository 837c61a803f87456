import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Key Vaults enable purge protection.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/KeyVaultEnablesPurgeProtection.py
 */
export const CKV_AZURE_110: TerraformRule = {
  id: 'CKV_AZURE_110',
  description: 'Key Vaults enable purge protection',
  explanation:
    'Key Vaults enable purge protection (`purge_protection_enabled`, azurerm 4.x default ' +
    '`false`): a deleted vault or key cannot be purged before its soft-delete retention ends, ' +
    'so a compromised or careless admin cannot destroy the keys that decrypt the lake.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_key_vault'],
  check: (r) => compliantIf(flagIs(r.config.purge_protection_enabled, true, false)),
};
