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

/** Writes the baselines of one example's stacks: identities, and the templates on AWS. */
export function writeBaselines(example: string, stacks: readonly ExampleStack[]): void {
  fs.mkdirSync(BASELINES_DIR, { recursive: true });
  const identities = Object.fromEntries(stacks.map((s) => [s.stack, statefulIdentities(s)]));
  fs.writeFileSync(identityFile(example), `${JSON.stringify(identities, null, 2)}\n`);
  for (const s of stacks.filter((x) => x.cloud === 'aws')) {
    fs.writeFileSync(templateFile(example, s.stack), `${JSON.stringify(s.document, null, 2)}\n`);
  }
}
