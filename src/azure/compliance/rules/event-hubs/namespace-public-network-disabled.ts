import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Event Hubs namespaces disable public network access.
 * @see https://learn.microsoft.com/azure/event-hubs/network-security
 */
export const DPK_AZURE_EVENTHUB_PUBLIC_NETWORK: TerraformRule = {
  id: 'DPK_AZURE_EVENTHUB_PUBLIC_NETWORK',
  description: 'Event Hubs namespaces disable public network access',
  explanation:
    'Event Hubs namespaces disable public network access (`public_network_access_enabled = ' +
    "false`; azurerm 4.x defaults to `true`). The kit's own id: Checkov has no Event Hubs " +
    'network check; Azure Policy\'s built-in is "Event Hub Namespaces should disable public ' +
    'network access".',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_eventhub_namespace'],
  check: (r) => compliantIf(flagIs(r.config.public_network_access_enabled, false, true)),
};
