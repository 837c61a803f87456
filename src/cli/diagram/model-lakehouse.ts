import {
  type DiagramCluster,
  type DiagramEdge,
  DiagramIds,
  type DiagramModel,
  type DiagramNode,
} from './model';
import type { ServiceNames } from './services';
import { ZoneAccess } from '../../core/blocks';
import type { LakehousePlan } from '../../patterns';

/** What each access is called on its arrow. */
const ACCESS_LABELS: Readonly<Record<ZoneAccess, string>> = {
  [ZoneAccess.READ]: 'read',
  [ZoneAccess.WRITE]: 'write',
  [ZoneAccess.READ_WRITE]: 'read-write',
};

/**
 * The diagram of a lakehouse plan, drawn as data flows: its zones in flow order, each persona's
 * access to each zone (write: persona → zone; read: zone → persona; read-write: both ways; an
 * admin's access on its node), streams into their landing zone, each pipeline as a cluster of its
 * steps (source zone → step → target zone, steps chained in run order, the schedule on the
 * cluster), and the catalog over the zones with the warehouse that queries it.
 */
export function lakehouseDiagram(plan: LakehousePlan, services: ServiceNames): DiagramModel {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const clusters: DiagramCluster[] = [];
  const ids = new DiagramIds();
  const zoneId = (zone: string) => ids.of('zone', zone);

  for (const zone of plan.zones) {
    nodes.push({
      id: zoneId(zone.name),
      kind: 'zone',
      lines: [
        zone.name,
        services.zone,
        zone.coolAfterDays === undefined || zone.coolAfterDays === 0
          ? 'stays hot'
          : `cool after ${zone.coolAfterDays} d`,
      ],
    });
  }

  for (const persona of plan.personas) {
    nodes.push({
      id: ids.of('persona', persona.name),
      kind: 'persona',
      lines: persona.admin
        ? [persona.name, services.persona, 'admin: read-write on every zone']
        : [persona.name, services.persona],
    });
  }
  const admins = new Set(plan.personas.filter((p) => p.admin).map((p) => p.name));
  // An admin's read-write on every zone is said on its node: an arrow to each zone would cross the whole drawing.
  for (const grant of plan.grants.filter((g) => !admins.has(g.persona))) {
    const persona = ids.of('persona', grant.persona);
    const zone = zoneId(grant.zone);
    const label = ACCESS_LABELS[grant.access];
    if (grant.access === ZoneAccess.READ) {
      edges.push({ from: zone, to: persona, kind: 'read', label });
    } else if (grant.access === ZoneAccess.WRITE) {
      edges.push({ from: persona, to: zone, kind: 'write', label });
    } else {
      edges.push({ from: persona, to: zone, kind: 'readWrite', label, both: true });
    }
  }

  for (const stream of plan.streams) {
    const id = ids.of('stream', stream.name);
    nodes.push({
      id,
      kind: 'stream',
      lines: [stream.name, services.stream, `keeps ${stream.retentionHours} h`],
    });
    edges.push({ from: id, to: zoneId(stream.zone), kind: 'lands', label: 'lands in' });
  }

  for (const pipeline of plan.pipelines) {
    const stepIds = pipeline.steps.map((step) => ids.of('step', `${pipeline.name}/${step.name}`));
    pipeline.steps.forEach((step, i) => {
      nodes.push({ id: stepIds[i], kind: 'step', lines: [step.name, services.step] });
      edges.push({ from: zoneId(step.sourceZone), to: stepIds[i], kind: 'stepRead', label: 'reads' });
      edges.push({ from: stepIds[i], to: zoneId(step.targetZone), kind: 'stepWrite', label: 'writes' });
      if (i > 0) edges.push({ from: stepIds[i - 1], to: stepIds[i], kind: 'then', label: 'then' });
    });
    const { cron, timeZone } = pipeline.schedule;
    clusters.push({
      id: ids.of('pipeline', pipeline.name),
      label: `pipeline ${pipeline.name} · ${cron} ${timeZone} · ${services.orchestrator}`,
      nodes: stepIds,
      clusters: [],
    });
  }

  nodes.push({ id: 'catalog', kind: 'catalog', lines: ['catalog', services.catalog, 'a database per zone'] });
  plan.zones.forEach((zone, i) => {
    // Only the last zone places the catalog (after it); the others' arrows follow.
    const loose = i < plan.zones.length - 1;
    edges.push({ from: zoneId(zone.name), to: 'catalog', kind: 'catalogs', ...(loose ? { loose } : {}) });
  });
  if (plan.warehouse.enabled) {
    nodes.push({
      id: 'warehouse',
      kind: 'warehouse',
      lines: ['warehouse', services.warehouse, plan.warehouse.size],
    });
    edges.push({ from: 'catalog', to: 'warehouse', kind: 'queries', label: 'queried by' });
  }

  const where = services.cloud === 'any cloud' ? '' : ` on ${services.cloud}`;
  return { title: `lakehouse ${plan.platformName}${where}`, nodes, edges, clusters };
}
