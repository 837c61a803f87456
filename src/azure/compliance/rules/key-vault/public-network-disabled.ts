import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Key Vaults disable public network access.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/KeyVaultDisablesPublicNetworkAccess.py
 */
export const CKV_AZURE_189: TerraformRule = {
  id: 'CKV_AZURE_189',
  description: 'Key Vaults disable public network access',
  explanation:
    'Key Vaults disable public network access (`public_network_access_enabled = false`; ' +
    "azurerm 4.x defaults to `true`). The kit's `EncryptionKey` opens the endpoint only for " +
    "the deployer's explicit `allowedIpRanges` and acknowledges this rule on the vault when " +
    'it does.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_key_vault'],
  check: (r) => compliantIf(flagIs(r.config.public_network_access_enabled, false, true)),
};
