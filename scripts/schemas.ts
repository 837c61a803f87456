/**
 * Writes schemas/lakehouse.schema.json and schemas/mesh.schema.json, the JSON Schemas of `dpk`
 * spec files, from the TypeScript types of the documents (src/cli/spec/sections.ts): their JSDoc
 * becomes the descriptions editors show. `npx projen schemas` runs it; test/cli/spec/schemas.test.ts
 * fails when the committed schemas differ from what the types generate now.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = path.resolve(__dirname, '..');
/** The folder the schemas are written to (shipped in the package: `schemas/*.schema.json`). */
export const SCHEMAS_DIR = path.join(ROOT, 'schemas');
/** The file declaring the document types. */
const SOURCE = path.join(ROOT, 'src/cli/spec/sections.ts');

/** Each schema file and the document type it is generated from. */
export const SCHEMA_TYPES = {
  'lakehouse.schema.json': { type: 'LakehouseSpecDocument', title: 'data-platform-kit lakehouse spec file' },
  'mesh.schema.json': { type: 'MeshSpecDocument', title: 'data-platform-kit data mesh spec file' },
} as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The values of the schema's enum after following one `$ref`, if it is an enum. */
function enumValues(schema: JsonObject, definitions: JsonObject): readonly Json[] | undefined {
  const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/definitions/', '') : undefined;
  const target = (ref ? definitions[ref] : schema) as JsonObject | undefined;
  return Array.isArray(target?.enum) ? target.enum : undefined;
}

/**
 * A JSDoc `@default` as a schema default, or undefined when it is prose (`- the deploying
 * account`, `DataMeshDefaults.CLASSIFICATIONS (...)`): editors insert a schema's default on
 * completion, so only real values may stay there. `Enum.MEMBER` becomes the member's value.
 */
function realDefault(value: Json, schema: JsonObject, definitions: JsonObject): Json | undefined {
  if (typeof value !== 'string') return value;
  const values = enumValues(schema, definitions);
  const member = /^[A-Z]\w*\.([A-Z][A-Z0-9_]*)$/.exec(value);
  if (member && values) return values.find((v) => v === member[1].toLowerCase().replace(/_/g, '-'));
  if (values) return values.includes(value) ? value : undefined;
  return schema.type === 'string' && !/\s|`/.test(value) && !value.startsWith('-') ? value : undefined;
}

/** Rewrites every property's `default` (see realDefault) and keeps the prose in its description. */
function tidy(node: Json, definitions: JsonObject): Json {
  if (Array.isArray(node)) return node.map((n) => tidy(n, definitions));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // JSDoc @example blocks are TypeScript, not spec-file YAML.
    if (key === 'examples') continue;
    out[key] = key === 'default' ? value : tidy(value, definitions);
  }
  if ('default' in out) {
    const prose = String(out.default)
      .replace(/^- /, '')
      .replace(/\s*\n\s*/g, ' ');
    const value = realDefault(out.default, out, definitions);
    if (value === undefined) delete out.default;
    else out.default = value;
    const description = typeof out.description === 'string' ? `${out.description} ` : '';
    const shown = value === undefined ? prose : typeof value === 'string' ? value : JSON.stringify(value);
    out.description = `${description}Default: ${shown}.`;
  }
  return out;
}

/** Generates both schemas: file name → content (pretty JSON with a final newline). */
export function generateSchemas(): Record<string, string> {
  const generator = createGenerator({
    path: SOURCE,
    tsconfig: path.join(ROOT, 'tsconfig.dev.json'),
    // The type-check of the whole program is tsc's job (npm test); the generator only reads types.
    skipTypeCheck: true,
    jsDoc: 'extended',
    additionalProperties: false,
    expose: 'export',
    topRef: true,
    sortProps: false,
  });
  const out: Record<string, string> = {};
  for (const [file, { type, title }] of Object.entries(SCHEMA_TYPES)) {
    const schema = generator.createSchema(type) as JsonObject;
    const definitions = (schema.definitions ?? {}) as JsonObject;
    const tidied = tidy(schema, definitions) as JsonObject;
    const { $schema, ...rest } = tidied;
    const document: JsonObject = {
      $schema,
      $comment: 'Generated from src/cli/spec/sections.ts by `npx projen schemas`: do not edit.',
      title,
      ...rest,
    };
    out[file] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return out;
}

if (require.main === module) {
  fs.mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const [file, content] of Object.entries(generateSchemas())) {
    fs.writeFileSync(path.join(SCHEMAS_DIR, file), content);
    console.log(`wrote schemas/${file}`);
  }
}
