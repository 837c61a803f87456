import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { NameRules, validateLiteralNamePart, validateName } from '../../../core/naming';
import { type IntegerRange, validateIntegerRange } from '../../../core/ranges';
import { isUnresolved } from '../../../core/tokens';
import { literalNumber } from '../../private/pubsub';
import {
  type PipelineProps,
  type PipelineSchedule,
  type PipelineStep,
  WorkflowCallLogLevel,
} from '../pipeline-types';

/** The construct's `DEFAULT_*` constants (the class itself is passed). */
export interface PipelineDefaults {
  readonly DEFAULT_SCHEDULE: Required<PipelineSchedule>;
  readonly DEFAULT_TIME_ZONE: string;
  readonly DEFAULT_PAUSED: boolean;
  readonly DEFAULT_MAX_ATTEMPTS: number;
  readonly DEFAULT_RETRY_DELAY_SECONDS: number;
  readonly DEFAULT_POLL_INTERVAL_SECONDS: number;
  readonly DEFAULT_LOG_RETENTION_DAYS: number;
  readonly DEFAULT_CALL_LOG_LEVEL: WorkflowCallLogLevel;
  readonly DEFAULT_ALERT_AUTO_CLOSE_HOURS: number;
  readonly DEFAULT_ENABLE_APIS: boolean;
}

/** A pipeline's props with defaults resolved and validated. */
export interface PipelineSettings {
  readonly cron: string;
  readonly timeZone: string;
  readonly paused: boolean;
  readonly maxAttempts: number;
  readonly retryDelaySeconds: number;
  readonly pollSeconds: number;
  readonly logRetentionDays: number;
  readonly callLogLevel: WorkflowCallLogLevel;
  readonly alertAutoCloseSeconds: number;
  readonly enableApis: boolean;
}

/** The five unix-cron fields: name, lowest and highest value, and the names a field accepts. */
const CRON_FIELDS: readonly (readonly [string, number, number, readonly string[]])[] = [
  ['minute', 0, 59, []],
  ['hour', 0, 23, []],
  ['day of month', 1, 31, []],
  ['month', 1, 12, ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']],
  ['day of week', 0, 7, ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']],
];

/** True when `item` (`*`, `5`, `1-5`, `*\/15`, `MON-FRI`, `0-30/10`) fits a field's range. */
function cronItemFits(item: string, min: number, max: number, names: readonly string[]): boolean {
  const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
  if (!m) return false;
  if (m[2] !== undefined && !(Number(m[2]) >= 1 && Number(m[2]) <= max)) return false;
  if (m[1] === '*') return true;
  const value = (v: string) => {
    const i = names.indexOf(v.toUpperCase());
    if (i >= 0) return min + i;
    return /^\d+$/.test(v) ? Number(v) : NaN;
  };
  const [from, to = from] = m[1].split('-').map(value);
  return from >= min && to <= max && from <= to;
}

/** Validates a five-field unix-cron expression (`DPK_OUT_OF_RANGE`); a token passes. */
export function validateCron(scope: IConstruct, cron: string, prop = 'schedule.cron'): string {
  if (isUnresolved(cron)) return cron;
  const fields = typeof cron === 'string' ? cron.trim().split(/\s+/) : [];
  const fits =
    fields.length === CRON_FIELDS.length &&
    fields.every((field, i) =>
      field
        .split(',')
        .every((item) => cronItemFits(item, CRON_FIELDS[i][1], CRON_FIELDS[i][2], CRON_FIELDS[i][3])),
    );
  if (!fits) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: cron,
      allowed:
        "a unix-cron expression of five fields (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-7 or SUN-SAT), e.g. '0 3 * * *'",
    });
  }
  return cron;
}

/** Validates an IANA time zone (`DPK_INVALID_LOCATION`); a token passes. */
export function validateTimeZone(scope: IConstruct, timeZone: string, prop = 'schedule.timeZone'): string {
  if (isUnresolved(timeZone)) return timeZone;
  let known =
    typeof timeZone === 'string' && /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  try {
    if (known) new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    known = false;
  }
  if (!known) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop,
      received: timeZone,
      allowed: "an IANA time zone like 'Etc/UTC' or 'Europe/Brussels'",
    });
  }
  return timeZone;
}

/**
 * Validates the steps: as many as `range` allows (`DPK_OUT_OF_RANGE`), each name a literal component name
 * (`DPK_INVALID_NAME`), no name twice (`DPK_INVALID_NAME`). Zones and runtime options are checked
 * by each step's job.
 */
export function validateSteps(scope: IConstruct, steps: readonly PipelineStep[], range: IntegerRange): void {
  if (steps.length < range.min || steps.length > range.max) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'steps',
      received: `${steps.length} steps`,
      allowed: `from ${range.min} to ${range.max} steps`,
    });
  }
  steps.forEach((step, i) => {
    const prop = `steps[${i}].name`;
    validateName(scope, NameRules.COMPONENT, prop, validateLiteralNamePart(scope, prop, step.name));
    if (steps.findIndex((s) => s.name === step.name) !== i) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
        prop,
        received: step.name,
        allowed: 'a step name no other step of the pipeline has',
      });
    }
  });
}

/** `value` validated in `min..max` and known at synth time (it is written into the workflow program). */
function literalInRange(scope: IConstruct, prop: string, value: number, min: number, max: number): number {
  validateIntegerRange(scope, prop, value, min, max);
  return literalNumber(scope, prop, value);
}

/** Resolves and validates a pipeline's props (every `DPK_*` error of them but names and steps). */
export function resolvePipelineSettings(
  scope: IConstruct,
  props: PipelineProps,
  d: PipelineDefaults,
): PipelineSettings {
  const schedule = props.schedule ?? d.DEFAULT_SCHEDULE;
  return {
    cron: validateCron(scope, schedule.cron),
    timeZone: validateTimeZone(scope, schedule.timeZone ?? d.DEFAULT_TIME_ZONE),
    paused:
      props.paused ?? (props.steps.every((step) => step.script?.isAsset === true) ? d.DEFAULT_PAUSED : true),
    maxAttempts: literalInRange(scope, 'maxAttempts', props.maxAttempts ?? d.DEFAULT_MAX_ATTEMPTS, 1, 10),
    retryDelaySeconds: literalInRange(
      scope,
      'retryDelaySeconds',
      props.retryDelaySeconds ?? d.DEFAULT_RETRY_DELAY_SECONDS,
      0,
      3_600,
    ),
    pollSeconds: literalInRange(
      scope,
      'pollIntervalSeconds',
      props.pollIntervalSeconds ?? d.DEFAULT_POLL_INTERVAL_SECONDS,
      10,
      600,
    ),
    logRetentionDays: validateIntegerRange(
      scope,
      'logRetentionDays',
      props.logRetentionDays ?? d.DEFAULT_LOG_RETENTION_DAYS,
      1,
      3_650,
    ),
    callLogLevel: props.callLogLevel ?? d.DEFAULT_CALL_LOG_LEVEL,
    alertAutoCloseSeconds:
      literalInRange(
        scope,
        'alertAutoCloseHours',
        props.alertAutoCloseHours ?? d.DEFAULT_ALERT_AUTO_CLOSE_HOURS,
        1,
        168,
      ) * 3_600,
    enableApis: props.enableApis ?? d.DEFAULT_ENABLE_APIS,
  };
}
