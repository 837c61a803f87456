/**
 * The persona and job journeys of a lakehouse, derived from its plan: every identity × action ×
 * target, each either allowed or denied. The three clouds' journey suites run this same list
 * against their synthesized output, so a journey that works on one cloud and not on another
 * fails the build, and so does any access the plan does not give (the denied journeys).
 */
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { ZoneAccess } from '../../src/core/internal';
import type { LakehousePlan, LakehouseSpec } from '../../src/patterns';

/**
 * The custom-persona spec every cloud's journey suite runs next to the example's: personas that
 * replace the defaults (and the example's added auditor) — an ingest writer, an auditor reading
 * curated and serving, a curator reading raw and read-writing curated, an admin.
 */
export const CUSTOM_PERSONAS_SPEC: LakehouseSpec = {
  ...SALES_LAKEHOUSE,
  additionalPersonas: [],
  personas: [
    { name: 'ingest', access: { raw: ZoneAccess.WRITE } },
    { name: 'auditor', access: { curated: ZoneAccess.READ, serving: ZoneAccess.READ } },
    { name: 'curator', access: { raw: ZoneAccess.READ, curated: ZoneAccess.READ_WRITE } },
    { name: 'platform', admin: true },
  ],
};

/** What an identity tries to do. */
export enum JourneyAction {
  /** Read the objects / blobs of a zone's storage. */
  READ_ZONE = 'read zone',
  /** Write objects / blobs into a zone's storage. */
  WRITE_ZONE = 'write zone',
  /** Query a zone's tables through the cloud's serverless query engine (Athena, BigQuery, Synapse SQL). */
  QUERY_ZONE = 'query zone',
  /** Create, alter and write tables in a zone's catalog database / dataset. */
  CREATE_TABLE = 'create tables in',
  /** Publish events to a stream. */
  PUBLISH_STREAM = 'publish to stream',
  /** Start a pipeline and read its runs. */
  OPERATE_PIPELINE = 'operate pipeline',
  /** Administer the catalog (grant others, manage every database). */
  ADMINISTER_CATALOG = 'administer',
}

/** Who acts: a persona, or a pipeline step's job identity (`<pipeline>/<step>`). */
export interface JourneyActor {
  readonly kind: 'persona' | 'step';
  readonly name: string;
}

/** One journey: an actor, an action on a target, and whether the plan allows it. */
export interface Journey {
  readonly actor: JourneyActor;
  readonly action: JourneyAction;
  /** A zone, stream or pipeline name; `catalog` for ADMINISTER_CATALOG. */
  readonly target: string;
  readonly allowed: boolean;
  /** `analyst can query zone serving`, `ingest cannot read zone serving`. */
  readonly title: string;
}

const READS = new Set<ZoneAccess | undefined>([ZoneAccess.READ, ZoneAccess.READ_WRITE]);
const WRITES = new Set<ZoneAccess | undefined>([ZoneAccess.WRITE, ZoneAccess.READ_WRITE]);

function journey(actor: JourneyActor, action: JourneyAction, target: string, allowed: boolean): Journey {
  const who = actor.kind === 'step' ? `job ${actor.name}` : actor.name;
  return {
    actor,
    action,
    target,
    allowed,
    title: `${who} ${allowed ? 'can' : 'cannot'} ${action} ${target}`,
  };
}

/** Every persona journey of `plan`, allowed and denied. */
export function personaJourneys(plan: LakehousePlan): Journey[] {
  return plan.personas.flatMap((persona) => {
    const actor: JourneyActor = { kind: 'persona', name: persona.name };
    const row = plan.accessMatrix[persona.name];
    return [
      ...plan.zones.flatMap(({ name: zone }) => [
        journey(actor, JourneyAction.READ_ZONE, zone, READS.has(row[zone])),
        journey(actor, JourneyAction.WRITE_ZONE, zone, WRITES.has(row[zone])),
        journey(actor, JourneyAction.QUERY_ZONE, zone, persona.queryZones.includes(zone)),
        journey(actor, JourneyAction.CREATE_TABLE, zone, persona.tableZones.includes(zone)),
      ]),
      ...plan.streams.map((s) =>
        journey(actor, JourneyAction.PUBLISH_STREAM, s.name, persona.publishStreams.includes(s.name)),
      ),
      ...plan.pipelines.map((p) =>
        journey(actor, JourneyAction.OPERATE_PIPELINE, p.name, persona.operatePipelines.includes(p.name)),
      ),
      journey(actor, JourneyAction.ADMINISTER_CATALOG, 'catalog', persona.admin),
    ];
  });
}

/** Every job journey of `plan`: a step reads its source zone, writes its target zone, nothing else. */
export function stepJourneys(plan: LakehousePlan): Journey[] {
  return plan.pipelines.flatMap((pipeline) =>
    pipeline.steps.flatMap((step) => {
      const actor: JourneyActor = { kind: 'step', name: `${pipeline.name}/${step.name}` };
      return plan.zones.flatMap(({ name: zone }) => [
        journey(actor, JourneyAction.READ_ZONE, zone, zone === step.sourceZone || zone === step.targetZone),
        journey(actor, JourneyAction.WRITE_ZONE, zone, zone === step.targetZone),
        journey(actor, JourneyAction.CREATE_TABLE, zone, zone === step.targetZone),
      ]);
    }),
  );
}

/** Persona and job journeys together. */
export function lakehouseJourneys(plan: LakehousePlan): Journey[] {
  return [...personaJourneys(plan), ...stepJourneys(plan)];
}
