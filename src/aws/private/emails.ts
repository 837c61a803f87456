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
