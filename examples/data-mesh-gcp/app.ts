import * as path from 'node:path';
import type { App, TerraformStack } from 'cdktf';
import { ACME_MESH } from '../data-mesh-spec';
import { DataMesh, PartitionedIcebergProducts, SparkJobScript } from 'data-platform-kit/gcp';

/** Adds the ACME data mesh's stacks to `app` and returns them. */
export function build(app: App): TerraformStack[] {
  // example:start
  // The shared mesh spec, rendered on GCP across two projects: governance and sales in one,
  // marketing and finance in the other. Stacks deploy governance → identities → products.
  const CENTRAL = 'acme-central'; // placeholder projects
  const ANALYTICS = 'acme-analytics';
  const jobs = path.join(__dirname, '..', 'jobs');
  const mesh = new DataMesh(app, 'AcmeMesh', {
    ...ACME_MESH,
    governanceProject: CENTRAL,
    location: 'europe-west1',
    domainOptions: {
      sales: {
        project: CENTRAL,
        stepScripts: {
          'daily/clean': SparkJobScript.fromAsset(path.join(jobs, 'clean_orders.py')),
          'daily/publish': SparkJobScript.fromAsset(path.join(jobs, 'publish_orders.py')),
        },
      },
      marketing: { project: ANALYTICS },
      finance: { project: ANALYTICS },
    },
    // BigQuery tables for Apache Iceberg take no partitioning yet: ACME's partitioned Iceberg
    // products become partitioned BigQuery tables; unpartitioned ones (customers) stay Iceberg.
    partitionedIcebergProducts: PartitionedIcebergProducts.BIGQUERY_TABLE,
    // Subscriptions are checked against a fixed day so the example synthesizes the same output every day.
    today: '2027-01-15',
  });
  // example:end
  return Object.values(mesh.stacks);
}
