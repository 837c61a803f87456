import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Synapse workspaces disable public network access.
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/connectivity-settings
 */
export const DPK_AZURE_SYNAPSE_PUBLIC_NETWORK: TerraformRule = {
  id: 'DPK_AZURE_SYNAPSE_PUBLIC_NETWORK',
  description: 'Synapse workspaces disable public network access',
  explanation:
    'Synapse workspaces disable public network access (`public_network_access_enabled = ' +
    "false`; azurerm 4.x defaults to `true`). The kit's own id: Checkov's related " +
    'CKV2_AZURE_19 only checks for firewall rules; Azure Policy\'s built-in is "Azure Synapse ' +
    'workspaces should disable public network access".',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_workspace'],
  check: (r) => compliantIf(flagIs(r.config.public_network_access_enabled, false, true)),
};
