import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordingIo } from './outputs';
import { ExitCode } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

/** A scratch folder holding one spec file, `spec.yaml`, with `text`. */
function specFolder(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-synth-fail-'));
  fs.writeFileSync(path.join(dir, 'spec.yaml'), text);
  return dir;
}

/** Runs `dpk synth <args>` in this process from `cwd`. */
async function synth(cwd: string, ...args: string[]) {
  const recorded = recordingIo(cwd);
  const code = await main(['node', 'dpk', 'synth', ...args], recorded.io);
  return { code, stdout: recorded.out(), stderr: recorded.err() };
}

const SMALL_LAKEHOUSE = ['lakehouse:', '  platformName: probe', '  zones: [{ name: raw }]', ''].join('\n');

describe('dpk synth failures', () => {
  test('an invalid spec: exit 1, each problem at its line and column, nothing written', async () => {
    // GIVEN a zone name the kit rejects, on line 3
    const dir = specFolder(
      ['lakehouse:', '  platformName: probe', '  zones: [{ name: Raw_Zone }]', ''].join('\n'),
    );
    // WHEN
    const run = await synth(dir, 'spec.yaml', '--cloud', 'aws');
    // THEN
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.stderr).toMatch(/^spec\.yaml:3:\d+  DPK_[A-Z_]+  lakehouse\.zones\[0\]\.name: .*Raw_Zone/m);
    expect(run.stderr).toContain('nothing written');
    expect(fs.existsSync(path.join(dir, 'dpk.out'))).toBe(false);
  });

  test('GCP without a gcp section: a positioned problem naming the section and its fields', async () => {
    const dir = specFolder(SMALL_LAKEHOUSE);
    const run = await synth(dir, 'spec.yaml', '--cloud', 'gcp');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.stderr).toMatch(
      /^spec\.yaml:1:1  DPK_SCHEMA  gcp: rendering a lakehouse on GCP needs a top-level `gcp:` with `project` and `location`/m,
    );
    expect(fs.existsSync(path.join(dir, 'dpk.out'))).toBe(false);
  });

  test('Azure mesh without an azure section: the section to add is named', async () => {
    const dir = specFolder(
      [
        'mesh:',
        '  name: acme',
        '  governance: { admins: [gov@example.com] }',
        '  domains:',
        '    - name: sales',
        '      owner: sales@example.com',
        '      description: Orders.',
        '      products: []',
        '',
      ].join('\n'),
    );
    const run = await synth(dir, 'spec.yaml', '--cloud', 'azure');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.stderr).toMatch(
      /^spec\.yaml:1:1  DPK_SCHEMA  azure: rendering a data mesh on Azure needs a top-level `azure:` with `location`/m,
    );
  });

  test("a construct's rejection of a cloud option points into the cloud's section", async () => {
    // GIVEN a multi-region GCP location without the region a stream needs (the section starts on line 5)
    const dir = specFolder(
      [
        'lakehouse:',
        '  platformName: probe',
        '  zones: [{ name: raw }]',
        '  streams: [{ name: clicks }]',
        'gcp:',
        '  project: acme-dev',
        '  location: EU',
        '',
      ].join('\n'),
    );
    const run = await synth(dir, 'spec.yaml', '--cloud', 'gcp');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.stderr).toMatch(/^spec\.yaml:5:\d+  DPK_INVALID_LOCATION  .*region.*Received: undefined/m);
  });

  test('a step script file that does not exist: DPK_INVALID_LOCATION with the path received', async () => {
    const dir = specFolder(
      [
        'lakehouse:',
        '  platformName: probe',
        '  zones: [{ name: raw }, { name: curated }]',
        '  pipelines:',
        '    - name: daily',
        '      steps: [{ name: clean, sourceZone: raw, targetZone: curated }]',
        'gcp:',
        '  project: acme-dev',
        '  location: europe-west1',
        '  stepScripts:',
        '    daily/clean: jobs/missing.py',
        '',
      ].join('\n'),
    );
    const run = await synth(dir, 'spec.yaml', '--cloud', 'gcp');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.stderr).toMatch(/^spec\.yaml:\d+:\d+  DPK_INVALID_LOCATION  .*missing\.py/m);
  });

  test('an unknown cloud is a usage error (exit 2)', async () => {
    const dir = specFolder(SMALL_LAKEHOUSE);
    const run = await synth(dir, 'spec.yaml', '--cloud', 'moon');
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).toContain("'moon' is invalid");
  });
});
