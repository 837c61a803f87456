import type { IConstruct } from 'constructs';
import {
  DataRemovalPolicy,
  ErrorCode,
  isUnresolved,
  nameViolation,
  NameRules,
  type ResolvedZone,
  resolveZones,
  validatePlatformName,
  WarehouseSize,
  ZoneAccess,
} from '../../../core/internal';
import { checkUnique, element, EMAIL, isEnumValue, Violations } from '../../private/violations';
import { defaultPersonas, LakehouseDefaults, type LakehousePersona, type LakehouseSpec } from '../spec';

/** Allowed values per cron field (minute, hour, day of month, month, day of week). */
const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

const CRON_ALLOWED =
  'a five-field cron expression (minute 0-59, hour 0-23, day of month 1-31, month 1-12, day of week 0-7) of numbers, *, lists, ranges and steps';

/** Whether one cron field (`*`, `5`, `1-5`, `*\/15`, `0,30`, `1-10/2`) stays within `min`-`max`. */
function cronFieldValid(field: string, min: number, max: number): boolean {
  return field.split(',').every((part) => {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return false;
    const [, , from, to, step] = m;
    const inRange = (n: string | undefined) => n === undefined || (Number(n) >= min && Number(n) <= max);
    if (!inRange(from) || !inRange(to)) return false;
    if (from !== undefined && to !== undefined && Number(from) > Number(to)) return false;
    return step === undefined || Number(step) >= 1;
  });
}

/** Whether `cron` is a valid five-field unix-cron expression. */
export function isValidCron(cron: unknown): boolean {
  if (typeof cron !== 'string') return false;
  const fields = cron.trim().split(/\s+/);
  return (
    fields.length === 5 && fields.every((f, i) => cronFieldValid(f, CRON_FIELDS[i].min, CRON_FIELDS[i].max))
  );
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const ORDER = [
  ErrorCode.INVALID_ZONE,
  ErrorCode.DUPLICATE_ZONE,
  ErrorCode.NO_ZONES,
  ErrorCode.INVALID_NAME,
  ErrorCode.CONFLICTING_PROPS,
  ErrorCode.UNKNOWN_ZONE,
  ErrorCode.OUT_OF_RANGE,
  ErrorCode.INVALID_PRINCIPAL,
] as const;

function checkZone(v: Violations, zones: ReadonlySet<string>, prop: string, zone: unknown): void {
  if (typeof zone === 'string' && zones.has(zone)) return;
  v.add(ErrorCode.UNKNOWN_ZONE, {
    prop,
    received: zone,
    allowed: `one of the declared zones: ${[...zones].join(', ')}`,
  });
}

function checkPersona(
  v: Violations,
  zoneNames: ReadonlySet<string>,
  persona: string,
  p: LakehousePersona,
): void {
  v.add(ErrorCode.INVALID_NAME, nameViolation(NameRules.COMPONENT, `${persona}.name`, p.name));
  if (p.admin !== undefined && typeof p.admin !== 'boolean') {
    v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: `${persona}.admin`,
      received: p.admin,
      allowed: 'true or false',
    });
  }
  if (p.admin === true && p.access !== undefined) {
    v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: `${persona}.access`,
      received: p.access,
      allowed: 'no access map on an admin persona (admin: true already manages every zone)',
    });
  }
  for (const [zone, access] of Object.entries(p.access ?? {})) {
    checkZone(v, zoneNames, `${persona}.access[${JSON.stringify(zone)}]`, zone);
    if (!isEnumValue(ZoneAccess, access)) {
      v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${persona}.access[${JSON.stringify(zone)}]`,
        received: access,
        allowed: `one of ${Object.values(ZoneAccess).join(', ')}`,
      });
    }
  }
}

/** The names the spec's zones declare, for membership checks when the zones themselves are invalid. */
function declaredZoneNames(spec: LakehouseSpec): string[] {
  return (spec.zones ?? []).flatMap((z) => {
    const name = typeof z === 'string' ? z : (z as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

/**
 * Validates a lakehouse spec and returns its resolved zones. Every violation of the whole spec
 * is reported in one `ValidationError`, grouped by code: the zone errors of `resolveZones`,
 * `DPK_INVALID_NAME`, `DPK_CONFLICTING_PROPS`, `DPK_UNKNOWN_ZONE`, `DPK_OUT_OF_RANGE`,
 * `DPK_INVALID_PRINCIPAL`. Elements are named by their name where they have one.
 */
export function checkLakehouseSpec(scope: IConstruct, spec: LakehouseSpec): ResolvedZone[] {
  const v = new Violations(ORDER);
  v.collect(() => validatePlatformName(scope, spec.platformName, 'platformName'));
  const zones = v.collect(() => resolveZones(scope, spec.zones, 'zones'));
  const zoneNames = new Set(zones ? zones.map((z) => z.name) : declaredZoneNames(spec));
  const component = (prop: string, name: unknown) =>
    v.add(ErrorCode.INVALID_NAME, nameViolation(NameRules.COMPONENT, prop, name));

  for (const list of ['personas', 'additionalPersonas'] as const) {
    const personas = spec[list] ?? [];
    personas.forEach((p, i) => checkPersona(v, zoneNames, element(list, personas, i), p));
    checkUnique(
      v,
      list,
      personas.map((p) => p.name),
      'persona',
    );
  }
  // An added persona may not take the name of one it is added to (a default one, unless `personas` is given).
  const base = new Set((spec.personas ?? defaultPersonas([...zoneNames])).map((p) => p.name));
  (spec.additionalPersonas ?? []).forEach((p, i) => {
    if (!base.has(p.name)) return;
    v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: `additionalPersonas[${i}].name`,
      received: p.name,
      allowed: `a name other than the personas it adds to (${[...base].join(', ')})`,
    });
  });

  const streams = spec.streams ?? [];
  streams.forEach((s, i) => {
    const stream = element('streams', streams, i);
    component(`${stream}.name`, s.name);
    checkZone(v, zoneNames, `${stream}.zone`, s.zone ?? LakehouseDefaults.STREAM_ZONE);
    const hours = s.retentionHours;
    if (hours !== undefined && !isUnresolved(hours)) {
      const { min, max } = LakehouseDefaults.STREAM_RETENTION_HOURS_RANGE;
      if (!Number.isInteger(hours) || hours < min || hours > max) {
        v.add(ErrorCode.OUT_OF_RANGE, {
          prop: `${stream}.retentionHours`,
          received: hours,
          allowed: `an integer from ${min} to ${max} (what every cloud's streaming service accepts)`,
        });
      }
    }
  });
  checkUnique(
    v,
    'streams',
    streams.map((s) => s.name),
    'stream',
  );

  const pipelines = spec.pipelines ?? [];
  pipelines.forEach((p, i) => {
    const pipeline = element('pipelines', pipelines, i);
    component(`${pipeline}.name`, p.name);
    const steps = p.steps ?? [];
    const { min, max } = LakehouseDefaults.PIPELINE_STEPS_RANGE;
    if (steps.length < min || steps.length > max) {
      v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${pipeline}.steps`,
        received: `${steps.length} steps`,
        allowed: `from ${min} to ${max} steps`,
      });
    }
    steps.forEach((s, j) => {
      const prop = element(`${pipeline}.steps`, steps, j);
      component(`${prop}.name`, s.name);
      checkZone(v, zoneNames, `${prop}.sourceZone`, s.sourceZone);
      checkZone(v, zoneNames, `${prop}.targetZone`, s.targetZone);
      if (s.sourceZone === s.targetZone) {
        v.add(ErrorCode.CONFLICTING_PROPS, {
          prop: `${prop}.targetZone`,
          received: s.targetZone,
          allowed: `a zone other than the step's sourceZone (${JSON.stringify(s.sourceZone)})`,
        });
      }
    });
    checkUnique(
      v,
      `${pipeline}.steps`,
      steps.map((s) => s.name),
      'step',
    );
    if (p.schedule !== undefined) {
      if (!isUnresolved(p.schedule.cron) && !isValidCron(p.schedule.cron)) {
        v.add(ErrorCode.OUT_OF_RANGE, {
          prop: `${pipeline}.schedule.cron`,
          received: p.schedule.cron,
          allowed: CRON_ALLOWED,
        });
      }
      const tz = p.schedule.timeZone;
      if (tz !== undefined && !isUnresolved(tz) && !isValidTimeZone(tz)) {
        v.add(ErrorCode.OUT_OF_RANGE, {
          prop: `${pipeline}.schedule.timeZone`,
          received: tz,
          allowed: "an IANA time zone (e.g. 'Etc/UTC', 'Europe/Brussels')",
        });
      }
    }
  });
  checkUnique(
    v,
    'pipelines',
    pipelines.map((p) => p.name),
    'pipeline',
  );

  const warehouse = spec.warehouse ?? {};
  if (warehouse.size !== undefined && !isEnumValue(WarehouseSize, warehouse.size)) {
    v.add(ErrorCode.OUT_OF_RANGE, {
      prop: 'warehouse.size',
      received: warehouse.size,
      allowed: `one of ${Object.values(WarehouseSize).join(', ')}`,
    });
  }
  if (warehouse.enabled !== undefined && typeof warehouse.enabled !== 'boolean') {
    v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: 'warehouse.enabled',
      received: warehouse.enabled,
      allowed: 'true or false',
    });
  }
  if (spec.removalPolicy !== undefined && !isEnumValue(DataRemovalPolicy, spec.removalPolicy)) {
    v.add(ErrorCode.OUT_OF_RANGE, {
      prop: 'removalPolicy',
      received: spec.removalPolicy,
      allowed: `one of ${Object.values(DataRemovalPolicy).join(', ')}`,
    });
  }

  (spec.alerts?.emails ?? []).forEach((email, i) => {
    if (isUnresolved(email) || (typeof email === 'string' && EMAIL.test(email))) return;
    v.add(ErrorCode.INVALID_PRINCIPAL, {
      prop: `alerts.emails[${i}]`,
      received: email,
      allowed: 'an email address (name@domain)',
    });
  });

  v.throwIfAny(scope);
  return zones ?? [];
}
