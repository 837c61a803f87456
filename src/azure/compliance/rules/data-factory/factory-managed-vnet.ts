import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Data factories use a managed virtual network.
 * @see https://learn.microsoft.com/azure/data-factory/managed-virtual-network-private-endpoint
 */
export const DPK_AZURE_DATA_FACTORY_MANAGED_VNET: TerraformRule = {
  id: 'DPK_AZURE_DATA_FACTORY_MANAGED_VNET',
  description: 'Data factories use a managed virtual network',
  explanation:
    'Data factories run their Azure integration runtime in a managed virtual network ' +
    '(`managed_virtual_network_enabled`, azurerm 4.x default `false`), so copies reach ' +
    "private stores through managed private endpoints. The kit's own id: Checkov and Trivy " +
    'have no check for it.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_data_factory'],
  check: (r) => compliantIf(flagIs(r.config.managed_virtual_network_enabled, true, false)),
};
