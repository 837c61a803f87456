import type { DomainContext, MeshContext } from './context';
import { ErrorCode } from '../../../core/internal';
import { element } from '../../private/violations';

/** A product's id across the mesh: `<domain>.<product>`. */
export function productId(domain: string, product: string): string {
  return `${domain}.${product}`;
}

/**
 * Checks every product's inputs: each names a declared domain and product, and following
 * inputs never leads back to where it started. Returns the lineage edges (input → product) of
 * the inputs that resolve, in declaration order.
 */
export function checkLineage(ctx: MeshContext): { readonly from: string; readonly to: string }[] {
  const edges: { from: string; to: string }[] = [];
  for (const domain of ctx.domains.values()) {
    const products = domain.spec.products ?? [];
    products.forEach((product, i) => {
      const prop = element(`${domain.prop}.products`, products, i);
      (product.inputs ?? []).forEach((input, j) => {
        const from = resolveInput(ctx, domain, `${prop}.inputs[${j}]`, input);
        if (from !== undefined) edges.push({ from, to: productId(domain.spec.name, product.name) });
      });
    });
  }
  for (const cycle of findCycles(edges)) {
    ctx.v.add(ErrorCode.LINEAGE_CYCLE, {
      prop: 'domains[*].products[*].inputs',
      received: cycle.join(' → '),
      allowed: 'inputs that never lead back to the product they feed (lineage flows one way)',
    });
  }
  return edges;
}

function resolveInput(
  ctx: MeshContext,
  domain: DomainContext,
  prop: string,
  input: { readonly domain?: string; readonly product: string },
): string | undefined {
  const name = input.domain ?? domain.spec.name;
  const source = ctx.domains.get(name);
  if (source === undefined) {
    ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
      prop: `${prop}.domain`,
      received: input.domain,
      allowed: `one of the mesh's domains: ${[...ctx.domains.keys()].join(', ')}`,
    });
    return undefined;
  }
  if (!source.products.has(input.product)) {
    ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
      prop: `${prop}.product`,
      received: input.product,
      allowed: `one of ${name}'s products: ${[...source.products.keys()].join(', ') || '(none declared)'}`,
    });
    return undefined;
  }
  return productId(name, input.product);
}

/**
 * The cycles of a directed graph, each once, as the path of ids from its smallest id back to
 * itself (`a → b → a`); a depth-first search in the edges' order, so the result is deterministic.
 */
export function findCycles(edges: readonly { readonly from: string; readonly to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') {
        const loop = path.slice(path.indexOf(to));
        const start = loop.indexOf([...loop].sort()[0]);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.set(rotated.join('\u0000'), [...rotated, rotated[0]]);
      } else if (state.get(to) === undefined) {
        visit(to);
      }
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const { from } of edges) if (state.get(from) === undefined) visit(from);
  return [...cycles.values()];
}
