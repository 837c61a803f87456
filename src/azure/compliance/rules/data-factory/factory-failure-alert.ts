import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { blocks, stringList } from '../../private/config';

/**
 * Data factories have a metric alert on failed pipeline runs.
 * @see https://learn.microsoft.com/azure/data-factory/monitor-metrics-alerts
 */
export const DPK_AZURE_DATA_FACTORY_FAILURE_ALERT: TerraformRule = {
  id: 'DPK_AZURE_DATA_FACTORY_FAILURE_ALERT',
  description: 'Data factories have a metric alert on failed pipeline runs',
  explanation:
    'Data factories raise an alert when a pipeline run fails: an ' +
    '`azurerm_monitor_metric_alert` scoped to the factory with a `PipelineFailedRuns` ' +
    'criterion (a step that times out fails its run too), so a broken schedule does not go ' +
    "unnoticed. The kit's own id: Checkov and Trivy have no alerting checks for Data Factory.",
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_data_factory'],
  check: (r, doc) =>
    compliantIf(
      doc
        .resources('azurerm_monitor_metric_alert')
        .some(
          (a) =>
            a.config.enabled !== false &&
            stringList(a.config.scopes).includes(`\${${r.address}.id}`) &&
            blocks(a.config, 'criteria').some((c) => c.metric_name === 'PipelineFailedRuns'),
        ),
    ),
};
