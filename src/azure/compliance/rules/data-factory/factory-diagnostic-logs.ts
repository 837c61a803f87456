import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { blocks, isReference } from '../../private/config';

/** Data Factory log categories that record every run. */
const REQUIRED_CATEGORIES = ['PipelineRuns', 'ActivityRuns', 'TriggerRuns'];

/**
 * Data factories send pipeline, activity and trigger run logs through a diagnostic setting.
 * @see https://learn.microsoft.com/azure/data-factory/monitor-data-factory-reference#resource-logs
 */
export const DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS: TerraformRule = {
  id: 'DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS',
  description: 'Data factories send pipeline, activity and trigger run logs through a diagnostic setting',
  explanation:
    'Data factories keep their run logs: an `azurerm_monitor_diagnostic_setting` whose ' +
    "`target_resource_id` is the factory's id, with the allLogs group or at least the " +
    'PipelineRuns, ActivityRuns and TriggerRuns categories (the factory itself keeps run ' +
    "history 45 days only). The kit's own id: Checkov has no Data Factory diagnostic-settings " +
    'check; Azure Policy\'s built-in is "Resource logs in Data Factory should be enabled".',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_data_factory'],
  check: (r, doc) => {
    const settings = doc
      .resources('azurerm_monitor_diagnostic_setting')
      .filter((s) => s.config.target_resource_id === `\${${r.address}.id}`);
    return compliantIf(
      settings.some((s) => {
        const logs = blocks(s.config, 'enabled_log');
        if (logs.some((l) => isReference(l.category) || l.category_group === 'allLogs')) return true;
        const categories = logs.map((l) => String(l.category));
        return REQUIRED_CATEGORIES.every((c) => categories.includes(c));
      }),
    );
  },
};
