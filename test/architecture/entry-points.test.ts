// @slow: loads every entry in its own Node process: with no timings yet
// (a fresh clone), jest starts it first (test/setup/sequencer.cjs).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAZY_ENTRIES, renderEntry } from '../../scripts/entries';
import { installedKit } from '../helpers/installed-kit';

/**
 * Each entry point loads only its own engine: proven by loading it in a fresh Node process and
 * listing the engine packages in its module cache.
 */
const ROOT = path.resolve(__dirname, '../..');
const ENGINES = [
  'aws-cdk-lib',
  'cdk-nag',
  'cdktf',
  '@cdktf/provider-google',
  '@cdktf/provider-google-beta',
  '@cdktf/provider-azurerm',
  '@cdktf/provider-time',
] as const;

/**
 * Runs `script` in a fresh Node process from the repository and returns what it printed: with
 * plain Node when the kit is installed from its build (its `kit` is then lib/), else through tsx.
 */
function runFresh(script: string): string {
  const args = installedKit() ? ['-e', script] : ['--require', 'tsx/cjs', '-e', script];
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
}

/**
 * Where an entry's runtime files are: the installed kit's lib/ (compiled JavaScript, each cloud
 * entry's twin in place of tsc's index.js) when there is one, else src/.
 */
function kitDir(): string {
  const kit = installedKit();
  return kit ? path.join(kit, 'lib') : path.join(ROOT, 'src');
}

/** Loads `entry` (every export of a lazy cloud entry: a user may use them all) and lists the engines loaded. */
function enginesLoadedBy(entry: string): string[] {
  const script = `
    const exported = require(${JSON.stringify(runtimeFile(entry))});
    for (const name of Object.keys(exported)) void exported[name];
    const engines = ${JSON.stringify(ENGINES)};
    const loaded = engines.filter((e) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + e + '/')));
    process.stdout.write(JSON.stringify(loaded));`;
  return JSON.parse(runFresh(script)) as string[];
}

/**
 * What Node loads for an entry: its compiled file in the installed kit; from the sources (tsx),
 * a cloud's runtime twin (index.js), else index.ts.
 */
function runtimeFile(entry: string): string {
  const twin = path.join(kitDir(), entry.replace(/\.ts$/, '.js'));
  const installed = installedKit() !== undefined;
  return installed || LAZY_ENTRIES.some((cloud) => entry === `${cloud}/index.ts`)
    ? twin
    : path.join(ROOT, 'src', entry);
}

describe('entry points load only their own engine', () => {
  test.each([
    ['index.ts', []],
    ['core/index.ts', []],
    ['patterns/index.ts', []],
    ['aws/index.ts', ['aws-cdk-lib']],
    [
      'gcp/index.ts',
      ['cdktf', '@cdktf/provider-google', '@cdktf/provider-google-beta', '@cdktf/provider-time'],
    ],
    ['azure/index.ts', ['cdktf', '@cdktf/provider-azurerm', '@cdktf/provider-time']],
    ['aws/compliance/index.ts', ['aws-cdk-lib', 'cdk-nag']],
    ['gcp/compliance/index.ts', ['cdktf', '@cdktf/provider-time']],
    ['azure/compliance/index.ts', ['cdktf', '@cdktf/provider-time']],
  ])('%s loads %p', (entry, expected) => {
    expect(enginesLoadedBy(entry)).toEqual(expected);
  });
});

/**
 * Each cloud's entry is lazy at run time (src/<cloud>/index.js, generated from index.ts by
 * scripts/entries.ts): the same exports, each block loaded on first use.
 */
describe.each(LAZY_ENTRIES)('the %s entry', (cloud) => {
  test('its runtime twin is what index.ts generates (refresh with `npx projen entries`)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'src', cloud, 'index.js'), 'utf8');
    if (committed !== renderEntry(cloud)) {
      throw new Error(
        `src/${cloud}/index.js differs from index.ts: run \`npx projen entries\` and commit it`,
      );
    }
  });

  test('exports the values index.ts does, and nothing else', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const eager = require(path.join(ROOT, 'src', cloud, 'index.ts')) as Record<string, unknown>;
    const lazy = require(path.join(ROOT, 'src', cloud, 'index.js')) as Record<string, unknown>;
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(eager).sort());
    expect(Object.keys(lazy).filter((name) => lazy[name] !== eager[name])).toEqual([]);
  });

  test('loads nothing until an export is used, then only that block', () => {
    const dir = path.join(kitDir(), cloud) + path.sep;
    const script = `
      const entry = require(${JSON.stringify(dir)});
      const kit = () => Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(dir)})).length;
      const before = kit();
      void entry.LakeStorage;
      const blocks = [...new Set(Object.keys(require.cache)
        .map((f) => f.split(${JSON.stringify(dir)})[1]?.split('/')).filter((p) => p?.length > 1).map((p) => p[0]))].sort();
      process.stdout.write(JSON.stringify({ before, blocks }));`;
    const { before, blocks } = JSON.parse(runFresh(script)) as { before: number; blocks: string[] };
    expect(before).toBe(1);
    expect(blocks).not.toContain('orchestration');
    expect(blocks).not.toContain('streaming');
    expect(blocks).not.toContain('warehouse');
    expect(blocks).toContain('storage');
  });
});
