import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { ErrorCode } from '../../src/core/errors';
import type { TerraformStack } from '../../src/terraform';
import { newTfStack } from '../helpers/tf-template';

/** A fresh stack with a Google provider (cdktf refuses to synth resources without one). */

export function newGcpStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newTfStack(context);
  new GoogleProvider(stack, 'Google', { project: 'acme-data-test', region: 'europe-west1' });
  return stack;
}

/** Asserts `fn` throws a `ValidationError` with `code` (and, when given, for `prop`). */
export function expectValidationError(fn: () => unknown, code: ErrorCode, prop?: string): void {
  expect(fn).toThrow(
    expect.objectContaining({ name: 'ValidationError', code, ...(prop === undefined ? {} : { prop }) }),
  );
}
