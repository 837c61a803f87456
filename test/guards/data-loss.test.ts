// @slow: synthesizes every example twice, with the engine's validation: with no timings yet
// (a fresh clone), jest starts it first (test/setup/sequencer.cjs).
import * as fs from 'node:fs';
import {
  readIdentityBaseline,
  readTablesBaseline,
  recreatingChanges,
  statefulIdentities,
  tableShapes,
  templateFile,
} from './baselines';
import { type ExampleStack, exampleNames, synthesizeExample } from './examples';
import {
  icebergTablesChangedInPlace,
  isRetainedResource,
  resourceImpacts,
} from '../../src/cli/diff/cloudformation';
import { isStatefulType } from '../../src/cli/diff/stateful-resources';
import { dataDestroyingArgumentsOf, preventsDestroy } from '../../src/cli/diff/terraform-retention';

/**
 * Data-loss guards over every example: stateful resources are retained, nothing force-deletes
 * data, stateful identities match the committed baseline (and on AWS no change replaces or
 * destroys one), and synthesis is deterministic. Update baselines on purpose with
 * `npx projen baselines` and explain the change in the commit message.
 */
const examples = exampleNames();
const synthesized = new Map(examples.map((e) => [e, synthesizeExample(e)]));
const stacks: ExampleStack[] = [...synthesized.values()].flat();
/** Each example's second synthesis, once for all its stacks. */
const secondSyntheses = new Map<string, ExampleStack[]>();
/**
 * `example` synthesized a second time (once, then shared by its stacks' tests). It skips the
 * engine's validation: the first synthesis checked this output already.
 */
const synthesizedAgain = (example: string): ExampleStack[] => {
  if (!secondSyntheses.has(example)) {
    secondSyntheses.set(example, synthesizeExample(example, {}, { engineValidation: false }));
  }
  return secondSyntheses.get(example)!;
};
const label = (s: ExampleStack) => `${s.example}/${s.stack}`;
/**
 * Stacks that hold no data by design, so the guard has nothing to keep there: a data mesh's
 * identity stacks hold IAM roles only (those that own their account's settings hold its catalog
 * key, and are guarded); Azure's hold a landing zone's resource group, identities and network.
 * Listing a stack that does hold data fails too.
 */
const STACKS_WITHOUT_DATA: Readonly<Record<string, readonly string[]>> = {
  'data-mesh-aws': ['acme-sales-identity', 'acme-finance-identity'],
  'data-mesh-azure': ['acme-sales-identity', 'acme-marketing-identity', 'acme-finance-identity'],
  // Service accounts and policy-tag grants only.
  'data-mesh-gcp': ['acme-sales-identity', 'acme-marketing-identity', 'acme-finance-identity'],
};
/**
 * CloudFormation drops the Iceberg fields of an `AWS::Glue::Table` when it updates one (the
 * table's metadata location among them), so an Iceberg table's definition must never change in
 * place: a changed schema is a new table (a new major version of the product).
 */
const ICEBERG_HINT =
  'An Iceberg table definition changed in place: CloudFormation would drop its Iceberg fields. Publish the change as a new table (a new major version of the product), or revert it.';
/**
 * A removed column, a changed type or partitioning makes the provider replace a BigQuery table:
 * its data, and the grants on it, are gone (and `deletion_protection` fails the apply).
 */
const TABLE_HINT =
  'A BigQuery table changed in a way that recreates it: publish the change as a new product (a new major version) beside the old one, or revert it.';
const UPDATE_HINT =
  'If the change is intended, run `npx projen baselines` and say why in the commit message.';

describe.each(stacks.map((s) => [label(s), s] as const))('%s', (_, stack) => {
  const stateful = (type: string) => isStatefulType(stack.cloud, type);

  test('has stateful resources to guard', () => {
    if ((STACKS_WITHOUT_DATA[stack.example] ?? []).includes(stack.stack)) {
      expect(statefulIdentities(stack)).toEqual({});
    } else {
      expect(Object.keys(statefulIdentities(stack)).length).toBeGreaterThan(0);
    }
  });

  test('retains every stateful resource on delete and replace', () => {
    const unretained =
      stack.cloud === 'aws'
        ? Object.entries<any>(stack.document.Resources)
            .filter(([, r]) => stateful(r.Type))
            .filter(([, r]) => !isRetainedResource(r))
            .map(([id]) => id)
        : Object.entries<Record<string, any>>(stack.document.resource ?? {})
            .filter(([type]) => stateful(type))
            .flatMap(([type, byName]) =>
              Object.entries(byName)
                .filter(([, r]) => !preventsDestroy(r))
                .map(([name]) => `${type}.${name}`),
            );
    expect(unretained).toEqual([]);
  });

  test('never sets an argument that deletes data with its resource', () => {
    const destroying = Object.entries<Record<string, any>>(stack.document.resource ?? {}).flatMap(
      ([type, byName]) =>
        Object.entries(byName).flatMap(([name, r]) =>
          dataDestroyingArgumentsOf(r).map((arg) => `${type}.${name}.${arg}`),
        ),
    );
    expect(destroying).toEqual([]);
  });

  test('keeps the stateful identities of the committed baseline', () => {
    const baseline = readIdentityBaseline(stack.example)?.[stack.stack];
    expect({ baseline: baseline ?? `none committed. ${UPDATE_HINT}` }).toEqual({
      baseline: expect.any(Object),
    });
    const current = statefulIdentities(stack);
    const changed = Object.entries(baseline!)
      .filter(([id, type]) => current[id] !== type)
      .map(([id, type]) => `${id} (${type}) ${current[id] ? `is now ${current[id]}` : 'disappeared'}`);
    const added = Object.keys(current).filter((id) => !(id in baseline!));
    expect({ changed, added, hint: UPDATE_HINT }).toEqual({ changed: [], added: [], hint: UPDATE_HINT });
  });

  if (stack.cloud === 'aws') {
    test("passes the engine's CloudFormation validation, errors failing synth", () => {
      expect(stack.engineFindings).toEqual([]);
    });

    test('no change against the committed template replaces or destroys a stateful resource', () => {
      const committed = JSON.parse(fs.readFileSync(templateFile(stack.example, stack.stack), 'utf8'));
      const dangerous = resourceImpacts(committed, stack.document)
        .filter(({ type, impact }) => stateful(type) && ['WILL_REPLACE', 'WILL_DESTROY'].includes(impact))
        .map(({ id, type, impact }) => `${id} (${type}) ${impact}`);
      expect(dangerous).toEqual([]);
    });
  }

  if (stack.cloud === 'aws') {
    test('never updates an existing Iceberg table definition in place', () => {
      const committed = JSON.parse(fs.readFileSync(templateFile(stack.example, stack.stack), 'utf8'));
      const changed = icebergTablesChangedInPlace(committed, stack.document);
      expect({ changed, hint: ICEBERG_HINT }).toEqual({ changed: [], hint: ICEBERG_HINT });
    });
  }

  if (stack.cloud === 'gcp') {
    test('never changes an existing BigQuery table so that BigQuery recreates it (data and table IAM lost)', () => {
      const shapes = tableShapes(stack);
      const baseline = readTablesBaseline(stack.example, stack.stack);
      if (Object.keys(shapes).length > 0) {
        expect({ baseline: baseline ?? `none committed. ${UPDATE_HINT}` }).toEqual({
          baseline: expect.any(Object),
        });
      }
      expect({ changes: recreatingChanges(baseline ?? {}, shapes), hint: TABLE_HINT }).toEqual({
        changes: [],
        hint: TABLE_HINT,
      });
    });
  }

  test('synthesizes byte-identical output twice', () => {
    const again = synthesizedAgain(stack.example).find((s) => s.stack === stack.stack);
    expect(JSON.stringify(again?.document)).toBe(JSON.stringify(stack.document));
  });
});

test('every example is guarded', () => {
  expect(examples).toEqual(
    expect.arrayContaining(['lake-storage-aws', 'lake-storage-gcp', 'lake-storage-azure']),
  );
  expect(stacks.length).toBeGreaterThanOrEqual(examples.length);
});
