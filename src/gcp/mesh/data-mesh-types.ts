import type { DataMeshSpec } from '../../patterns';
import type { SparkJobScript } from '../processing/spark-job-script';

/**
 * How an Iceberg product with a partition column is rendered. BigQuery tables for Apache
 * Iceberg (BigLake) take no partitioning while that is in Preview.
 * @example
 * new DataMesh(app, 'Mesh', { ...meshProps, partitionedIcebergProducts: PartitionedIcebergProducts.BIGQUERY_TABLE });
 */
export enum PartitionedIcebergProducts {
  /** Reject them (`DPK_CONFLICTING_PROPS`): every Iceberg product is a BigLake Iceberg table. */
  REJECT = 'REJECT',
  /**
   * Render them as BigQuery tables (BigQuery storage, partitioned by the column): the product
   * is queried the same way, but its files are not Iceberg files in the producer's zone.
   */
  BIGQUERY_TABLE = 'BIGQUERY_TABLE',
}

/**
 * What only GCP needs to render one domain of the mesh.
 * @example
 * const salesOnGcp: DataMeshDomainOptions = { project: 'acme-sales', region: 'europe-west1' };
 */
export interface DataMeshDomainOptions {
  /**
   * The project of the domain's identity and products stacks (a literal project id: other
   * domains grant to its personas' service accounts by email).
   * @default - the governance project
   */
  readonly project?: string;
  /**
   * The region of the domain's regional services (network, pipelines, streams, Dataplex).
   * @default - the mesh's `region`
   */
  readonly region?: string;
  /**
   * The script each step of the domain's pipelines runs, keyed `'<pipeline>/<step>'` (as
   * `LakehouseProps.stepScripts`).
   * @default - none (a domain without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, SparkJobScript>>;
}

/**
 * Props of the GCP {@link DataMesh}: the cloud-neutral spec plus GCP's own options.
 * @example
 * const props: DataMeshProps = {
 *   ...ACME_MESH,
 *   governanceProject: 'acme-central',
 *   location: 'europe-west1',
 *   domainOptions: { finance: { project: 'acme-analytics' } },
 * };
 */
export interface DataMeshProps extends DataMeshSpec {
  /**
   * The project of the governance stack (taxonomy, policy tags, contract registry), and of
   * every domain without its own `project`. A literal project id.
   */
  readonly governanceProject: string;
  /**
   * Where every domain's data lives (buckets, datasets, keys) and the taxonomy with it: a
   * region like `europe-west1`, or the multi-regions `EU`, `US`. One location for the whole
   * mesh: a column's policy tag must be in its table's location.
   */
  readonly location: string;
  /**
   * The region of the regional services, for every domain without its own `region`.
   * @default - `location` when it is a region (required with a multi-region `location` when a
   *   domain has streams, pipelines or a warehouse)
   */
  readonly region?: string;
  /**
   * GCP options per domain, keyed by domain name. Throws `DPK_UNKNOWN_REFERENCE` for a name
   * that is not a domain of the spec.
   * @default - every domain in the governance project, with no pipelines' scripts
   */
  readonly domainOptions?: Readonly<Record<string, DataMeshDomainOptions>>;
  /**
   * How Iceberg products with a partition column are rendered (see
   * {@link PartitionedIcebergProducts}).
   * @default PartitionedIcebergProducts.REJECT
   */
  readonly partitionedIcebergProducts?: PartitionedIcebergProducts;
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC): expired ones are not
   * granted. For deterministic synthesis in tests.
   * @default - today, UTC
   */
  readonly today?: string;
}
