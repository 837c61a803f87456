import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { formatPath, parsePointer } from './paths';
import { SCHEMA_CODE, type SpecProblem } from './problems';
import type { SpecSource } from './source';
import type { PatternName } from './spec-file';

/** The schema file of each pattern, in the package's `schemas/` folder. */
export const SCHEMA_FILES: Readonly<Record<PatternName, string>> = {
  lakehouse: 'lakehouse.schema.json',
  mesh: 'mesh.schema.json',
};

/** The package's `schemas/` folder: three levels up from src/cli/spec and from lib/cli/spec alike. */
export const SCHEMAS_DIR = path.resolve(__dirname, '../../../schemas');

/** Each pattern's validator, compiled on first use. */
const validators = new Map<PatternName, ValidateFunction>();

function validatorFor(pattern: PatternName): ValidateFunction {
  let validate = validators.get(pattern);
  if (!validate) {
    const schema = JSON.parse(
      fs.readFileSync(path.join(SCHEMAS_DIR, SCHEMA_FILES[pattern]), 'utf8'),
    ) as object;
    validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema);
    validators.set(pattern, validate);
  }
  return validate;
}

/** A value as a message shows it: scalars as JSON, collections by kind (they can be long). */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'a mapping';
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** A JSON type as a message names it. */
function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    null: 'null',
  };
  return Array.isArray(type) ? type.map(typeName).join(' or ') : (names[String(type)] ?? String(type));
}

/** A property's description in its parent's schema, as a hint after a message about it. */
function hint(parentSchema: unknown, property: string): string {
  const properties = (parentSchema as { properties?: Record<string, { description?: string }> })?.properties;
  const description = properties?.[property]?.description?.replace(/ Default: .*$/, '');
  return description ? ` (${description.replace(/\.$/, '')})` : '';
}

/** What one ajv error means for the user, and where it points. */
function describe(error: ErrorObject): {
  readonly message: string;
  readonly key?: string;
  readonly field?: string;
} {
  const received = describeValue(error.data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return { field, message: `required field \`${field}\` is missing${hint(error.parentSchema, field)}` };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return {
        key,
        field: key,
        message: `unknown key ${JSON.stringify(key)}. Allowed: ${allowed.join(', ') || '(none)'}`,
      };
    }
    case 'type':
      return { message: `must be ${typeName(params.type)}. Received: ${received}` };
    case 'enum':
      return {
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}. Received: ${received}`,
      };
    case 'const':
      return { message: `must be ${JSON.stringify(params.allowedValue)}. Received: ${received}` };
    default:
      return { message: `${error.message ?? 'is not allowed'}. Received: ${received}` };
  }
}

/** Whether `error` is about the value at `pointer` or inside it. */
const within = (error: ErrorObject, pointer: string): boolean =>
  error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`);

/**
 * The errors worth showing: an `anyOf` (a zone given as a name or as options) is replaced by
 * the errors of the branches whose type fits the value (a mapping missing `name`), or, when no
 * branch's type fits, by one error naming every type allowed.
 */
function resolveAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<number>();
  const replaced = new Map<number, ErrorObject>();
  errors.forEach((error, i) => {
    if (error.keyword !== 'anyOf') return;
    const branch: number[] = [];
    for (let j = i - 1; j >= 0 && within(errors[j], error.instancePath); j--) {
      if (!dropped.has(j)) branch.push(j);
    }
    const misfits = branch.filter(
      (j) => errors[j].keyword === 'type' && errors[j].instancePath === error.instancePath,
    );
    const fitting = branch.filter((j) => !misfits.includes(j));
    for (const j of misfits) dropped.add(j);
    if (fitting.length > 0) {
      dropped.add(i);
      return;
    }
    const types = misfits.map((j) => (errors[j].params as { type: unknown }).type);
    replaced.set(i, { ...error, keyword: 'type', params: { type: [...new Set(types.flat())] } });
  });
  return errors.flatMap((e, i) => (dropped.has(i) ? [] : [replaced.get(i) ?? e]));
}

/**
 * Checks the document against its pattern's JSON Schema (the committed schemas/*.schema.json)
 * and returns each violation as a problem at the value's position (an unknown key at the key, a
 * missing field at its parent). The top level (unknown keys, the pattern key) is checked by the
 * loader itself, so its errors are left out here.
 */
export function schemaProblems(source: SpecSource, pattern: PatternName): SpecProblem[] {
  const validate = validatorFor(pattern);
  if (validate(source.data)) return [];
  const problems: SpecProblem[] = [];
  const seen = new Set<string>();
  for (const error of resolveAnyOf(validate.errors ?? [])) {
    if (error.instancePath === '' && ['additionalProperties', 'required'].includes(error.keyword)) continue;
    const segments = parsePointer(error.instancePath);
    const { message, key, field } = describe(error);
    const at = source.locate(key === undefined ? segments : [...segments, key], { key: key !== undefined });
    const shown = formatPath(field === undefined ? segments : [...segments, field]);
    const id = `${at.line}:${at.column}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({
      file: source.file,
      line: at.line,
      column: at.column,
      code: SCHEMA_CODE,
      path: shown,
      message,
    });
  }
  return problems;
}
