import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/**
 * Data factories have a managed identity.
 * @see https://learn.microsoft.com/azure/data-factory/data-factory-service-identity
 */
export const DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY: TerraformRule = {
  id: 'DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY',
  description: 'Data factories have a managed identity',
  explanation:
    'Data factories have a managed identity (an `identity` block), so linked services ' +
    "authenticate without stored credentials. The kit's own id: Checkov has no data-factory " +
    'identity check.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_data_factory'],
  check: (r) => compliantIf(isSet(block(r.config, 'identity')?.type)),
};
