import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet, nested } from '../../private/config';

/**
 * Key Vault keys rotate automatically (rotation_policy.automatic).
 * @see https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
 */
export const DPK_AZURE_KEY_ROTATION: TerraformRule = {
  id: 'DPK_AZURE_KEY_ROTATION',
  description: 'Key Vault keys rotate automatically (rotation_policy.automatic)',
  explanation:
    'Key Vault keys rotate themselves: `rotation_policy.automatic` sets `time_after_creation` ' +
    "or `time_before_expiry`. Customer-managed keys with automatic rotation are the kit's " +
    "encryption guarantee (docs/architecture.md). The kit's own id: no Checkov or Trivy check " +
    'covers Key Vault key rotation policies.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_key_vault_key'],
  check: (r) => {
    const automatic = nested(r.config, 'rotation_policy', 'automatic');
    return compliantIf(isSet(automatic?.time_after_creation) || isSet(automatic?.time_before_expiry));
  },
};
