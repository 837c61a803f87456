import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, isSet, referencing } from '../../private/config';

/**
 * Storage accounts are encrypted with a customer-managed key.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/graph_checks/azure/StorageCriticalDataEncryptedCMK.yaml
 */
export const CKV2_AZURE_1: TerraformRule = {
  id: 'CKV2_AZURE_1',
  description: 'Storage accounts are encrypted with a customer-managed key',
  explanation:
    'Storage accounts encrypt with a customer-managed key: an inline `customer_managed_key` ' +
    'with a Key Vault or managed HSM key, or an ' +
    '`azurerm_storage_account_customer_managed_key` for the account.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r, doc) => {
    const inline = block(r.config, 'customer_managed_key');
    const inlineKey = isSet(inline?.key_vault_key_id) || isSet(inline?.managed_hsm_key_id);
    const separate = referencing(
      doc,
      'azurerm_storage_account_customer_managed_key',
      'storage_account_id',
      r,
    );
    return compliantIf(inlineKey || separate.length > 0);
  },
};
