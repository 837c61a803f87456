import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureIo } from './capture-io';
import { sarifShapeProblems } from './sarif-shape';
import { runCheck } from '../../../src/cli/check/run-check';
import { ExitCode } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

/** A fresh folder holding the starter lakehouse `dpk init` writes (all three cloud sections). */
async function starterSpec(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-spec-'));
  expect(await main(['node', 'dpk', 'init'], captureIo(dir))).toBe(ExitCode.OK);
  return dir;
}

/** The 1-based line of the first line of `file` that starts with `prefix`. */
function lineStarting(file: string, prefix: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith(prefix)) + 1
  );
}

describe('dpk check SPEC', () => {
  test('synthesizes the spec into a temporary folder, checks it and removes the folder', async () => {
    const dir = await starterSpec();
    const before = fs.readdirSync(os.tmpdir()).filter((f) => /^dpk-check-[A-Za-z0-9]{6}$/.test(f)).length;
    const io = captureIo(dir);
    expect(await runCheck('lakehouse.yaml', { cloud: 'azure', format: 'sarif' }, io)).toBe(ExitCode.OK);
    const log = JSON.parse(io.stdout());
    expect(sarifShapeProblems(log)).toEqual([]);
    expect(log.runs.map((r: any) => r.tool.driver.name)).toEqual(['data-platform-kit']);
    // The synthesized files are gone: findings point at the spec's cloud section.
    const [result, ...others] = log.runs[0].results;
    expect(others).toEqual([]);
    expect(result.suppressions).toHaveLength(1);
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'lakehouse.yaml' },
      region: { startLine: lineStarting(path.join(dir, 'lakehouse.yaml'), 'azure:') },
    });
    expect(fs.readdirSync(os.tmpdir()).filter((f) => /^dpk-check-[A-Za-z0-9]{6}$/.test(f)).length).toBe(
      before,
    );
  }, 60_000);

  test('a spec with a problem: exit 1, the problem at its line, nothing synthesized', async () => {
    const dir = await starterSpec();
    const file = path.join(dir, 'lakehouse.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/^lakehouse:\n/m, 'lakehouse:\n  surprise: 1\n'),
    );
    const io = captureIo(dir);
    expect(await runCheck('lakehouse.yaml', { cloud: 'gcp', format: 'text' }, io)).toBe(ExitCode.FAILED);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(
      new RegExp(`^lakehouse\\.yaml:${lineStarting(file, '  surprise:')}:\\d+  DPK_SCHEMA  `),
    );
  });
});
