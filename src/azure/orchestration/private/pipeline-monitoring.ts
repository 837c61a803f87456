/**
 * A pipeline's run logs (and the workspace for them) and failure alerts. Internal: not exported
 * from the entry point.
 */
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import type { Construct } from 'constructs';
import type { PipelineSettings } from './pipeline-factory';
import { physicalName } from '../../../core/naming';
import type { Tags } from '../../../core/tags';
import type { INotificationTarget } from '../../monitoring/notification-target';
import { retainData } from '../../private/removal';
import { StreamNameRules } from '../../private/streaming';
import type { ResourceGroupRef } from '../../resource-group';

/** Data Factory's metric namespace. */
export const DATA_FACTORY_METRIC_NAMESPACE = 'Microsoft.DataFactory/factories';
/** How often the failure alerts evaluate, and over which window (ISO 8601). */
export const PIPELINE_ALERT_SCHEDULE = { frequency: 'PT5M', windowSize: 'PT15M' } as const;
/** Data Factory log categories sent to Log Analytics: every run of a pipeline, activity and trigger. */
export const PIPELINE_LOG_CATEGORIES: readonly string[] = ['PipelineRuns', 'ActivityRuns', 'TriggerRuns'];

/** What the monitoring watches, and where it logs and notifies. */
export interface PipelineMonitoringSpec {
  readonly platform: string;
  readonly pipelineName: string;
  readonly triggerName: string;
  readonly resourceGroup: ResourceGroupRef;
  /** Resource Manager id of the data factory. */
  readonly factoryId: string;
  /** The Log Analytics workspace for the run logs. */
  readonly workspaceId: string;
  readonly notificationTarget?: INotificationTarget;
  readonly tags: Tags;
}

/** What {@link createPipelineMonitoring} made. */
export interface PipelineMonitoring {
  readonly diagnostics: MonitorDiagnosticSetting;
  readonly failedRunsAlert: MonitorMetricAlert;
  readonly failedTriggersAlert: MonitorMetricAlert;
}

/**
 * The factory's run logs (pipeline, activity and trigger runs, in resource-specific tables) to
 * Log Analytics, and two alerts, each scoped to this pipeline or its trigger by the metric's `Name`
 * dimension: a failed run (`PipelineFailedRuns` > 0; a step that times out fails the run) and a
 * trigger that failed to start it (`TriggerFailedRuns` > 0). Both notify the target, when there is
 * one, and resolve themselves when the window clears.
 */
export function createPipelineMonitoring(scope: Construct, spec: PipelineMonitoringSpec): PipelineMonitoring {
  const diagnostics = new MonitorDiagnosticSetting(scope, 'RunLogs', {
    name: 'data-factory-run-logs',
    targetResourceId: spec.factoryId,
    logAnalyticsWorkspaceId: spec.workspaceId,
    logAnalyticsDestinationType: 'Dedicated',
    enabledLog: PIPELINE_LOG_CATEGORIES.map((category) => ({ category })),
  });
  const alert = (id: string, suffix: string, description: string, metricName: string, name: string) =>
    new MonitorMetricAlert(scope, id, {
      name: physicalName(scope, StreamNameRules.MONITOR_RESOURCE, {
        platform: spec.platform,
        parts: [spec.pipelineName, suffix],
      }),
      resourceGroupName: spec.resourceGroup.name,
      scopes: [spec.factoryId],
      description,
      severity: 1,
      ...PIPELINE_ALERT_SCHEDULE,
      autoMitigate: true,
      criteria: [
        {
          metricNamespace: DATA_FACTORY_METRIC_NAMESPACE,
          metricName,
          aggregation: 'Total',
          operator: 'GreaterThan',
          threshold: 0,
          dimension: [{ name: 'Name', operator: 'Include', values: [name] }],
        },
      ],
      action: spec.notificationTarget
        ? [{ actionGroupId: spec.notificationTarget.actionGroupId }]
        : undefined,
      tags: spec.tags,
    });
  return {
    diagnostics,
    failedRunsAlert: alert(
      'FailedRunsAlert',
      'failed-runs',
      `Pipeline ${spec.pipelineName} failed: a step failed or timed out after its retries.`,
      'PipelineFailedRuns',
      spec.pipelineName,
    ),
    failedTriggersAlert: alert(
      'FailedTriggersAlert',
      'failed-triggers',
      `Trigger ${spec.triggerName} failed to start pipeline ${spec.pipelineName}: the scheduled run did not happen.`,
      'TriggerFailedRuns',
      spec.triggerName,
    ),
  };
}

/**
 * The run-log workspace (`LogWorkspace`), when the pipeline is given none and finds none on the
 * lake: kept `logDays` days, no local authentication, retained by default.
 */
export function createRunLogWorkspace(scope: Construct, s: PipelineSettings): LogAnalyticsWorkspace {
  const workspace = new LogAnalyticsWorkspace(scope, 'LogWorkspace', {
    name: physicalName(scope, StreamNameRules.LOG_ANALYTICS_WORKSPACE, {
      platform: s.platform,
      parts: [s.name, 'logs'],
    }),
    location: s.location,
    resourceGroupName: s.resourceGroupName,
    sku: 'PerGB2018',
    retentionInDays: s.logDays,
    localAuthenticationEnabled: false,
    tags: s.tags,
  });
  retainData(scope, s.removal, [workspace]);
  return workspace;
}
