import type { DiagramEdgeKind, DiagramNodeKind } from './model';

/** How a node kind is drawn: fill and border colours. */
export interface NodeStyle {
  readonly fill: string;
  readonly stroke: string;
}

/** How an edge kind is drawn: colour and line. */
export interface EdgeStyle {
  readonly color: string;
  readonly line: 'solid' | 'dashed' | 'dotted' | 'bold';
}

/** Colours per node kind, shared by every renderer so Mermaid and Graphviz look alike. */
export const NODE_STYLES: Readonly<Record<DiagramNodeKind, NodeStyle>> = {
  zone: { fill: '#e7f5ff', stroke: '#1c7ed6' },
  persona: { fill: '#fff4e6', stroke: '#e8590c' },
  stream: { fill: '#f3f0ff', stroke: '#7048e8' },
  step: { fill: '#ebfbee', stroke: '#2f9e44' },
  catalog: { fill: '#fff9db', stroke: '#f08c00' },
  warehouse: { fill: '#fff9db', stroke: '#f08c00' },
  governance: { fill: '#f8f0fc', stroke: '#ae3ec9' },
  product: { fill: '#e7f5ff', stroke: '#1c7ed6' },
  consumers: { fill: '#fff4e6', stroke: '#e8590c' },
  placeholder: { fill: '#ffffff', stroke: '#adb5bd' },
};

/** Colour and line per edge kind: reads blue, writes orange, read-write purple, pipelines green. */
export const EDGE_STYLES: Readonly<Record<DiagramEdgeKind, EdgeStyle>> = {
  read: { color: '#1971c2', line: 'solid' },
  write: { color: '#e8590c', line: 'solid' },
  readWrite: { color: '#862e9c', line: 'solid' },
  lands: { color: '#7048e8', line: 'bold' },
  stepRead: { color: '#2f9e44', line: 'solid' },
  stepWrite: { color: '#2f9e44', line: 'bold' },
  then: { color: '#2f9e44', line: 'dashed' },
  catalogs: { color: '#868e96', line: 'dotted' },
  queries: { color: '#f08c00', line: 'solid' },
  lineage: { color: '#495057', line: 'dashed' },
  subscription: { color: '#1971c2', line: 'bold' },
  expired: { color: '#adb5bd', line: 'dashed' },
};

/** Cluster fill and border. */
export const CLUSTER_STYLE = { fill: '#f8f9fa', stroke: '#ced4da' } as const;
