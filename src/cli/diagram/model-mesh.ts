import {
  type DiagramCluster,
  type DiagramEdge,
  DiagramIds,
  type DiagramModel,
  type DiagramNode,
} from './model';
import type { ServiceNames } from './services';
import { type DataMeshPlan, ProductStatus } from '../../patterns';

/**
 * The diagram of a data mesh plan: the governance; each domain as a cluster of its products
 * (name, version, status when deprecated, classification, format); each subscribing domain's
 * consumer personas; lineage (input product → derived product); and each
 * subscription (product → consumer personas, naming the personas, the columns hidden from them
 * and the last day), expired ones dashed.
 */
export function meshDiagram(plan: DataMeshPlan, services: ServiceNames): DiagramModel {
  const ids = new DiagramIds();
  /** A product's node id, from its mesh id (`<domain>.<product>`). */
  const productNode = (id: string) => ids.of('product', id);
  /** A consumer domain's personas node id. */
  const consumersNode = (domain: string) => ids.of('consumers', domain);
  const nodes: DiagramNode[] = [
    {
      id: 'governance',
      kind: 'governance',
      lines: ['governance', services.governance, `levels: ${plan.classifications.join(' < ')}`],
    },
  ];
  const edges: DiagramEdge[] = [];
  const consumers = new Set([
    ...plan.subscriptions.map((g) => g.consumer),
    ...plan.expiredSubscriptions.map((s) => s.consumer),
  ]);

  const clusters: DiagramCluster[] = plan.domains.map((domain) => {
    const members: string[] = [];
    for (const product of domain.products) {
      const status = product.status === ProductStatus.DEPRECATED ? ' · deprecated' : '';
      members.push(productNode(product.id));
      nodes.push({
        id: productNode(product.id),
        kind: 'product',
        lines: [
          product.name,
          `v${product.version}${status}`,
          `${product.classification} · ${product.format}`,
          services.product,
        ],
      });
    }
    if (members.length === 0) {
      // An empty box would not be drawn at all: say there is nothing in it yet.
      members.push(ids.of('empty', domain.name));
      nodes.push({ id: ids.of('empty', domain.name), kind: 'placeholder', lines: ['no products'] });
    }
    return {
      id: ids.of('domain', domain.name),
      label: `domain ${domain.name} · clearance ${domain.clearance}`,
      nodes: members,
      clusters: [],
    };
  });

  // Consumer personas stand outside the domain boxes, right of the products they read: arrows
  // from box to box would cross the drawing.
  for (const domain of plan.domains.filter((d) => consumers.has(d.name))) {
    nodes.push({
      id: consumersNode(domain.name),
      kind: 'consumers',
      lines: [`${domain.name} personas`, services.persona],
    });
  }

  for (const { from, to } of plan.lineage) {
    edges.push({ from: productNode(from), to: productNode(to), kind: 'lineage', label: 'input of' });
  }

  const byPair = new Map<
    string,
    { consumer: string; product: string; personas: string[]; hidden: readonly string[]; expires?: string }
  >();
  for (const grant of plan.subscriptions) {
    const key = `${grant.consumer}\u0000${grant.product}`;
    const pair = byPair.get(key);
    if (pair) {
      pair.personas.push(grant.persona);
    } else {
      byPair.set(key, {
        consumer: grant.consumer,
        product: grant.product,
        personas: [grant.persona],
        hidden: grant.hiddenColumns,
        expires: grant.expires,
      });
    }
  }
  for (const pair of byPair.values()) {
    const lines = [`${pair.personas.join(', ')} read`];
    if (pair.hidden.length > 0) lines.push(`hidden: ${pair.hidden.join(', ')}`);
    if (pair.expires !== undefined) lines.push(`until ${pair.expires}`);
    edges.push({
      from: productNode(pair.product),
      to: consumersNode(pair.consumer),
      kind: 'subscription',
      label: lines.join('\n'),
    });
  }
  for (const expired of plan.expiredSubscriptions) {
    edges.push({
      from: productNode(expired.product),
      to: consumersNode(expired.consumer),
      kind: 'expired',
      label: `expired ${expired.expires}`,
    });
  }

  const where = services.cloud === 'any cloud' ? '' : ` on ${services.cloud}`;
  return { title: `data mesh ${plan.name}${where}`, nodes, edges, clusters };
}
