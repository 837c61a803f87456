import { ACME_MESH } from '../../examples/data-mesh-spec';
import { planDataMesh } from '../../src/patterns';
import { newScope } from '../helpers/scope';
import { expectedFacts, type MeshFacts } from './mesh-parity/facts';
import { readAwsMesh } from './mesh-parity/read-aws';
import { readAzureMesh } from './mesh-parity/read-azure';
import { readGcpMesh } from './mesh-parity/read-gcp';

/**
 * The mesh parity suite: examples/data-mesh-spec.ts rendered by each cloud's data-mesh example;
 * the domains' stacks and their order, the products with their columns' classification, the
 * subscription matrix (consumer persona × product, from the synthesized grants), the freshness
 * checks, encryption and public access are read back from each output (never from the props)
 * and must equal the plan and each other. The one stated difference: where columns are
 * classified (Lake Formation tags on AWS, policy tags on GCP; Azure Storage cannot, so the
 * contract records it and validation keeps subscriptions within clearance).
 */
const plan = planDataMesh(newScope(), ACME_MESH, { today: '2027-01-15' });
const expected = expectedFacts(plan);

const clouds: Record<string, () => MeshFacts> = {
  aws: () => readAwsMesh(plan),
  gcp: () => readGcpMesh(plan),
  azure: () => readAzureMesh(plan),
};
const facts = Object.fromEntries(Object.entries(clouds).map(([cloud, read]) => [cloud, read()]));

describe.each(Object.keys(clouds))('%s states the plan', (cloud) => {
  test('its stacks, each after what the plan orders before it and never after a products stack', () => {
    const order = plan.stacks.map((s) => s.name);
    expect(Object.keys(facts[cloud].stacks).sort()).toEqual([...order].sort());
    for (const [stack, after] of Object.entries(facts[cloud].stacks)) {
      expect(after).toEqual(expect.arrayContaining(expected.stacks[stack]));
      // A cloud may add an earlier stack (AWS: the identity stack owning a shared account's settings).
      const late = after.filter(
        (d) =>
          order.indexOf(d) >= order.indexOf(stack) ||
          plan.stacks.find((s) => s.name === d)!.kind === 'products',
      );
      expect({ stack, late }).toEqual({ stack, late: [] });
    }
  });

  test('every product, each column with its classification', () => {
    const columns = (f: Pick<MeshFacts, 'products'>) =>
      Object.fromEntries(Object.entries(f.products).map(([id, p]) => [id, p.columns]));
    expect(columns(facts[cloud])).toEqual(columns(expected));
  });

  test('the subscription matrix, and nothing more', () => {
    expect(facts[cloud].grants).toEqual(expected.grants);
  });

  test('a freshness check per product that alerts, missing data a breach', () => {
    for (const [id, product] of Object.entries(expected.products)) {
      expect({
        id,
        hours: facts[cloud].products[id].freshnessHours,
        alerts: facts[cloud].products[id].freshnessAlerts,
      }).toEqual({
        id,
        hours: product.freshnessHours,
        alerts: true,
      });
    }
  });

  test('every product encrypted with a customer-managed key, never public', () => {
    for (const [id, product] of Object.entries(facts[cloud].products)) {
      expect({ id, encrypted: product.encrypted, blocked: product.publicAccessBlocked }).toEqual({
        id,
        encrypted: true,
        blocked: true,
      });
    }
  });
});

test('the clouds agree with each other, column classification stated per cloud', () => {
  const [first, ...rest] = Object.values(facts);
  for (const other of rest) {
    // Stacks are held to the plan per cloud above (AWS adds an account owner's identity stack).
    expect({ products: other.products, grants: other.grants }).toEqual({
      products: first.products,
      grants: first.grants,
    });
  }
  expect(
    Object.fromEntries(Object.entries(facts).map(([cloud, f]) => [cloud, f.columnClassification])),
  ).toEqual({
    aws: 'enforced',
    gcp: 'enforced',
    azure: 'contract-only',
  });
});
