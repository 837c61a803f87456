import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet } from '../../private/config';

/**
 * Synapse workspaces set no SQL administrator password.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/SynapseWorkspaceAdministratorLoginPasswordHidden.py
 */
export const CKV_AZURE_239: TerraformRule = {
  id: 'CKV_AZURE_239',
  description: 'Synapse workspaces set no SQL administrator password',
  explanation:
    'Synapse workspaces have no SQL administrator password in the configuration ' +
    '(`sql_administrator_login_password` unset): it would sit in Terraform state in clear ' +
    'text.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_workspace'],
  check: (r) => compliantIf(!isSet(r.config.sql_administrator_login_password)),
};
