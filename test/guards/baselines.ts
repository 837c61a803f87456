import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASELINES_DIR, type ExampleStack, resourceTypes } from './examples';
import { STATEFUL_RESOURCE_TYPES } from '../../src/core/stateful';

/** Stateful resources of one example: stack → (logical id or address → type). */
export type IdentityBaseline = Record<string, Record<string, string>>;

/** The stateful resources of a stack, as `id → type`. */
export function statefulIdentities(stack: ExampleStack): Record<string, string> {
  const stateful: readonly string[] = STATEFUL_RESOURCE_TYPES[stack.cloud];
  return Object.fromEntries(
    Object.entries(resourceTypes(stack)).filter(([, type]) => stateful.includes(type)),
  );
}

export const identityFile = (example: string) => path.join(BASELINES_DIR, `${example}.identities.json`);
export const templateFile = (example: string, stack: string) =>
  path.join(BASELINES_DIR, `${example}.${stack}.template.json`);

/** The committed identity baseline of an example, or undefined when there is none yet. */
export function readIdentityBaseline(example: string): IdentityBaseline | undefined {
  const file = identityFile(example);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as IdentityBaseline) : undefined;
}

export const tablesFile = (example: string, stack: string) =>
  path.join(BASELINES_DIR, `${example}.${stack}.tables.json`);

/** A BigQuery table as the schema guard compares it: what, changed, makes BigQuery recreate it. */
export interface TableShape {
  /** Each column's type and mode, by name. */
  readonly columns: Record<string, { readonly type: string; readonly mode: string }>;
  /** The time-partitioning field, when there is one. */
  readonly partitionField?: string;
  /** Whether it is a BigLake (Iceberg) table. */
  readonly bigLake: boolean;
}

/** The BigQuery tables of a Terraform stack, by address, as the schema guard compares them. */
export function tableShapes(stack: ExampleStack): Record<string, TableShape> {
  const tables = (stack.document.resource?.google_bigquery_table ?? {}) as Record<string, any>;
  return Object.fromEntries(
    Object.entries(tables).map(([name, t]) => [
      `google_bigquery_table.${name}`,
      {
        columns: Object.fromEntries(
          (JSON.parse(t.schema ?? '[]') as { name: string; type: string; mode?: string }[]).map((c) => [
            c.name,
            { type: c.type, mode: c.mode ?? 'NULLABLE' },
          ]),
        ),
        ...(t.time_partitioning?.field === undefined ? {} : { partitionField: t.time_partitioning.field }),
        bigLake: t.biglake_configuration !== undefined,
      },
    ]),
  );
}

/**
 * The changes from `before` to `after` that make BigQuery (through the provider) replace a
 * table, losing its data and its table-level IAM: a removed column, a changed type, a mode
 * tightened to REQUIRED, another partitioning, a table moved in or out of BigLake. Adding
 * NULLABLE columns and relaxing REQUIRED to NULLABLE are changed in place.
 */
export function recreatingChanges(
  before: Record<string, TableShape>,
  after: Record<string, TableShape>,
): string[] {
  const changes: string[] = [];
  for (const [address, was] of Object.entries(before)) {
    const now = after[address];
    if (now === undefined) continue;
    for (const [column, c] of Object.entries(was.columns)) {
      const n = now.columns[column];
      if (n === undefined) {
        changes.push(`${address}: column ${column} removed`);
      } else if (n.type !== c.type) {
        changes.push(`${address}: column ${column} type ${c.type} → ${n.type}`);
      } else if (c.mode !== 'REQUIRED' && n.mode === 'REQUIRED') {
        changes.push(`${address}: column ${column} made REQUIRED`);
      }
    }
    for (const [column, n] of Object.entries(now.columns)) {
      if (!(column in was.columns) && n.mode === 'REQUIRED') {
        changes.push(`${address}: REQUIRED column ${column} added`);
      }
    }
    if (was.partitionField !== now.partitionField) {
      changes.push(
        `${address}: partitioning ${was.partitionField ?? 'none'} → ${now.partitionField ?? 'none'}`,
      );
    }
    if (was.bigLake !== now.bigLake) changes.push(`${address}: BigLake ${was.bigLake} → ${now.bigLake}`);
  }
  return changes;
}

/** The committed table baseline of a stack, or undefined when it has none. */
export function readTablesBaseline(example: string, stack: string): Record<string, TableShape> | undefined {
  const file = tablesFile(example, stack);
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, TableShape>)
    : undefined;
}

/**
 * Writes the baselines of one example's stacks: identities; the templates on AWS; the BigQuery
 * tables' shapes on GCP, for stacks that have tables.
 */
export function writeBaselines(example: string, stacks: readonly ExampleStack[]): void {
  fs.mkdirSync(BASELINES_DIR, { recursive: true });
  const identities = Object.fromEntries(stacks.map((s) => [s.stack, statefulIdentities(s)]));
  fs.writeFileSync(identityFile(example), `${JSON.stringify(identities, null, 2)}\n`);
  for (const s of stacks.filter((x) => x.cloud === 'aws')) {
    fs.writeFileSync(templateFile(example, s.stack), `${JSON.stringify(s.document, null, 2)}\n`);
  }
  for (const s of stacks.filter((x) => x.cloud === 'gcp')) {
    const shapes = tableShapes(s);
    if (Object.keys(shapes).length === 0) continue;
    fs.writeFileSync(tablesFile(example, s.stack), `${JSON.stringify(shapes, null, 2)}\n`);
  }
}
