import type { DataRemovalPolicy } from '../../core/removal';
import type { Tags } from '../../core/tags';
import type { INotificationTarget } from '../monitoring/notification-target';
import type { SparkJob } from '../processing/spark-job';
import type { ResourceGroupRef } from '../resource-group';
import type { IEncryptionKey } from '../security/encryption-key';

/** How often a schedule trigger fires (`frequency`), in units of its `interval`. */
export enum ScheduleFrequency {
  MINUTE = 'Minute',
  HOUR = 'Hour',
  DAY = 'Day',
  WEEK = 'Week',
  MONTH = 'Month',
}

/**
 * When a pipeline runs: every `interval` `frequency` units, at `hours`:`minutes` in `timeZone`.
 *
 * @see https://learn.microsoft.com/azure/data-factory/how-to-create-schedule-trigger
 * @example
 * const nightly: PipelineSchedule = { frequency: ScheduleFrequency.DAY, hours: [2], minutes: [30] };
 */
export interface PipelineSchedule {
  /**
   * The recurrence unit.
   * @default ScheduleFrequency.DAY
   */
  readonly frequency?: ScheduleFrequency;
  /**
   * Units between runs (1-1000).
   * @default 1
   */
  readonly interval?: number;
  /**
   * Hours of the day to run at (0-23), for `DAY`, `WEEK` and `MONTH` only.
   * @default - [2] for DAY, WEEK and MONTH; none otherwise
   */
  readonly hours?: number[];
  /**
   * Minutes of the hour to run at (0-59), for every frequency but `MINUTE`.
   * @default - [0] for HOUR, DAY, WEEK and MONTH; none for MINUTE
   */
  readonly minutes?: number[];
  /**
   * When the schedule starts, in UTC (RFC 3339 with `Z`, e.g. `2026-01-01T00:00:00Z`); a time
   * in the past starts it at once. azurerm sends start times in UTC only.
   * @default - the time of the first `terraform apply`
   */
  readonly startTime?: string;
  /**
   * The time zone `hours` and `minutes` are in: a Windows time zone id (`UTC`,
   * `W. Europe Standard Time`). Daylight saving shifts follow the zone.
   * @default 'UTC'
   */
  readonly timeZone?: string;
}

/** Props of `Pipeline`. */
export interface PipelineProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /**
   * Pipeline name within the platform (1-20 of a-z, 0-9 and '-'): the Data Factory pipeline's
   * name, and part of every derived name.
   */
  readonly pipelineName: string;
  /** Resource group of the data factory. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the data factory and its integration runtime.
   * @default - the resource group's location
   */
  readonly location?: string;
  /** The Spark job whose steps the pipeline runs, in order, on the job's pool. */
  readonly sparkJob: SparkJob;
  /**
   * When the pipeline runs.
   * @default - daily at 02:00 UTC (`Pipeline.DEFAULT_SCHEDULE_*`)
   */
  readonly schedule?: PipelineSchedule;
  /**
   * Attempts per step, the first included: a step that fails (or times out) is run again until it
   * succeeds or the attempts run out, 1 to 10 (`Pipeline.MAX_ATTEMPTS_RANGE`). The activity
   * policy's `retry` is `maxAttempts - 1`.
   * @default 3
   */
  readonly maxAttempts?: number;
  /**
   * Seconds between a failed attempt and the next one, 30 to 86400
   * (`Pipeline.RETRY_DELAY_SECONDS_RANGE`, what Data Factory takes).
   * @default 300
   */
  readonly retryDelaySeconds?: number;
  /**
   * Minutes a step may run before it times out and fails the run (5-10080; 7 days is ADF's limit).
   * @default 120
   */
  readonly stepTimeoutMinutes?: number;
  /**
   * Where the failure alerts notify (an action group). Without one the alerts still fire in Azure
   * Monitor, and a warning says that no one is told.
   * @default - no notification
   */
  readonly notificationTarget?: INotificationTarget;
  /**
   * The key that encrypts the factory (customer-managed key, through a user-assigned identity).
   * @default - a new `EncryptionKey` (purpose `pipeline`) in the same resource group
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * The deployer's IPv4 ranges allowed through the firewall of the Key Vault the pipeline creates
   * (see `EncryptionKeyProps.allowedIpRanges`). Not allowed together with `encryptionKey`.
   * @default - the vault has no public endpoint (a warning explains the deployer's reach)
   */
  readonly keyVaultAllowedIpRanges?: string[];
  /**
   * Log Analytics workspace for the run logs (pipeline, activity and trigger runs). Not allowed
   * together with `logRetentionDays`, which sizes a workspace the pipeline creates.
   * @default - the kit lake's log workspace when the lake has one and `logRetentionDays` is unset;
   * otherwise a new workspace keeping logs `logRetentionDays` days
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Days a workspace the pipeline creates keeps run logs (30-730). Setting it makes that workspace.
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Data factory name (globally unique, 3-63 of letters, digits and '-').
   * @default - `<platform>-<pipeline>-adf-<hash of the construct path and resource group>`
   */
  readonly factoryName?: string;
  /**
   * What happens to the run-log workspace and key the pipeline creates when they leave the stack
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
