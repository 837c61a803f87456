import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sarifShapeProblems } from './sarif-shape';
import { ExitCode } from '../../../src/cli/io';
import { ROOT, runDpk } from '../run-dpk';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('dpk check, end to end', () => {
  test('text: a finding line per rule, the summary, exit 1', () => {
    const run = runDpk(['check', 'gcp-public-bucket'], { cwd: FIXTURES });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.FAILED);
    expect(run.stdout).toMatch(
      /^gcp {2}gcp-public-bucket {2}google_storage_bucket\.raw {2,}CKV_GCP_29 {2,}error {2}/,
    );
    expect(run.stdout).toMatch(
      /dpk check: 1 stack checked \(gcp 1\): 7 findings \(7 errors, 0 warnings\), 0 acknowledged\.\n$/,
    );
  });

  test('sarif to a file: cdk-nag and the kit as runs, the acknowledged findings suppressed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-cli-'));
    // From a folder outside the repository, the child finds tsx through NODE_PATH.
    const run = runDpk(
      ['check', path.join(FIXTURES, 'aws-plain-bucket'), '--format', 'sarif', '-o', 'check.sarif'],
      {
        cwd: dir,
        env: { NODE_PATH: path.join(ROOT, 'node_modules') },
      },
    );
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dpk check: report written to check.sarif\n');
    expect(run.code).toBe(ExitCode.FAILED);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'check.sarif'), 'utf8'));
    expect(sarifShapeProblems(log)).toEqual([]);
    expect(log.runs.map((r: any) => [r.tool.driver.name, r.results.length])).toEqual([
      ['cdk-nag', 3],
      ['data-platform-kit', 6],
    ]);
    const suppressed = log.runs.flatMap((r: any) => r.results).filter((r: any) => r.suppressions);
    expect(suppressed.map((r: any) => r.ruleId).sort()).toEqual(['AwsSolutions-IAM5', 'AwsSolutions-S10']);
  });

  test('a bad --format is a usage error (exit 2)', () => {
    const run = runDpk(['check', 'gcp-public-bucket', '--format', 'html'], { cwd: FIXTURES });
    expect(run.code).toBe(ExitCode.USAGE);
    expect(run.stderr).toMatch(/argument 'html' is invalid\. Allowed choices are text, sarif/);
  });
});
