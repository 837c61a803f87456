import {
  firstSubnet,
  isPrivateRange,
  parseCidr,
  PRIVATE_IPV4_RANGES,
  validatePrivateCidr,
} from '../../src/core/cidr';
import { ErrorCode } from '../../src/core/errors';
import { newScope } from '../helpers/scope';

const RANGE = { min: 8, max: 24 } as const;

describe('core CIDR helper (one implementation for the three network blocks)', () => {
  test('parses a.b.c.d/n and refuses malformed ranges or host bits', () => {
    expect(parseCidr('10.40.0.0/16')).toEqual({ network: 10 * 2 ** 24 + 40 * 2 ** 16, prefix: 16 });
    for (const bad of ['10.40.0.1/16', '10.40.0/16', '256.0.0.0/8', '10.0.0.0/33', 'ten/8']) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });

  test.each([
    ['10.0.0.0/8', true],
    ['172.31.0.0/16', true],
    ['192.168.10.0/24', true],
    ['100.64.0.0/10', true],
    ['100.127.0.0/16', true],
    ['172.32.0.0/16', false],
    ['100.128.0.0/16', false],
    ['8.8.8.0/24', false],
    ['0.0.0.0/0', false],
  ])('%s is private on every cloud: %s', (cidr, expected) => {
    expect(isPrivateRange(parseCidr(cidr)!)).toBe(expected);
  });

  test('the first subnet of a range', () => {
    expect(firstSubnet(parseCidr('10.40.0.0/16')!, 24)).toBe('10.40.0.0/24');
    expect(firstSubnet(parseCidr('10.40.0.0/26')!, 24)).toBe('10.40.0.0/26');
  });

  test('validation names the prop, the value and the private ranges', () => {
    let error: any;
    try {
      validatePrivateCidr(newScope(), '8.8.8.0/24', { prefixRange: RANGE, prop: 'network.cidr' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: ErrorCode.INVALID_IP_RANGE,
      prop: 'network.cidr',
      received: '8.8.8.0/24',
    });
    for (const r of PRIVATE_IPV4_RANGES) expect(error.message).toContain(r);
    expect(() => validatePrivateCidr(newScope(), '10.0.0.0/25', { prefixRange: RANGE })).toThrow(
      /\/8 to \/24/,
    );
    expect(validatePrivateCidr(newScope(), '100.64.0.0/16', { prefixRange: RANGE })?.prefix).toBe(16);
  });

  test('tokens pass unless the range must be literal', () => {
    const token = '${TfToken[TOKEN.1]}';
    expect(validatePrivateCidr(newScope(), token, { prefixRange: RANGE })).toBeUndefined();
    expect(() =>
      validatePrivateCidr(newScope(), token, {
        prefixRange: RANGE,
        literalBecause: 'it is split into subnets',
      }),
    ).toThrow(/literal IPv4 range known at synth time \(it is split into subnets\)/);
  });
});
