/**
 * A domain's products as Glue tables in its publishing zones' databases, with the
 * classification LF-tag on their classified columns. Internal: not exported from the entry point.
 */
import { Aws, type Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import { classificationTagKey, idPart } from './mesh-names';
import { stableHash } from '../../../core/internal';
import { formatColumnType, type PlannedColumn, type PlannedProduct, ProductFormat } from '../../../patterns';
import type { Lakehouse } from '../../patterns/lakehouse';
import { removalPolicyFor } from '../../private/removal';

/** A product's table and what its grants need to name it. */
export interface ProductTable {
  readonly product: PlannedProduct;
  readonly table: glue.CfnTable;
  readonly databaseName: string;
  /**
   * Changes whenever the table would be replaced (another database; the catalog is the stack's
   * account): grants carry it
   * in their ids, so a replaced table gets new grants, created after it.
   */
  readonly generation: string;
}

const PARQUET_STORAGE = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
};

/**
 * One `AWS::Glue::Table` per product, at `s3://<zone bucket>/products/<name>/`, created after its
 * database. Iceberg products are created through `OpenTableFormatInput` (Glue writes the first
 * metadata file; partitioning is the writer's, in Iceberg metadata); Parquet products are Hive
 * tables with their partition column as a partition key. Nothing of the contract but the
 * columns' names, types and descriptions: the contract lives in the governance registry.
 */
export function createProductTables(
  stack: Stack,
  lakehouse: Lakehouse,
  products: readonly PlannedProduct[],
): ProductTable[] {
  return products.map((product) => {
    const databaseName = lakehouse.catalog.databaseNameFor(product.zone);
    const iceberg = product.format === ProductFormat.ICEBERG;
    const column = (c: PlannedColumn) => ({
      name: c.name,
      type: formatColumnType(c.type),
      ...(c.description === undefined ? {} : { comment: c.description }),
    });
    const table = new glue.CfnTable(stack, `Product${idPart(product.name)}Table`, {
      catalogId: Aws.ACCOUNT_ID,
      databaseName,
      tableInput: {
        name: product.table,
        description: product.description,
        tableType: 'EXTERNAL_TABLE',
        ...(iceberg
          ? {}
          : {
              parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
              partitionKeys: product.columns.filter((c) => c.partition).map(column),
            }),
        storageDescriptor: {
          location: `s3://${lakehouse.lake.bucketFor(product.zone).bucketName}/${product.path}`,
          columns: product.columns.filter((c) => iceberg || !c.partition).map(column),
          ...(iceberg ? {} : PARQUET_STORAGE),
        },
      },
      ...(iceberg
        ? { openTableFormatInput: { icebergInput: { metadataOperation: 'CREATE', version: '2' } } }
        : {}),
    });
    table.node.addDependency(lakehouse.catalog.databases[product.zone]);
    table.applyRemovalPolicy(removalPolicyFor(table, lakehouse.plan.removalPolicy));
    return {
      product,
      table,
      databaseName,
      generation: stableHash(`${databaseName}|${product.table}`),
    };
  });
}

/**
 * The classification LF-tag (made by the account's owner stack) on each product's classified
 * columns: one association per product and level above the lowest, after the table.
 */
export function createColumnTags(
  stack: Stack,
  mesh: string,
  levels: readonly string[],
  tables: readonly ProductTable[],
): lf.CfnTagAssociation[] {
  const made: lf.CfnTagAssociation[] = [];
  for (const { product, table, databaseName } of tables) {
    for (const level of levels.slice(1)) {
      const columnNames = product.columns.filter((c) => c.classification === level).map((c) => c.name);
      if (columnNames.length === 0) continue;
      const association = new lf.CfnTagAssociation(
        stack,
        `Product${idPart(product.name)}${idPart(level)}Columns`,
        {
          lfTags: [{ catalogId: Aws.ACCOUNT_ID, tagKey: classificationTagKey(mesh), tagValues: [level] }],
          resource: {
            tableWithColumns: { catalogId: Aws.ACCOUNT_ID, databaseName, name: product.table, columnNames },
          },
        },
      );
      association.node.addDependency(table);
      made.push(association);
    }
  }
  return made;
}
