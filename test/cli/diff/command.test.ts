import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from './fixtures';
import { type CliIo, ExitCode } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

let dir: string;
beforeAll(() => {
  dir = scratchDir();
  const stack = (bucketName: string) => ({
    provider: { google: [{}] },
    resource: { google_storage_bucket: { Raw: { name: bucketName, lifecycle: { prevent_destroy: true } } } },
  });
  for (const [side, name] of [
    ['old', 'raw-1'],
    ['new', 'raw-2'],
  ]) {
    fs.mkdirSync(path.join(dir, side, 'stacks', 'lake'), { recursive: true });
    fs.writeFileSync(path.join(dir, side, 'stacks', 'lake', 'cdk.tf.json'), JSON.stringify(stack(name)));
  }
  fs.writeFileSync(path.join(dir, 'broken.yaml'), 'lakehouse:\n  platformName: 42\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `dpk diff <args>` in process from the scratch folder, capturing what it prints. */
async function dpkDiff(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd: dir,
    interactive: false,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  };
  const code = await main(['node', 'dpk', 'diff', ...args], io);
  return { code, out, err };
}

describe('dpk diff (in process)', () => {
  test('--format json prints the report and exits 1 on data loss', async () => {
    const run = await dpkDiff('old', 'new', '--format', 'json');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(JSON.parse(run.out)).toMatchObject({
      dataLoss: true,
      stacks: [
        {
          cloud: 'gcp',
          stack: 'lake',
          losses: [{ resource: 'google_storage_bucket.Raw', kind: 'replaced' }],
        },
      ],
    });
  });

  test('--cloud keeps one cloud; a cloud neither side has is an input error', async () => {
    expect((await dpkDiff('old', 'new', '--cloud', 'gcp')).code).toBe(ExitCode.FAILED);
    const run = await dpkDiff('old', 'new', '--cloud', 'azure');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.err).toBe(
      'dpk diff: DPK_DIFF_INPUT  neither old nor new holds any azure stack (--cloud azure).\n',
    );
  });

  test('a folder that is no output exits 1 with one line naming it', async () => {
    const run = await dpkDiff('old', 'nowhere');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.err).toMatch(
      /^dpk diff: DPK_DIFF_INPUT {2}nowhere: no such folder\. Expected a synthesized output/,
    );
    expect(run.err.trimEnd().split('\n')).toHaveLength(1);
  });

  test.each([
    ['no NEW_DIR', ['old'], 'missing NEW_DIR'],
    ['NEW_DIR and --against', ['spec.yaml', 'new', '--against', 'old'], 'not both'],
    ['an unknown cloud', ['old', 'new', '--cloud', 'aws2'], "argument 'aws2' is invalid"],
    ['an unknown format', ['old', 'new', '--format', 'xml'], "argument 'xml' is invalid"],
  ])('%s is a usage error (exit 2)', async (_, args, message) => {
    const run = await dpkDiff(...args);
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.err).toContain(message);
  });

  test('SPEC --against: a spec file with problems exits 1 with them, positioned', async () => {
    const run = await dpkDiff('broken.yaml', '--against', 'old', '--cloud', 'gcp');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.err).toMatch(/^broken\.yaml:2:\d+ {2}\S+ {2}lakehouse\.platformName: /m);
  });
});
