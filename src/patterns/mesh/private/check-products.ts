import { ErrorCode } from '../../../core/internal';
import { checkUnique, element, EMAIL, isEnumValue } from '../../private/violations';
import { COLUMN_TYPES_ALLOWED, parseColumnType } from '../column-type';
import {
  type DataProduct,
  DataMeshDefaults,
  type ProductColumn,
  ProductFormat,
  ProductStatus,
} from '../spec';
import { columnLevel, type DomainContext, EMAIL_ALLOWED, levelRank, type MeshContext } from './context';

/** A product name: it names a table on every cloud. */
const PRODUCT_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** A column name every cloud's tables accept. */
const COLUMN_NAME = /^[a-z_][a-z0-9_]{0,127}$/;
/** Column-name prefixes BigQuery reserves (case-insensitively). */
const RESERVED_COLUMN_PREFIXES = [
  '_table_',
  '_file_',
  '_partition',
  '_row_timestamp',
  '__root__',
  '_colidentifier',
];
/** Semantic version: MAJOR.MINOR.PATCH with an optional pre-release. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/** Records a violation when `value` is given and is not an integer in `range`. */
function checkIntegerIn(
  ctx: MeshContext,
  prop: string,
  value: unknown,
  range: { readonly min: number; readonly max: number },
  unit: string,
): void {
  if (value === undefined) return;
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) {
    return;
  }
  ctx.v.add(ErrorCode.OUT_OF_RANGE, {
    prop,
    received: value,
    allowed: `an integer from ${range.min} to ${range.max} ${unit}`,
  });
}

/** Records a violation when `text` is not a string of 1 to `max` characters. */
export function checkDescription(
  ctx: Pick<MeshContext, 'v'>,
  prop: string,
  text: unknown,
  max: number,
  optional = false,
): void {
  if (optional && text === undefined) return;
  if (typeof text === 'string' && text.trim().length > 0 && text.length <= max) return;
  ctx.v.add(ErrorCode.OUT_OF_RANGE, { prop, received: text, allowed: `a text of 1 to ${max} characters` });
}

/** Records a violation when `level` is given and is not a declared classification level. */
export function checkLevel(ctx: Pick<MeshContext, 'v' | 'levels'>, prop: string, level: unknown): void {
  if (level === undefined || (typeof level === 'string' && ctx.levels.includes(level))) return;
  ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
    prop,
    received: level,
    allowed: `one of the classification levels: ${ctx.levels.join(', ')}`,
  });
}

function checkColumn(ctx: MeshContext, prop: string, column: ProductColumn): void {
  const name = column.name;
  const reserved = typeof name === 'string' && RESERVED_COLUMN_PREFIXES.some((p) => name.startsWith(p));
  if (typeof name !== 'string' || !COLUMN_NAME.test(name) || reserved) {
    ctx.v.add(ErrorCode.INVALID_NAME, {
      prop: `${prop}.name`,
      received: name,
      allowed: `a column name: 1-128 of a-z, 0-9 and '_', not starting with a digit, not starting with a prefix BigQuery reserves (${RESERVED_COLUMN_PREFIXES.join(', ')})`,
    });
  }
  if (parseColumnType(column.type) === undefined) {
    ctx.v.add(ErrorCode.OUT_OF_RANGE, {
      prop: `${prop}.type`,
      received: column.type,
      allowed: COLUMN_TYPES_ALLOWED,
    });
  }
  checkDescription(
    ctx,
    `${prop}.description`,
    column.description,
    DataMeshDefaults.COLUMN_DESCRIPTION_MAX_LENGTH,
    true,
  );
  checkLevel(ctx, `${prop}.classification`, column.classification);
  if (column.required !== undefined && typeof column.required !== 'boolean') {
    ctx.v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: `${prop}.required`,
      received: column.required,
      allowed: 'true or false',
    });
  }
}

function checkSchema(ctx: MeshContext, prop: string, product: DataProduct): void {
  const schema = Array.isArray(product.schema) ? product.schema : [];
  const { min, max } = DataMeshDefaults.COLUMNS_RANGE;
  if (schema.length < min || schema.length > max) {
    ctx.v.add(ErrorCode.OUT_OF_RANGE, {
      prop: `${prop}.schema`,
      received: `${schema.length} columns`,
      allowed: `from ${min} to ${max} columns`,
    });
  }
  schema.forEach((c, i) => checkColumn(ctx, element(`${prop}.schema`, schema, i), c));
  checkUnique(
    ctx.v,
    `${prop}.schema`,
    schema.map((c) => (typeof c.name === 'string' ? c.name.toLowerCase() : c.name)),
    'column',
  );
}

function checkPartitioning(ctx: MeshContext, prop: string, product: DataProduct): void {
  const partitions = product.partitionColumns ?? [];
  const { max } = DataMeshDefaults.PARTITION_COLUMNS_RANGE;
  if (partitions.length > max) {
    ctx.v.add(ErrorCode.OUT_OF_RANGE, {
      prop: `${prop}.partitionColumns`,
      received: partitions,
      allowed: `at most ${max} partition column (what every cloud's tables accept)`,
    });
  }
  const columns = new Map((product.schema ?? []).map((c) => [c.name, c]));
  partitions.forEach((name, i) => {
    const column = columns.get(name);
    if (column === undefined) {
      ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
        prop: `${prop}.partitionColumns[${i}]`,
        received: name,
        allowed: `a column of the product's schema: ${[...columns.keys()].join(', ')}`,
      });
      return;
    }
    const type = parseColumnType(column.type)?.name;
    if (type !== undefined && !(DataMeshDefaults.PARTITION_TYPES as readonly string[]).includes(type)) {
      ctx.v.add(ErrorCode.CONFLICTING_PROPS, {
        prop: `${prop}.partitionColumns[${i}]`,
        received: `${name} (${column.type})`,
        allowed: `a column of type ${DataMeshDefaults.PARTITION_TYPES.join(', ')}`,
      });
    }
  });
}

function checkRetention(ctx: MeshContext, prop: string, product: DataProduct): void {
  const format = product.format ?? DataMeshDefaults.FORMAT;
  checkIntegerIn(
    ctx,
    `${prop}.snapshotRetentionDays`,
    product.snapshotRetentionDays,
    DataMeshDefaults.SNAPSHOT_RETENTION_DAYS_RANGE,
    'days',
  );
  if (product.snapshotRetentionDays !== undefined && format !== ProductFormat.ICEBERG) {
    ctx.v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: `${prop}.snapshotRetentionDays`,
      received: product.snapshotRetentionDays,
      allowed: `unset unless format is ${ProductFormat.ICEBERG} (only Iceberg tables keep snapshots)`,
    });
  }
  checkIntegerIn(
    ctx,
    `${prop}.dataRetentionDays`,
    product.dataRetentionDays,
    DataMeshDefaults.DATA_RETENTION_DAYS_RANGE,
    'days',
  );
  if (product.dataRetentionDays === undefined) return;
  const columns = new Map((product.schema ?? []).map((c) => [c.name, c]));
  const byAge = (product.partitionColumns ?? []).some((name) =>
    (DataMeshDefaults.RETENTION_PARTITION_TYPES as readonly string[]).includes(
      parseColumnType(columns.get(name)?.type)?.name ?? '',
    ),
  );
  if (!byAge) {
    ctx.v.add(ErrorCode.CONFLICTING_PROPS, {
      prop: `${prop}.dataRetentionDays`,
      received: product.dataRetentionDays,
      allowed: `set only with a ${DataMeshDefaults.RETENTION_PARTITION_TYPES.join(' or ')} partition column (old data is deleted a whole partition at a time, never by a storage lifecycle rule under the table)`,
    });
  }
}

function checkClassification(ctx: MeshContext, prop: string, product: DataProduct): void {
  checkLevel(ctx, `${prop}.classification`, product.classification);
  if (product.classification === undefined || !ctx.levels.includes(product.classification)) return;
  const own = levelRank(ctx, product.classification);
  const above = (product.schema ?? []).filter(
    (c) => levelRank(ctx, columnLevel(ctx, c.classification)) > own,
  );
  if (above.length === 0) return;
  ctx.v.add(ErrorCode.CLASSIFICATION, {
    prop: `${prop}.classification`,
    received: product.classification,
    allowed: `a level at least that of every column (${above.map((c) => `${c.name}: ${c.classification}`).join(', ')})${
      own === 0 ? `: a ${product.classification} product cannot hold classified columns` : ''
    }`,
  });
}

/** Checks one domain's products (names, contract fields, schema, partitioning, retention, classification). */
export function checkProducts(ctx: MeshContext, domain: DomainContext): void {
  const products = domain.spec.products ?? [];
  products.forEach((product, i) => {
    const prop = element(`${domain.prop}.products`, products, i);
    if (typeof product.name !== 'string' || !PRODUCT_NAME.test(product.name)) {
      ctx.v.add(ErrorCode.INVALID_NAME, {
        prop: `${prop}.name`,
        received: product.name,
        allowed: "a product name: 1-64 of a-z, 0-9 and '_', starting with a letter (it names a table)",
      });
    }
    if (typeof product.version !== 'string' || !SEMVER.test(product.version)) {
      ctx.v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${prop}.version`,
        received: product.version,
        allowed: 'a semantic version MAJOR.MINOR.PATCH (e.g. 1.2.0)',
      });
    }
    if (product.status !== undefined && !isEnumValue(ProductStatus, product.status)) {
      ctx.v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${prop}.status`,
        received: product.status,
        allowed: `one of ${Object.values(ProductStatus).join(', ')}`,
      });
    }
    if (product.format !== undefined && !isEnumValue(ProductFormat, product.format)) {
      ctx.v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${prop}.format`,
        received: product.format,
        allowed: `one of ${Object.values(ProductFormat).join(', ')}`,
      });
    }
    checkDescription(
      ctx,
      `${prop}.description`,
      product.description,
      DataMeshDefaults.DESCRIPTION_MAX_LENGTH,
    );
    if (product.owner !== undefined && !(typeof product.owner === 'string' && EMAIL.test(product.owner))) {
      ctx.v.add(ErrorCode.INVALID_PRINCIPAL, {
        prop: `${prop}.owner`,
        received: product.owner,
        allowed: EMAIL_ALLOWED,
      });
    }
    const zone = product.zone ?? domain.zones[domain.zones.length - 1];
    if (domain.zones.length > 0 && !domain.zones.includes(zone)) {
      ctx.v.add(ErrorCode.UNKNOWN_ZONE, {
        prop: `${prop}.zone`,
        received: product.zone,
        allowed: `one of the domain lakehouse's zones: ${domain.zones.join(', ')}`,
      });
    }
    checkSchema(ctx, prop, product);
    checkPartitioning(ctx, prop, product);
    checkRetention(ctx, prop, product);
    checkClassification(ctx, prop, product);
    checkIntegerIn(
      ctx,
      `${prop}.freshness.maxAgeHours`,
      product.freshness?.maxAgeHours,
      DataMeshDefaults.FRESHNESS_HOURS_RANGE,
      `hours (${DataMeshDefaults.DAILY_CHECK}: a daily check)`,
    );
    if (product.freshness !== undefined && product.freshness.maxAgeHours === undefined) {
      ctx.v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${prop}.freshness.maxAgeHours`,
        received: undefined,
        allowed: `an integer from 1 to ${DataMeshDefaults.DAILY_CHECK} hours`,
      });
    }
  });
  checkUnique(
    ctx.v,
    `${domain.prop}.products`,
    products.map((p) => p.name),
    'product',
  );
}
