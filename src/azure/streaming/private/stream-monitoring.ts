import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import type { Construct } from 'constructs';
import { CommonDefaults } from '../../../core/blocks';
import { type NameRule, physicalName } from '../../../core/naming';
import type { Tags } from '../../../core/tags';
import { warn } from '../../../terraform';
import { type INotificationTarget, NotificationTarget } from '../../monitoring/notification-target';
import { StreamNameRules } from '../../private/streaming';
import type { ResourceGroupRef } from '../../resource-group';

/** What a stream's monitoring watches, and where it logs and notifies. */
export interface StreamMonitoringSpec {
  readonly platform: string;
  readonly stream: string;
  readonly location: string;
  readonly resourceGroup: ResourceGroupRef;
  /** Resource Manager id of the Event Hubs namespace. */
  readonly namespaceId: string;
  /** Workspace for the diagnostic logs; undefined makes one. */
  readonly workspaceId?: string;
  readonly notificationTarget?: INotificationTarget;
  readonly alertEmailAddresses?: string[];
  /** Events waiting for Capture (summed over the window) that trigger the backlog alert. */
  readonly captureBacklogThreshold: number;
  /** The resources' tags (the kit's and the user's). */
  readonly tags: Tags;
  /** The user's tags alone, for blocks the monitoring creates. */
  readonly userTags?: Tags;
  /** Warning id when the alerts notify no one. */
  readonly noNotificationWarning: string;
}

/** What {@link createStreamMonitoring} made. */
export interface StreamMonitoring {
  readonly logWorkspace?: LogAnalyticsWorkspace;
  readonly diagnostics: MonitorDiagnosticSetting;
  readonly notificationTarget?: INotificationTarget;
  readonly throttledRequests: MonitorMetricAlert;
  readonly captureBacklog: MonitorMetricAlert;
}

/** Event Hubs' metric namespace. */
export const EVENT_HUBS_METRIC_NAMESPACE = 'Microsoft.EventHub/namespaces';
/** How often the alerts evaluate, and over which window (ISO 8601). */
export const STREAM_ALERT_SCHEDULE = { frequency: 'PT5M', windowSize: 'PT15M' } as const;
/** Diagnostic log category groups sent to Log Analytics (Capture errors are `ArchiveLogs`). */
export const STREAM_LOG_CATEGORY_GROUPS: readonly string[] = ['allLogs'];

/**
 * A stream's monitoring, as children of `scope`: the namespace's diagnostic logs to Log
 * Analytics (a new workspace, kept 365 days, when none is given), the notification target (the
 * given one, one for `alertEmailAddresses`, or none with a warning), and the two alerts that mean
 * a stream is not landing: Event Hubs throttling requests (`ThrottledRequests` > 0: events are
 * refused) and Capture falling behind (`CaptureBacklog` > threshold: events are not reaching the
 * lake). Both alerts resolve themselves when the signal clears.
 */
export function createStreamMonitoring(scope: Construct, spec: StreamMonitoringSpec): StreamMonitoring {
  const named = (rule: NameRule, ...parts: string[]) =>
    physicalName(scope, rule, { platform: spec.platform, parts: [spec.stream, ...parts] });
  const logWorkspace =
    spec.workspaceId === undefined
      ? new LogAnalyticsWorkspace(scope, 'LogWorkspace', {
          name: named(StreamNameRules.LOG_ANALYTICS_WORKSPACE, 'logs'),
          location: spec.location,
          resourceGroupName: spec.resourceGroup.name,
          sku: 'PerGB2018',
          retentionInDays: CommonDefaults.ACCESS_LOG_RETENTION_DAYS,
          localAuthenticationEnabled: false,
          tags: spec.tags,
        })
      : undefined;
  const diagnostics = new MonitorDiagnosticSetting(scope, 'Diagnostics', {
    name: 'eventhub-logs',
    targetResourceId: spec.namespaceId,
    logAnalyticsWorkspaceId: spec.workspaceId ?? logWorkspace?.id,
    enabledLog: STREAM_LOG_CATEGORY_GROUPS.map((categoryGroup) => ({ categoryGroup })),
  });

  const notificationTarget =
    spec.notificationTarget ??
    (spec.alertEmailAddresses === undefined
      ? undefined
      : new NotificationTarget(scope, 'Notifications', {
          platformName: spec.platform,
          resourceGroup: spec.resourceGroup,
          emailAddresses: spec.alertEmailAddresses,
          tags: spec.userTags,
        }));
  if (!notificationTarget) {
    warn(
      scope,
      spec.noNotificationWarning,
      "The stream's alerts notify no one: pass 'notificationTarget' or 'alertEmailAddresses'.",
    );
  }

  const common = {
    resourceGroupName: spec.resourceGroup.name,
    scopes: [spec.namespaceId],
    ...STREAM_ALERT_SCHEDULE,
    autoMitigate: true,
    action: notificationTarget ? [{ actionGroupId: notificationTarget.actionGroupId }] : undefined,
    tags: spec.tags,
  };
  const criteria = (metricName: string, threshold: number) => [
    {
      metricNamespace: EVENT_HUBS_METRIC_NAMESPACE,
      metricName,
      aggregation: 'Total',
      operator: 'GreaterThan',
      threshold,
    },
  ];
  return {
    logWorkspace,
    diagnostics,
    notificationTarget,
    throttledRequests: new MonitorMetricAlert(scope, 'ThrottledRequestsAlert', {
      ...common,
      name: named(StreamNameRules.MONITOR_RESOURCE, 'throttled'),
      description: 'Event Hubs throttled requests: producers or Capture exceed the namespace capacity.',
      severity: 2,
      criteria: criteria('ThrottledRequests', 0),
    }),
    captureBacklog: new MonitorMetricAlert(scope, 'CaptureBacklogAlert', {
      ...common,
      name: named(StreamNameRules.MONITOR_RESOURCE, 'capture-backlog'),
      description: 'Event Hubs Capture is falling behind: events are not reaching the lake.',
      severity: 1,
      criteria: criteria('CaptureBacklog', spec.captureBacklogThreshold),
    }),
  };
}
