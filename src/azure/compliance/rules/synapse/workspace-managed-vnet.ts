import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Synapse workspaces use a managed virtual network.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/SynapseWorkspaceEnablesManagedVirtualNetworks.py
 */
export const CKV_AZURE_58: TerraformRule = {
  id: 'CKV_AZURE_58',
  description: 'Synapse workspaces use a managed virtual network',
  explanation:
    'Synapse workspaces run in a managed virtual network (`managed_virtual_network_enabled`, ' +
    'azurerm 4.x default `false`; set only at creation), isolating Spark and integration ' +
    'runtimes.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_workspace'],
  check: (r) => compliantIf(flagIs(r.config.managed_virtual_network_enabled, true, false)),
};
