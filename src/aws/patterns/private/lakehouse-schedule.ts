/**
 * Renders a lakehouse schedule (five-field unix cron + IANA time zone) for EventBridge Scheduler.
 * Internal: not exported from the entry point.
 */
import { TimeZone } from 'aws-cdk-lib';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/internal';
import type { LakehouseSchedule } from '../../../patterns';

/** Unix day of week (0-7, Sunday 0 or 7) → EventBridge day of week (1-7, Sunday 1). */
function awsDay(n: number): number {
  return (n % 7) + 1;
}

/** One day-of-week list item (`n`, `a-b`, `a-b/s`, `*\/s`) in EventBridge numbering. */
function awsDayItem(item: string): string {
  const [range, step] = item.split('/');
  const suffix = step === undefined ? '' : `/${step}`;
  if (range === '*') return `1-7${suffix}`;
  const [from, to] = range.split('-').map(Number);
  if (to === undefined) return `${awsDay(from)}${suffix}`;
  // A range ending on Sunday (7) wraps in EventBridge numbering: 5-7 → 6-7,1.
  if (to === 7 && step === undefined) return from === 0 ? '1-7' : `${awsDay(from)}-7,1`;
  return `${awsDay(from)}-${awsDay(to)}${suffix}`;
}

/**
 * `cron(m h dom mon dow *)` in `timeZone`. EventBridge needs `?` in one of day-of-month and
 * day-of-week; a unix cron restricting both (which unix reads as either) has no equivalent and
 * throws `DPK_OUT_OF_RANGE`.
 */
export function scheduleExpressionFor(
  scope: IConstruct,
  prop: string,
  schedule: Required<LakehouseSchedule>,
): scheduler.ScheduleExpression {
  const [minute, hour, dom, month, dow] = schedule.cron.trim().split(/\s+/);
  let awsDom = dom;
  let awsDow = '?';
  if (dow !== '*') {
    if (dom !== '*') {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
        prop,
        received: schedule.cron,
        allowed: 'a cron restricting day of month or day of week, not both (EventBridge Scheduler)',
      });
    }
    awsDom = '?';
    awsDow = dow.split(',').map(awsDayItem).join(',');
  }
  return scheduler.ScheduleExpression.expression(
    `cron(${minute} ${hour} ${awsDom} ${month} ${awsDow} *)`,
    TimeZone.of(schedule.timeZone),
  );
}
