import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASELINES_DIR, type ExampleStack } from './examples';
import { statefulResources } from '../../src/cli/diff/stateful-resources';
import { type TableShape, tableShapes as tableShapesOf } from '../../src/cli/diff/tables';

export { recreatingChanges, type TableShape } from '../../src/cli/diff/tables';

/** Stateful resources of one example: stack → (logical id or address → type). */
export type IdentityBaseline = Record<string, Record<string, string>>;

/** The stateful resources of a stack, as `id → type`. */
export function statefulIdentities(stack: ExampleStack): Record<string, string> {
  return statefulResources(stack.cloud, stack.document);
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

/** The BigQuery tables of a Terraform stack, by address, as the schema guard compares them. */
export function tableShapes(stack: ExampleStack): Record<string, TableShape> {
  return tableShapesOf(stack.document);
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
