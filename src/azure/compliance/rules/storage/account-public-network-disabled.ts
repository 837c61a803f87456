import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Storage accounts disable public network access.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageAccountDisablePublicAccess.py
 */
export const CKV_AZURE_59: TerraformRule = {
  id: 'CKV_AZURE_59',
  description: 'Storage accounts disable public network access',
  explanation:
    'Storage accounts disable public network access (`public_network_access_enabled = false`; ' +
    'azurerm 4.x defaults to `true`). Data is reached through trusted services or private ' +
    'endpoints.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => compliantIf(flagIs(r.config.public_network_access_enabled, false, true)),
};
