/**
 * A domain's products: each a table in its own dataset (CMEK with the domain's key, kept on
 * delete), its classified columns carrying their level's policy tag. Iceberg products without
 * a partition column are BigQuery tables for Apache Iceberg (BigLake) over the producer's zone
 * bucket; the others are BigQuery tables. Internal: not exported from the entry point.
 */
import type { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
import { BigqueryTable } from '@cdktf/provider-google/lib/bigquery-table';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct } from 'constructs';
import { idPart, productDatasetId } from './mesh-names';
import { type DataMeshSettings, ProductTableKind } from './mesh-settings';
import { ZoneAccess } from '../../../core/blocks';
import { decideRemoval } from '../../../core/removal';
import { resourceTags, TagRules } from '../../../core/tags';
import type { ColumnType, PlannedColumn, PlannedProduct } from '../../../patterns';
import { type ITerraformDependable, propagationWait } from '../../../terraform';
import type { Lakehouse } from '../../patterns/lakehouse';
import {
  grantBigQueryAgentOnKey,
  grantOnDataset,
  newHardenedDataset,
  TIME_TRAVEL_HOURS,
} from '../../private/bigquery';
import { enableApis, GoogleApi } from '../../private/project-services';
import { retainData } from '../../private/removal';

/** What BigQuery's connection account needs on a BigLake Iceberg product's bucket: write its files, list the bucket. */
export const BIGLAKE_BUCKET_ROLES = ['roles/storage.objectUser', 'roles/storage.legacyBucketReader'] as const;
/** Seconds the connection's bucket grants are given before the table is created. */
export const BIGLAKE_GRANT_PROPAGATION_SECONDS = 60;
/** BigQuery's largest NUMERIC: 29 integer digits, 9 after the point; BIGNUMERIC beyond. */
const NUMERIC = { integerDigits: 29, scale: 9 };

/** A product's dataset and table. */
export interface ProductTable {
  readonly product: PlannedProduct;
  readonly kind: ProductTableKind;
  readonly dataset: BigqueryDataset;
  readonly table: BigqueryTable;
  /** The connection account's grants on the zone bucket (BigLake Iceberg products). */
  readonly bucketGrants: readonly StorageBucketIamMember[];
}

/** A neutral column type as BigQuery's schema writes it. */
export function bigQueryType(type: ColumnType): { type: string; precision?: string; scale?: string } {
  switch (type.name) {
    case 'string':
      return { type: 'STRING' };
    case 'boolean':
      return { type: 'BOOL' };
    case 'int':
    case 'bigint':
      return { type: 'INT64' };
    case 'double':
      return { type: 'FLOAT64' };
    case 'date':
      return { type: 'DATE' };
    case 'timestamp':
      return { type: 'TIMESTAMP' };
    case 'decimal': {
      const precision = type.precision!;
      const scale = type.scale!;
      const numeric = precision - scale <= NUMERIC.integerDigits && scale <= NUMERIC.scale;
      return { type: numeric ? 'NUMERIC' : 'BIGNUMERIC', precision: String(precision), scale: String(scale) };
    }
  }
}

/**
 * The table's schema as JSON: each column's BigQuery type, mode (`REQUIRED` or `NULLABLE`),
 * description, and, above the lowest level, its level's policy tag (`policyTags.names`).
 */
export function productSchema(
  product: PlannedProduct,
  lowest: string,
  policyTagNames: Readonly<Record<string, string>>,
): string {
  return JSON.stringify(
    product.columns.map((c: PlannedColumn) => ({
      name: c.name,
      ...bigQueryType(c.type),
      mode: c.required ? 'REQUIRED' : 'NULLABLE',
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.classification === lowest ? {} : { policyTags: { names: [policyTagNames[c.classification]] } }),
    })),
  );
}

/**
 * One dataset `<mesh>_<domain>_<product>` and one table per product. BigQuery tables are
 * partitioned by day on a date or timestamp partition column (its partitions expiring after
 * the product's `dataRetentionDays`) and clustered on an integer one. BigLake Iceberg tables
 * keep their files at `gs://<zone bucket>/products/<name>/` through the domain's BigLake
 * connection, whose service account gets `roles/storage.objectUser` and
 * `roles/storage.legacyBucketReader` on that bucket only; the table waits for the grants.
 * Tables have `deletion_protection`; datasets and tables are kept on delete (`prevent_destroy`)
 * unless the domain's removal policy is DESTROY and the flag allows it.
 */
export function createProductTables(
  stack: Construct,
  s: DataMeshSettings,
  lakehouse: Lakehouse,
  products: readonly PlannedProduct[],
  policyTagNames: Readonly<Record<string, string>>,
): ProductTable[] {
  if (products.length === 0) return [];
  const project = lakehouse.lake.project;
  const scope = new Construct(stack, 'Products');
  const apis = enableApis(scope, true, project, GoogleApi.BIGQUERY);
  const agent = grantBigQueryAgentOnKey(scope, project, lakehouse.encryptionKey, apis);
  const removal = decideRemoval(scope, lakehouse.plan.removalPolicy);
  const lowest = s.plan.classifications[0];
  return products.map((product) => {
    const here = new Construct(scope, idPart(product.name));
    const kind = s.tableKinds[product.id];
    const dataset = newHardenedDataset(here, {
      zone: 'product',
      project,
      location: s.location,
      key: lakehouse.encryptionKey,
      datasetId: productDatasetId(s.plan.name, product),
      timeTravelHours: TIME_TRAVEL_HOURS.MAX,
      labels: resourceTags(
        here,
        TagRules.GCP,
        lakehouse.plan.platformName,
        lakehouse.plan.tags,
        product.zone,
      ),
      description: `Data product ${product.id} ${product.version} of the ${s.plan.name} data mesh: ${product.description}`,
      dependsOn: [agent.wait, ...apis],
    });
    const bucketGrants =
      kind === ProductTableKind.BIGLAKE_ICEBERG ? grantConnection(scope, lakehouse, product) : [];
    const waits: ITerraformDependable[] =
      bucketGrants.length > 0 ? [grantWait(scope, product, bucketGrants)] : [];
    const table = new BigqueryTable(here, 'Table', {
      project,
      datasetId: dataset.datasetId,
      tableId: product.table,
      description: product.description,
      deletionProtection: true,
      schema: productSchema(product, lowest, policyTagNames),
      labels: {
        ...resourceTags(here, TagRules.GCP, lakehouse.plan.platformName, lakehouse.plan.tags, product.zone),
      },
      ...(kind === ProductTableKind.BIGLAKE_ICEBERG
        ? {
            biglakeConfiguration: {
              connectionId: lakehouse.catalog!.connection!.id,
              storageUri: `gs://${lakehouse.lake.bucketFor(product.zone).name}/${product.path}`,
              fileFormat: 'PARQUET',
              tableFormat: 'ICEBERG',
            },
          }
        : partitioning(product)),
      dependsOn: waits.length > 0 ? waits : undefined,
    });
    retainData(here, removal, [dataset, table]);
    grantProducer(here, lakehouse, product, dataset.datasetId);
    return { product, kind, dataset, table, bucketGrants };
  });
}

/**
 * The producer's own access to its product, as its lakehouse grants the product's zone: each
 * persona's READ or READ_WRITE on the zone becomes `dataViewer` or `dataEditor` on the product's
 * dataset (WRITE-only stays on the bucket, as the lakehouse does), and every pipeline step that
 * writes the zone gets `dataEditor` to publish it.
 */
function grantProducer(
  scope: Construct,
  lakehouse: Lakehouse,
  product: PlannedProduct,
  datasetId: string,
): void {
  const dataset = { zone: 'product', datasetId, project: lakehouse.lake.project };
  for (const g of lakehouse.plan.grants) {
    if (g.zone !== product.zone || g.access === ZoneAccess.WRITE) continue;
    grantOnDataset(scope, dataset, lakehouse.principals[g.persona], g.access);
  }
  for (const pipeline of lakehouse.plan.pipelines) {
    pipeline.steps.forEach((step, i) => {
      if (step.targetZone !== product.zone) return;
      grantOnDataset(
        scope,
        dataset,
        lakehouse.pipelines[pipeline.name].jobs[i].principal,
        ZoneAccess.READ_WRITE,
      );
    });
  }
}

/** Day partitions on a date or timestamp partition column, expiring with the retention; clustering on an integer one. */
function partitioning(
  product: PlannedProduct,
): Pick<ConstructorParameters<typeof BigqueryTable>[2], 'timePartitioning' | 'clustering'> {
  const column = product.columns.find((c) => c.partition);
  if (column === undefined) return {};
  if (column.type.name === 'date' || column.type.name === 'timestamp') {
    return {
      timePartitioning: {
        type: 'DAY',
        field: column.name,
        ...(product.dataRetentionDays === undefined
          ? {}
          : { expirationMs: product.dataRetentionDays * 24 * 3600 * 1000 }),
      },
    };
  }
  return { clustering: [column.name] };
}

/**
 * The BigLake connection's account: write the products' files and list their bucket, nothing
 * else; once per zone, however many products it holds (two members of one binding would revoke
 * it when either goes).
 */
function grantConnection(
  scope: Construct,
  lakehouse: Lakehouse,
  product: PlannedProduct,
): StorageBucketIamMember[] {
  const connection = lakehouse.catalog!.connection!;
  const bucket = lakehouse.lake.bucketFor(product.zone).name;
  return BIGLAKE_BUCKET_ROLES.map((role) => {
    const id = `Connection${idPart(role.replace(/^roles\/storage\./, ''))}${idPart(product.zone)}`;
    return (
      (scope.node.tryFindChild(id) as StorageBucketIamMember | undefined) ??
      new StorageBucketIamMember(scope, id, {
        bucket,
        role,
        member: `serviceAccount:${connection.cloudResource.serviceAccountId}`,
      })
    );
  });
}

/** The wait after the connection's grants on the product's zone bucket, once per zone. */
function grantWait(
  scope: Construct,
  product: PlannedProduct,
  grants: readonly StorageBucketIamMember[],
): ITerraformDependable {
  const id = `ConnectionGrantWait${idPart(product.zone)}`;
  return (
    (scope.node.tryFindChild(id) as ITerraformDependable | undefined) ??
    propagationWait(scope, id, grants, BIGLAKE_GRANT_PROPAGATION_SECONDS)
  );
}
