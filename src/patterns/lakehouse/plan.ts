import type { IConstruct } from 'constructs';
import { checkLakehouseSpec } from './private/check';
import { defaultPersonas, LakehouseDefaults, type LakehouseSchedule, type LakehouseSpec } from './spec';
import {
  DataRemovalPolicy,
  kitTags,
  type ResolvedZone,
  type Tags,
  type WarehouseSize,
  ZoneAccess,
} from '../../core/internal';

/** One grant: an identity's access to one zone. */
export interface ZoneGrant {
  /** The zone. */
  readonly zone: string;
  /** The access, by intent. */
  readonly access: ZoneAccess;
}

/** One persona's grant on one zone. */
export interface PersonaGrant extends ZoneGrant {
  /** The persona granted. */
  readonly persona: string;
}

/**
 * A persona as planned, with what it may do beyond zone access. Every cloud renders the same
 * capabilities through its blocks' grants, and the journey tests hold each cloud to them.
 */
export interface PlannedPersona {
  /** Persona name. */
  readonly name: string;
  /** Whether the persona manages the platform (read-write on every zone, catalog admin). */
  readonly admin: boolean;
  /** Streams the persona may publish to: those landing in a zone it may write. */
  readonly publishStreams: readonly string[];
  /** Zones whose tables the persona may query through the query engines (READ or READ_WRITE). */
  readonly queryZones: readonly string[];
  /** Zones where the persona may create, alter and write tables (READ_WRITE). */
  readonly tableZones: readonly string[];
  /**
   * Pipelines the persona may start and observe: those whose every target zone it may
   * read-write (the engineer, on the default personas; admins operate every pipeline).
   */
  readonly operatePipelines: readonly string[];
}

/** Persona → zone → access (`undefined`: none). Every declared persona and zone is a key, in declaration order. */
export type AccessMatrix = Readonly<Record<string, Readonly<Record<string, ZoneAccess | undefined>>>>;

/** A stream with its defaults resolved. */
export interface PlannedStream {
  readonly name: string;
  /** The zone it lands in. */
  readonly zone: string;
  readonly retentionHours: number;
}

/** A pipeline step and the grants its identity needs. */
export interface PlannedStep {
  readonly name: string;
  readonly sourceZone: string;
  readonly targetZone: string;
  /** READ on the source zone, READ_WRITE on the target zone. */
  readonly grants: readonly ZoneGrant[];
}

/** A pipeline with its defaults resolved. */
export interface PlannedPipeline {
  readonly name: string;
  readonly steps: readonly PlannedStep[];
  readonly schedule: Required<LakehouseSchedule>;
}

/** The warehouse as planned. */
export interface PlannedWarehouse {
  readonly enabled: boolean;
  readonly size: WarehouseSize;
}

/**
 * The concrete decisions a spec stands for, computed once and rendered by each cloud:
 * which zones with which lifecycle, who gets what, which streams and pipelines. Every list is
 * in declaration order.
 */
export interface LakehousePlan {
  /** Platform name. */
  readonly platformName: string;
  /** Zones with their lifecycle resolved (`resolveZones`). */
  readonly zones: readonly ResolvedZone[];
  /** Personas, in declaration order. */
  readonly personas: readonly PlannedPersona[];
  /** Persona × zone access; admins hold READ_WRITE on every zone. */
  readonly accessMatrix: AccessMatrix;
  /** The matrix as a list: persona order, then zone order; no entry where there is no access. */
  readonly grants: readonly PersonaGrant[];
  readonly streams: readonly PlannedStream[];
  readonly pipelines: readonly PlannedPipeline[];
  readonly warehouse: PlannedWarehouse;
  /** Alert recipients, duplicates removed, first occurrence kept. */
  readonly alertEmails: readonly string[];
  /** The requested removal policy; each block still applies the context-flag guard. */
  readonly removalPolicy: DataRemovalPolicy;
  /** The kit's tags, then the user's (a user tag with the kit's name wins). */
  readonly tags: Tags;
}

/**
 * Validates `spec` (see `validateLakehouseSpec`; errors are reported against `scope`) and
 * turns it into a {@link LakehousePlan}. Pure: the same spec always gives a deep-equal plan.
 *
 * @example
 * const plan = planLakehouse(this, { platformName: 'sales' });
 * plan.accessMatrix.analyst.serving; // ZoneAccess.READ
 */
export function planLakehouse(scope: IConstruct, spec: LakehouseSpec): LakehousePlan {
  const zones = checkLakehouseSpec(scope, spec);
  const zoneNames = zones.map((z) => z.name);
  const personas = [...(spec.personas ?? defaultPersonas(zoneNames)), ...(spec.additionalPersonas ?? [])];

  const accessMatrix: Record<string, Record<string, ZoneAccess | undefined>> = {};
  const grants: PersonaGrant[] = [];
  for (const persona of personas) {
    const row: Record<string, ZoneAccess | undefined> = {};
    for (const zone of zoneNames) {
      const access = persona.admin === true ? ZoneAccess.READ_WRITE : persona.access?.[zone];
      row[zone] = access;
      if (access !== undefined) grants.push({ persona: persona.name, zone, access });
    }
    accessMatrix[persona.name] = row;
  }

  const warehouse = spec.warehouse ?? {};
  const streams: PlannedStream[] = (spec.streams ?? []).map((s) => ({
    name: s.name,
    zone: s.zone ?? LakehouseDefaults.STREAM_ZONE,
    retentionHours: s.retentionHours ?? LakehouseDefaults.STREAM_RETENTION_HOURS,
  }));
  return {
    platformName: spec.platformName,
    zones,
    personas: personas.map((p) => planPersona(p.name, p.admin === true, accessMatrix[p.name], streams, spec)),
    accessMatrix,
    grants,
    streams,
    pipelines: (spec.pipelines ?? []).map((p) => ({
      name: p.name,
      steps: p.steps.map((s) => ({
        name: s.name,
        sourceZone: s.sourceZone,
        targetZone: s.targetZone,
        grants: [
          { zone: s.sourceZone, access: ZoneAccess.READ },
          { zone: s.targetZone, access: ZoneAccess.READ_WRITE },
        ],
      })),
      schedule: {
        cron: p.schedule?.cron ?? LakehouseDefaults.SCHEDULE.cron,
        timeZone: p.schedule?.timeZone ?? LakehouseDefaults.TIME_ZONE,
      },
    })),
    warehouse: {
      enabled: warehouse.enabled ?? LakehouseDefaults.WAREHOUSE_ENABLED,
      size: warehouse.size ?? LakehouseDefaults.WAREHOUSE_SIZE,
    },
    alertEmails: [...new Set(spec.alerts?.emails ?? [])],
    removalPolicy: spec.removalPolicy ?? DataRemovalPolicy.RETAIN,
    tags: { ...kitTags(spec.platformName), ...(spec.tags ?? {}) },
  };
}

const WRITES = new Set<ZoneAccess | undefined>([ZoneAccess.WRITE, ZoneAccess.READ_WRITE]);
const READS = new Set<ZoneAccess | undefined>([ZoneAccess.READ, ZoneAccess.READ_WRITE]);

/** A persona's capabilities, derived from its row of the access matrix. */
function planPersona(
  name: string,
  admin: boolean,
  row: Readonly<Record<string, ZoneAccess | undefined>>,
  streams: readonly PlannedStream[],
  spec: LakehouseSpec,
): PlannedPersona {
  const zonesWith = (accesses: ReadonlySet<ZoneAccess | undefined>) =>
    Object.keys(row).filter((zone) => accesses.has(row[zone]));
  const tableZones = zonesWith(new Set([ZoneAccess.READ_WRITE]));
  return {
    name,
    admin,
    publishStreams: streams.filter((s) => WRITES.has(row[s.zone])).map((s) => s.name),
    queryZones: zonesWith(READS),
    tableZones,
    operatePipelines: (spec.pipelines ?? [])
      .filter((p) => p.steps.every((step) => tableZones.includes(step.targetZone)))
      .map((p) => p.name),
  };
}

/** Id of the info message each cloud's `Lakehouse` emits at synth with {@link describePersonas}. */
export const PERSONAS_IN_EFFECT_INFO = 'data-platform-kit:personasInEffect';

/**
 * The personas a plan puts in effect and their zone access, in one line for an info message at
 * synth: `personas in effect: ingest (raw: write), …, admin (admin), auditor (curated: read)`.
 * Says so when custom personas replaced the defaults, so a user who meant to add one notices.
 *
 * @example
 * describePersonas(planLakehouse(this, { platformName: 'sales' }), false);
 */
export function describePersonas(plan: LakehousePlan, replacedDefaults: boolean): string {
  const personas = plan.personas.map((p) => {
    if (p.admin) return `${p.name} (admin)`;
    const access = Object.entries(plan.accessMatrix[p.name])
      .filter(([, a]) => a !== undefined)
      .map(([zone, a]) => `${zone}: ${a}`);
    return `${p.name} (${access.length > 0 ? access.join(', ') : 'no zone access'})`;
  });
  const note = replacedDefaults
    ? ' — `personas` replaced the default personas; use `additionalPersonas` to add to them instead'
    : '';
  return `personas in effect: ${personas.join(', ')}${note}`;
}
