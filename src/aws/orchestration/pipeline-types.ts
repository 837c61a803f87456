import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { DataRemovalPolicy, Tags } from '../../core/internal';
import type { INotificationTarget } from '../monitoring/notification-target';
import type { INetwork } from '../network/network';
import type { SparkJobRuntimeOptions } from '../processing/spark-job-types';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/**
 * One step of a pipeline: a Spark job that reads one zone of the lake and writes another. Its
 * role is granted exactly that (the lake's `grantRead` on `sourceZone`, `grantReadWrite` on
 * `targetZone`).
 *
 * @example
 * const step: PipelineStep = {
 *   name: 'clean',
 *   sourceZone: 'raw',
 *   targetZone: 'curated',
 *   script: SparkJobScript.fromAsset(path.join(__dirname, 'clean.py')),
 * };
 */
export interface PipelineStep extends SparkJobRuntimeOptions {
  /** Step name, unique in the pipeline (1-20 of a-z, 0-9, '-'); names the step's job and state. */
  readonly name: string;
  /** The zone the step reads. */
  readonly sourceZone: string;
  /** The zone the step writes (not `sourceZone`). */
  readonly targetZone: string;
}

/** Props of the AWS {@link Pipeline}. */
export interface PipelineProps {
  /** Platform name that derived names start with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /** Pipeline name within the platform (1-20 of a-z, 0-9, '-'); part of derived names. */
  readonly pipelineName: string;
  /** The lake the steps read and write. */
  readonly lake: ILakeStorage;
  /** The steps, run one after the other in this order (`Pipeline.STEPS_RANGE`: 1 to 10). */
  readonly steps: readonly PipelineStep[];
  /**
   * The network the steps' workers run in (see `SparkJobProps.network`).
   * @default - Glue's own network (no VPC)
   */
  readonly network?: INetwork;
  /**
   * When the pipeline runs: a cron, rate or one-time expression with its time zone. The
   * schedule's flexible time window is off: runs start at the stated time.
   * @default Pipeline.DEFAULT_SCHEDULE (every day at 02:00 UTC)
   */
  readonly schedule?: scheduler.ScheduleExpression;
  /**
   * Leave the schedule disabled (runs start only by hand, `grantStart`) until this is false.
   * @default false
   */
  readonly paused?: boolean;
  /**
   * Where the alarms (failed or timed-out runs, dropped schedule invocations) notify.
   * @default - a new {@link NotificationTarget} (topic and alerts key) owned by this construct
   */
  readonly notificationTarget?: INotificationTarget;
  /**
   * Email addresses subscribed to the kit-made notification target. Cannot be combined with
   * `notificationTarget` (subscribe to your own topic yourself).
   * @default - no subscriptions
   */
  readonly alertEmailAddresses?: readonly string[];
  /**
   * Key for the state machine (definition and execution history), its log group, the schedule
   * and every step's logs and bookmarks. Data the steps write is always encrypted with the
   * lake's key.
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Attempts per step: a step whose Glue run fails is started again until it succeeds or the
   * attempts run out, 1 to 10. (A run refused because the job is still running, or throttled,
   * is retried on its own, `Pipeline.BUSY_RETRY_ATTEMPTS` times.)
   * @default 3
   */
  readonly maxAttempts?: number;
  /**
   * Seconds before the first retry of a failed step, 1 to 3600; each further retry waits twice
   * as long.
   * @default 300
   */
  readonly retryDelaySeconds?: number;
  /**
   * Minutes a whole run (every step, with its retries) may take before Step Functions stops it
   * and the timed-out alarm fires, 1 to 525600 (a year, the longest a standard workflow may run).
   * Each step's own limit is its `timeoutMinutes` (the Glue run's).
   * @default 1440 (a day, so a daily run never overlaps the next)
   */
  readonly runTimeoutMinutes?: number;
  /**
   * Days the run logs (the state machine's and every step's) are kept (a retention CloudWatch
   * Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
   * 2192, 2557, 2922, 3288, 3653).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * What happens to the log groups (and a kit-made notification key) when they leave the stack
   * (DESTROY also needs the `data-platform-kit:removeDataOnDestroy` flag).
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags for the pipeline's resources, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}
