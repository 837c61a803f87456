import type { DiagramCluster, DiagramEdge, DiagramModel, DiagramNode, DiagramNodeKind } from './model';
import { CLUSTER_STYLE, EDGE_STYLES, NODE_STYLES } from './style';

/** The font every label uses: one Graphviz has metrics for, then common fallbacks. */
export const DIAGRAM_FONT = 'Helvetica,Arial,sans-serif';

/** Each node kind's Graphviz shape. */
const SHAPES: Readonly<Record<DiagramNodeKind, string>> = {
  zone: 'cylinder',
  persona: 'box',
  stream: 'cds',
  step: 'box',
  catalog: 'folder',
  warehouse: 'box3d',
  governance: 'box',
  product: 'note',
  consumers: 'box',
  placeholder: 'plaintext',
};

/** Node kinds drawn with rounded corners. */
const ROUNDED = new Set<DiagramNodeKind>(['persona', 'consumers', 'step']);

/**
 * Text as a DOT double-quoted string: backslashes and quotes escaped, so no name can end the
 * string or start a Graphviz escape (`\N`, `\G`, `\l`); line breaks become `\n`.
 */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** Text made safe inside a Graphviz HTML-like label. */
export function escapeDotHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A node's label as an HTML-like label: the name in bold, then its other lines smaller. */
function nodeLabel(lines: readonly string[]): string {
  const [name, ...rest] = lines.map(escapeDotHtml);
  return `<<B>${name}</B>${rest.map((l) => `<BR/><FONT POINT-SIZE="9">${l}</FONT>`).join('')}>`;
}

function node(n: DiagramNode, indent: string): string {
  const s = NODE_STYLES[n.kind];
  const style = ROUNDED.has(n.kind) ? '"rounded,filled"' : 'filled';
  return `${indent}${n.id} [label=${nodeLabel(n.lines)}, shape=${SHAPES[n.kind]}, style=${style}, fillcolor="${s.fill}", color="${s.stroke}"];`;
}

function edge(e: DiagramEdge): string {
  const s = EDGE_STYLES[e.kind];
  const attrs = [`color="${s.color}"`, `fontcolor="${s.color}"`];
  if (s.line !== 'solid') attrs.push(`style=${s.line}`);
  if (e.label !== undefined) attrs.push(`label=${dotString(e.label)}`);
  if (e.both) attrs.push('dir=both');
  if (e.loose) attrs.push('constraint=false');
  return `  ${e.from} -> ${e.to} [${attrs.join(', ')}];`;
}

function cluster(c: DiagramCluster, byId: ReadonlyMap<string, DiagramNode>, indent: string): string[] {
  return [
    `${indent}subgraph cluster_${c.id} {`,
    `${indent}  label=${dotString(c.label)}; style="rounded,filled"; fillcolor="${CLUSTER_STYLE.fill}"; color="${CLUSTER_STYLE.stroke}";`,
    ...c.nodes.map((id) => node(byId.get(id)!, `${indent}  `)),
    ...c.clusters.flatMap((inner) => cluster(inner, byId, `${indent}  `)),
    `${indent}}`,
  ];
}

/** Ids of every node inside `clusters`, nested ones included. */
function clustered(clusters: readonly DiagramCluster[]): Set<string> {
  return new Set(clusters.flatMap((c) => [...c.nodes, ...clustered(c.clusters)]));
}

/**
 * The model as a Graphviz DOT digraph, left to right: clusters as `cluster_` subgraphs, a shape
 * and colour per node kind, a colour and line per edge kind, every string escaped.
 * Deterministic: the same model gives the same text.
 */
export function renderDot(model: DiagramModel): string {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const inClusters = clustered(model.clusters);
  const font = dotString(DIAGRAM_FONT);
  const lines = [
    'digraph platform {',
    `  graph [rankdir=LR, label=${dotString(model.title)}, labelloc=t, fontsize=16, fontname=${font}, nodesep=0.25, ranksep=0.5, pad=0.2];`,
    `  node [fontname=${font}, fontsize=11, margin="0.2,0.08"];`,
    `  edge [fontname=${font}, fontsize=9, arrowsize=0.7];`,
  ];
  for (const c of model.clusters) lines.push(...cluster(c, byId, '  '));
  for (const n of model.nodes) if (!inClusters.has(n.id)) lines.push(node(n, '  '));
  for (const e of model.edges) lines.push(edge(e));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
