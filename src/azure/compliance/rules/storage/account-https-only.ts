import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Storage accounts accept HTTPS traffic only.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageAccountsTransportEncryption.py
 */
export const CKV_AZURE_3: TerraformRule = {
  id: 'CKV_AZURE_3',
  description: 'Storage accounts accept HTTPS traffic only',
  explanation:
    'Storage accounts accept HTTPS only (`https_traffic_only_enabled`, azurerm 4.x default ' + '`true`).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => compliantIf(flagIs(r.config.https_traffic_only_enabled, true, true)),
};
