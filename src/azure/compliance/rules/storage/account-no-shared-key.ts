import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Storage accounts disable Shared Key authorization (Entra ID only).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/graph_checks/azure/AzureStorageAccConfigSharedKeyAuth.yaml
 */
export const CKV2_AZURE_40: TerraformRule = {
  id: 'CKV2_AZURE_40',
  description: 'Storage accounts disable Shared Key authorization (Entra ID only)',
  explanation:
    'Storage accounts disable Shared Key authorization (`shared_access_key_enabled = false`; ' +
    'azurerm 4.x defaults to `true`): every request is authorized by Microsoft Entra ID, so ' +
    'no account key or account SAS can leak.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => compliantIf(flagIs(r.config.shared_access_key_enabled, false, true)),
};
