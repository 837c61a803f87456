import * as fc from 'fast-check';
import { ZoneAccess } from '../../../src/core/internal';
import {
  DataMeshDefaults,
  type DataMeshSpec,
  type DataProduct,
  type MeshDomain,
  type MeshSubscription,
  planDataMesh,
} from '../../../src/patterns';
import { newScope } from '../../helpers/scope';

const LEVELS: readonly string[] = DataMeshDefaults.CLASSIFICATIONS;
const RESTRICTED = LEVELS[LEVELS.length - 1];
const PERSONAS = ['ingest', 'engineer', 'analyst', 'admin'];
const rank = (level: string) => LEVELS.indexOf(level);

/** The random choices one mesh is built from. */
interface Choices {
  /** Each domain's clearance, as a level index (2-4 domains). */
  readonly clearances: number[];
  /** Per domain, per product, per column: its level index. */
  readonly products: number[][][];
  /** Whether each (product, consumer) pair subscribes, cycling through the list. */
  readonly subscribe: boolean[];
  /** The personas each subscription lists (none: the defaults). */
  readonly personas: string[][];
}
const choices: fc.Arbitrary<Choices> = fc.record({
  clearances: fc.array(fc.integer({ min: 0, max: LEVELS.length - 1 }), { minLength: 2, maxLength: 4 }),
  products: fc.array(
    fc.array(fc.array(fc.integer({ min: 0, max: LEVELS.length - 1 }), { minLength: 1, maxLength: 4 }), {
      maxLength: 3,
    }),
    {
      minLength: 4,
      maxLength: 4,
    },
  ),
  subscribe: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  personas: fc.array(fc.subarray(PERSONAS), { minLength: 64, maxLength: 64 }),
});

/**
 * A valid mesh from the choices: every domain and product the choices name, and every
 * subscription a producer could approve (a consumer cleared for at least one column; listed
 * personas for restricted products, which always get at least one consumer).
 */
function meshOf(c: Choices): DataMeshSpec {
  let k = 0;
  const domains: MeshDomain[] = c.clearances.map((clearance, d) => ({
    name: `domain${d}`,
    owner: `owner${d}@example.com`,
    description: `Domain ${d}.`,
    clearance: LEVELS[clearance],
    products: c.products[d].map((columns, p): DataProduct => ({
      name: `p${p}`,
      version: '1.0.0',
      description: `Product ${p}.`,
      schema: columns.map((level, i) => ({ name: `c${i}`, type: 'string', classification: LEVELS[level] })),
    })),
  }));
  return {
    name: 'mesh',
    governance: { admins: ['governance@example.com'] },
    domains: domains.map((producer) => {
      const subscriptions: MeshSubscription[] = [];
      for (const product of producer.products!) {
        const top = Math.max(...product.schema.map((col) => rank(col.classification!)));
        for (const consumer of domains) {
          const choice = k++ % 64;
          if (consumer === producer || !c.subscribe[choice]) continue;
          const lowest = Math.min(...product.schema.map((col) => rank(col.classification!)));
          if (lowest > rank(consumer.clearance!)) continue;
          const listed = c.personas[choice];
          if (top === rank(RESTRICTED) && listed.length === 0) continue;
          subscriptions.push({
            consumer: consumer.name,
            product: product.name,
            ...(listed.length > 0 ? { personas: listed } : {}),
            approvedBy: producer.owner,
          });
        }
        if (top === rank(RESTRICTED) && !subscriptions.some((s) => s.product === product.name)) {
          // Nobody was listed: the product stays one level below restricted.
          for (const col of product.schema as Column[]) {
            if (col.classification === RESTRICTED) col.classification = LEVELS[LEVELS.length - 2];
          }
        }
      }
      return { ...producer, subscriptions };
    }),
  };
}

/** A column as the builder makes it: mutable, so an unlisted restricted product can be lowered. */
interface Column {
  name: string;
  type: string;
  classification: string;
}

const plan = (spec: DataMeshSpec) => planDataMesh(newScope(), spec, { today: '2027-01-01' });

test('every subscription yields exactly its grants, read-only, and nothing else', () => {
  fc.assert(
    fc.property(choices, (c) => {
      const spec = meshOf(c);
      const expected = spec.domains.flatMap((producer) =>
        (producer.subscriptions ?? []).flatMap((s) =>
          (s.personas ?? DataMeshDefaults.SUBSCRIBER_PERSONAS).map(
            (persona) => `${s.consumer}/${persona} ${producer.name}.${s.product}`,
          ),
        ),
      );
      const grants = plan(spec).subscriptions;
      expect(grants.map((g) => `${g.consumer}/${g.persona} ${g.product}`).sort()).toEqual(expected.sort());
      expect(grants.every((g) => g.access === ZoneAccess.READ && g.consumer !== g.producer)).toBe(true);
    }),
    { numRuns: 60 },
  );
});

test('a consumer never sees a column above its clearance, and sees every column within it', () => {
  fc.assert(
    fc.property(choices, (c) => {
      const spec = meshOf(c);
      const result = plan(spec);
      for (const grant of result.subscriptions) {
        const clearance = result.domains.find((d) => d.name === grant.consumer)!.clearance;
        const product = result.products.find((p) => p.id === grant.product)!;
        const visible = product.columns.filter((col) => !grant.hiddenColumns.includes(col.name));
        expect(visible.length).toBeGreaterThan(0);
        expect(visible.every((col) => rank(col.classification) <= rank(clearance))).toBe(true);
        expect(
          product.columns.filter((col) => rank(col.classification) > rank(clearance)).map((col) => col.name),
        ).toEqual(grant.hiddenColumns);
      }
    }),
    { numRuns: 60 },
  );
});

test('restricted products reach only the consumers and personas their owner lists', () => {
  fc.assert(
    fc.property(choices, (c) => {
      const spec = meshOf(c);
      const result = plan(spec);
      for (const product of result.products.filter((p) => p.classification === RESTRICTED)) {
        const listed = spec.domains
          .find((d) => d.name === product.domain)!
          .subscriptions!.filter((s) => s.product === product.name)
          .flatMap((s) => s.personas!.map((persona) => `${s.consumer}/${persona}`));
        const granted = result.subscriptions
          .filter((g) => g.product === product.id)
          .map((g) => `${g.consumer}/${g.persona}`);
        expect(listed.length).toBeGreaterThan(0);
        expect(granted.sort()).toEqual(listed.sort());
      }
    }),
    { numRuns: 60 },
  );
});

test('stacks deploy in an order where every dependency comes first, whatever subscribes to what', () => {
  fc.assert(
    fc.property(choices, (c) => {
      const stacks = plan(meshOf(c)).stacks;
      const position = new Map(stacks.map((s, i) => [s.name, i]));
      for (const stack of stacks) {
        for (const dep of stack.dependsOn) expect(position.get(dep)).toBeLessThan(position.get(stack.name)!);
      }
    }),
    { numRuns: 60 },
  );
});
