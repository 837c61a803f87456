import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet } from '../../private/config';

/**
 * Data factories are encrypted with a customer-managed key.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/graph_checks/azure/AzureDataFactoriesEncryptedWithCustomerManagedKey.yaml
 * @see https://learn.microsoft.com/azure/data-factory/enable-customer-managed-key
 */
export const CKV2_AZURE_15: TerraformRule = {
  id: 'CKV2_AZURE_15',
  description: 'Data factories are encrypted with a customer-managed key',
  explanation:
    'Data factories encrypt with a customer-managed key (`customer_managed_key_id`). The id ' +
    "and intent are Checkov's; its graph check looks for a Key Vault linked service instead, " +
    'which stores connection secrets and does not encrypt the factory, so this rule reads the ' +
    'azurerm 4.x encryption attribute.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_data_factory'],
  check: (r) => compliantIf(isSet(r.config.customer_managed_key_id)),
};
