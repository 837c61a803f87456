import type { DataRemovalPolicy } from '../../core/removal';
import type { Tags } from '../../core/tags';
import type { INotificationTarget } from '../monitoring/notification-target';
import type { INetwork } from '../network/network';
import type { SparkJobScript } from '../processing/spark-job-script';
import type { SparkJobRuntimeOptions } from '../processing/spark-job-types';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/**
 * One step of a pipeline: a Spark job that reads one zone of the lake and writes another. Its
 * identity is granted exactly that (read on `sourceZone`, read-write on `targetZone`).
 */
export interface PipelineStep extends SparkJobRuntimeOptions {
  /** Step name, unique in the pipeline (1-20 of a-z, 0-9, '-'); names the job and its batches. */
  readonly name: string;
  /** The zone the step reads. */
  readonly sourceZone: string;
  /** The zone the step writes (not `sourceZone`). */
  readonly targetZone: string;
  /**
   * The PySpark file the step runs: `SparkJobScript.fromAsset(path)` uploads a local file into
   * the pipeline's code bucket (only the deployer writes it); not with `mainPythonFileUri`,
   * `mainJarFileUri` or `mainClass`.
   * @default - none; set this or one of the runtime's main files
   */
  readonly script?: SparkJobScript;
}

/** When a pipeline runs: a unix-cron schedule in a time zone. */
export interface PipelineSchedule {
  /**
   * Five-field unix-cron expression (minute hour day-of-month month day-of-week), e.g.
   * `'0 3 * * *'` for every day at 03:00.
   * @see https://cloud.google.com/scheduler/docs/configuring/cron-job-schedules
   */
  readonly cron: string;
  /**
   * IANA time zone the expression is read in (`'Europe/Brussels'`); daylight-saving changes follow it.
   * @default 'Etc/UTC'
   */
  readonly timeZone?: string;
}

/** How much of each call a workflow execution logs to Cloud Logging. */
export enum WorkflowCallLogLevel {
  /** Every call and its response (the batch request bodies included). */
  LOG_ALL_CALLS = 'LOG_ALL_CALLS',
  /** Only calls that raised an exception. */
  LOG_ERRORS_ONLY = 'LOG_ERRORS_ONLY',
  /** No call logging (execution start and end are still logged). */
  LOG_NONE = 'LOG_NONE',
}

/** Props of {@link Pipeline}. */
export interface PipelineProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** Pipeline name within the platform (1-20 of a-z, 0-9, '-'); part of derived names. */
  readonly pipelineName: string;
  /** The lake the steps read and write. */
  readonly lake: ILakeStorage;
  /**
   * The network the steps run in; its region is the pipeline's region (workflow, schedule,
   * batches, log bucket). A kit `Network` needs `allowInternalIngress: true`.
   */
  readonly network: INetwork;
  /** The steps, run one after the other in this order (`Pipeline.STEPS_RANGE`: 1 to 20). */
  readonly steps: readonly PipelineStep[];
  /**
   * When the pipeline runs.
   * @default Pipeline.DEFAULT_SCHEDULE (every day at 02:00 UTC)
   */
  readonly schedule?: PipelineSchedule;
  /**
   * Leave the schedule paused (runs start only by hand) until this is false.
   * @default - false when the stack deploys every step's code (`SparkJobScript.fromAsset`), else
   *   true: code the deployment does not carry may not exist yet, and a run would fail and page
   */
  readonly paused?: boolean;
  /**
   * Where failed runs and failed schedule attempts alert.
   * @default - the alert policies open incidents but notify nobody (a warning says so)
   */
  readonly notificationTarget?: INotificationTarget;
  /**
   * Key for the workflow, its executions, the run-log bucket and every step's workload (CMEK), in
   * the network's region.
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Project of the pipeline (its service accounts, workflow, schedule, logs and batches).
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Attempts per step: a step whose batch ends FAILED or CANCELLED is submitted again (as a new
   * batch) until it succeeds or the attempts run out, 1 to 10.
   * @default 3
   */
  readonly maxAttempts?: number;
  /**
   * Seconds between a failed attempt and the next one, 0 to 3600.
   * @default 300
   */
  readonly retryDelaySeconds?: number;
  /**
   * Seconds between two looks at a running batch, 10 to 600.
   * @default 60
   */
  readonly pollIntervalSeconds?: number;
  /**
   * Days the run logs (workflow, schedule and batch logs) are kept in the pipeline's log bucket,
   * 1 to 3650. Cloud Logging's `_Default` bucket keeps its own copy for 30 days.
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Call logging of workflow executions.
   * @default WorkflowCallLogLevel.LOG_ERRORS_ONLY
   */
  readonly callLogLevel?: WorkflowCallLogLevel;
  /**
   * Hours after which an incident whose condition stopped reporting closes by itself, 1 to 168.
   * @default 24
   */
  readonly alertAutoCloseHours?: number;
  /**
   * What happens to the run-log bucket when it leaves the stack (DESTROY also needs the flag).
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Labels for the pipeline's resources and batches, on top of the kit's own.
   * @default - only the kit's `data-platform` label (and `data-zone` on batches)
   */
  readonly tags?: Tags;
  /**
   * Enable the Workflows, Cloud Scheduler, Cloud Logging, Cloud Monitoring, Dataproc, Compute
   * Engine and IAM APIs (`google_project_service`, never disabled on destroy).
   * @default true
   */
  readonly enableApis?: boolean;
}
