import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Purview accounts disable public network access.
 * @see https://learn.microsoft.com/purview/catalog-private-link
 */
export const DPK_AZURE_PURVIEW_PUBLIC_NETWORK: TerraformRule = {
  id: 'DPK_AZURE_PURVIEW_PUBLIC_NETWORK',
  description: 'Purview accounts disable public network access',
  explanation:
    'Microsoft Purview accounts disable public network access (`public_network_enabled = ' +
    'false`; azurerm 4.x defaults to `true`): the catalog of every data asset is reached ' +
    "through private endpoints only. The kit's own id: Checkov has no Purview check; Azure " +
    'Policy\'s built-in is "Microsoft Purview accounts should disable public network access".',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_purview_account'],
  check: (r) => compliantIf(flagIs(r.config.public_network_enabled, false, true)),
};
