import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Data Factory Azure integration runtimes run in the managed virtual network.
 * @see https://learn.microsoft.com/azure/data-factory/managed-virtual-network-private-endpoint
 */
export const DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET: TerraformRule = {
  id: 'DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET',
  description: 'Data Factory Azure integration runtimes run in the managed virtual network',
  explanation:
    'Azure integration runtimes of a data factory run in its managed virtual network ' +
    '(`virtual_network_enabled = true`; azurerm 4.x defaults to `false`, a runtime on the ' +
    'public network), so activities reach stores only through managed private endpoints. The ' +
    "factory's own `managed_virtual_network_enabled` (DPK_AZURE_DATA_FACTORY_MANAGED_VNET) " +
    "protects nothing if its runtimes stay outside. The kit's own id: Checkov and Trivy have " +
    'no check for it.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_data_factory_integration_runtime_azure'],
  check: (r) => compliantIf(flagIs(r.config.virtual_network_enabled, true, false)),
};
