import { DataGoogleLoggingProjectCmekSettings } from '@cdktf/provider-google/lib/data-google-logging-project-cmek-settings';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { LoggingProjectSink } from '@cdktf/provider-google/lib/logging-project-sink';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { Construct } from 'constructs';
import type { Tags } from '../../../core/tags';
import { isUnresolved } from '../../../core/tokens';
import { propagationWait, warn } from '../../../terraform';
import { Principal } from '../../iam/principal';
import type { INotificationTarget } from '../../monitoring/notification-target';
import { dependsOnAll } from '../../private/project-services';
import { duration } from '../../private/pubsub';
import type { IEncryptionKey } from '../../security/encryption-key';

/** The Cloud Monitoring metric a pipeline's runs are watched on, and its failed status. */
export const PIPELINE_METRICS = {
  /** Finished workflow executions, by `status` (SUCCEEDED, FAILED, CANCELLED); DELTA. */
  finishedExecutions: 'workflows.googleapis.com/finished_execution_count',
  failedStatus: 'FAILED',
} as const;

/** Seconds between two notifications of one log-match alert (Cloud Monitoring requires a limit). */
const LOG_ALERT_RATE_LIMIT_SECONDS = 3_600;

/** Where a pipeline's run logs come from, and where they go. */
export interface RunLogsSpec {
  readonly project?: string;
  readonly projectId: string;
  readonly region: string;
  readonly bucketId: string;
  readonly sinkName: string;
  readonly description: string;
  readonly retentionDays: number;
  readonly key: IEncryptionKey;
  readonly workflowName: string;
  readonly schedulerJobName: string;
  readonly batchIdPrefixes: readonly string[];
  readonly apiServices: readonly ProjectService[];
}

/** A pipeline's own log bucket (CMEK, retention) and the sink that routes its run logs there. */
export interface RunLogs {
  readonly settings: DataGoogleLoggingProjectCmekSettings;
  readonly keyGrant: KmsCryptoKeyIamMember;
  readonly bucket: LoggingProjectBucketConfig;
  readonly sink: LoggingProjectSink;
}

/** The Cloud Logging filter of a pipeline's runs: its workflow, its schedule and its batches. */
export function runLogFilter(
  spec: Pick<RunLogsSpec, 'region' | 'workflowName' | 'schedulerJobName' | 'batchIdPrefixes'>,
): string {
  return [
    `(resource.type="workflows.googleapis.com/Workflow" AND resource.labels.workflow_id="${spec.workflowName}" AND resource.labels.location="${spec.region}")`,
    `(resource.type="cloud_scheduler_job" AND resource.labels.job_id="${spec.schedulerJobName}" AND resource.labels.location="${spec.region}")`,
    `(resource.type="cloud_dataproc_batch" AND resource.labels.location="${spec.region}" AND resource.labels.batch_id=~"^(${spec.batchIdPrefixes.join('|')})-")`,
  ].join(' OR ');
}

/**
 * A log bucket in the pipeline's region that keeps the run logs `retentionDays`, encrypted with the
 * key (the project's Cloud Logging service account, read from `data.google_logging_project_cmek_settings`,
 * is granted on the key before the bucket exists), and a sink routing the workflow's, schedule's
 * and batches' logs into it. A sink into a log bucket of its own project needs no grant.
 */
export function newRunLogs(scope: Construct, spec: RunLogsSpec): RunLogs {
  // No depends_on: its service account feeds the key grant's member, which must stay known at
  // plan (logging.googleapis.com is on in every new project).
  const settings = new DataGoogleLoggingProjectCmekSettings(scope, 'LoggingSettings', {
    project: spec.projectId,
  });
  const where =
    spec.project === undefined
      ? '<provider project>'
      : isUnresolved(spec.project)
        ? scope.node.path
        : spec.project;
  const keyGrant = spec.key.grantEncryptDecrypt(
    Principal.fromMember(`serviceAccount:${settings.serviceAccountId}`, `logging-service-agent:${where}`),
  );
  const bucket = new LoggingProjectBucketConfig(scope, 'LogBucket', {
    project: spec.projectId,
    location: spec.region,
    bucketId: spec.bucketId,
    description: spec.description,
    retentionDays: spec.retentionDays,
    cmekSettings: { kmsKeyName: spec.key.cryptoKeyId },
    // Cloud Logging checks the key grant when the bucket is created: wait for it to propagate.
    dependsOn: [propagationWait(scope, 'LoggingKeyGrantWait', [keyGrant], 60), ...spec.apiServices],
  });
  const sink = new LoggingProjectSink(scope, 'LogSink', {
    project: spec.project,
    name: spec.sinkName,
    description: `Routes the run logs of ${spec.workflowName} to its log bucket.`,
    destination: `logging.googleapis.com/${bucket.id}`,
    filter: runLogFilter(spec),
    uniqueWriterIdentity: true,
  });
  return { settings, keyGrant, bucket, sink };
}

/** What a pipeline's alert policies watch and whom they notify. */
export interface PipelineAlertsSpec {
  /** Warning id for alerts without a notification target. */
  readonly warningId: string;
  readonly project?: string;
  readonly region: string;
  readonly name: string;
  readonly workflowName: string;
  readonly schedulerJobName: string;
  readonly logBucketId: string;
  readonly target?: INotificationTarget;
  readonly autoCloseSeconds: number;
  readonly labels: Tags;
  readonly apiServices: readonly ProjectService[];
}

/** The two alert policies of a pipeline. */
export interface PipelineAlerts {
  readonly runFailed: MonitoringAlertPolicy;
  readonly scheduleFailed: MonitoringAlertPolicy;
}

/**
 * Alert policies on the two ways a scheduled run goes wrong: an execution of the workflow finished
 * FAILED (a step's batch failed every attempt, or timed out), and the schedule could not start an
 * execution (Cloud Scheduler logged an error for the job).
 */
export function pipelineAlerts(scope: Construct, spec: PipelineAlertsSpec): PipelineAlerts {
  if (!spec.target) {
    warn(
      scope,
      spec.warningId,
      'No notificationTarget was given: the alert policies open incidents in Cloud Monitoring but notify nobody.',
    );
  }
  const common = {
    project: spec.project,
    combiner: 'OR',
    enabled: true,
    severity: 'ERROR',
    notificationChannels: spec.target ? [...spec.target.notificationChannelIds] : undefined,
    userLabels: spec.labels,
    dependsOn: dependsOnAll(spec.apiServices),
  };
  const runFailed = new MonitoringAlertPolicy(scope, 'RunFailedAlert', {
    ...common,
    displayName: `${spec.name}: pipeline run failed`,
    alertStrategy: { autoClose: duration(spec.autoCloseSeconds) },
    conditions: [
      {
        displayName: 'A workflow execution finished FAILED',
        conditionThreshold: {
          filter:
            `resource.type = "workflows.googleapis.com/Workflow" AND metric.type = "${PIPELINE_METRICS.finishedExecutions}" AND ` +
            `metric.labels.status = "${PIPELINE_METRICS.failedStatus}" AND ` +
            `resource.labels.workflow_id = "${spec.workflowName}" AND resource.labels.location = "${spec.region}"`,
          comparison: 'COMPARISON_GT',
          thresholdValue: 0,
          duration: '0s',
          aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_SUM' }],
          trigger: { count: 1 },
        },
      },
    ],
    documentation: {
      mimeType: 'text/markdown',
      subject: `[${spec.name}] pipeline run failed`,
      content:
        `A run of pipeline **${spec.name}** (workflow \`${spec.workflowName}\`, ${spec.region}) failed: a step's ` +
        'Dataproc Serverless batch ended FAILED or CANCELLED on every attempt, or ran past its timeout. Later ' +
        'steps did not run.\n\n' +
        "* The execution's error names the step and the batch: `gcloud workflows executions list` / `describe`.\n" +
        "* The batch's driver output and state message: `gcloud dataproc batches describe <batch>`.\n" +
        `* Run logs are kept in the log bucket \`${spec.logBucketId}\`.\n\n` +
        'After fixing the cause, start a run by hand: `gcloud workflows run ' +
        `${spec.workflowName} --location=${spec.region}\`.`,
    },
  });
  const scheduleFailed = new MonitoringAlertPolicy(scope, 'ScheduleFailedAlert', {
    ...common,
    displayName: `${spec.name}: schedule could not start a run`,
    alertStrategy: {
      autoClose: duration(spec.autoCloseSeconds),
      notificationRateLimit: { period: duration(LOG_ALERT_RATE_LIMIT_SECONDS) },
    },
    conditions: [
      {
        displayName: 'Cloud Scheduler logged an error for the job',
        conditionMatchedLog: {
          filter:
            `resource.type = "cloud_scheduler_job" AND resource.labels.job_id = "${spec.schedulerJobName}" AND ` +
            `resource.labels.location = "${spec.region}" AND severity >= ERROR`,
        },
      },
    ],
    documentation: {
      mimeType: 'text/markdown',
      subject: `[${spec.name}] schedule could not start a run`,
      content:
        `Cloud Scheduler job \`${spec.schedulerJobName}\` could not start an execution of workflow ` +
        `\`${spec.workflowName}\`, so the scheduled run of pipeline **${spec.name}** did not happen.\n\n` +
        "Check that the job's service account still holds `roles/workflows.invoker` and that the workflow " +
        'exists. The job retries on its own; a run can also be started by hand.',
    },
  });
  return { runFailed, scheduleFailed };
}
