/** The neutral column types a data product's schema may use (`decimal` takes precision and scale). */
export type ColumnTypeName =
  'string' | 'boolean' | 'int' | 'bigint' | 'double' | 'decimal' | 'date' | 'timestamp';

/** A neutral column type, parsed: each cloud maps it to its own type. */
export interface ColumnType {
  /** The type's name. */
  readonly name: ColumnTypeName;
  /** Total digits, 1-38 (`decimal` only). */
  readonly precision?: number;
  /** Digits after the point, 0 to `precision` (`decimal` only). */
  readonly scale?: number;
}

/** The types without parameters, as written in a spec. */
const SIMPLE: readonly ColumnTypeName[] = [
  'string',
  'boolean',
  'int',
  'bigint',
  'double',
  'date',
  'timestamp',
];

/** Largest decimal precision every cloud accepts (Glue/Iceberg and BigQuery NUMERIC stop at 38). */
export const DECIMAL_MAX_PRECISION = 38;

/** How the allowed types read in an error message. */
export const COLUMN_TYPES_ALLOWED = `one of ${SIMPLE.join(', ')} or decimal(p,s) with precision p 1-${DECIMAL_MAX_PRECISION} and scale s 0-p`;

/**
 * Parses a neutral column type (`'bigint'`, `'decimal(12,2)'`); undefined when it is not one.
 *
 * @example
 * parseColumnType('decimal(12,2)'); // { name: 'decimal', precision: 12, scale: 2 }
 */
export function parseColumnType(type: unknown): ColumnType | undefined {
  if (typeof type !== 'string') return undefined;
  if ((SIMPLE as readonly string[]).includes(type)) return { name: type as ColumnTypeName };
  const decimal = /^decimal\((\d{1,2}),(\d{1,2})\)$/.exec(type);
  if (!decimal) return undefined;
  const precision = Number(decimal[1]);
  const scale = Number(decimal[2]);
  if (precision < 1 || precision > DECIMAL_MAX_PRECISION || scale > precision) return undefined;
  return { name: 'decimal', precision, scale };
}

/** The neutral type written back as in a spec (`decimal(12,2)`). */
export function formatColumnType(type: ColumnType): string {
  return type.name === 'decimal' ? `decimal(${type.precision},${type.scale})` : type.name;
}

/**
 * The Open Data Contract Standard's `logicalType` for a neutral type (`integer`, `number`,
 * `string`, `boolean`, `date`, `timestamp`).
 */
export function odcsLogicalType(type: ColumnType): string {
  switch (type.name) {
    case 'int':
    case 'bigint':
      return 'integer';
    case 'double':
    case 'decimal':
      return 'number';
    default:
      return type.name;
  }
}
