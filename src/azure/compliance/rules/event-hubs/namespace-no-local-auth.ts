import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Event Hubs namespaces disable local (SAS key) authentication.
 * @see https://learn.microsoft.com/azure/event-hubs/authenticate-shared-access-signature#disabling-localsas-key-authentication
 */
export const DPK_AZURE_EVENTHUB_LOCAL_AUTH: TerraformRule = {
  id: 'DPK_AZURE_EVENTHUB_LOCAL_AUTH',
  description: 'Event Hubs namespaces disable local (SAS key) authentication',
  explanation:
    'Event Hubs namespaces disable local (SAS key) authentication ' +
    '(`local_authentication_enabled = false`; azurerm 4.x defaults to `true`): producers and ' +
    "consumers authenticate with Microsoft Entra ID. The kit's own id: Checkov has no Event " +
    'Hubs local-auth check; Azure Policy\'s built-in is "Event Hub namespaces should have ' +
    'local authentication methods disabled".',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_eventhub_namespace'],
  check: (r) => compliantIf(flagIs(r.config.local_authentication_enabled, false, true)),
};
