import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Data factories disable public network access.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/DataFactoryNoPublicNetworkAccess.py
 */
export const CKV_AZURE_104: TerraformRule = {
  id: 'CKV_AZURE_104',
  description: 'Data factories disable public network access',
  explanation:
    'Data factories disable public network access (`public_network_enabled = false`; azurerm ' +
    '4.x defaults to `true`).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_data_factory'],
  check: (r) => compliantIf(flagIs(r.config.public_network_enabled, false, true)),
};
