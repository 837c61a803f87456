import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { networkRulesOf } from '../../private/storage';

/**
 * Storage account network rules deny access by default.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageAccountDefaultNetworkAccessDeny.py
 */
export const CKV_AZURE_35: TerraformRule = {
  id: 'CKV_AZURE_35',
  description: 'Storage account network rules deny access by default',
  explanation:
    'The storage firewall denies by default (`network_rules.default_action = "Deny"`), set on ' +
    'the account or in a separate `azurerm_storage_account_network_rules` (judged there). ' +
    'Without network rules an account allows every network.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
  check: (r, doc) => {
    const rules = networkRulesOf(r, doc);
    if (rules === 'elsewhere') return RuleResult.NOT_APPLICABLE;
    return compliantIf(rules?.default_action === 'Deny');
  },
};
