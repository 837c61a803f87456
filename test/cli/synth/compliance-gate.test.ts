import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordingIo } from './outputs';
import { ExitCode } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

// The kit's examples and every spec tried synthesize with zero unacknowledged findings (the kit
// acknowledges what it decides, with reasons), so no spec file produces one: the GCP pack's check
// is wrapped to add one finding to each stack, and the gate's reporting is tested on it.
const INJECTED = {
  ruleId: 'TEST_RULE_1',
  description: 'An injected finding',
  level: 'Error',
  address: 'google_storage_bucket.injected',
};
jest.mock('../../../src/gcp/compliance', () => {
  const actual = jest.requireActual('../../../src/gcp/compliance');
  return {
    ...actual,
    checkCompliance: (scope: unknown) => {
      const report = actual.checkCompliance(scope);
      return { ...report, findings: [...report.findings, INJECTED] };
    },
  };
});

const SPEC = [
  'lakehouse:',
  '  platformName: probe',
  '  zones: [{ name: raw }]',
  'gcp:',
  '  project: acme-dev',
  '  location: europe-west1',
  '',
].join('\n');

describe('dpk synth compliance gate', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-synth-gate-'));
    fs.writeFileSync(path.join(dir, 'spec.yaml'), SPEC);
  });

  test('a finding fails the synthesis (exit 1): counted on its stack line and printed under the stack', async () => {
    // GIVEN a pack that finds one problem WHEN
    const recorded = recordingIo(dir);
    const code = await main(['node', 'dpk', 'synth', 'spec.yaml', '--cloud', 'gcp'], recorded.io);
    // THEN
    expect(code).toBe(ExitCode.FAILED);
    expect(recorded.out()).toMatch(/^gcp +probe +\d+ resources +1 finding$/m);
    expect(recorded.out()).toMatch(/^1 stack, \d+ resources, 1 finding in /m);
    expect(recorded.out()).not.toContain('Deploy');
    expect(recorded.err()).toContain(
      'gcp probe:\n  Error TEST_RULE_1 google_storage_bucket.injected: An injected finding\n',
    );
    expect(recorded.err()).toContain('1 unacknowledged compliance finding');
    // the output stays for inspection (dpk check)
    expect(fs.existsSync(path.join(dir, 'dpk.out', 'stacks', 'probe', 'cdk.tf.json'))).toBe(true);
  });

  test('--no-compliance writes the same stack without the gate (exit 0)', async () => {
    const recorded = recordingIo(dir);
    const code = await main(
      ['node', 'dpk', 'synth', 'spec.yaml', '--cloud', 'gcp', '--no-compliance'],
      recorded.io,
    );
    expect(code).toBe(ExitCode.OK);
    expect(recorded.out()).toMatch(/^gcp +probe +\d+ resources +0 findings$/m);
  });
});
