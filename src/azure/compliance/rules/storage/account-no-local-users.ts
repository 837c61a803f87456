import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Storage accounts disable local users and SFTP.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageLocalUsers.py
 */
export const CKV_AZURE_244: TerraformRule = {
  id: 'CKV_AZURE_244',
  description: 'Storage accounts disable local users and SFTP',
  explanation:
    'Storage accounts disable local users (`local_user_enabled = false`; azurerm 4.x defaults ' +
    'to `true`) and SFTP (`sftp_enabled`, which needs local users): no password or SSH-key ' +
    'identities outside Microsoft Entra ID.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) =>
    compliantIf(
      flagIs(r.config.local_user_enabled, false, true) && flagIs(r.config.sftp_enabled, false, false),
    ),
};
