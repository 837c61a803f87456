// @slow: runs dpk as a child process (validate and init, as a user's shell would), about a second per run
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installedKit } from '../../helpers/installed-kit';
import { ROOT, runDpk as runDpkIn } from '../run-dpk';

/** Runs dpk from any folder: the runner (tsx) is found through the repository's node_modules. */
const runDpk = (args: readonly string[], options: { cwd?: string } = {}) =>
  runDpkIn(args, { ...options, env: { NODE_PATH: path.join(ROOT, 'node_modules') } });

const BROKEN = path.join(ROOT, 'test/cli/fixtures/broken');

describe('dpk validate', () => {
  test.each(['examples/specs/lakehouse.yaml', 'examples/specs/mesh.yaml'])(
    '%s is valid: exit 0, one summary line',
    (spec) => {
      const run = runDpk(['validate', spec]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^${spec}: valid (lakehouse|mesh) "[a-z-]+": \\d+ \\w+.*\\n$`));
    },
  );

  test('a broken mesh: exit 1 and every problem at its line:col', () => {
    const run = runDpk(['validate', 'several-problems.yaml'], { cwd: BROKEN });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.map((l) => l.split('  ').slice(0, 2).join(' '))).toEqual([
      'several-problems.yaml:14:19 DPK_SCHEMA',
      'several-problems.yaml:23:11 DPK_SCHEMA',
      'several-problems.yaml:17:60 DPK_UNKNOWN_REFERENCE',
      'several-problems.yaml:18:37 DPK_OUT_OF_RANGE',
      'several-problems.yaml:21:20 DPK_UNKNOWN_REFERENCE',
      'several-problems.yaml:25:14 DPK_INVALID_PRINCIPAL',
      'several-problems.yaml: 6 problems',
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('--format json: the problems as data on stdout, exit 1', () => {
    const run = runDpk(['validate', '--format', 'json', 'mesh-lineage-cycle.yaml'], { cwd: BROKEN });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      valid: false,
      problems: [{ line: 16, column: 15, code: 'DPK_LINEAGE_CYCLE' }],
    });
  });

  test.each([
    ['missing.yaml', 'no such file'],
    ['fixtures', 'is a directory'],
    ['run-dpk.ts', 'unknown extension ".ts"'],
  ])('%s: a clear message, exit 1', (spec, message) => {
    const run = runDpk(['validate', spec], { cwd: path.join(ROOT, 'test/cli') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${spec}:1:1  DPK_SPEC_FILE  ${message}`);
  });

  test('loads no cloud engine (aws-cdk-lib, cdktf, providers)', () => {
    const kit = installedKit();
    const main = kit ? path.join(kit, 'lib/cli/main.js') : './src/cli/main.ts';
    const script = `
      const { main } = require(${JSON.stringify(main)});
      const io = { cwd: process.cwd(), interactive: false, out: () => {}, err: (t) => process.stderr.write(t) };
      main(['node', 'dpk', 'validate', 'examples/specs/mesh.yaml'], io).then((code) => {
        const engines = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](aws-cdk-lib|cdktf|@cdktf|cdk-nag)[\\\\/]/.test(f));
        process.stdout.write(JSON.stringify({ code, engines }));
      });`;
    const run = spawnSync(process.execPath, [...(kit ? [] : ['--require', 'tsx/cjs']), '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(run.stdout)).toEqual({ code: 0, engines: [] });
  });
});

describe('dpk init', () => {
  test.each(['lakehouse', 'mesh'])(
    'the %s starter passes validate; a second init keeps it (exit 1), --force rewrites it',
    (pattern) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-init-'));
      const file = `${pattern}.yaml`;
      expect(runDpk(['init', '--pattern', pattern], { cwd: dir }).code).toBe(0);
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // The schema line names a schema that exists (here the running kit's: no node_modules in dir).
      const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];
      expect(fs.existsSync(path.resolve(dir, schema ?? 'none'))).toBe(true);
      expect(path.basename(schema ?? '')).toBe(`${pattern}.schema.json`);
      expect(text).toMatch(/^aws:$/m);
      expect(text).toMatch(/^gcp:$/m);
      expect(text).toMatch(/^azure:$/m);
      const validate = runDpk(['validate', file], { cwd: dir });
      expect(validate.stderr).toBe('');
      expect(validate.code).toBe(0);

      fs.writeFileSync(path.join(dir, file), '# mine\n');
      const again = runDpk(['init', '--pattern', pattern], { cwd: dir });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`${file} exists`);
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe('# mine\n');
      expect(runDpk(['init', '--pattern', pattern, '--force'], { cwd: dir }).code).toBe(0);
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(text);
    },
  );

  test('--out into a project that installed the kit names node_modules/data-platform-kit/schemas', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-init-'));
    fs.mkdirSync(path.join(dir, 'node_modules/data-platform-kit/schemas'), { recursive: true });
    fs.copyFileSync(
      path.join(ROOT, 'schemas/mesh.schema.json'),
      path.join(dir, 'node_modules/data-platform-kit/schemas/mesh.schema.json'),
    );
    const run = runDpk(['init', '--pattern', 'mesh', '--out', 'specs/acme.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'specs/acme.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/data-platform-kit/schemas/mesh.schema.json',
    );
  });
});
