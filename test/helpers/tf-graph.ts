/**
 * The dependency graph Terraform builds from a synthesized `cdk.tf.json`: an edge from a block
 * to every block it references in an expression (`${google_kms_crypto_key.key.id}`) or lists in
 * `depends_on`. Deploy-order tests walk it: a consumer created before what it needs fails the
 * first apply, however valid its schema.
 */
import type { TfDocument } from './tf-template';

/** A block's address as Terraform writes it: `type.name` or `data.type.name`. */
export type TfAddress = string;

/** Addresses referenced in any expression inside `value`. */
function referencesIn(value: unknown, known: ReadonlySet<TfAddress>, into: Set<TfAddress>): void {
  if (typeof value === 'string') {
    for (const expr of value.matchAll(/\$\{([^}]*)\}/g)) {
      for (const m of expr[1].matchAll(/\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g)) {
        if (known.has(m[1])) into.add(m[1]);
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, known, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '//') continue;
      // depends_on lists bare addresses, not expressions.
      if (k === 'depends_on' && Array.isArray(v)) {
        for (const d of v) {
          if (typeof d === 'string' && known.has(d.replace(/^\$\{|\}$/g, ''))) {
            into.add(d.replace(/^\$\{|\}$/g, ''));
          }
        }
      } else {
        referencesIn(v, known, into);
      }
    }
  }
}

/** The Terraform dependency graph of one document. */
export class TfGraph {
  /** Block address → the addresses it depends on directly. */
  public readonly edges = new Map<TfAddress, ReadonlySet<TfAddress>>();
  /** Block address → its configuration. */
  public readonly configs = new Map<TfAddress, Record<string, unknown>>();

  public constructor(doc: TfDocument) {
    for (const [kind, prefix] of [
      ['resource', ''],
      ['data', 'data.'],
    ] as const) {
      for (const [type, byName] of Object.entries(doc[kind] ?? {})) {
        for (const [name, config] of Object.entries(byName)) {
          this.configs.set(`${prefix}${type}.${name}`, config);
        }
      }
    }
    const known = new Set(this.configs.keys());
    for (const [address, config] of this.configs) {
      const deps = new Set<TfAddress>();
      referencesIn(config, known, deps);
      deps.delete(address);
      this.edges.set(address, deps);
    }
  }

  /** Every address of `type` (`google_storage_bucket`, `data.google_project`). */
  public addressesOf(type: string): TfAddress[] {
    return [...this.configs.keys()].filter((a) => a.startsWith(`${type}.`));
  }

  /** Whether `from` depends on `to`, directly or through other blocks. */
  public dependsOn(from: TfAddress, to: TfAddress): boolean {
    return this.path(from, to) !== undefined;
  }

  /** One dependency path from `from` to `to` (both included), or undefined. */
  public path(from: TfAddress, to: TfAddress, avoid?: (a: TfAddress) => boolean): TfAddress[] | undefined {
    const seen = new Set<TfAddress>([from]);
    const queue: TfAddress[][] = [[from]];
    while (queue.length > 0) {
      const trail = queue.shift()!;
      for (const next of this.edges.get(trail[trail.length - 1]) ?? []) {
        if (next === to) return [...trail, next];
        if (seen.has(next) || avoid?.(next)) continue;
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
    return undefined;
  }

  /**
   * Whether every dependency path from `from` to `to` passes through a block of type `via`
   * (e.g. `time_sleep`), and at least one path exists: the consumer waits for propagation.
   */
  public dependsOnOnlyThrough(from: TfAddress, to: TfAddress, via: string): boolean {
    return this.dependsOn(from, to) && this.path(from, to, (a) => a.startsWith(`${via}.`)) === undefined;
  }
}
