import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSpecFile } from '../../../src/cli/spec/load';
import { formatProblems, SpecFileError, type SpecProblem } from '../../../src/cli/spec/problems';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/** Loads `file` expecting it to fail, and returns its problems. */
async function problemsOf(file: string, cwd = FIXTURES): Promise<readonly SpecProblem[]> {
  try {
    await loadSpecFile(file, { cwd });
  } catch (e) {
    if (e instanceof SpecFileError) return e.problems;
    throw e;
  }
  throw new Error(`${file} loaded without problems`);
}

/** Each problem as `line:col CODE path`, the part the tests pin down exactly. */
const where = (problems: readonly SpecProblem[]) =>
  problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.path}`);

/** A scratch folder for files written by a test. */
function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-load-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadSpecFile: broken specs, every problem at its line:col', () => {
  test('a YAML syntax error is a problem where the parser found it', async () => {
    const problems = await problemsOf('broken/yaml-syntax.yaml');
    expect(where(problems)).toEqual(['5:3 DPK_SPEC_FILE ']);
    expect(problems[0].message).toMatch(/^not valid YAML: Flow sequence .* end with a \]$/);
    expect(problems[0].file).toBe(path.join('broken', 'yaml-syntax.yaml'));
  });

  test('a wrong type names the type allowed and the value received', async () => {
    const problems = await problemsOf('broken/wrong-type.yaml');
    expect(where(problems)).toEqual(['5:23 DPK_SCHEMA lakehouse.streams[0].retentionHours']);
    expect(problems[0].message).toBe('must be a number. Received: "two days"');
  });

  test('unknown keys, nested and at the top level, point at the key and list what is allowed', async () => {
    const problems = await problemsOf('broken/unknown-key.yaml');
    expect(where(problems)).toEqual([
      '5:7 DPK_SCHEMA lakehouse.streams[0].colour',
      '6:1 DPK_SPEC_FILE terraform',
    ]);
    expect(problems[0].message).toBe('unknown key "colour". Allowed: name, zone, retentionHours');
  });

  test('an unknown enum value lists the values allowed', async () => {
    const problems = await problemsOf('broken/unknown-enum.yaml');
    expect(where(problems)).toEqual([
      '4:11 DPK_SCHEMA lakehouse.warehouse.size',
      '5:18 DPK_SCHEMA lakehouse.removalPolicy',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'must be one of "small", "medium", "large". Received: "huge"',
      'must be one of "retain", "destroy". Received: "delete"',
    ]);
  });

  test("a kit violation deep in a mesh (an unknown consumer) points at the consumer's value", async () => {
    const problems = await problemsOf('broken/mesh-unknown-consumer.yaml');
    expect(where(problems)).toEqual([
      '16:21 DPK_UNKNOWN_REFERENCE mesh.domains["sales"].subscriptions[0].consumer',
    ]);
    expect(problems[0].message).toBe('must be one of the mesh\'s domains: sales. Received: "marketing"');
  });

  test('a lineage cycle points at the input that closes it', async () => {
    const problems = await problemsOf('broken/mesh-lineage-cycle.yaml');
    expect(where(problems)).toEqual([
      '16:15 DPK_LINEAGE_CYCLE mesh.domains["sales"].products["orders"].inputs[0]',
    ]);
    expect(problems[0].message).toMatch(/Received: "finance.invoices → sales.orders → finance.invoices"$/);
  });

  test('several problems in one file are all reported: the schema first, then the kit, each in file order', async () => {
    const problems = await problemsOf('broken/several-problems.yaml');
    expect(where(problems)).toEqual([
      '14:19 DPK_SCHEMA mesh.domains[0].products[0].format',
      '23:11 DPK_SCHEMA mesh.domains[0].subscriptions[0].expiry',
      '17:60 DPK_UNKNOWN_REFERENCE mesh.domains["sales"].products["orders"].schema["email"].classification',
      '18:37 DPK_OUT_OF_RANGE mesh.domains["sales"].products["orders"].schema["amount"].type',
      '21:20 DPK_UNKNOWN_REFERENCE mesh.domains["sales"].subscriptions[0].product',
      '25:14 DPK_INVALID_PRINCIPAL mesh.domains["marketing"].owner',
    ]);
  });

  test('JSON: a syntax error and a wrong type at their line:col', async () => {
    expect(where(await problemsOf('broken/bad.json'))).toEqual(['4:3 DPK_SPEC_FILE ']);
    const problems = await problemsOf('broken/wrong-type.json');
    expect(where(problems)).toEqual(['4:22 DPK_SCHEMA lakehouse.zones[1]']);
    expect(problems[0].message).toBe('must be a mapping or a string. Received: 7');
  });

  test('a file without a pattern key says which keys it needs', async () => {
    const problems = await problemsOf('broken/no-pattern.yaml');
    expect(where(problems)).toEqual(['1:1 DPK_SPEC_FILE ']);
    expect(problems[0].message).toMatch(/needs a top-level `lakehouse:` .* or `mesh:`.*Received keys: aws$/);
  });

  test('formatProblems prints one line each: file:line:col  CODE  path: message', async () => {
    const text = formatProblems(await problemsOf('broken/wrong-type.yaml'));
    expect(text).toBe(
      `${path.join('broken', 'wrong-type.yaml')}:5:23  DPK_SCHEMA  lakehouse.streams[0].retentionHours: must be a number. Received: "two days"`,
    );
  });
});

describe('loadSpecFile: the file itself', () => {
  test.each([
    ['missing.yaml', /^no such file/],
    ['broken', /^is a directory/],
  ])('%s is one problem at 1:1', async (file, message) => {
    const problems = await problemsOf(file);
    expect(where(problems)).toEqual(['1:1 DPK_SPEC_FILE ']);
    expect(problems[0].message).toMatch(message);
  });

  test('an unknown extension is rejected naming the ones allowed', async () => {
    const dir = scratch({ 'spec.toml': 'lakehouse = 1' });
    const problems = await problemsOf('spec.toml', dir);
    expect(problems[0].message).toBe('unknown extension ".toml": a spec file is .yaml, .yml, .json');
  });

  test.each([
    ['empty.yaml', '', /Received: an empty document$/],
    ['list.yaml', '- lakehouse: {}\n', /Received: a list$/],
    [
      'both.yaml',
      'lakehouse: { platformName: sales }\nmesh: { name: acme, governance: { admins: [a@example.com] }, domains: [] }\n',
      /not both/,
    ],
  ])('%s: a document that is not one pattern mapping', async (file, text, message) => {
    const problems = await problemsOf(file, scratch({ [file]: text }));
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  test('a shape the kit cannot read (zones not a list) reports the schema problem, never a crash', async () => {
    const dir = scratch({ 'spec.yaml': 'lakehouse:\n  platformName: sales\n  zones: 3\n  personas: {}\n' });
    expect(where(await problemsOf('spec.yaml', dir))).toEqual([
      '3:10 DPK_SCHEMA lakehouse.zones',
      '4:13 DPK_SCHEMA lakehouse.personas',
    ]);
  });

  test('a mesh with an azure section is also checked as Azure renders it (columns cannot be hidden)', async () => {
    const mesh = fs
      .readFileSync(path.join(FIXTURES, 'broken/mesh-unknown-consumer.yaml'), 'utf8')
      .replace(
        '          schema:\n            - { name: order_id, type: string }',
        '          schema:\n            - { name: order_id, type: string }\n            - { name: email, type: string, classification: confidential }',
      );
    const withMarketing = `${mesh}    - { name: marketing, owner: m@example.com, description: Campaigns. }\n`;
    const dir = scratch({
      'gcp.yaml': withMarketing,
      'azure.yaml': `${withMarketing}azure:\n  location: westeurope\n`,
    });
    await expect(loadSpecFile('gcp.yaml', { cwd: dir })).resolves.toMatchObject({ pattern: 'mesh' });
    const problems = await problemsOf('azure.yaml', dir);
    expect(where(problems)).toEqual([
      '17:21 DPK_CLASSIFICATION mesh.domains["sales"].subscriptions[0].consumer',
    ]);
    expect(problems[0].message).toMatch(/Azure Storage cannot hide columns: email .* \(on azure\)$/);
  });
});

describe('loadSpecFile: a valid file', () => {
  test('JSON: the pattern, the spec, the cloud sections and the absolute path', async () => {
    const file = await loadSpecFile('valid/lakehouse.json', { cwd: FIXTURES });
    expect(file.pattern).toBe('lakehouse');
    expect(file.path).toBe(path.join(FIXTURES, 'valid/lakehouse.json'));
    expect(file.spec).toMatchObject({ platformName: 'sales', streams: [{ name: 'clickstream' }] });
    expect(Object.keys(file.clouds)).toEqual(['aws']);
    expect(file.clouds.aws).toMatchObject({ stepScripts: { 'daily-orders/clean': 'jobs/clean.py' } });
  });

  test('YAML anchors and aliases are followed', async () => {
    const dir = scratch({
      'spec.yaml':
        'lakehouse:\n  platformName: sales\n  zones: &zones [raw, curated, serving]\n  personas:\n    - { name: reader, access: { raw: read } }\n  streams:\n    - { name: a, zone: curated }\n',
    });
    const file = await loadSpecFile(path.join(dir, 'spec.yaml'));
    expect(file.spec).toMatchObject({ zones: ['raw', 'curated', 'serving'] });
  });
});
