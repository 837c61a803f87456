import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Event Hubs customer-managed keys enable infrastructure (double) encryption.
 * @see https://learn.microsoft.com/azure/event-hubs/configure-customer-managed-key#enable-infrastructure-double-encryption-of-data
 */
export const DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION: TerraformRule = {
  id: 'DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION',
  description: 'Event Hubs customer-managed keys enable infrastructure (double) encryption',
  explanation:
    'Event Hubs customer-managed keys add infrastructure (double) encryption ' +
    '(`infrastructure_encryption_enabled` on ' +
    '`azurerm_eventhub_namespace_customer_managed_key`, azurerm 4.x default `false`; it can ' +
    "only be set when the key is first configured). The kit's own id: no Checkov or Trivy " +
    'check reads it; AVD-AZU-0061 is the storage-account counterpart.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_eventhub_namespace_customer_managed_key'],
  check: (r) => compliantIf(flagIs(r.config.infrastructure_encryption_enabled, true, false)),
};
