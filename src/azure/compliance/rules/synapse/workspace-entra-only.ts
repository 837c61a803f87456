import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Synapse workspaces use Microsoft Entra authentication only.
 * @see https://learn.microsoft.com/azure/synapse-analytics/sql/active-directory-authentication
 */
export const DPK_AZURE_SYNAPSE_ENTRA_ONLY: TerraformRule = {
  id: 'DPK_AZURE_SYNAPSE_ENTRA_ONLY',
  description: 'Synapse workspaces use Microsoft Entra authentication only',
  explanation:
    'Synapse workspaces accept Microsoft Entra authentication only ' +
    "(`azuread_authentication_only`, azurerm 4.x default `false`): no SQL logins. The kit's " +
    'own id: Checkov has no check for it; Azure Policy\'s built-in is "Synapse Workspaces ' +
    'should use only Microsoft Entra identities for authentication".',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_workspace'],
  check: (r) => compliantIf(flagIs(r.config.azuread_authentication_only, true, false)),
};
