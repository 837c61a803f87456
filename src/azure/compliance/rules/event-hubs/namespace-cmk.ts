import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { isSet, referencing } from '../../private/config';

/**
 * Premium and dedicated Event Hubs namespaces encrypt with a customer-managed key.
 * @see https://learn.microsoft.com/azure/event-hubs/configure-customer-managed-key
 */
export const DPK_AZURE_EVENTHUB_CMK: TerraformRule = {
  id: 'DPK_AZURE_EVENTHUB_CMK',
  description: 'Premium and dedicated Event Hubs namespaces encrypt with a customer-managed key',
  explanation:
    'Event Hubs namespaces that can use a customer-managed key do: a Premium namespace, or ' +
    'one on a dedicated cluster, has an `azurerm_eventhub_namespace_customer_managed_key` ' +
    'with a key. Not applicable to Basic and Standard namespaces, which Azure encrypts with ' +
    "Microsoft-managed keys only (choosing the tier is the block's decision, documented " +
    "there). The kit's own id: Checkov has no Event Hubs CMK check; Azure Policy's built-in " +
    'is "Event Hub namespaces should use a customer-managed key for encryption".',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_eventhub_namespace'],
  check: (r, doc) => {
    const cmkCapable = r.config.sku === 'Premium' || isSet(r.config.dedicated_cluster_id);
    if (!cmkCapable) return RuleResult.NOT_APPLICABLE;
    const keys = referencing(
      doc,
      'azurerm_eventhub_namespace_customer_managed_key',
      'eventhub_namespace_id',
      r,
    );
    return compliantIf(
      keys.some((k) => {
        const ids = k.config.key_vault_key_ids;
        return Array.isArray(ids) ? ids.length > 0 : isSet(ids);
      }),
    );
  },
};
