import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from './fixtures';
import { diffSpecAgainst } from '../../../src/cli/diff/run-diff';
import type { CliIo } from '../../../src/cli/io';
import type { SynthesizeOptions } from '../../../src/cli/synth/synthesize';

// The synthesis (contract 2) is replaced by one writing a known output: these tests are about what
// `dpk diff SPEC --against DIR` asks of it and does with its output.
jest.mock('../../../src/cli/synth/synthesize', () => ({ synthesizeSpecFile: jest.fn() }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { synthesizeSpecFile } = require('../../../src/cli/synth/synthesize') as {
  synthesizeSpecFile: jest.Mock;
};

let dir: string;
const io = (): CliIo => ({ cwd: dir, interactive: false, out: () => undefined, err: () => undefined });

/** A one-stack cdktf output whose bucket has the given name. */
function writeGcpOutput(outDir: string, bucketName: string): void {
  fs.mkdirSync(path.join(outDir, 'stacks', 'lake'), { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'stacks', 'lake', 'cdk.tf.json'),
    JSON.stringify({
      provider: { google: [{}] },
      resource: {
        google_storage_bucket: { Raw: { name: bucketName, lifecycle: { prevent_destroy: true } } },
      },
    }),
  );
}

beforeEach(() => {
  dir = scratchDir();
  writeGcpOutput(path.join(dir, 'deployed'), 'sales-raw');
  fs.writeFileSync(
    path.join(dir, 'lake.yaml'),
    'lakehouse:\n  platformName: sales\n  zones: [raw, curated]\ngcp:\n  project: acme-data-dev\n  location: europe-west1\n',
  );
  synthesizeSpecFile.mockReset();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('diffSpecAgainst', () => {
  test("synthesizes the spec on DIR's clouds, compliance off, into a temporary folder it removes", async () => {
    // GIVEN a synthesis that renders the bucket under another name
    let used: SynthesizeOptions | undefined;
    synthesizeSpecFile.mockImplementation(async (_file: unknown, options: SynthesizeOptions) => {
      used = options;
      writeGcpOutput(options.outDir, 'sales-raw-v2');
      return [];
    });
    // WHEN
    const report = await diffSpecAgainst('lake.yaml', 'deployed', { io: io() });
    // THEN
    expect(used).toMatchObject({ clouds: ['gcp'], compliance: false });
    expect(path.relative(dir, used!.outDir).startsWith('..')).toBe(true);
    expect(fs.existsSync(used!.outDir)).toBe(false);
    expect(synthesizeSpecFile.mock.calls[0][0]).toMatchObject({
      pattern: 'lakehouse',
      path: path.join(dir, 'lake.yaml'),
    });
    expect(report.dataLoss).toBe(true);
    expect(report.stacks[0].losses[0].reason).toContain('name changed "sales-raw" → "sales-raw-v2"');
  });

  test('--cloud renders that cloud only; the same output loses nothing', async () => {
    synthesizeSpecFile.mockImplementation(async (_file: unknown, options: SynthesizeOptions) => {
      writeGcpOutput(options.outDir, 'sales-raw');
      return [];
    });
    const report = await diffSpecAgainst('lake.yaml', 'deployed', { cloud: 'gcp', io: io() });
    expect(synthesizeSpecFile.mock.calls[0][1]).toMatchObject({ clouds: ['gcp'] });
    expect(report).toMatchObject({ dataLoss: false, stacks: [{ status: 'unchanged' }] });
  });

  test('a DIR without the asked cloud is an input error before anything is synthesized', async () => {
    await expect(diffSpecAgainst('lake.yaml', 'deployed', { cloud: 'aws', io: io() })).rejects.toThrow(
      'deployed holds no stack of aws (--cloud aws) to compare the spec with.',
    );
    expect(synthesizeSpecFile).not.toHaveBeenCalled();
  });
});
