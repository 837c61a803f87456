import {
  type DataMeshSpec,
  type DataProduct,
  type MeshDomain,
  ProductFormat,
} from 'data-platform-kit/patterns';

/** The number of other domains each domain subscribes to in a generated mesh: fixed, so size grows linearly. */
export const MESH_FAN_OUT = 2;

/**
 * The two products every generated domain publishes, both Parquet: every cloud renders them on
 * the default lakehouse (GCP's BigLake Iceberg tables need a warehouse's connection and take no
 * partitioning while in Preview).
 */
function products(domain: string): DataProduct[] {
  return [
    {
      name: 'events',
      version: '1.0.0',
      description: `Every event of ${domain}, one row per event.`,
      schema: [
        { name: 'event_id', type: 'string', required: true, classification: 'internal' },
        { name: 'amount', type: 'decimal(12,2)', classification: 'internal' },
        { name: 'event_date', type: 'date', required: true, classification: 'internal' },
      ],
      partitionColumns: ['event_date'],
      format: ProductFormat.PARQUET,
      freshness: { maxAgeHours: 6 },
    },
    {
      name: 'daily_totals',
      version: '1.0.0',
      description: `Totals of ${domain} per day.`,
      schema: [
        { name: 'day', type: 'date', required: true, classification: 'internal' },
        { name: 'total', type: 'decimal(18,2)', classification: 'internal' },
      ],
      format: ProductFormat.PARQUET,
      inputs: [{ product: 'events' }],
    },
  ];
}

/**
 * A data mesh of `count` domains for the scale benchmark: each with the default lakehouse, two
 * products and subscriptions from the next {@link MESH_FAN_OUT} domains (in a ring), so every
 * domain consumes from two others and is read by two others, whatever the size. Every column is
 * `internal`, the default clearance, so the spec is valid on every cloud.
 */
export function generatedMesh(count: number): DataMeshSpec {
  if (!Number.isInteger(count) || count <= MESH_FAN_OUT) {
    throw new Error(`A generated mesh needs more than ${MESH_FAN_OUT} domains; received ${count}`);
  }
  const name = (i: number) => `d${String(i % count).padStart(3, '0')}`;
  const domains = Array.from({ length: count }, (_, i): MeshDomain => {
    const own = products(name(i));
    return {
      name: name(i),
      owner: `${name(i)}-data@example.com`,
      description: `Generated domain ${i + 1} of ${count}.`,
      products: own,
      subscriptions: Array.from({ length: MESH_FAN_OUT }, (__, k) => ({
        consumer: name(i + k + 1),
        product: own[k % own.length].name,
        approvedBy: `${name(i)}-data@example.com`,
      })),
    };
  });
  return { name: 'scale', governance: { admins: ['governance@example.com'] }, domains };
}
