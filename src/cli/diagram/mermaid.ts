import type { DiagramCluster, DiagramEdge, DiagramModel, DiagramNode, DiagramNodeKind } from './model';
import { CLUSTER_STYLE, EDGE_STYLES, NODE_STYLES } from './style';

/** Each node kind's Mermaid shape, as the brackets around its label. */
const SHAPES: Readonly<Record<DiagramNodeKind, readonly [string, string]>> = {
  zone: ['[(', ')]'],
  persona: ['([', '])'],
  stream: ['>', ']'],
  step: ['[', ']'],
  catalog: ['[[', ']]'],
  warehouse: ['{{', '}}'],
  governance: ['{{', '}}'],
  product: ['(', ')'],
  consumers: ['([', '])'],
  placeholder: ['[', ']'],
};

/**
 * Text made safe inside a quoted Mermaid label: `#` first (it starts Mermaid's entity codes),
 * then quotes, angle brackets, ampersands and backticks as entity codes.
 */
export function escapeMermaid(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

/** Label lines as one quoted Mermaid label, the lines joined by `<br/>`. */
function label(lines: readonly string[]): string {
  return `"${lines.map(escapeMermaid).join('<br/>')}"`;
}

function node(n: DiagramNode): string {
  const [open, close] = SHAPES[n.kind];
  return `${n.id}${open}${label(n.lines)}${close}`;
}

function arrow(e: DiagramEdge): string {
  const line = EDGE_STYLES[e.kind].line;
  const body = line === 'bold' ? '==>' : line === 'solid' ? '-->' : '-.->';
  const head = e.both ? (line === 'bold' ? '<==>' : line === 'solid' ? '<-->' : '<-.->') : body;
  const text = e.label === undefined ? '' : `|${label(e.label.split('\n'))}|`;
  return `${e.from} ${head}${text} ${e.to}`;
}

function cluster(c: DiagramCluster, byId: ReadonlyMap<string, DiagramNode>, indent: string): string[] {
  return [
    `${indent}subgraph ${c.id}[${label([c.label])}]`,
    ...c.nodes.map((id) => `${indent}  ${node(byId.get(id)!)}`),
    ...c.clusters.flatMap((inner) => cluster(inner, byId, `${indent}  `)),
    `${indent}end`,
  ];
}

/** Ids of every node inside `clusters`, nested ones included. */
function clustered(clusters: readonly DiagramCluster[]): Set<string> {
  return new Set(clusters.flatMap((c) => [...c.nodes, ...clustered(c.clusters)]));
}

/**
 * The model as a Mermaid flowchart, left to right (GitHub renders it in a ```mermaid block):
 * clusters as subgraphs, a shape and colour per node kind (classDef), a colour and line per
 * edge kind (linkStyle). Deterministic: the same model gives the same text.
 */
export function renderMermaid(model: DiagramModel): string {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const inClusters = clustered(model.clusters);
  const lines = ['---', `title: ${JSON.stringify(model.title)}`, '---', 'flowchart LR'];
  for (const c of model.clusters) lines.push(...cluster(c, byId, '  '));
  for (const n of model.nodes) if (!inClusters.has(n.id)) lines.push(`  ${node(n)}`);
  for (const e of model.edges) lines.push(`  ${arrow(e)}`);

  const kinds = [...new Set(model.nodes.map((n) => n.kind))];
  for (const kind of kinds) {
    const s = NODE_STYLES[kind];
    lines.push(`  classDef ${kind} fill:${s.fill},stroke:${s.stroke},color:#212529`);
    lines.push(
      `  class ${model.nodes
        .filter((n) => n.kind === kind)
        .map((n) => n.id)
        .join(',')} ${kind}`,
    );
  }
  const allClusters = (cs: readonly DiagramCluster[]): DiagramCluster[] =>
    cs.flatMap((c) => [c, ...allClusters(c.clusters)]);
  for (const c of allClusters(model.clusters)) {
    lines.push(`  style ${c.id} fill:${CLUSTER_STYLE.fill},stroke:${CLUSTER_STYLE.stroke}`);
  }
  const edgeKinds = [...new Set(model.edges.map((e) => e.kind))];
  for (const kind of edgeKinds) {
    const indexes = model.edges.flatMap((e, i) => (e.kind === kind ? [i] : []));
    lines.push(`  linkStyle ${indexes.join(',')} stroke:${EDGE_STYLES[kind].color}`);
  }
  return `${lines.join('\n')}\n`;
}
