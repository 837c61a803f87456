import * as cdk from 'aws-cdk-lib';
import { ErrorCode, formatReceived, ValidationError } from '../../src/core/errors';

import { newScope } from '../helpers/scope';

describe('ValidationError', () => {
  test('carries code, construct path, prop, received value and what is allowed', () => {
    // GIVEN / WHEN
    const error = ValidationError.of(ErrorCode.OUT_OF_RANGE, newScope(), {
      prop: 'rotationPeriodDays',
      received: 400,
      allowed: 'an integer from 90 to 2560',
    });

    // THEN
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error.code).toBe('DPK_OUT_OF_RANGE');
    expect(error.constructPath).toBe('Stack/Lake');
    expect(error.prop).toBe('rotationPeriodDays');
    expect(error.received).toBe(400);
    expect(error.allowed).toBe('an integer from 90 to 2560');
    expect(error.message).toBe(
      "[DPK_OUT_OF_RANGE] Stack/Lake: 'rotationPeriodDays' must be an integer from 90 to 2560. Received: 400",
    );
  });

  test('throwIfAny reports every violation in one error', () => {
    // GIVEN
    const violations = [
      { prop: 'a', received: 'x', allowed: 'y' },
      { prop: 'b', received: 1, allowed: 'z' },
    ];

    // WHEN / THEN
    expect(() => ValidationError.throwIfAny(ErrorCode.INVALID_NAME, newScope(), violations)).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_NAME, violations }),
    );
  });

  test('throwIfAny does nothing without violations', () => {
    expect(() => ValidationError.throwIfAny(ErrorCode.INVALID_NAME, newScope(), [])).not.toThrow();
  });

  test('error codes are stable strings with the DPK_ prefix', () => {
    for (const code of Object.values(ErrorCode)) expect(code).toMatch(/^DPK_[A-Z_]+$/);
  });

  test.each([
    ['text', '"text"'],
    [12, '12'],
    [undefined, 'undefined'],
    [{ a: 1 }, '{"a":1}'],
    [['x'], '["x"]'],
  ])('formats received value %p as %s', (value, expected) => {
    expect(formatReceived(value)).toBe(expected);
  });
});

describe('ValidationError brand', () => {
  const error = () =>
    ValidationError.of(ErrorCode.OUT_OF_RANGE, newScope(), { prop: 'p', received: 1, allowed: '2' });

  test('isValidationError recognises the kit error, also from another copy of the kit', () => {
    expect(ValidationError.isValidationError(error())).toBe(true);
    // A second installed copy has its own class, but the same registered symbol.
    const fromOtherCopy = Object.defineProperty(
      new Error('x'),
      Symbol.for('data-platform-kit.ValidationError'),
      {
        value: true,
      },
    );
    expect(ValidationError.isValidationError(fromOtherCopy)).toBe(true);
    expect(ValidationError.isValidationError(new Error('x'))).toBe(false);
    expect(ValidationError.isValidationError(undefined)).toBe(false);
  });

  test("aws-cdk-lib's Errors.isValidationError recognises it", () => {
    expect(cdk.Errors.isValidationError(error())).toBe(true);
  });

  test('throwAll groups violations of several codes in the given order', () => {
    expect.assertions(3);
    try {
      ValidationError.throwAll(
        newScope(),
        [
          { code: ErrorCode.OUT_OF_RANGE, prop: 'b', received: 1, allowed: 'x' },
          { code: ErrorCode.INVALID_NAME, prop: 'a', received: 'A', allowed: 'y' },
        ],
        [ErrorCode.INVALID_NAME, ErrorCode.OUT_OF_RANGE],
      );
    } catch (e) {
      const err = e as ValidationError;
      expect(err.code).toBe(ErrorCode.INVALID_NAME);
      expect(err.codes).toEqual([ErrorCode.INVALID_NAME, ErrorCode.OUT_OF_RANGE]);
      expect(err.message.split('\n')).toHaveLength(2);
    }
  });
});
