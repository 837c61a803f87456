import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isReference } from '../../private/config';

/**
 * Event Hubs namespaces use TLS 1.2 or newer (minimum_tls_version).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/EventHubNamespaceMinTLS12.py
 */
export const CKV_AZURE_223: TerraformRule = {
  id: 'CKV_AZURE_223',
  description: 'Event Hubs namespaces use TLS 1.2 or newer (minimum_tls_version)',
  explanation:
    'Event Hubs namespaces accept TLS 1.2 or newer (`minimum_tls_version`, azurerm 4.x ' +
    'default `"1.2"`).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_eventhub_namespace'],
  check: (r) => {
    const tls = r.config.minimum_tls_version ?? '1.2';
    return compliantIf(isReference(tls) || ['1.2', '1.3'].includes(String(tls)));
  },
};
