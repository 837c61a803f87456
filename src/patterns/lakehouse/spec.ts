import {
  CommonDefaults,
  type DataRemovalPolicy,
  type Tags,
  WarehouseSize,
  ZoneAccess,
  type ZoneInput,
} from '../../core/internal';

/**
 * One kind of user of the platform (one identity per persona on every cloud) and its access
 * to the lake's zones.
 *
 * @example
 * const auditor: LakehousePersona = { name: 'auditor', access: { curated: ZoneAccess.READ } };
 */
export interface LakehousePersona {
  /** Persona name, unique in the spec (1-20 of a-z, 0-9, '-'); names the persona's identity. */
  readonly name: string;
  /**
   * Access to zones: zone name → access. Zones left out get no access. Cannot be combined
   * with `admin`.
   * @default - no access to any zone
   */
  readonly access?: Readonly<Record<string, ZoneAccess>>;
  /**
   * Manage everything: read-write on every zone, present and future.
   * @default false
   */
  readonly admin?: boolean;
}

/**
 * A stream of events that lands in a zone of the lake.
 *
 * @example
 * const clicks: LakehouseStream = { name: 'clicks', retentionHours: 48 };
 */
export interface LakehouseStream {
  /** Stream name, unique in the spec (1-20 of a-z, 0-9, '-'); part of derived names and paths. */
  readonly name: string;
  /**
   * The zone the stream lands in.
   * @default 'raw' (`LakehouseDefaults.STREAM_ZONE`)
   */
  readonly zone?: string;
  /**
   * Hours the stream keeps events (replay window), in
   * `LakehouseDefaults.STREAM_RETENTION_HOURS_RANGE` (Kinesis' least to Pub/Sub's most). Azure's
   * lakehouse streams (Event Hubs Standard) keep at most 168: it rejects more before any resource.
   * @default 24 (`LakehouseDefaults.STREAM_RETENTION_HOURS`)
   */
  readonly retentionHours?: number;
}

/**
 * One step of a pipeline: reads one zone and writes another. Its identity gets exactly that.
 *
 * @example
 * const clean: LakehousePipelineStep = { name: 'clean', sourceZone: 'raw', targetZone: 'curated' };
 */
export interface LakehousePipelineStep {
  /** Step name, unique in its pipeline (1-20 of a-z, 0-9, '-'). */
  readonly name: string;
  /** The zone the step reads. */
  readonly sourceZone: string;
  /** The zone the step writes (not `sourceZone`). */
  readonly targetZone: string;
}

/**
 * When a pipeline runs: a cron expression read in a time zone. Each cloud renders it in its
 * own scheduler.
 *
 * @example
 * const nightly: LakehouseSchedule = { cron: '30 3 * * *', timeZone: 'Europe/Brussels' };
 */
export interface LakehouseSchedule {
  /**
   * Five-field unix-cron expression (minute hour day-of-month month day-of-week) of numbers,
   * `*`, lists, ranges and steps, e.g. `'0 2 * * *'` for every day at 02:00.
   */
  readonly cron: string;
  /**
   * IANA time zone the expression is read in (`'Europe/Brussels'`).
   * @default 'Etc/UTC'
   */
  readonly timeZone?: string;
}

/**
 * A pipeline: ordered steps between zones, run on a schedule.
 *
 * @example
 * const daily: LakehousePipeline = {
 *   name: 'daily',
 *   steps: [
 *     { name: 'clean', sourceZone: 'raw', targetZone: 'curated' },
 *     { name: 'publish', sourceZone: 'curated', targetZone: 'serving' },
 *   ],
 * };
 */
export interface LakehousePipeline {
  /** Pipeline name, unique in the spec (1-20 of a-z, 0-9, '-'). */
  readonly name: string;
  /** The steps, run one after the other in this order (`LakehouseDefaults.PIPELINE_STEPS_RANGE`). */
  readonly steps: readonly LakehousePipelineStep[];
  /**
   * When the pipeline runs.
   * @default - every day at 02:00 Etc/UTC (`LakehouseDefaults.SCHEDULE`)
   */
  readonly schedule?: LakehouseSchedule;
}

/** The lakehouse's warehouse. */
export interface LakehouseWarehouse {
  /**
   * Whether the lakehouse has a warehouse.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Capacity class, mapped per cloud (RPUs, slots, DWUs).
   * @default WarehouseSize.SMALL
   */
  readonly size?: WarehouseSize;
}

/** Who hears about failures. */
export interface LakehouseAlerts {
  /**
   * Email addresses notified of failed runs and other alarms.
   * @default - no email subscriptions
   */
  readonly emails?: readonly string[];
}

/**
 * A whole lakehouse, cloud-neutral and plain data (JSON-serializable): zones, personas and
 * their access, streams, pipelines, warehouse, alerts, removal policy and tags. The same spec
 * synthesizes on AWS, GCP and Azure; `planLakehouse` turns it into the decisions each cloud
 * renders.
 *
 * Secure defaults: data retained on delete; every persona gets least-privilege access by intent.
 *
 * @example
 * const spec: LakehouseSpec = {
 *   name: 'sales',
 *   streams: [{ name: 'orders' }],
 *   pipelines: [{ name: 'daily', steps: [{ name: 'clean', sourceZone: 'raw', targetZone: 'curated' }] }],
 *   alerts: { emails: ['data-oncall@example.com'] },
 * };
 */
export interface LakehouseSpec {
  /** Platform name that every derived physical name starts with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /**
   * The lake's zones in flow order (landing first, consumer-facing last), as names or full
   * options (physical name, lifecycle per zone).
   * @default DEFAULT_ZONES (`raw`, `curated`, `serving`)
   */
  readonly zones?: readonly ZoneInput[];
  /**
   * Who uses the platform and their access to zones. Giving this list REPLACES the default
   * personas; use `additionalPersonas` to add to them instead.
   * @default - `defaultPersonas(zones)`: ingest writes the first zone; engineer reads the first
   *   and middle zones and read-writes every zone after the first; analyst reads the last zone;
   *   admin manages all. On the default zones: ingest WRITE raw; engineer READ raw, READ_WRITE
   *   curated and serving; analyst READ serving; admin everything.
   */
  readonly personas?: readonly LakehousePersona[];
  /**
   * Personas added to `personas` — or, when `personas` is not given, to the default ones — so a
   * custom persona (an auditor) does not silently replace ingest, engineer, analyst and admin.
   * Each cloud lists the personas in effect at synth (an info message).
   * @default - none
   */
  readonly additionalPersonas?: readonly LakehousePersona[];
  /**
   * Event streams landing in the lake.
   * @default - none
   */
  readonly streams?: readonly LakehouseStream[];
  /**
   * Scheduled pipelines moving data between zones.
   * @default - none
   */
  readonly pipelines?: readonly LakehousePipeline[];
  /**
   * The warehouse.
   * @default - enabled, WarehouseSize.SMALL
   */
  readonly warehouse?: LakehouseWarehouse;
  /**
   * Alert recipients.
   * @default - no recipients
   */
  readonly alerts?: LakehouseAlerts;
  /**
   * What happens to data when it leaves the stack. DESTROY also needs the
   * `data-platform-kit:removeDataOnDestroy` context flag.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags (AWS, Azure) or labels (GCP) for every resource, on top of the kit's own. Each cloud
   * checks them against its own tagging rules.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** Default persona names, in order. */
export const DEFAULT_PERSONA_NAMES = ['ingest', 'engineer', 'analyst', 'admin'] as const;

const UTC = 'Etc/UTC';

/** Lakehouse defaults and limits, shared by docs, code and tests. */
export const LakehouseDefaults = {
  /** Zone a stream lands in. */
  STREAM_ZONE: CommonDefaults.STREAM_ZONE,
  /** Hours a stream keeps events. */
  STREAM_RETENTION_HOURS: CommonDefaults.STREAM_RETENTION_HOURS,
  /**
   * Hours a stream may keep events: from 24 (the least Kinesis keeps) to 744 (the most Pub/Sub
   * keeps, 31 days). Azure's lakehouse caps it at 168 (Event Hubs Standard), checked by the
   * Azure Lakehouse with the spec's stream named.
   */
  STREAM_RETENTION_HOURS_RANGE: { min: 24, max: 744 },
  /** Steps in one pipeline, what every cloud accepts: from 1 to 10 (AWS `Pipeline.STEPS_RANGE`). */
  PIPELINE_STEPS_RANGE: { min: 1, max: 10 },
  /** Time zone of a schedule. */
  TIME_ZONE: UTC,
  /** When a pipeline runs: every day at 02:00 UTC. */
  SCHEDULE: { cron: '0 2 * * *', timeZone: UTC } as Required<LakehouseSchedule>,
  /** Whether the lakehouse has a warehouse. */
  WAREHOUSE_ENABLED: true,
  /** Warehouse capacity class. */
  WAREHOUSE_SIZE: CommonDefaults.WAREHOUSE_SIZE as WarehouseSize,
} as const;

function addAccess(map: Record<string, ZoneAccess>, zone: string, access: ZoneAccess): void {
  const had = map[zone];
  map[zone] = had === undefined || had === access ? access : ZoneAccess.READ_WRITE;
}

/**
 * The default personas for zones in flow order: `ingest` writes the first zone; `engineer`
 * reads the first zone and read-writes every later one; `analyst` reads the last; `admin`
 * manages all. On `raw`, `curated`, `serving`: ingest WRITE raw; engineer READ raw and
 * READ_WRITE curated and serving; analyst READ serving.
 *
 * @example
 * const personas = defaultPersonas(['raw', 'curated', 'serving']);
 */
export function defaultPersonas(zones: readonly string[]): LakehousePersona[] {
  const first = zones[0];
  const last = zones[zones.length - 1];
  const ingest: Record<string, ZoneAccess> = {};
  const engineer: Record<string, ZoneAccess> = {};
  const analyst: Record<string, ZoneAccess> = {};
  if (first !== undefined) {
    addAccess(ingest, first, ZoneAccess.WRITE);
    addAccess(engineer, first, ZoneAccess.READ);
  }
  for (const zone of zones.slice(1)) addAccess(engineer, zone, ZoneAccess.READ_WRITE);
  if (last !== undefined) addAccess(analyst, last, ZoneAccess.READ);
  return [
    { name: 'ingest', access: ingest },
    { name: 'engineer', access: engineer },
    { name: 'analyst', access: analyst },
    { name: 'admin', admin: true },
  ];
}
