import * as cdk from 'aws-cdk-lib';
import { ErrorCode } from '../../src/core/errors';
import { validateIntegerRange, validateIpRanges } from '../../src/core/ranges';
import { newScope } from '../helpers/scope';

describe('validateIntegerRange', () => {
  test.each([[90], [2560], [undefined]])('accepts %p', (value) => {
    expect(validateIntegerRange(newScope(), 'days', value, 90, 2560)).toBe(value);
  });

  test.each([[89], [2561], [90.5], [NaN]])('rejects %p', (value) => {
    expect(() => validateIntegerRange(newScope(), 'days', value, 90, 2560)).toThrow(
      expect.objectContaining({
        code: ErrorCode.OUT_OF_RANGE,
        prop: 'days',
        allowed: 'an integer from 90 to 2560',
      }),
    );
  });

  test('takes the bounds from a range', () => {
    const range = { min: 90, max: 2560 } as const;
    expect(validateIntegerRange(newScope(), 'days', 2560, range)).toBe(2560);
    expect(() => validateIntegerRange(newScope(), 'days', 89, range)).toThrow(
      expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE, allowed: 'an integer from 90 to 2560' }),
    );
  });

  test('skips an unresolved number', () => {
    const token = cdk.Token.asNumber({ resolve: () => 1 });
    expect(validateIntegerRange(newScope(), 'days', token, 90, 2560)).toBe(token);
  });
});

describe('validateIpRanges', () => {
  test('accepts addresses and ranges from /8 to /32', () => {
    expect(validateIpRanges(newScope(), 'ips', ['203.0.113.7', '203.0.113.0/24', '10.0.0.0/8'])).toHaveLength(
      3,
    );
    expect(validateIpRanges(newScope(), 'ips', undefined)).toEqual([]);
  });

  test.each([['0.0.0.0/0'], ['10.0.0.0/7'], ['256.1.1.1'], ['1.2.3'], ['1.2.3.4/33'], ['any']])(
    'rejects %p',
    (range) => {
      expect(() => validateIpRanges(newScope(), 'ips', [range])).toThrow(
        expect.objectContaining({ code: ErrorCode.INVALID_IP_RANGE, prop: 'ips[0]' }),
      );
    },
  );
});
