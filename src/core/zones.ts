import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from './errors';
import type { IntegerRange } from './ranges';
import { isUnresolved } from './tokens';

/** The zones every lake gets unless told otherwise: landing, cleaned, and consumer-facing data. */
export const DEFAULT_ZONES: readonly string[] = ['raw', 'curated', 'serving'];

/** Names a zone may not take because the kit uses them for its own resources. */
export const RESERVED_ZONE_NAMES: readonly string[] = ['logs', 'log', 'system', 'tmp'];

/** Zone name rule: short enough to fit every cloud's resource names once combined. */
export const ZONE_NAME_RULE = {
  pattern: /^[a-z](?:[a-z0-9]|-(?!-)){0,18}[a-z0-9]$|^[a-z]$/,
  allowed:
    "1-20 characters: lowercase letters, digits and single hyphens, starting with a letter and not ending with '-'",
} as const;

/** Storage-tier lifecycle for one zone; every number is in days. */
export interface ZoneLifecycle {
  /**
   * Move current objects to the cheaper infrequent-access tier after this many days
   * (S3 Standard-IA, GCS Nearline, Azure Cool). `0` or unset means never.
   * @default - per zone: raw 30, curated 90, serving and custom zones never
   */
  readonly coolAfterDays?: number;
  /**
   * Permanently delete noncurrent (overwritten or deleted) versions after this many days.
   * @default 90
   */
  readonly noncurrentVersionExpirationDays?: number;
}

/** One lake zone: a name, an optional physical name and its lifecycle. */
export interface ZoneOptions extends ZoneLifecycle {
  /** Zone name, e.g. `raw`. */
  readonly name: string;
  /**
   * Physical name of the zone's bucket (AWS, GCP) or filesystem (Azure).
   * @default - derived from the platform name, the zone and a stable hash of the construct path
   */
  readonly storageName?: string;
}

/** A zone as given by a user: a name, or the full options. */
export type ZoneInput = string | ZoneOptions;

/** A zone with every default resolved. */
/**
 * A zone as a lake's consumers see it: its name. A lake imported from another stack knows
 * nothing more; the kit's own lakes give {@link ResolvedZone}s.
 */
export interface ZoneRef {
  readonly name: string;
}

export interface ResolvedZone extends ZoneRef {
  readonly name: string;
  readonly storageName?: string;
  /** Days before moving to the cool tier; `undefined` means never. */
  readonly coolAfterDays?: number;
  readonly noncurrentVersionExpirationDays: number;
}

/** Largest day count a lifecycle rule may hold (100 years), the top of every days range below. */
const LIFECYCLE_MAX_DAYS = 36500;

/** Lifecycle defaults and limits, shared by docs, code and tests. */
export const ZoneDefaults = {
  /** Days to the cool tier for the default zones; other zones stay hot. */
  COOL_AFTER_DAYS: { raw: 30, curated: 90 } as Readonly<Record<string, number>>,
  /** Days to keep noncurrent versions: the recovery window for overwritten or deleted data. */
  NONCURRENT_VERSION_EXPIRATION_DAYS: 90,
  /**
   * Days a lifecycle rule may count (e.g. how long access logs or query results are kept): 1 to
   * 36500 (100 years). Kit policy; the clouds accept more.
   */
  LIFECYCLE_DAYS_RANGE: { min: 1, max: LIFECYCLE_MAX_DAYS },
  /**
   * Days to the cool tier (`coolAfterDays`): 0 (never) to 36500. Kit policy; a cloud may raise
   * the lower bound (AWS: `LakeStorage.COOL_AFTER_DAYS_RANGE`).
   */
  COOL_AFTER_DAYS_RANGE: { min: 0, max: LIFECYCLE_MAX_DAYS },
  /**
   * Days noncurrent versions are kept (`noncurrentVersionExpirationDays`): 7 to 36500. Kit
   * policy: at least a week, so a bad overwrite can still be undone.
   */
  NONCURRENT_VERSION_EXPIRATION_DAYS_RANGE: { min: 7, max: LIFECYCLE_MAX_DAYS },
} as const;

function checkDays(v: Violation[], prop: string, value: number | undefined, range: IntegerRange): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    v.push({ prop, received: value, allowed: `an integer from ${range.min} to ${range.max}` });
  }
}

/**
 * Validates a zone name; returns the violation, if any. Zone names must be literals: they
 * become parts of construct ids, which must never hold tokens.
 */
export function zoneNameViolation(prop: string, name: unknown): Violation | undefined {
  if (typeof name === 'string' && isUnresolved(name)) {
    return {
      prop,
      received: name,
      allowed: 'a literal zone name, known at synth time (zone names become construct ids)',
    };
  }
  if (typeof name !== 'string' || !ZONE_NAME_RULE.pattern.test(name)) {
    return { prop, received: name, allowed: ZONE_NAME_RULE.allowed };
  }
  if (RESERVED_ZONE_NAMES.includes(name)) {
    return {
      prop,
      received: name,
      allowed: `not one of the reserved names ${RESERVED_ZONE_NAMES.join(', ')}`,
    };
  }
  return undefined;
}

/**
 * Validates zones and resolves their lifecycle defaults. Throws `DPK_NO_ZONES`,
 * `DPK_INVALID_ZONE`, `DPK_DUPLICATE_ZONE`, `DPK_INVALID_NAME` (two zones with one storage
 * name) or `DPK_OUT_OF_RANGE`.
 */
export function resolveZones(
  scope: IConstruct,
  zones: readonly ZoneInput[] | undefined,
  prop = 'zones',
): ResolvedZone[] {
  const inputs: ZoneOptions[] = (zones ?? DEFAULT_ZONES).map((z) =>
    typeof z === 'string' ? { name: z } : z,
  );
  if (inputs.length === 0) {
    throw ValidationError.of(ErrorCode.NO_ZONES, scope, { prop, received: [], allowed: 'at least one zone' });
  }
  ValidationError.throwIfAny(
    ErrorCode.INVALID_ZONE,
    scope,
    inputs.flatMap((z, i) => zoneNameViolation(`${prop}[${i}].name`, z.name) ?? []),
  );
  const seen = new Set<string>();
  for (const [i, z] of inputs.entries()) {
    if (seen.has(z.name)) {
      throw ValidationError.of(ErrorCode.DUPLICATE_ZONE, scope, {
        prop: `${prop}[${i}].name`,
        received: z.name,
        allowed: 'a zone name not already declared',
      });
    }
    seen.add(z.name);
  }
  const storageNames = new Set<string>();
  for (const [i, z] of inputs.entries()) {
    if (z.storageName === undefined || isUnresolved(z.storageName)) continue;
    if (storageNames.has(z.storageName)) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
        prop: `${prop}[${i}].storageName`,
        received: z.storageName,
        allowed: 'a storage name no other zone uses',
      });
    }
    storageNames.add(z.storageName);
  }
  const ranges: Violation[] = [];
  const resolved = inputs.map((z, i) => {
    checkDays(ranges, `${prop}[${i}].coolAfterDays`, z.coolAfterDays, ZoneDefaults.COOL_AFTER_DAYS_RANGE);
    checkDays(
      ranges,
      `${prop}[${i}].noncurrentVersionExpirationDays`,
      z.noncurrentVersionExpirationDays,
      ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS_RANGE,
    );
    const cool = z.coolAfterDays ?? ZoneDefaults.COOL_AFTER_DAYS[z.name];
    return {
      name: z.name,
      storageName: z.storageName,
      coolAfterDays: cool === 0 ? undefined : cool,
      noncurrentVersionExpirationDays:
        z.noncurrentVersionExpirationDays ?? ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS,
    };
  });
  ValidationError.throwIfAny(ErrorCode.OUT_OF_RANGE, scope, ranges);
  return resolved;
}

/** Returns the zone named `zone`, or throws `DPK_UNKNOWN_ZONE` listing the zones there are. */
export function findZone<T extends { readonly name: string }>(
  scope: IConstruct,
  zones: readonly T[],
  zone: string,
  prop = 'zone',
): T {
  const found = zones.find((z) => z.name === zone);
  if (!found) {
    throw ValidationError.of(ErrorCode.UNKNOWN_ZONE, scope, {
      prop,
      received: zone,
      allowed: `one of the declared zones: ${zones.map((z) => z.name).join(', ')}`,
    });
  }
  return found;
}

/**
 * A zone name (or any kebab-case word) as it appears in construct ids: `raw` → `Raw`,
 * `hot-data` → `HotData`, `readWrite` → `ReadWrite`. A part that starts with a digit keeps an
 * underscore (`tier-1` → `Tier_1`) so `tier-1` and `tier1` never share an id.
 */
export function constructIdFrom(name: string): string {
  return name
    .split('-')
    .map((part, i) =>
      i > 0 && /^[0-9]/.test(part) ? `_${part}` : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join('');
}

/**
 * Validates the zones of an imported lake, all violations at once: at least one zone
 * (`DPK_NO_ZONES`), literal zone names (`DPK_INVALID_ZONE`), no zone twice
 * (`DPK_DUPLICATE_ZONE`), and storage names (the zone's `storageProp`: `bucketName`,
 * `containerName`) that `storageViolation` accepts and no two zones share (`DPK_INVALID_NAME`:
 * two zones in one bucket would void per-zone grants). Storage names that are tokens pass.
 */
export function validateImportedZones<K extends string>(
  scope: IConstruct,
  zones: readonly ({ readonly name: string } & Readonly<Record<K, string>>)[],
  storageProp: K,
  storageViolation: (prop: string, name: string) => Violation | undefined,
  prop = 'zones',
): ZoneRef[] {
  if (!Array.isArray(zones) || zones.length === 0) {
    throw ValidationError.of(ErrorCode.NO_ZONES, scope, {
      prop,
      received: zones,
      allowed: 'at least one zone of the lake',
    });
  }
  const violations: Violation[] = [];
  const names = new Set<string>();
  const storage = new Set<string>();
  zones.forEach((zone, i) => {
    const invalid = zoneNameViolation(`${prop}[${i}].name`, zone.name);
    if (invalid) {
      violations.push({ ...invalid, code: ErrorCode.INVALID_ZONE });
    } else if (names.has(zone.name)) {
      violations.push({
        code: ErrorCode.DUPLICATE_ZONE,
        prop: `${prop}[${i}].name`,
        received: zone.name,
        allowed: 'a zone name not already listed',
      });
    }
    names.add(zone.name);
    const storageName = zone[storageProp];
    const bad = isUnresolved(storageName)
      ? undefined
      : storageViolation(`${prop}[${i}].${storageProp}`, storageName);
    if (bad) {
      violations.push({ ...bad, code: ErrorCode.INVALID_NAME });
    } else if (!isUnresolved(storageName) && storage.has(storageName)) {
      violations.push({
        code: ErrorCode.INVALID_NAME,
        prop: `${prop}[${i}].${storageProp}`,
        received: storageName,
        allowed: `a ${storageProp} no other zone uses (zones are isolated by their storage)`,
      });
    }
    storage.add(storageName);
  });
  ValidationError.throwAll(scope, violations, [
    ErrorCode.INVALID_ZONE,
    ErrorCode.DUPLICATE_ZONE,
    ErrorCode.INVALID_NAME,
  ]);
  return zones.map((z) => ({ name: z.name }));
}
