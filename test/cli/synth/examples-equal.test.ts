// @slow: renders both example spec files on three clouds (one `dpk synth` child process, the mesh in-process) and the six TypeScript examples they mirror, ~40 s
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exampleOutput, readOutput, recordingIo } from './outputs';
import { loadSpecFile } from '../../../src/cli/spec/load';
import { SILENT_PROGRESS } from '../../../src/cli/synth/progress';
import { type CloudSynthesis, synthesizeSpecFile } from '../../../src/cli/synth/synthesize';
import { type DpkRun, ROOT, runDpk } from '../run-dpk';

const CLOUDS = ['aws', 'gcp', 'azure'] as const;
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-synth-examples-'));

// Equality is exact: no field is ignored. AWS file assets resolve to the same examples/jobs
// files (paths relative to the spec file), so their hashes and keys match; GCP embeds a step
// script's text, not its path; Azure names notebooks. No output holds a machine's absolute path.

describe('dpk synth examples/specs/lakehouse.yaml (end to end, every cloud)', () => {
  const out = path.join(OUT, 'lakehouse');
  let run: DpkRun;
  beforeAll(() => {
    // GIVEN the example spec file WHEN dpk synth runs as a user's shell runs it
    run = runDpk(['synth', 'examples/specs/lakehouse.yaml', '--out', out]);
  });

  test('exits 0 with one line per stack, the totals and how to deploy', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^aws +LakehouseAws +\d+ resources +0 findings$/m);
    expect(run.stdout).toMatch(/^gcp +lakehouse-gcp +\d+ resources +0 findings$/m);
    expect(run.stdout).toMatch(/^azure +lakehouse-azure +\d+ resources +0 findings$/m);
    expect(run.stdout).toMatch(/^3 stacks, \d+ resources, 0 findings in \d+\.\d s → /m);
    expect(run.stdout).toContain(`npx cdk deploy --app ${path.join(out, 'aws')} --all`);
    expect(run.stdout).toContain(`terraform -chdir=${path.join(out, 'gcp', 'stacks', 'lakehouse-gcp')} init`);
  });

  test.each(CLOUDS)('the %s output equals its TypeScript example lakehouse-<cloud>', (cloud) => {
    // THEN every stack document equals the example's
    expect(readOutput(cloud, path.join(out, cloud))).toEqual(exampleOutput(`lakehouse-${cloud}`));
  });
});

describe('synthesizeSpecFile(examples/specs/mesh.yaml) on every cloud', () => {
  const out = path.join(OUT, 'mesh');
  let syntheses: CloudSynthesis[];
  beforeAll(async () => {
    const file = await loadSpecFile('examples/specs/mesh.yaml', { cwd: ROOT });
    syntheses = await synthesizeSpecFile(file, {
      clouds: CLOUDS,
      outDir: out,
      io: recordingIo(ROOT).io,
      progress: SILENT_PROGRESS,
    });
  });

  test('writes each cloud under <out>/<cloud>, stacks in deploy order with their resources', () => {
    expect(syntheses.map((s) => s.outDir)).toEqual(CLOUDS.map((c) => path.join(out, c)));
    for (const synthesis of syntheses) {
      expect(synthesis.stacks[0].name).toBe('acme-governance');
      expect(synthesis.stacks.map((s) => s.name).sort()).toEqual(
        Object.keys(readOutput(synthesis.cloud, synthesis.outDir)).sort(),
      );
      for (const stack of synthesis.stacks) {
        expect(fs.existsSync(stack.file)).toBe(true);
        expect(stack.resources).toBeGreaterThan(0);
        expect(stack.findings).toEqual([]);
      }
    }
  });

  test.each(CLOUDS)('the %s output equals its TypeScript example data-mesh-<cloud>', (cloud) => {
    expect(readOutput(cloud, path.join(out, cloud))).toEqual(exampleOutput(`data-mesh-${cloud}`));
  });
});
