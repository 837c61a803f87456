import { buildMesh, type Doc, TWO_PROJECT_PROPS } from './support';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import type { DataMeshSpec } from '../../../src/patterns';
import { readTablesBaseline, recreatingChanges, type TableShape, tableShapes } from '../../guards/baselines';
import type { ExampleStack } from '../../guards/examples';

/**
 * The schema guard of the data-loss guards (test/guards/data-loss.test.ts) on the GCP data mesh:
 * a change to an existing product that would make BigQuery recreate its table (data and table
 * IAM lost) is caught against the committed table baseline of the data-mesh-gcp example.
 */
const asStack = (name: string, doc: Doc): ExampleStack => ({
  example: 'data-mesh-gcp',
  cloud: 'gcp',
  stack: name,
  document: doc,
});

/** The sales products stack's table shapes with ACME_MESH's orders product changed by `change`. */
function salesWith(
  change: (orders: NonNullable<DataMeshSpec['domains'][number]['products']>[number]) => object,
) {
  const domains = ACME_MESH.domains.map((d) =>
    d.name === 'sales'
      ? { ...d, products: d.products!.map((p) => (p.name === 'orders' ? { ...p, ...change(p) } : p)) }
      : d,
  );
  const { docs } = buildMesh({ ...TWO_PROJECT_PROPS, domains });
  return tableShapes(asStack('acme-sales-products', docs['acme-sales-products']));
}

describe('the BigQuery table guard on gcp.DataMesh', () => {
  const baseline = readTablesBaseline('data-mesh-gcp', 'acme-sales-products') as Record<string, TableShape>;

  test('the committed baseline is what the mesh synthesizes today', () => {
    const { docs } = buildMesh();
    expect(tableShapes(asStack('acme-sales-products', docs['acme-sales-products']))).toEqual(baseline);
  });

  test('a changed column type is caught', () => {
    const after = salesWith((p) => ({
      schema: p.schema.map((c) => (c.name === 'amount' ? { ...c, type: 'double' } : c)),
    }));
    expect(recreatingChanges(baseline, after)).toEqual([
      expect.stringMatching(/column amount type NUMERIC → FLOAT64/),
    ]);
  });

  test('a removed column is caught', () => {
    const after = salesWith((p) => ({ schema: p.schema.filter((c) => c.name !== 'customer_email') }));
    expect(recreatingChanges(baseline, after)).toEqual([
      expect.stringMatching(/column customer_email removed/),
    ]);
  });

  test('a new NULLABLE column and a new description are changed in place', () => {
    const after = salesWith((p) => ({
      description: 'Every confirmed order.',
      schema: [...p.schema, { name: 'channel', type: 'string' }],
    }));
    expect(recreatingChanges(baseline, after)).toEqual([]);
  });

  test('a new REQUIRED column and another partition column are caught', () => {
    const after = salesWith((p) => ({
      schema: [...p.schema, { name: 'shipped_on', type: 'date', required: true }],
      partitionColumns: ['shipped_on'],
    }));
    expect(recreatingChanges(baseline, after)).toEqual([
      expect.stringMatching(/REQUIRED column shipped_on added/),
      expect.stringMatching(/partitioning order_date → shipped_on/),
    ]);
  });
});
