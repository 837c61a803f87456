/**
 * The Data Factory pipeline's activities (one Synapse activity per Spark step, chained on success)
 * and its schedule, resolved and validated. Internal: not exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';
import { Fn, Token } from '../../../terraform';
import { lakeFilesystem } from '../../private/lake-filesystems';
import type { ResolvedSparkStep } from '../../private/spark-steps';
import { SPARK_STEP_PATH_PARAMETERS } from '../../processing/spark-step';
import type { ILakeStorage } from '../../storage/lake-storage';
import { type PipelineSchedule, ScheduleFrequency } from '../pipeline-types';

/** How each activity retries and times out. */
export interface ActivityPolicy {
  /** Attempts per step, the first included. */
  readonly maxAttempts: number;
  /** Seconds between attempts. */
  readonly retryDelaySeconds: number;
  readonly timeoutMinutes: number;
}

/** The activity policy's `retry`: the attempts after the first; a number token becomes a Terraform sum. */
export function activityRetries(maxAttempts: number): number {
  return isUnresolved(maxAttempts) ? Token.asNumber(Fn.sum([maxAttempts, -1])) : maxAttempts - 1;
}

/** Where the activities run. */
export interface ActivityTargets {
  /** The factory's linked service to the Synapse workspace (Azure Synapse Analytics (Artifacts)). */
  readonly linkedServiceName: string;
  /** The Spark pool every step runs on. */
  readonly sparkPoolName: string;
  /** The lake whose zones the steps read and write. */
  readonly lake: ILakeStorage;
}

/** An ADF activity timeout (`D.HH:MM:SS`) for a number of minutes. */
export function activityTimeout(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(minutes / 1440);
  return `${days}.${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}:00`;
}

/**
 * One activity per step, in order: a `SynapseNotebook` or `SparkJob` activity on the job's pool,
 * through the Synapse linked service, given its zones' `abfss://` roots, each after the previous
 * one succeeded, with the retry policy. Inputs and outputs are logged (not `secure*`), so run logs
 * show what failed.
 */
export function stepActivities(
  steps: readonly ResolvedSparkStep[],
  targets: ActivityTargets,
  policy: ActivityPolicy,
): Record<string, unknown>[] {
  const pool = { referenceName: targets.sparkPoolName, type: 'BigDataPoolReference' };
  return steps.map((step, i) => {
    const paths: Record<string, string> = {
      [SPARK_STEP_PATH_PARAMETERS.SOURCE]: lakeFilesystem(targets.lake, step.sourceZone).abfss,
      [SPARK_STEP_PATH_PARAMETERS.TARGET]: lakeFilesystem(targets.lake, step.targetZone).abfss,
    };
    const parameters = { ...paths, ...step.parameters };
    const typeProperties =
      step.kind === 'notebook'
        ? {
            notebook: { referenceName: step.artifact, type: 'NotebookReference' },
            sparkPool: pool,
            parameters: Object.fromEntries(
              Object.entries(parameters).map(([name, value]) => [name, { value, type: 'string' }]),
            ),
          }
        : {
            sparkJob: { referenceName: step.artifact, type: 'SparkJobDefinitionReference' },
            targetBigDataPool: pool,
            args: Object.entries(parameters).flatMap(([name, value]) => [`--${name}`, value]),
          };
    return {
      name: step.name,
      description: `data-platform-kit: ${step.sourceZone} -> ${step.targetZone}`,
      type: step.kind === 'notebook' ? 'SynapseNotebook' : 'SparkJob',
      dependsOn: i === 0 ? [] : [{ activity: steps[i - 1].name, dependencyConditions: ['Succeeded'] }],
      policy: {
        timeout: activityTimeout(policy.timeoutMinutes),
        retry: activityRetries(policy.maxAttempts),
        retryIntervalInSeconds: policy.retryDelaySeconds,
        secureInput: false,
        secureOutput: false,
      },
      userProperties: [],
      linkedServiceName: { referenceName: targets.linkedServiceName, type: 'LinkedServiceReference' },
      typeProperties,
    };
  });
}

/** A schedule with every default resolved. */
export interface ResolvedSchedule {
  readonly frequency: ScheduleFrequency;
  readonly interval: number;
  readonly hours?: number[];
  readonly minutes?: number[];
  readonly startTime?: string;
  readonly timeZone: string;
}

/** The schedule's defaults, for `Pipeline`'s `DEFAULT_SCHEDULE_*` constants. */
export const SCHEDULE_DEFAULTS = {
  FREQUENCY: ScheduleFrequency.DAY,
  INTERVAL: 1,
  HOUR: 2,
  MINUTE: 0,
  TIME_ZONE: 'UTC',
  INTERVAL_RANGE: { min: 1, max: 1000 },
} as const;

const WITH_HOURS: readonly ScheduleFrequency[] = [
  ScheduleFrequency.DAY,
  ScheduleFrequency.WEEK,
  ScheduleFrequency.MONTH,
];
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Resolves the schedule's defaults and validates it: ranges and the start time
 * (`DPK_OUT_OF_RANGE`), hours or minutes a frequency does not take (`DPK_CONFLICTING_PROPS`).
 */
export function resolveSchedule(scope: IConstruct, schedule: PipelineSchedule = {}): ResolvedSchedule {
  const frequency = schedule.frequency ?? SCHEDULE_DEFAULTS.FREQUENCY;
  const interval = schedule.interval ?? SCHEDULE_DEFAULTS.INTERVAL;
  const takesHours = WITH_HOURS.includes(frequency);
  const takesMinutes = frequency !== ScheduleFrequency.MINUTE;
  const conflict = (prop: string, received: unknown) => {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: `schedule.${prop}`,
      received,
      allowed: `unset for frequency ${frequency} (hours: Day, Week, Month; minutes: every frequency but Minute)`,
    });
  };
  if (schedule.hours !== undefined && !takesHours) conflict('hours', schedule.hours);
  if (schedule.minutes !== undefined && !takesMinutes) conflict('minutes', schedule.minutes);
  const hours = schedule.hours ?? (takesHours ? [SCHEDULE_DEFAULTS.HOUR] : undefined);
  const minutes = schedule.minutes ?? (takesMinutes ? [SCHEDULE_DEFAULTS.MINUTE] : undefined);

  const violations: Violation[] = [];
  const integer = (prop: string, value: number, min: number, max: number) => {
    if (isUnresolved(value) || (Number.isInteger(value) && value >= min && value <= max)) return;
    violations.push({ prop, received: value, allowed: `an integer from ${min} to ${max}` });
  };
  const { min, max } = SCHEDULE_DEFAULTS.INTERVAL_RANGE;
  integer('schedule.interval', interval, min, max);
  (hours ?? []).forEach((h, i) => integer(`schedule.hours[${i}]`, h, 0, 23));
  (minutes ?? []).forEach((m, i) => integer(`schedule.minutes[${i}]`, m, 0, 59));
  for (const [prop, list] of [
    ['hours', hours],
    ['minutes', minutes],
  ] as const) {
    if (list !== undefined && list.length === 0) {
      violations.push({ prop: `schedule.${prop}`, received: [], allowed: 'at least one value, or unset' });
    }
  }
  const start = schedule.startTime;
  if (
    start !== undefined &&
    !isUnresolved(start) &&
    !(RFC3339_UTC.test(start) && !isNaN(Date.parse(start)))
  ) {
    violations.push({
      prop: 'schedule.startTime',
      received: start,
      allowed: "an RFC 3339 time in UTC, e.g. '2026-01-01T00:00:00Z'",
    });
  }
  ValidationError.throwIfAny(ErrorCode.OUT_OF_RANGE, scope, violations);
  return {
    frequency,
    interval,
    hours,
    minutes,
    startTime: start,
    timeZone: schedule.timeZone ?? SCHEDULE_DEFAULTS.TIME_ZONE,
  };
}
