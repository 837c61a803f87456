import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Synapse workspaces enable data exfiltration protection.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/SynapseWorkspaceEnablesDataExfilProtection.py
 */
export const CKV_AZURE_157: TerraformRule = {
  id: 'CKV_AZURE_157',
  description: 'Synapse workspaces enable data exfiltration protection',
  explanation:
    'Synapse workspaces enable data exfiltration protection ' +
    '(`data_exfiltration_protection_enabled`, azurerm 4.x default `false`; set only at ' +
    'creation): managed private endpoints may reach only approved Microsoft Entra tenants.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_workspace'],
  check: (r) => compliantIf(flagIs(r.config.data_exfiltration_protection_enabled, true, false)),
};
