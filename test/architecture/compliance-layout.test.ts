import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aws from '../../src/aws/compliance';
import * as azure from '../../src/azure/compliance';
import * as gcp from '../../src/gcp/compliance';

const SRC = path.resolve(__dirname, '../../src');

/** Each cloud's compliance entry and the rules that live in its `rules/` files (AWS: the kit's own; curated cdk-nag rules have no file). */
const CLOUDS = [
  { cloud: 'aws', entry: aws as Record<string, unknown>, fileRules: aws.KIT_RULES as readonly unknown[] },
  {
    cloud: 'gcp',
    entry: gcp as Record<string, unknown>,
    fileRules: gcp.DATA_PLATFORM_RULES as readonly unknown[],
  },
  {
    cloud: 'azure',
    entry: azure as Record<string, unknown>,
    fileRules: azure.DATA_PLATFORM_RULES as readonly unknown[],
  },
];

/** Every `.ts` file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(full).map((f) => path.join(e.name, f)) : [e.name];
  });
}

describe.each(CLOUDS)('the $cloud compliance folder', ({ cloud, entry, fileRules }) => {
  const dir = path.join(SRC, cloud, 'compliance');
  const rulesDir = path.join(dir, 'rules');
  const ruleFiles = filesBelow(rulesDir).filter((f) => f !== 'index.ts');

  test('has the parts every cloud has: entry, pack, check, intents and a rules index', () => {
    for (const part of ['index.ts', 'pack.ts', 'check.ts', 'intents.ts', 'rules/index.ts']) {
      expect({ part, exists: fs.existsSync(path.join(dir, part)) }).toEqual({ part, exists: true });
    }
  });

  test('names rule files by what they check, grouped by service: rules/<service>/<check>.ts', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    for (const file of ruleFiles) {
      expect(file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
    }
    // Ids belong inside the file, not in its name.
    expect(ruleFiles.filter((f) => /(^|\/)(ckv2?|avd|dpk)-/.test(f))).toEqual([]);
  });

  test('holds each rule in exactly one file, exported by the rules index and the entry point', () => {
    const index = fs.readFileSync(path.join(rulesDir, 'index.ts'), 'utf8');
    const inFiles = ruleFiles.map((file) => {
      const source = fs.readFileSync(path.join(rulesDir, file), 'utf8');
      const exported = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
      expect({ file, exported: exported.length }).toEqual({ file, exported: 1 });
      expect(index).toContain(`export { ${exported[0]} } from './${file.replace(/\.ts$/, '')}';`);
      return entry[exported[0]];
    });
    expect(new Set(inFiles).size).toBe(inFiles.length);
    expect(inFiles).toHaveLength(fileRules.length);
    expect(fileRules.filter((rule) => !inFiles.includes(rule))).toEqual([]);
  });
});

describe.each(CLOUDS)('the $cloud blocks', ({ cloud }) => {
  test('name no rule id: they state intents, and only compliance/ maps them to ids', () => {
    const root = path.join(SRC, cloud);
    const ruleIdLiteral = /['"](CKV2?_|AVD-|DPK_(GCP|AZURE)_|DPK-AWS-|AwsSolutions-)/;
    const offenders = filesBelow(root)
      .filter((f) => !f.startsWith('compliance/'))
      .filter((f) => ruleIdLiteral.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
