import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { validatePlatformName } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';

/**
 * Validates a name part that derived physical names are built from (`platformName`, `purpose`):
 * it must be known at synth time, since a deploy-time token's placeholder text would end up in
 * bucket and key names (`tftokentoken0-raw-…`) and those names can never change. Throws
 * `DPK_INVALID_NAME`; returns the value.
 */
export function validateLiteralNamePart(scope: IConstruct, prop: string, value: string): string {
  if (isUnresolved(value)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop,
      received: value,
      allowed: 'a literal value known at synth time (it becomes part of physical names, which never change)',
    });
  }
  return value;
}

/** {@link validateLiteralNamePart} plus the core platform-name rule. */
export function validateGcpPlatformName(scope: IConstruct, name: string): string {
  return validatePlatformName(scope, validateLiteralNamePart(scope, 'platformName', name));
}
