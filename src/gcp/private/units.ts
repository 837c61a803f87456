import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

/** Seconds in one day. */
export const SECONDS_PER_DAY = 86_400;

/**
 * `days` in seconds. Range validators skip deploy-time tokens, but a number token cannot be
 * multiplied at synth time (the engine seam exports no Terraform operators), so one is rejected
 * here with `DPK_OUT_OF_RANGE` rather than rendered wrongly.
 */
export function daysToSeconds(scope: IConstruct, prop: string, days: number): number {
  if (isUnresolved(days)) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: '<deploy-time token>',
      allowed: 'a number of days known at synth time (it is converted to seconds)',
    });
  }
  return days * SECONDS_PER_DAY;
}
