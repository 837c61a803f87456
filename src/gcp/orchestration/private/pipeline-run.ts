import type { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import { LoggingProjectExclusion } from '@cdktf/provider-google/lib/logging-project-exclusion';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { WorkflowsWorkflow } from '@cdktf/provider-google/lib/workflows-workflow';
import type { PipelineConfig } from './pipeline-config';
import { type PipelineAlerts, pipelineAlerts, runLogFilter } from './pipeline-monitoring';
import { newSchedule } from './pipeline-resources';
import { renderWorkflowSource, workflowProgram } from './workflow-source';
import type { ITerraformDependable } from '../../../terraform';
import type { INotificationTarget } from '../../monitoring/notification-target';
import { ALERTS_WITHOUT_CHANNELS_WARNING } from '../../streaming/stream-ingestion-types';
import type { Pipeline } from '../pipeline';
import type { PipelineStep } from '../pipeline-types';

/** `items` without repeats, first occurrence kept (a `depends_on` lists each resource once). */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** How long the workflow waits for a batch beyond its timeout, and how the schedule retries. */
export interface RunTimings {
  readonly RUN_TIMEOUT_MARGIN_MINUTES: number;
  readonly SCHEDULER_ATTEMPT_DEADLINE_SECONDS: number;
  readonly SCHEDULER_RETRY_COUNT: number;
  readonly SCHEDULER_MIN_BACKOFF_SECONDS: number;
  readonly SCHEDULER_MAX_BACKOFF_SECONDS: number;
}

/**
 * The workflow running `pipeline`'s steps in order as its own service account, encrypted with the
 * pipeline's key, after the key grants and the Workflows API.
 */
export function createWorkflow(
  pipeline: Pipeline,
  config: PipelineConfig,
  steps: readonly PipelineStep[],
  timings: RunTimings,
  apis: readonly ProjectService[],
): WorkflowsWorkflow {
  const { platform, settings } = config;
  return new WorkflowsWorkflow(pipeline, 'Workflow', {
    project: pipeline.project,
    region: pipeline.region,
    name: pipeline.workflowName,
    // Workflows takes at most 1000 characters.
    description: `Runs the ${pipeline.pipelineName} pipeline of the ${platform} data platform: ${steps
      .map((s) => `${s.name} (${s.sourceZone} to ${s.targetZone})`)
      .join(', then ')}.`.slice(0, 1000),
    serviceAccount: pipeline.workflowServiceAccount.email,
    cryptoKeyName: pipeline.encryptionKey.cryptoKeyId,
    callLogLevel: settings.callLogLevel,
    labels: { ...config.labels },
    // Holds no data: its source is in the stack, its run logs in the log bucket.
    deletionProtection: false,
    sourceContents: renderWorkflowSource(
      workflowProgram({
        steps: pipeline.jobs.map((job) => ({
          name: job.jobName,
          batchIdPrefix: job.batchIdPrefix,
          body: job.batchRequest,
          timeoutSeconds: (job.timeoutMinutes + timings.RUN_TIMEOUT_MARGIN_MINUTES) * 60,
        })),
        maxAttempts: settings.maxAttempts,
        retryDelaySeconds: settings.retryDelaySeconds,
        pollSeconds: settings.pollSeconds,
      }),
    ),
    dependsOn: unique<ITerraformDependable>([pipeline.keyGrantWait, ...apis]),
  });
}

/** The schedule starting `pipeline`'s runs; the first run waits for every permission it needs. */
export function createSchedule(
  pipeline: Pipeline,
  config: PipelineConfig,
  timings: RunTimings,
  apis: readonly ProjectService[],
): CloudSchedulerJob {
  const { platform, settings, names } = config;
  return newSchedule(pipeline, {
    project: pipeline.project,
    region: pipeline.region,
    name: names.schedulerJob,
    description: `Starts the ${pipeline.pipelineName} pipeline of the ${platform} data platform.`,
    cron: settings.cron,
    timeZone: settings.timeZone,
    paused: settings.paused,
    attemptDeadlineSeconds: timings.SCHEDULER_ATTEMPT_DEADLINE_SECONDS,
    retryCount: timings.SCHEDULER_RETRY_COUNT,
    minBackoffSeconds: timings.SCHEDULER_MIN_BACKOFF_SECONDS,
    maxBackoffSeconds: timings.SCHEDULER_MAX_BACKOFF_SECONDS,
    workflowId: pipeline.workflow.id,
    serviceAccountEmail: pipeline.schedulerServiceAccount.email,
    dependsOn: unique([
      pipeline.runGrantWait,
      ...pipeline.jobs.flatMap((j) => j.deployDependencies),
      ...apis,
    ]),
  });
}

/**
 * Keeps `pipeline`'s run logs out of the `_Default` bucket: the sink copies them into the CMEK
 * bucket, and the legacy exclusions API applies to the _Default sink only, so they no longer also
 * land in _Default (Google-managed encryption).
 */
export function createDefaultBucketExclusion(
  pipeline: Pipeline,
  config: PipelineConfig,
): LoggingProjectExclusion {
  return new LoggingProjectExclusion(pipeline, 'DefaultBucketExclusion', {
    project: pipeline.project,
    name: config.names.defaultBucketExclusion,
    description: `Keeps the ${pipeline.pipelineName} pipeline's run logs (kept in its CMEK log bucket) out of _Default.`,
    filter: runLogFilter({
      region: pipeline.region,
      workflowName: pipeline.workflowName,
      schedulerJobName: config.names.schedulerJob,
      batchIdPrefixes: pipeline.jobs.map((j) => j.batchIdPrefix),
    }),
    dependsOn: [pipeline.logSink],
  });
}

/** The failed-run and failed-schedule alert policies of `pipeline`, to `target`. */
export function createAlerts(
  pipeline: Pipeline,
  config: PipelineConfig,
  target: INotificationTarget | undefined,
  apis: readonly ProjectService[],
): PipelineAlerts {
  return pipelineAlerts(pipeline, {
    warningId: ALERTS_WITHOUT_CHANNELS_WARNING,
    project: pipeline.project,
    region: pipeline.region,
    name: `${config.platform}/${pipeline.pipelineName}`,
    workflowName: pipeline.workflowName,
    schedulerJobName: config.names.schedulerJob,
    logBucketId: pipeline.logBucket.bucketId,
    target,
    autoCloseSeconds: config.settings.alertAutoCloseSeconds,
    labels: config.labels,
    apiServices: apis,
  });
}
