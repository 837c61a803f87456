import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { blocks, isReference } from '../../private/config';

/** Event Hubs log categories that record Capture failures and management operations. */
const REQUIRED_CATEGORIES = ['ArchiveLogs', 'OperationalLogs'];
/** Category groups that include them. */
const GROUPS = ['allLogs', 'audit'];

/**
 * Event Hubs namespaces send Capture and operational logs through a diagnostic setting.
 * @see https://learn.microsoft.com/azure/event-hubs/monitor-event-hubs-reference#resource-logs
 */
export const DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS: TerraformRule = {
  id: 'DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS',
  description: 'Event Hubs namespaces send Capture and operational logs through a diagnostic setting',
  explanation:
    'Event Hubs namespaces send their logs somewhere: an `azurerm_monitor_diagnostic_setting` ' +
    "whose `target_resource_id` is the namespace's id, with the allLogs or audit group, or at " +
    "least the ArchiveLogs (Capture errors) and OperationalLogs categories. The kit's own id: " +
    "Checkov has no Event Hubs diagnostic-settings check; Azure Policy's built-in is " +
    '"Resource logs in Event Hub should be enabled".',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_eventhub_namespace'],
  check: (r, doc) => {
    const settings = doc
      .resources('azurerm_monitor_diagnostic_setting')
      .filter((s) => s.config.target_resource_id === `\${${r.address}.id}`);
    return compliantIf(
      settings.some((s) => {
        const logs = blocks(s.config, 'enabled_log');
        if (logs.some((l) => isReference(l.category) || GROUPS.includes(String(l.category_group)))) {
          return true;
        }
        const categories = logs.map((l) => String(l.category));
        return REQUIRED_CATEGORIES.every((c) => categories.includes(c));
      }),
    );
  },
};
