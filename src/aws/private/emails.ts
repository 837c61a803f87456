import type { IConstruct } from 'constructs';
import { ErrorCode, isUnresolved, ValidationError } from '../../core/internal';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Checks the email addresses an SNS topic subscribes (all reported at once, tokens skipped):
 * throws `DPK_INVALID_PRINCIPAL` naming `<prop>[<index>]`. Returns a copy of the list.
 */
export function validateEmailAddresses(scope: IConstruct, prop: string, emails: readonly string[]): string[] {
  ValidationError.throwIfAny(
    ErrorCode.INVALID_PRINCIPAL,
    scope,
    emails.flatMap((email, i) =>
      isUnresolved(email) || (typeof email === 'string' && EMAIL.test(email))
        ? []
        : [{ prop: `${prop}[${i}]`, received: email, allowed: 'an email address (name@domain)' }],
    ),
  );
  return [...emails];
}

/**
 * Checks a block's alert-email shorthand before anything exists: no `alertEmailAddresses` next to
 * a caller's own `notificationTarget` (`DPK_CONFLICTING_PROPS`: subscribe to your own topic
 * yourself), and every address valid under this block's prop (`DPK_INVALID_PRINCIPAL`).
 */
export function validateAlertEmailAddresses(
  scope: IConstruct,
  props: { readonly notificationTarget?: unknown; readonly alertEmailAddresses?: readonly string[] },
): void {
  if (props.notificationTarget && props.alertEmailAddresses !== undefined) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'alertEmailAddresses',
      received: props.alertEmailAddresses,
      allowed: "unset when 'notificationTarget' is given (subscribe to your own topic yourself)",
    });
  }
  validateEmailAddresses(scope, 'alertEmailAddresses', props.alertEmailAddresses ?? []);
}
