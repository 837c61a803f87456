/**
 * The diagram of a platform as plain data: nodes, edges and clusters, built once from a spec's
 * plan (./model-lakehouse, ./model-mesh) and drawn by each renderer (./mermaid, ./dot). Every
 * list is in the plan's declaration order, so the same spec always gives the same model.
 */

/** What a node stands for; renderers give each kind its own shape and colour. */
export type DiagramNodeKind =
  | 'zone'
  | 'persona'
  | 'stream'
  | 'step'
  | 'catalog'
  | 'warehouse'
  | 'governance'
  | 'product'
  | 'consumers'
  | 'placeholder';

/** What an edge means; renderers give each kind its own line style and colour. */
export type DiagramEdgeKind =
  | 'read'
  | 'write'
  | 'readWrite'
  | 'lands'
  | 'stepRead'
  | 'stepWrite'
  | 'then'
  | 'catalogs'
  | 'queries'
  | 'lineage'
  | 'subscription'
  | 'expired';

/** One box of the diagram. */
export interface DiagramNode {
  /** Unique in the model; letters, digits and `_` only, safe as a Mermaid or DOT id. */
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** The label's lines, first the name, then what it is and its key settings. */
  readonly lines: readonly string[];
}

/** One arrow of the diagram, from `from` to `to` (node ids). */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
  /** Text on the arrow, lines separated by `\n`. @default - none */
  readonly label?: string;
  /** Whether the arrow has a head at both ends (read-write access). @default false */
  readonly both?: boolean;
  /**
   * Whether the arrow leaves the layout alone (drawn, but its ends are not ranked apart, as
   * DOT's `constraint=false`), for arrows that would otherwise pull the flow out of order.
   * @default false
   */
  readonly loose?: boolean;
}

/** A box around nodes and nested clusters (a zone group, a pipeline, a domain). */
export interface DiagramCluster {
  /** Unique in the model; letters, digits and `_` only. */
  readonly id: string;
  readonly label: string;
  /** Ids of the nodes directly inside, in order. */
  readonly nodes: readonly string[];
  /** Clusters inside this one. */
  readonly clusters: readonly DiagramCluster[];
}

/** A whole diagram. */
export interface DiagramModel {
  /** Shown above the drawing. */
  readonly title: string;
  /** Every node, clustered or not, in drawing order. */
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Top-level clusters; a node in none is drawn on its own. */
  readonly clusters: readonly DiagramCluster[];
}

/**
 * Node and cluster ids safe in Mermaid and DOT (letters, digits and `_`), readable and unique:
 * `of('zone', 'raw')` is `zone_raw`; other characters become `_`, and a name that would clash
 * with an earlier one gets `_2`, `_3`… Deterministic: the same calls in the same order give the
 * same ids.
 */
export class DiagramIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The id of `name` among `prefix`'s (the same id on every call with them). */
  public of(prefix: string, name: string): string {
    const key = `${prefix}\u0000${name}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    this.byKey.set(key, id);
    return id;
  }
}
