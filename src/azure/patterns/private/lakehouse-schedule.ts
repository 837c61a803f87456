import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import type { LakehouseSchedule } from '../../../patterns/lakehouse';
import { ScheduleFrequency, type PipelineSchedule } from '../../orchestration/pipeline-types';

/**
 * IANA time zones → the Windows time zone ids Data Factory schedule triggers take. Extend it as
 * users need more; an IANA zone not listed is rejected with the list.
 */
export const WINDOWS_TIME_ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Athens': 'GTB Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'America/Sao_Paulo': 'E. South America Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
  'Asia/Singapore': 'Singapore Standard Time',
  'Asia/Kolkata': 'India Standard Time',
  'Asia/Shanghai': 'China Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
};

const CRON_ALLOWED =
  "a cron Data Factory's schedule trigger can run: day of month, month and day of week '*'; then " +
  "'*' or '*/n' minutes every hour ('*' hour), listed minutes every hour or every n hours, or listed minutes at listed hours";

/** The values of one numeric cron field (lists, ranges, steps), or undefined for `*`. */
function expand(field: string, min: number, max: number): number[] | undefined {
  if (field === '*') return undefined;
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const from = m[2] === undefined ? min : Number(m[2]);
    const to = m[3] === undefined ? (m[2] === undefined || m[4] !== undefined ? max : from) : Number(m[3]);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * Renders a lakehouse schedule (five-field cron in an IANA time zone, already validated by
 * `planLakehouse`) as a Data Factory schedule. Throws `DPK_OUT_OF_RANGE` for a cron Data
 * Factory cannot express through `PipelineSchedule` or an unmapped time zone.
 * @internal
 */
export function renderSchedule(
  scope: IConstruct,
  prop: string,
  schedule: Required<LakehouseSchedule>,
): PipelineSchedule {
  const timeZone = WINDOWS_TIME_ZONES[schedule.timeZone];
  if (timeZone === undefined) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: `${prop}.timeZone`,
      received: schedule.timeZone,
      allowed: `an IANA time zone with a Windows equivalent: ${Object.keys(WINDOWS_TIME_ZONES).join(', ')}`,
    });
  }
  const bad = () =>
    ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: `${prop}.cron`,
      received: schedule.cron,
      allowed: CRON_ALLOWED,
    });
  const [minute, hour, dom, month, dow] = schedule.cron.trim().split(/\s+/);
  if (dom !== '*' || month !== '*' || dow !== '*') throw bad();

  const everyN = (field: string): number | undefined => {
    const m = /^\*(?:\/(\d+))?$/.exec(field);
    return m ? Number(m[1] ?? 1) : undefined;
  };
  const minuteEvery = everyN(minute);
  const hourEvery = everyN(hour);
  if (minuteEvery !== undefined) {
    if (hour !== '*') throw bad();
    return { frequency: ScheduleFrequency.MINUTE, interval: minuteEvery, timeZone };
  }
  const minutes = expand(minute, 0, 59);
  if (minutes === undefined) throw bad();
  if (hourEvery !== undefined) {
    return { frequency: ScheduleFrequency.HOUR, interval: hourEvery, minutes, timeZone };
  }
  const hours = expand(hour, 0, 23);
  if (hours === undefined) throw bad();
  return { frequency: ScheduleFrequency.DAY, interval: 1, hours, minutes, timeZone };
}
