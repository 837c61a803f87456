import type { StackDocument } from './stateful-resources';

/** A BigQuery table as the schema guard compares it: what, changed, makes BigQuery recreate it. */
export interface TableShape {
  /** Each column's type and mode, by name. */
  readonly columns: Record<string, { readonly type: string; readonly mode: string }>;
  /** The time-partitioning field, when there is one. */
  readonly partitionField?: string;
  /** Whether it is a BigLake (Iceberg) table. */
  readonly bigLake: boolean;
}

/** The BigQuery tables of a Terraform document, by address, as the schema guard compares them. */
export function tableShapes(document: StackDocument): Record<string, TableShape> {
  const tables = (document.resource?.google_bigquery_table ?? {}) as Record<string, any>;
  return Object.fromEntries(
    Object.entries(tables).map(([name, t]) => [`google_bigquery_table.${name}`, tableShape(t)]),
  );
}

/** One `google_bigquery_table` body's shape; a schema that is a Terraform expression has no columns. */
export function tableShape(table: Readonly<Record<string, any>>): TableShape {
  const schema = typeof table.schema === 'string' && !table.schema.startsWith('${') ? table.schema : '[]';
  return {
    columns: Object.fromEntries(
      (JSON.parse(schema) as { name: string; type: string; mode?: string }[]).map((c) => [
        c.name,
        { type: c.type, mode: c.mode ?? 'NULLABLE' },
      ]),
    ),
    ...(table.time_partitioning?.field === undefined
      ? {}
      : { partitionField: table.time_partitioning.field }),
    bigLake: table.biglake_configuration !== undefined,
  };
}

/**
 * The changes from `before` to `after` that make BigQuery (through the provider) replace a
 * table, losing its data and its table-level IAM: a removed column, a changed type, a mode
 * tightened to REQUIRED, another partitioning, a table moved in or out of BigLake. Adding
 * NULLABLE columns and relaxing REQUIRED to NULLABLE are changed in place. Each change is
 * `<address>: <what changed>`.
 */
export function recreatingChanges(
  before: Readonly<Record<string, TableShape>>,
  after: Readonly<Record<string, TableShape>>,
): string[] {
  return Object.entries(before).flatMap(([address, was]) => {
    const now = after[address];
    return now === undefined ? [] : tableRecreatingChanges(was, now).map((change) => `${address}: ${change}`);
  });
}

/** What, from one shape of a table to the next, makes BigQuery recreate it (empty when nothing). */
export function tableRecreatingChanges(was: TableShape, now: TableShape): string[] {
  const changes: string[] = [];
  for (const [column, c] of Object.entries(was.columns)) {
    const n = now.columns[column];
    if (n === undefined) {
      changes.push(`column ${column} removed`);
    } else if (n.type !== c.type) {
      changes.push(`column ${column} type ${c.type} → ${n.type}`);
    } else if (c.mode !== 'REQUIRED' && n.mode === 'REQUIRED') {
      changes.push(`column ${column} made REQUIRED`);
    }
  }
  for (const [column, n] of Object.entries(now.columns)) {
    if (!(column in was.columns) && n.mode === 'REQUIRED') changes.push(`REQUIRED column ${column} added`);
  }
  if (was.partitionField !== now.partitionField) {
    changes.push(`partitioning ${was.partitionField ?? 'none'} → ${now.partitionField ?? 'none'}`);
  }
  if (was.bigLake !== now.bigLake) changes.push(`BigLake ${was.bigLake} → ${now.bigLake}`);
  return changes;
}
