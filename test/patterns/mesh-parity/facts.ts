import type { DataMeshPlan } from '../../../src/patterns';

/** What the parity suite reads back about one product from a cloud's synthesized output. */
export interface ProductFacts {
  /** Column → classification level, as the output records it. */
  readonly columns: Record<string, string>;
  /** The freshness check's window in hours; undefined when the output has no check. */
  readonly freshnessHours?: number;
  /** The check treats missing data as a breach and alerts someone. */
  readonly freshnessAlerts: boolean;
  /** Encrypted at rest with a customer-managed key. */
  readonly encrypted: boolean;
  /** No public access to where its data lives. */
  readonly publicAccessBlocked: boolean;
}

/** The mesh as one cloud's synthesized output states it, read back from that output only. */
export interface MeshFacts {
  /** Stack name → the stacks it deploys after. */
  readonly stacks: Record<string, string[]>;
  /** Product id (`<domain>.<product>`) → facts. */
  readonly products: Record<string, ProductFacts>;
  /** The subscription matrix: `<consumer>/<persona> read <product> -<hidden columns>`, sorted. */
  readonly grants: string[];
  /** Where column classification is enforced: on the columns themselves, or only in the contract. */
  readonly columnClassification: 'enforced' | 'contract-only';
}

/** One cell of the subscription matrix, as the parity suite writes it. */
export const grantCell = (consumer: string, persona: string, product: string, hidden: readonly string[]) =>
  `${consumer}/${persona} read ${product} -${[...hidden].sort().join(',')}`;

/** What every cloud must state, from the plan alone. */
export function expectedFacts(plan: DataMeshPlan): Omit<MeshFacts, 'columnClassification'> {
  return {
    stacks: Object.fromEntries(plan.stacks.map((s) => [s.name, [...s.dependsOn].sort()])),
    products: Object.fromEntries(
      plan.products.map((p) => [
        p.id,
        {
          columns: Object.fromEntries(p.columns.map((c) => [c.name, c.classification])),
          freshnessHours: plan.freshnessChecks.find((f) => f.product === p.id)!.maxAgeHours,
          freshnessAlerts: true,
          encrypted: true,
          publicAccessBlocked: true,
        },
      ]),
    ),
    grants: plan.subscriptions
      .map((g) => grantCell(g.consumer, g.persona, g.product, g.hiddenColumns))
      .sort(),
  };
}
