// @slow: compiles, packs and type-checks a consumer app under three module resolutions: with no timings yet
// (a fresh clone), jest starts it first (test/setup/sequencer.cjs).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildLibrary, linkEngines } from '../../scripts/library';

/**
 * The first hour of a user, offline: the kit is compiled and packed as npm would publish it,
 * unpacked into a fresh consumer app next to the engines it needs (linked from this repo, no
 * network), type-checked under the module resolutions users have — `node` (node10, the default
 * of `cdktf init` and older `cdk init` apps), `node16` and `bundler` — and synthesized on each
 * cloud with plain Node.
 */
const ROOT = path.resolve(__dirname, '../..');

/** What each cloud's consumer does: build one lake and synthesize it. */
const CONSUMERS: Record<string, string> = {
  'aws.ts': `
import { App, Stack } from 'aws-cdk-lib';
import { LakeStorage } from 'data-platform-kit/aws';
import { DataRemovalPolicy } from 'data-platform-kit/core';
const app = new App({ outdir: process.argv[2] });
const stack = new Stack(app, 'PaymentsAws', { env: { account: '111122223333', region: 'eu-west-1' } });
new LakeStorage(stack, 'Lake', { platformName: 'payments', removalPolicy: DataRemovalPolicy.RETAIN });
app.synth();
`,
  'gcp.ts': `
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { LakeStorage } from 'data-platform-kit/gcp';
import { checkCompliance } from 'data-platform-kit/gcp/compliance';
const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'payments-gcp');
new GoogleProvider(stack, 'Google', { project: 'acme-payments', region: 'europe-west1' });
new LakeStorage(stack, 'Lake', { platformName: 'payments', location: 'europe-west1' });
if (checkCompliance(app).findings.length > 0) throw new Error('findings');
app.synth();
`,
  'azure.ts': `
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { LakeStorage } from 'data-platform-kit/azure';
const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'payments-azure');
new AzurermProvider(stack, 'Azurerm', { features: [{}], storageUseAzuread: true });
const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-payments', location: 'westeurope' });
new LakeStorage(stack, 'Lake', { platformName: 'payments', resourceGroup: rg, keyVaultAllowedIpRanges: ['52.178.10.0/24'] });
app.synth();
`,
};

const RESOLUTIONS = {
  node10: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const;

/** Runs a command; on failure, throws with what it printed (a compiler's diagnostics). */
function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

let work: string;
let packedFiles: string[];
let consumer: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-consumer-'));
  const lib = path.join(work, 'build');
  fs.cpSync(path.join(ROOT, 'package.json'), path.join(lib, 'package.json'));
  fs.cpSync(path.join(ROOT, 'README.md'), path.join(lib, 'README.md'));
  fs.cpSync(path.join(ROOT, 'LICENSE'), path.join(lib, 'LICENSE'));
  if (fs.existsSync(path.join(ROOT, 'docs'))) {
    fs.cpSync(path.join(ROOT, 'docs'), path.join(lib, 'docs'), { recursive: true });
  }
  // The `dpk` bin and the spec files' JSON Schemas it validates against.
  fs.cpSync(path.join(ROOT, 'bin'), path.join(lib, 'bin'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'schemas'), path.join(lib, 'schemas'), { recursive: true });
  // lib/ as published: the test task's type-check build when current, else compiled here.
  buildLibrary(path.join(lib, 'lib'));
  const pack = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], lib)) as {
    filename: string;
    files: { path: string }[];
  }[];
  packedFiles = pack[0].files.map((f) => f.path);

  consumer = path.join(work, 'app');
  const installed = path.join(consumer, 'node_modules', 'data-platform-kit');
  fs.mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', path.join(work, pack[0].filename), '-C', installed, '--strip-components=1'], work);
  linkEngines(path.join(consumer, 'node_modules'));
  linkDependencies(path.join(consumer, 'node_modules'));
  for (const [file, text] of Object.entries(CONSUMERS)) fs.writeFileSync(path.join(consumer, file), text);
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Links the kit's own dependencies (the CLI's yaml, ajv, commander, …) as `npm install` would install them. */
function linkDependencies(nodeModules: string): void {
  const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    const link = path.join(nodeModules, name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), link, 'dir');
  }
}

describe('the packed package', () => {
  test('ships the compiled library, its docs, the dpk bin and schemas, README and LICENSE only — no maps, sources or examples', () => {
    const strays = packedFiles.filter(
      (f) =>
        !/^lib\/.+\.(js|d\.ts)$/.test(f) &&
        !/^docs\/.+\.md$/.test(f) &&
        !/^schemas\/[a-z-]+\.schema\.json$/.test(f) &&
        !['package.json', 'README.md', 'LICENSE', 'bin/dpk.js'].includes(f),
    );
    expect(strays).toEqual([]);
    expect(packedFiles).toContain('lib/aws/index.d.ts');
  });

  test('has no inline source maps in its JavaScript', () => {
    const js = fs.readFileSync(
      path.join(consumer, 'node_modules/data-platform-kit/lib/core/naming.js'),
      'utf8',
    );
    expect(js).not.toContain('sourceMappingURL');
  });
});

/**
 * Type-checks the consumer app under every module resolution in one TypeScript build
 * (type-check-consumer.cjs: the programs share the declarations they parse); under node10 (what
 * `cdktf init` and older `cdk init` apps compile with) the same build also emits the app into
 * dist/, which the synth tests run. Each resolution's diagnostics, printed; run once, memoized.
 */
const typeCheckConsumer = memoize((): Record<keyof typeof RESOLUTIONS, string[]> => {
  const tsconfigs = Object.entries(RESOLUTIONS).map(([name, options]) => {
    const tsconfig = `tsconfig.${name}.json`;
    const emit = name === 'node10';
    fs.writeFileSync(
      path.join(consumer, tsconfig),
      JSON.stringify({
        compilerOptions: {
          ...options,
          target: 'ES2022',
          strict: true,
          skipLibCheck: true,
          ...(emit ? { outDir: 'dist' } : { noEmit: true }),
          types: ['node'],
        },
        files: Object.keys(CONSUMERS),
      }),
    );
    return tsconfig;
  });
  const printed = JSON.parse(
    run(process.execPath, [path.join(__dirname, 'type-check-consumer.cjs'), ...tsconfigs], consumer),
  ) as Record<string, string[]>;
  return Object.fromEntries(
    Object.keys(RESOLUTIONS).map((name) => [name, printed[`tsconfig.${name}.json`]]),
  ) as Record<keyof typeof RESOLUTIONS, string[]>;
});

function memoize<V>(fn: () => V): () => V {
  let result: { value: V } | undefined;
  return () => (result ??= { value: fn() }).value;
}

describe.each(Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[])(
  'a consumer app under moduleResolution %s',
  (name) => {
    test('type-checks every entry it imports', () => {
      const diagnostics = typeCheckConsumer()[name];
      if (diagnostics.length > 0) throw new Error(diagnostics.join('\n'));
    }, 180_000);
  },
);

describe('a consumer app synthesizes on each cloud with plain Node', () => {
  // Compiled by the node10 type-check (tsc emits despite type errors; that test reports them).
  beforeAll(() => typeCheckConsumer(), 180_000);

  test.each([
    ['aws', 'PaymentsAws.template.json'],
    ['gcp', 'stacks/payments-gcp/cdk.tf.json'],
    ['azure', 'stacks/payments-azure/cdk.tf.json'],
  ])(
    '%s',
    (cloud, output) => {
      const out = path.join(work, `out-${cloud}`);
      run(process.execPath, [path.join('dist', `${cloud}.js`), out], consumer);
      expect(fs.existsSync(path.join(out, output))).toBe(true);
    },
    180_000,
  );
});

describe('the installed dpk bin', () => {
  const dpk = (...args: string[]) =>
    run(
      process.execPath,
      [path.join('node_modules', 'data-platform-kit', 'bin', 'dpk.js'), ...args],
      consumer,
    );

  test('prints the kit version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(dpk('--version').trim()).toBe(version);
  });

  test('synthesizes a spec file on GCP into cdk.tf.json', () => {
    // GIVEN a small lakehouse spec in the consumer's folder
    const spec = [
      'lakehouse:',
      '  platformName: payments',
      '  zones: [{ name: raw }, { name: curated }]',
      'gcp:',
      '  project: acme-payments',
      '  location: europe-west1',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(consumer, 'payments.yaml'), spec);
    // WHEN
    const printed = dpk('synth', 'payments.yaml', '--cloud', 'gcp', '--out', 'dpk-gcp');
    // THEN
    expect(printed).toMatch(/^gcp +payments +\d+ resources +0 findings$/m);
    const document = JSON.parse(
      fs.readFileSync(path.join(consumer, 'dpk-gcp', 'stacks', 'payments', 'cdk.tf.json'), 'utf8'),
    ) as { resource: Record<string, unknown> };
    expect(Object.keys(document.resource)).toContain('google_storage_bucket');
  });
});

describe('a cloud entry loads only the blocks an app uses', () => {
  const loads = (script: string) =>
    JSON.parse(run(process.execPath, ['-e', script], consumer)) as { hasBlock: boolean; other: string[] };

  test.each([
    ['gcp', 'LakeStorage', 'storage-bucket', ['bigquery-dataset', 'pubsub-topic', 'workflows-workflow']],
    ['azure', 'LakeStorage', 'storage-account', ['eventhub', 'synapse-workspace', 'data-factory']],
    ['aws', 'LakeStorage', 'aws-s3', ['aws-kinesis', 'aws-redshift', 'aws-stepfunctions']],
  ])('%s: %s loads %s, not %p', (cloud, block, own, others) => {
    const script = `
      const { ${block} } = require('data-platform-kit/${cloud}');
      if (typeof ${block} !== 'function') throw new Error('no ${block}');
      const loaded = Object.keys(require.cache);
      const has = (m) => loaded.some((f) => f.includes('/' + m + '/'));
      process.stdout.write(JSON.stringify({ hasBlock: has(${JSON.stringify(own)}), other: ${JSON.stringify(others)}.filter(has) }));`;
    expect(loads(script)).toEqual({ hasBlock: true, other: [] });
  });

  test.each(['aws', 'gcp', 'azure'])('%s: its names import from an ES module', (cloud) => {
    const script = `import('data-platform-kit/${cloud}').then((m) => {
      const named = Object.keys(m).filter((k) => !['default', 'module.exports', '__esModule'].includes(k));
      process.stdout.write(JSON.stringify({ named, cjs: Object.keys(require('data-platform-kit/${cloud}')) }));
    });`;
    const { named, cjs } = JSON.parse(run(process.execPath, ['-e', script], consumer)) as {
      named: string[];
      cjs: string[];
    };
    expect(named.sort()).toEqual(cjs.sort());
    expect(named).toContain('LakeStorage');
  });
});
