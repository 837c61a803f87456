import { SparkJobScript } from '../../../src/azure/processing/spark-job-script';
import { ErrorCode } from '../../../src/core/errors';
import { newAzureStack, tokens } from '../azure-stack';

const PROP = "stepScripts['daily/clean']";
const bind = (name: string) => SparkJobScript.fromNotebook(name).bind(newAzureStack(), PROP);

describe('SparkJobScript.fromNotebook', () => {
  test.each([
    ['letters, digits and underscores', 'clean_orders_v2'],
    ['spaces and parentheses, as Synapse Studio names them', 'Notebook 1 (copy)'],
    ['a leading underscore', '_clean'],
    ['a hyphen after the first character', 'clean-orders'],
    ['260 characters, the longest Synapse takes', 'n'.repeat(260)],
  ])('binds a notebook name with %s', (_what, name) => {
    expect(bind(name)).toEqual({ notebook: name });
  });

  test.each([
    ['a dot', 'clean.orders'],
    ['a slash (a folder is not part of the name)', 'etl/clean'],
    ['a hash', 'clean#1'],
    ['a colon', 'clean:orders'],
    ['a plus', 'clean+orders'],
    ['a leading hyphen', '-clean'],
    ['a leading space', ' clean'],
    ['261 characters', 'n'.repeat(261)],
    ['no character', ''],
  ])('rejects a name with %s: DPK_INVALID_NAME for the step', (_what, name) => {
    expect(() => bind(name)).toThrow(
      expect.objectContaining({
        code: ErrorCode.INVALID_NAME,
        prop: PROP,
        received: name,
        allowed: expect.stringContaining('1-260 characters'),
      }),
    );
  });

  test('a token passes unchecked', () => {
    const name = tokens.string();
    expect(bind(name)).toEqual({ notebook: name });
  });
});
