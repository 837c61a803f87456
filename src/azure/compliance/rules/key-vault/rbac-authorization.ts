import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Key Vaults use the Azure RBAC permission model, not access policies.
 * @see https://learn.microsoft.com/azure/key-vault/general/rbac-guide
 */
export const DPK_AZURE_KEY_VAULT_RBAC: TerraformRule = {
  id: 'DPK_AZURE_KEY_VAULT_RBAC',
  description: 'Key Vaults use the Azure RBAC permission model, not access policies',
  explanation:
    'Key Vaults authorize data-plane access with Azure RBAC (`rbac_authorization_enabled`, or ' +
    'its deprecated azurerm 4.x alias `enable_rbac_authorization`; unset means access ' +
    'policies), so key access is granted per key, audited in the activity log and governed ' +
    "like every other role. The kit's own id: no Checkov check covers it (a proposed " +
    'CKV_AZURE_242 for `enable_rbac_authorization` collides with the official CKV_AZURE_242, ' +
    'Synapse Spark isolated compute); Azure Policy\'s built-in is "Azure Key Vault should use ' +
    'RBAC permission model".',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_key_vault'],
  check: (r) =>
    compliantIf(
      flagIs(r.config.rbac_authorization_enabled ?? r.config.enable_rbac_authorization, true, false),
    ),
};
