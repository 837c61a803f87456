import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSchemas, SCHEMAS_DIR } from '../../../scripts/schemas';

// GIVEN the schemas the spec file types generate now (one generator run for every test)
const generated = generateSchemas();

type Schema = { [key: string]: unknown };

/** Every object schema that declares properties, with where it sits. */
function objectSchemas(node: unknown, at = '#'): { at: string; schema: Schema }[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => objectSchemas(n, `${at}/${i}`));
  const schema = node as Schema;
  const own = schema.type === 'object' && schema.properties ? [{ at, schema }] : [];
  return [...own, ...Object.entries(schema).flatMap(([k, v]) => objectSchemas(v, `${at}/${k}`))];
}

describe('schemas/*.schema.json', () => {
  test.each(Object.keys(generated))(
    '%s is what the types generate (refresh with `npx projen schemas`)',
    (file) => {
      // WHEN the committed file is read
      const committed = path.join(SCHEMAS_DIR, file);
      const onDisk = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
      // THEN it is the generated one
      if (onDisk !== generated[file]) {
        throw new Error(
          `schemas/${file} differs from src/cli/spec/sections.ts: run \`npx projen schemas\` and commit it`,
        );
      }
    },
  );

  test.each(Object.keys(generated))('%s rejects unknown keys and describes every field', (file) => {
    const objects = objectSchemas(JSON.parse(generated[file]));
    expect(objects.length).toBeGreaterThan(10);
    for (const { at, schema } of objects) {
      expect({ at, additionalProperties: schema.additionalProperties }).toEqual({
        at,
        additionalProperties: false,
      });
      for (const [name, property] of Object.entries(schema.properties as Record<string, Schema>)) {
        expect({ at: `${at}/${name}`, described: typeof property.description }).toEqual({
          at: `${at}/${name}`,
          described: 'string',
        });
      }
    }
  });

  test('enums are their string values, and prose defaults stay out of `default`', () => {
    const lakehouse = JSON.parse(generated['lakehouse.schema.json']);
    const definitions = lakehouse.definitions;
    expect(definitions.WarehouseSize).toMatchObject({ type: 'string', enum: ['small', 'medium', 'large'] });
    expect(definitions.LakehouseWarehouse.properties.size.default).toBe('small');
    // `@default - the spec's platformName` is prose: an editor must not insert it.
    const stackName = definitions.AwsLakehouseSection.properties.stackName;
    expect(stackName.default).toBeUndefined();
    expect(stackName.description).toMatch(/Default: the spec's `platformName`\.$/);
  });
});
