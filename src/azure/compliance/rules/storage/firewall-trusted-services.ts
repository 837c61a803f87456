import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { stringList } from '../../private/config';
import { networkRulesOf } from '../../private/storage';

/**
 * Storage firewalls that deny by default let trusted Azure services through ('AzureServices'
 * bypass).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageAccountAzureServicesAccessEnabled.py
 */
export const CKV_AZURE_36: TerraformRule = {
  id: 'CKV_AZURE_36',
  description:
    "Storage firewalls that deny by default let trusted Azure services through ('AzureServices' bypass)",
  explanation:
    'A storage firewall that denies by default lets trusted Azure services through (`bypass` ' +
    'holds `AzureServices`), so diagnostics, backup and the key vault keep working. Not ' +
    'applicable when the firewall allows by default or is absent (CKV_AZURE_35 judges that).',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
  check: (r, doc) => {
    const rules = networkRulesOf(r, doc);
    if (rules === 'elsewhere' || rules?.default_action !== 'Deny') return RuleResult.NOT_APPLICABLE;
    // azurerm defaults bypass to ["AzureServices"].
    return compliantIf(rules.bypass === undefined || stringList(rules.bypass).includes('AzureServices'));
  },
};
