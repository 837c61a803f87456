import * as fc from 'fast-check';
import {
  DataRemovalPolicy,
  ErrorCode,
  ValidationError,
  WarehouseSize,
  ZoneAccess,
  ZoneDefaults,
} from '../../../src/core/internal';
import {
  DEFAULT_PERSONA_NAMES,
  defaultPersonas,
  describePersonas,
  LakehouseDefaults,
  type LakehousePersona,
  type LakehouseSpec,
  planLakehouse,
  validateLakehouseSpec,
} from '../../../src/patterns';
import { newScope } from '../../helpers/scope';

const { READ, WRITE, READ_WRITE } = ZoneAccess;
const plan = (spec: Partial<LakehouseSpec> = {}) =>
  planLakehouse(newScope(), { platformName: 'sales', ...spec });

/** The ValidationError `fn` throws (fails the test when it throws nothing or something else). */
function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
const rejects = (spec: Partial<LakehouseSpec>) =>
  errorOf(() => validateLakehouseSpec(newScope(), { platformName: 'sales', ...spec }));

const steps = [
  { name: 'clean', sourceZone: 'raw', targetZone: 'curated' },
  { name: 'publish', sourceZone: 'curated', targetZone: 'serving' },
];

describe('LakehouseSpec defaults', () => {
  test('zones default to raw, curated, serving with the core lifecycle', () => {
    const { zones } = plan();
    expect(zones.map((z) => z.name)).toEqual(['raw', 'curated', 'serving']);
    expect(zones.map((z) => z.coolAfterDays)).toEqual([30, 90, undefined]);
    expect(
      zones.every(
        (z) => z.noncurrentVersionExpirationDays === ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS,
      ),
    ).toBe(true);
  });

  test('personas default to ingest, engineer, analyst, admin with the default matrix', () => {
    const p = plan();
    expect(p.personas.map(({ name, admin }) => ({ name, admin }))).toEqual(
      DEFAULT_PERSONA_NAMES.map((name) => ({ name, admin: name === 'admin' })),
    );
    expect(p.accessMatrix).toEqual({
      ingest: { raw: WRITE, curated: undefined, serving: undefined },
      engineer: { raw: READ, curated: READ_WRITE, serving: READ_WRITE },
      analyst: { raw: undefined, curated: undefined, serving: READ },
      admin: { raw: READ_WRITE, curated: READ_WRITE, serving: READ_WRITE },
    });
  });

  test('default personas follow custom zones in flow order', () => {
    expect(plan({ zones: ['landing', 'gold'] }).accessMatrix).toEqual({
      ingest: { landing: WRITE, gold: undefined },
      engineer: { landing: READ, gold: READ_WRITE },
      analyst: { landing: undefined, gold: READ },
      admin: { landing: READ_WRITE, gold: READ_WRITE },
    });
    expect(defaultPersonas(['only'])).toEqual([
      { name: 'ingest', access: { only: WRITE } },
      { name: 'engineer', access: { only: READ } },
      { name: 'analyst', access: { only: READ } },
      { name: 'admin', admin: true },
    ]);
  });

  test('grants list the matrix in persona then zone order, without empty cells', () => {
    expect(plan().grants).toEqual([
      { persona: 'ingest', zone: 'raw', access: WRITE },
      { persona: 'engineer', zone: 'raw', access: READ },
      { persona: 'engineer', zone: 'curated', access: READ_WRITE },
      { persona: 'engineer', zone: 'serving', access: READ_WRITE },
      { persona: 'analyst', zone: 'serving', access: READ },
      { persona: 'admin', zone: 'raw', access: READ_WRITE },
      { persona: 'admin', zone: 'curated', access: READ_WRITE },
      { persona: 'admin', zone: 'serving', access: READ_WRITE },
    ]);
  });

  test('no streams and no pipelines', () => {
    expect(plan().streams).toEqual([]);
    expect(plan().pipelines).toEqual([]);
  });

  test('a stream lands in raw and keeps events 24 hours', () => {
    expect(plan({ streams: [{ name: 'orders' }] }).streams).toEqual([
      {
        name: 'orders',
        zone: LakehouseDefaults.STREAM_ZONE,
        retentionHours: LakehouseDefaults.STREAM_RETENTION_HOURS,
      },
    ]);
    expect([LakehouseDefaults.STREAM_ZONE, LakehouseDefaults.STREAM_RETENTION_HOURS]).toEqual(['raw', 24]);
  });

  test('a pipeline runs every day at 02:00 Etc/UTC', () => {
    expect(plan({ pipelines: [{ name: 'daily', steps }] }).pipelines[0].schedule).toEqual({
      cron: '0 2 * * *',
      timeZone: 'Etc/UTC',
    });
  });

  test('the warehouse is enabled and small', () => {
    expect(plan().warehouse).toEqual({ enabled: true, size: WarehouseSize.SMALL });
  });

  test('no alert recipients', () => {
    expect(plan().alertEmails).toEqual([]);
  });

  test('data is retained', () => {
    expect(plan().removalPolicy).toBe(DataRemovalPolicy.RETAIN);
  });

  test('tags are the kit’s only', () => {
    expect(plan().tags).toEqual({ 'data-platform': 'sales' });
  });
});

describe('LakehouseSpec options', () => {
  test('zones with lifecycle', () => {
    const { zones } = plan({
      zones: ['bronze', { name: 'gold', coolAfterDays: 10, noncurrentVersionExpirationDays: 30 }],
    });
    expect(zones).toEqual([
      {
        name: 'bronze',
        storageName: undefined,
        coolAfterDays: undefined,
        noncurrentVersionExpirationDays: 90,
      },
      { name: 'gold', storageName: undefined, coolAfterDays: 10, noncurrentVersionExpirationDays: 30 },
    ]);
  });

  test('custom personas, an admin among them, replace the defaults', () => {
    const personas: LakehousePersona[] = [
      { name: 'auditor', access: { curated: READ } },
      { name: 'ops', admin: true },
      { name: 'idle' },
    ];
    const p = plan({ personas });
    expect(p.personas.map(({ name, admin }) => ({ name, admin }))).toEqual([
      { name: 'auditor', admin: false },
      { name: 'ops', admin: true },
      { name: 'idle', admin: false },
    ]);
    expect(p.accessMatrix).toEqual({
      auditor: { raw: undefined, curated: READ, serving: undefined },
      ops: { raw: READ_WRITE, curated: READ_WRITE, serving: READ_WRITE },
      idle: { raw: undefined, curated: undefined, serving: undefined },
    });
    expect(p.grants.filter((g) => g.persona === 'auditor')).toEqual([
      { persona: 'auditor', zone: 'curated', access: READ },
    ]);
  });

  test('additionalPersonas extend the defaults instead of replacing them', () => {
    const p = plan({ additionalPersonas: [{ name: 'auditor', access: { curated: READ, serving: READ } }] });
    expect(p.personas.map((x) => x.name)).toEqual([...DEFAULT_PERSONA_NAMES, 'auditor']);
    expect(p.accessMatrix.auditor).toEqual({ raw: undefined, curated: READ, serving: READ });
    expect(p.accessMatrix.analyst).toEqual({ raw: undefined, curated: undefined, serving: READ });
  });

  test('describePersonas lists the personas in effect and says when the defaults were replaced', () => {
    const extended = plan({ additionalPersonas: [{ name: 'auditor', access: { curated: READ } }] });
    expect(describePersonas(extended, false)).toBe(
      'personas in effect: ingest (raw: write), engineer (raw: read, curated: readWrite, serving: readWrite), ' +
        'analyst (serving: read), admin (admin), auditor (curated: read)',
    );
    const replaced = plan({ personas: [{ name: 'auditor' }] });
    expect(describePersonas(replaced, true)).toBe(
      'personas in effect: auditor (no zone access) — `personas` replaced the default personas; ' +
        'use `additionalPersonas` to add to them instead',
    );
  });

  test('additionalPersonas extend given personas too', () => {
    const p = plan({ personas: [{ name: 'ops', admin: true }], additionalPersonas: [{ name: 'auditor' }] });
    expect(p.personas.map((x) => x.name)).toEqual(['ops', 'auditor']);
  });

  test('persona capabilities follow the access matrix: publish, query, tables, pipelines', () => {
    const p = plan({
      streams: [{ name: 'clicks' }, { name: 'events', zone: 'curated' }],
      pipelines: [
        { name: 'daily', steps: [{ name: 'clean', sourceZone: 'raw', targetZone: 'curated' }] },
        { name: 'publish', steps: [{ name: 'serve', sourceZone: 'curated', targetZone: 'serving' }] },
      ],
      personas: [
        { name: 'ingest', access: { raw: WRITE } },
        { name: 'curator', access: { raw: READ, curated: READ_WRITE } },
        { name: 'auditor', access: { curated: READ, serving: READ } },
        { name: 'ops', admin: true },
      ],
    });
    const capabilities = Object.fromEntries(
      p.personas.map(({ name, admin: _admin, ...rest }) => [name, rest]),
    );
    expect(capabilities).toEqual({
      ingest: { publishStreams: ['clicks'], queryZones: [], tableZones: [], operatePipelines: [] },
      curator: {
        publishStreams: ['events'],
        queryZones: ['raw', 'curated'],
        tableZones: ['curated'],
        operatePipelines: ['daily'],
      },
      auditor: {
        publishStreams: [],
        queryZones: ['curated', 'serving'],
        tableZones: [],
        operatePipelines: [],
      },
      ops: {
        publishStreams: ['clicks', 'events'],
        queryZones: ['raw', 'curated', 'serving'],
        tableZones: ['raw', 'curated', 'serving'],
        operatePipelines: ['daily', 'publish'],
      },
    });
  });

  test('streams with a zone and retention', () => {
    expect(plan({ streams: [{ name: 'clicks', zone: 'curated', retentionHours: 168 }] }).streams).toEqual([
      { name: 'clicks', zone: 'curated', retentionHours: 168 },
    ]);
  });

  test('pipeline steps carry the grants their identity needs', () => {
    const [pipeline] = plan({ pipelines: [{ name: 'daily', steps }] }).pipelines;
    expect(pipeline.steps).toEqual([
      {
        ...steps[0],
        grants: [
          { zone: 'raw', access: READ },
          { zone: 'curated', access: READ_WRITE },
        ],
      },
      {
        ...steps[1],
        grants: [
          { zone: 'curated', access: READ },
          { zone: 'serving', access: READ_WRITE },
        ],
      },
    ]);
  });

  test('pipeline schedule with a time zone', () => {
    const schedule = { cron: '*/15 6-18 * 1,7 1-5', timeZone: 'Europe/Brussels' };
    expect(plan({ pipelines: [{ name: 'daily', steps, schedule }] }).pipelines[0].schedule).toEqual(schedule);
  });

  test('warehouse off, or another size', () => {
    expect(plan({ warehouse: { enabled: false } }).warehouse).toEqual({
      enabled: false,
      size: WarehouseSize.SMALL,
    });
    expect(plan({ warehouse: { size: WarehouseSize.LARGE } }).warehouse).toEqual({
      enabled: true,
      size: WarehouseSize.LARGE,
    });
  });

  test('alert emails, duplicates removed', () => {
    expect(
      plan({ alerts: { emails: ['a@example.com', 'b@example.com', 'a@example.com'] } }).alertEmails,
    ).toEqual(['a@example.com', 'b@example.com']);
  });

  test('removal policy', () => {
    expect(plan({ removalPolicy: DataRemovalPolicy.DESTROY }).removalPolicy).toBe(DataRemovalPolicy.DESTROY);
  });

  test('user tags merge after the kit’s', () => {
    expect(plan({ tags: { team: 'bi', 'data-platform': 'override' } }).tags).toEqual({
      'data-platform': 'override',
      team: 'bi',
    });
  });

  test('the spec is plain data: a JSON round trip plans the same', () => {
    const spec: LakehouseSpec = {
      platformName: 'sales',
      zones: ['raw', { name: 'curated', coolAfterDays: 60 }, 'serving'],
      personas: [
        { name: 'ops', admin: true },
        { name: 'bi', access: { serving: READ } },
      ],
      streams: [{ name: 'orders', retentionHours: 48 }],
      pipelines: [{ name: 'daily', steps, schedule: { cron: '0 3 * * *' } }],
      warehouse: { size: WarehouseSize.MEDIUM },
      alerts: { emails: ['oncall@example.com'] },
      removalPolicy: DataRemovalPolicy.RETAIN,
      tags: { team: 'bi' },
    };
    expect(planLakehouse(newScope(), JSON.parse(JSON.stringify(spec)))).toEqual(
      planLakehouse(newScope(), spec),
    );
  });
});

describe('validateLakehouseSpec', () => {
  test('accepts the minimal spec', () => {
    expect(() => validateLakehouseSpec(newScope(), { platformName: 'sales' })).not.toThrow();
  });

  test('INVALID_NAME: platform name', () => {
    const e = errorOf(() => validateLakehouseSpec(newScope(), { platformName: 'Sales!' }));
    expect([e.code, e.prop, e.received]).toEqual([ErrorCode.INVALID_NAME, 'platformName', 'Sales!']);
  });

  test('INVALID_NAME: persona, stream, pipeline and step names, all collected', () => {
    const e = rejects({
      personas: [{ name: 'Bad' }],
      streams: [{ name: '9x' }],
      pipelines: [{ name: 'a--b', steps: [{ name: '', sourceZone: 'raw', targetZone: 'curated' }] }],
    });
    expect(e.code).toBe(ErrorCode.INVALID_NAME);
    expect(e.violations.map((v) => v.prop)).toEqual([
      'personas["Bad"].name',
      'streams["9x"].name',
      'pipelines["a--b"].name',
      'pipelines["a--b"].steps[0].name',
    ]);
  });

  test('INVALID_ZONE: a malformed or reserved zone', () => {
    expect(rejects({ zones: ['raw', 'logs'] }).code).toBe(ErrorCode.INVALID_ZONE);
  });

  test('DUPLICATE_ZONE', () => {
    expect(rejects({ zones: ['raw', { name: 'raw' }] }).code).toBe(ErrorCode.DUPLICATE_ZONE);
  });

  test('NO_ZONES', () => {
    expect(rejects({ zones: [] }).code).toBe(ErrorCode.NO_ZONES);
  });

  test('UNKNOWN_ZONE: persona, stream and step zones, all collected', () => {
    const e = rejects({
      personas: [{ name: 'bi', access: { gold: READ } }],
      streams: [{ name: 'orders', zone: 'landing' }],
      pipelines: [{ name: 'daily', steps: [{ name: 'clean', sourceZone: 'bronze', targetZone: 'curated' }] }],
    });
    expect(e.code).toBe(ErrorCode.UNKNOWN_ZONE);
    expect(e.violations.map((v) => v.prop)).toEqual([
      'personas["bi"].access["gold"]',
      'streams["orders"].zone',
      'pipelines["daily"].steps["clean"].sourceZone',
    ]);
    expect(e.allowed).toContain('raw, curated, serving');
  });

  test('UNKNOWN_ZONE: a stream left on the default zone when there is no raw zone', () => {
    const e = rejects({ zones: ['landing'], streams: [{ name: 'orders' }] });
    expect([e.code, e.prop, e.received]).toEqual([ErrorCode.UNKNOWN_ZONE, 'streams["orders"].zone', 'raw']);
  });

  test('OUT_OF_RANGE: zone lifecycle', () => {
    expect(rejects({ zones: [{ name: 'raw', noncurrentVersionExpirationDays: 1 }] }).code).toBe(
      ErrorCode.OUT_OF_RANGE,
    );
  });

  test('OUT_OF_RANGE: stream retention, step count, schedule, enum values', () => {
    const e = rejects({
      personas: [{ name: 'bi', access: { serving: 'admin' as ZoneAccess } }],
      streams: [
        { name: 'a', retentionHours: 23 },
        { name: 'b', retentionHours: 745 },
        { name: 'c', retentionHours: 24.5 },
      ],
      pipelines: [
        { name: 'empty', steps: [] },
        {
          name: 'long',
          steps: Array.from({ length: 11 }, (_, i) => ({
            name: `s${i}`,
            sourceZone: 'raw',
            targetZone: 'curated',
          })),
        },
        { name: 'bad-cron', steps, schedule: { cron: '0 24 * * *', timeZone: 'Mars/Olympus' } },
      ],
      warehouse: { size: 'huge' as WarehouseSize },
      removalPolicy: 'snapshot' as DataRemovalPolicy,
    });
    expect(e.code).toBe(ErrorCode.OUT_OF_RANGE);
    expect(e.violations.map((v) => v.prop)).toEqual([
      'personas["bi"].access["serving"]',
      'streams["a"].retentionHours',
      'streams["b"].retentionHours',
      'streams["c"].retentionHours',
      'pipelines["empty"].steps',
      'pipelines["long"].steps',
      'pipelines["bad-cron"].schedule.cron',
      'pipelines["bad-cron"].schedule.timeZone',
      'warehouse.size',
      'removalPolicy',
    ]);
  });

  test.each([
    '0 2 * *',
    '60 * * * *',
    '* * 0 * *',
    '* * * 13 *',
    '5-1 * * * *',
    '*/0 * * * *',
    'MON * * * *',
  ])('OUT_OF_RANGE: cron %p', (cron) => {
    expect(rejects({ pipelines: [{ name: 'p', steps, schedule: { cron } }] }).code).toBe(
      ErrorCode.OUT_OF_RANGE,
    );
  });

  test('INVALID_PRINCIPAL: bad emails, all collected', () => {
    const e = rejects({ alerts: { emails: ['ok@example.com', 'nope', 'a b@example.com'] } });
    expect(e.code).toBe(ErrorCode.INVALID_PRINCIPAL);
    expect(e.violations.map((v) => v.prop)).toEqual(['alerts.emails[1]', 'alerts.emails[2]']);
  });

  test('CONFLICTING_PROPS: duplicate persona, stream, pipeline and step names; a step writing its source; admin with access', () => {
    const e = rejects({
      personas: [{ name: 'bi' }, { name: 'bi' }, { name: 'ops', admin: true, access: { raw: READ } }],
      streams: [{ name: 'orders' }, { name: 'orders' }],
      pipelines: [
        { name: 'daily', steps: [steps[0], steps[0]] },
        { name: 'daily', steps: [{ name: 'loop', sourceZone: 'raw', targetZone: 'raw' }] },
      ],
    });
    expect(e.code).toBe(ErrorCode.CONFLICTING_PROPS);
    expect(e.violations.map((v) => v.prop)).toEqual([
      'personas["ops"].access',
      'personas[1].name',
      'streams[1].name',
      'pipelines[0].steps[1].name',
      'pipelines[1].steps["loop"].targetZone',
      'pipelines[1].name',
    ]);
  });

  test('one error reports every violation of the spec, grouped by code, elements named', () => {
    const e = rejects({
      zones: ['raw', 'Curated'],
      personas: [{ name: 'Auditor', access: { gold: READ } }],
      streams: [{ name: 'clicks', retentionHours: 1 }],
    });
    expect(e.codes).toEqual([
      ErrorCode.INVALID_ZONE,
      ErrorCode.INVALID_NAME,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.OUT_OF_RANGE,
    ]);
    expect(e.violations.map((v) => v.prop)).toEqual([
      'zones[1].name',
      'personas["Auditor"].name',
      'personas["Auditor"].access["gold"]',
      'streams["clicks"].retentionHours',
    ]);
    expect(e.message.split('\n').map((line) => line.slice(0, line.indexOf(']') + 1))).toEqual(
      e.codes.map((c) => `[${c}]`),
    );
    expect(ValidationError.isValidationError(e)).toBe(true);
  });

  test('a missing value prints as undefined, not as a string', () => {
    const e = rejects({ pipelines: [{ name: 'p', steps: [{ name: 's', sourceZone: 'raw' } as never] }] });
    expect(e.message).toContain('Received: undefined');
    expect(e.message).not.toContain('"undefined"');
  });

  test('CONFLICTING_PROPS: an added persona that takes a default persona name', () => {
    const e = rejects({ additionalPersonas: [{ name: 'analyst', access: { raw: READ } }] });
    expect([e.code, e.prop, e.received]).toEqual([
      ErrorCode.CONFLICTING_PROPS,
      'additionalPersonas[0].name',
      'analyst',
    ]);
    expect(e.allowed).toContain('ingest, engineer, analyst, admin');
  });

  test('added personas are validated like personas and named as such', () => {
    const e = rejects({ additionalPersonas: [{ name: 'auditor', access: { gold: READ } }] });
    expect([e.code, e.prop]).toEqual([
      ErrorCode.UNKNOWN_ZONE,
      'additionalPersonas["auditor"].access["gold"]',
    ]);
  });

  test('errors name the scope and the received value', () => {
    const e = errorOf(() =>
      validateLakehouseSpec(newScope({}, 'Lakehouse'), {
        platformName: 'sales',
        streams: [{ name: 's', retentionHours: 1 }],
      }),
    );
    expect(e.constructPath).toBe('Stack/Lakehouse');
    expect(e.message).toContain(`'streams["s"].retentionHours' must be an integer from 24 to 744`);
    expect(e.message).toContain('Received: 1');
  });
});

describe('planLakehouse properties', () => {
  const zoneName = fc.constantFrom(
    'raw',
    'curated',
    'serving',
    'bronze',
    'silver',
    'gold',
    'landing',
    'sandbox',
  );
  const componentName = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
  const access = fc.constantFrom(READ, WRITE, READ_WRITE);

  const validSpec: fc.Arbitrary<LakehouseSpec> = fc
    .uniqueArray(zoneName, { minLength: 1, maxLength: 5 })
    .chain((zones) => {
      const zone = fc.constantFrom(...zones);
      const persona = fc.oneof(
        fc.record({ admin: fc.constant(true) }),
        fc.record({ access: fc.dictionary(zone, access, { maxKeys: zones.length }) }),
      );
      const step =
        zones.length < 2
          ? fc.constant(undefined)
          : fc
              .tuple(zone, zone)
              .filter(([a, b]) => a !== b)
              .map(([sourceZone, targetZone]) => ({ sourceZone, targetZone }));
      return fc.record(
        {
          platformName: fc.constant('plat'),
          zones: fc.constant(zones),
          personas: fc
            .uniqueArray(fc.tuple(componentName, persona), { maxLength: 5, selector: ([n]) => n })
            .map((ps) => ps.map(([name, p]) => ({ name, ...p }))),
          streams: fc.uniqueArray(
            fc.record({ name: componentName, zone, retentionHours: fc.integer({ min: 24, max: 744 }) }),
            { maxLength: 3, selector: (s) => s.name },
          ),
          pipelines: fc
            .uniqueArray(
              fc.record({
                name: componentName,
                steps: fc.array(step, { minLength: 1, maxLength: 3 }),
              }),
              { maxLength: 2, selector: (p) => p.name },
            )
            .map((ps) =>
              zones.length < 2
                ? []
                : ps.map((p) => ({ ...p, steps: p.steps.map((s, i) => ({ name: `step${i}`, ...s! })) })),
            ),
          warehouse: fc.record({
            enabled: fc.boolean(),
            size: fc.constantFrom(...Object.values(WarehouseSize)),
          }),
        },
        { requiredKeys: ['platformName', 'zones'] },
      );
    });

  test('valid specs plan, and the matrix names only declared personas and zones', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const p = planLakehouse(newScope(), spec);
        const zones = (spec.zones ?? ['raw', 'curated', 'serving']).map((z) =>
          typeof z === 'string' ? z : z.name,
        );
        const personas = (spec.personas ?? defaultPersonas(zones)).map((x) => x.name);
        expect(Object.keys(p.accessMatrix)).toEqual(personas);
        for (const row of Object.values(p.accessMatrix)) expect(Object.keys(row)).toEqual(zones);
        for (const g of p.grants) {
          expect(personas).toContain(g.persona);
          expect(zones).toContain(g.zone);
          expect(p.accessMatrix[g.persona][g.zone]).toBe(g.access);
        }
        for (const x of spec.personas ?? []) {
          if (x.admin) {
            expect(Object.values(p.accessMatrix[x.name]).every((a) => a === READ_WRITE)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  test('deterministic: the same spec gives a deep-equal plan', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const copy = JSON.parse(JSON.stringify(spec)) as LakehouseSpec;
        expect(planLakehouse(newScope(), copy)).toEqual(planLakehouse(newScope(), spec));
      }),
      { numRuns: 50 },
    );
  });
});
