import * as cdk from 'aws-cdk-lib';
import { ErrorCode } from '../../src/core/errors';
import { constructIdFrom, DEFAULT_ZONES, findZone, resolveZones, ZoneDefaults } from '../../src/core/zones';
import { newScope } from '../helpers/scope';

const code = (c: ErrorCode) => expect.objectContaining({ code: c });

describe('resolveZones', () => {
  test('defaults to raw, curated and serving', () => {
    expect(DEFAULT_ZONES).toEqual(['raw', 'curated', 'serving']);
    expect(resolveZones(newScope(), undefined).map((z) => z.name)).toEqual(['raw', 'curated', 'serving']);
  });

  test('default lifecycle: raw cools at 30 days, curated at 90, serving never; noncurrent versions kept 90 days', () => {
    const [raw, curated, serving] = resolveZones(newScope(), undefined);
    expect(raw.coolAfterDays).toBe(ZoneDefaults.COOL_AFTER_DAYS.raw);
    expect(raw.coolAfterDays).toBe(30);
    expect(curated.coolAfterDays).toBe(90);
    expect(serving.coolAfterDays).toBeUndefined();
    for (const zone of [raw, curated, serving]) expect(zone.noncurrentVersionExpirationDays).toBe(90);
  });

  test('custom zones are allowed and stay hot by default', () => {
    const zones = resolveZones(newScope(), ['landing', { name: 'sandbox-eu', coolAfterDays: 45 }]);
    expect(zones).toEqual([
      {
        name: 'landing',
        storageName: undefined,
        coolAfterDays: undefined,
        noncurrentVersionExpirationDays: 90,
      },
      { name: 'sandbox-eu', storageName: undefined, coolAfterDays: 45, noncurrentVersionExpirationDays: 90 },
    ]);
  });

  test('coolAfterDays 0 turns tiering off for a default zone', () => {
    expect(resolveZones(newScope(), [{ name: 'raw', coolAfterDays: 0 }])[0].coolAfterDays).toBeUndefined();
  });

  test('keeps a physical name override', () => {
    expect(resolveZones(newScope(), [{ name: 'raw', storageName: 'my-raw' }])[0].storageName).toBe('my-raw');
  });

  test('rejects an empty zone list', () => {
    expect(() => resolveZones(newScope(), [])).toThrow(code(ErrorCode.NO_ZONES));
  });

  test.each([['Raw'], ['1raw'], ['raw_zone'], ['raw--x'], ['raw-'], ['a'.repeat(21)], [''], ['logs']])(
    'rejects zone name %p',
    (name) => {
      expect(() => resolveZones(newScope(), ['curated', name])).toThrow(code(ErrorCode.INVALID_ZONE));
    },
  );

  test('names every bad zone in one error', () => {
    expect(() => resolveZones(newScope(), ['Bad', 'ok', 'ALSO_BAD'])).toThrow(
      expect.objectContaining({
        violations: [
          expect.objectContaining({ prop: 'zones[0].name', received: 'Bad' }),
          expect.objectContaining({ prop: 'zones[2].name', received: 'ALSO_BAD' }),
        ],
      }),
    );
  });

  test.each([['r'], ['raw'], ['a1-b2'], ['x'.repeat(20)]])('accepts zone name %p', (name) => {
    expect(resolveZones(newScope(), [name])[0].name).toBe(name);
  });

  test('rejects a zone name that is a token: zone names become construct ids', () => {
    const token = cdk.Token.asString({ resolve: () => 'raw' });
    expect(() => resolveZones(newScope(), [token])).toThrow(code(ErrorCode.INVALID_ZONE));
  });

  test('rejects two zones with the same storage name', () => {
    expect(() =>
      resolveZones(newScope(), [
        { name: 'raw', storageName: 'lake-a' },
        { name: 'curated', storageName: 'lake-a' },
      ]),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'zones[1].storageName' }));
  });

  test('rejects duplicate zones', () => {
    expect(() => resolveZones(newScope(), ['raw', { name: 'raw' }])).toThrow(code(ErrorCode.DUPLICATE_ZONE));
  });

  test.each([
    [{ name: 'raw', coolAfterDays: -1 }],
    [{ name: 'raw', coolAfterDays: 1.5 }],
    [{ name: 'raw', coolAfterDays: 36501 }],
    [{ name: 'raw', noncurrentVersionExpirationDays: 6 }],
  ])('rejects lifecycle out of range: %p', (zone) => {
    expect(() => resolveZones(newScope(), [zone])).toThrow(code(ErrorCode.OUT_OF_RANGE));
  });

  test('lifecycle limits are the ZoneDefaults ranges, edges included', () => {
    const { COOL_AFTER_DAYS_RANGE: cool, NONCURRENT_VERSION_EXPIRATION_DAYS_RANGE: noncurrent } =
      ZoneDefaults;
    expect([cool, noncurrent]).toEqual([
      { min: 0, max: 36500 },
      { min: 7, max: 36500 },
    ]);
    const zone = { name: 'raw', coolAfterDays: cool.max, noncurrentVersionExpirationDays: noncurrent.min };
    expect(resolveZones(newScope(), [zone])[0]).toMatchObject({
      coolAfterDays: 36500,
      noncurrentVersionExpirationDays: 7,
    });
    expect(() => resolveZones(newScope(), [{ name: 'raw', noncurrentVersionExpirationDays: 6 }])).toThrow(
      expect.objectContaining({ allowed: 'an integer from 7 to 36500' }),
    );
  });

  test('skips unresolved lifecycle tokens', () => {
    const token = cdk.Token.asNumber({ resolve: () => 5 });
    expect(resolveZones(newScope(), [{ name: 'raw', coolAfterDays: token }])[0].coolAfterDays).toBe(token);
  });
});

describe('findZone', () => {
  const zones = [{ name: 'raw' }, { name: 'serving' }];

  test('returns the zone', () => {
    expect(findZone(newScope(), zones, 'serving')).toBe(zones[1]);
  });

  test('rejects an unknown zone, listing the declared ones', () => {
    expect(() => findZone(newScope(), zones, 'gold')).toThrow(
      expect.objectContaining({
        code: ErrorCode.UNKNOWN_ZONE,
        allowed: 'one of the declared zones: raw, serving',
      }),
    );
  });
});

describe('constructIdFrom', () => {
  test.each([
    ['raw', 'Raw'],
    ['hot-data', 'HotData'],
    ['readWrite', 'ReadWrite'],
    ['tier-1', 'Tier_1'],
    ['tier1', 'Tier1'],
  ])('%p → %p', (name, id) => {
    expect(constructIdFrom(name)).toBe(id);
  });
});
