import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

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

function enginesLoadedBy(entry: string): string[] {
  const script = `
    require(${JSON.stringify(path.join(ROOT, 'src', entry))});
    const engines = ${JSON.stringify(ENGINES)};
    const loaded = engines.filter((e) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + e + '/')));
    process.stdout.write(JSON.stringify(loaded));`;
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
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
