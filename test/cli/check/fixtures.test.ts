import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureIo, type CapturedIo } from './capture-io';
import { sarifShapeProblems } from './sarif-shape';
import { runCheck } from '../../../src/cli/check/run-check';
import { ExitCode } from '../../../src/cli/io';

const FIXTURES = path.join(__dirname, 'fixtures');

/** The 1-based line of the first line of a fixture file that contains `text`. */
function lineOf(file: string, text: string): number {
  return (
    fs
      .readFileSync(path.join(FIXTURES, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}

interface Run {
  readonly code: ExitCode;
  readonly io: CapturedIo;
}

async function check(fixture: string, format: 'text' | 'sarif'): Promise<Run> {
  const io = captureIo(FIXTURES);
  const code = await runCheck(fixture, { cloud: 'all', format }, io);
  return { code, io };
}

/** Each SARIF result as `run tool: ruleId level [suppressed: reason]`. */
function sarifResults(log: any): string[] {
  return log.runs.flatMap((run: any) =>
    run.results.map(
      (r: any) =>
        `${run.tool.driver.name}: ${r.ruleId} ${r.level}` +
        (r.suppressions ? ` [suppressed: ${r.suppressions[0].justification}]` : ''),
    ),
  );
}

/** The rule ids of the text report's finding lines (fourth column). */
function textRuleIds(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^(aws|gcp|azure) /.test(line))
    .map((line) => line.split(/\s{2,}/)[3]);
}

describe('a GCP output with a public, unversioned bucket', () => {
  let text: Run;
  let sarif: Run;
  beforeAll(async () => {
    text = await check('gcp-public-bucket', 'text');
    sarif = await check('gcp-public-bucket', 'sarif');
  });

  test('fails with the expected rule ids, each at its resource', () => {
    expect(text.code).toBe(ExitCode.FAILED);
    expect(textRuleIds(text.io.stdout())).toEqual([
      'CKV_GCP_29',
      'CKV_GCP_114',
      'CKV_GCP_62',
      'CKV_GCP_78',
      'AVD-GCP-0066',
      'CKV_GCP_28',
      'DPK_GCP_PREVENT_DESTROY',
    ]);
    expect(text.io.stdout()).toContain(
      'gcp  gcp-public-bucket  google_storage_bucket_iam_member.raw_public  CKV_GCP_28',
    );
    const line = lineOf('gcp-public-bucket/cdk.tf.json', '"raw_public": {');
    expect(text.io.stdout()).toContain(`(${path.join('gcp-public-bucket', 'cdk.tf.json')}:${line})`);
    expect(text.io.stdout()).toMatch(
      /dpk check: 1 stack checked \(gcp 1\): 7 findings \(7 errors, 0 warnings\), 0 acknowledged\.\n$/,
    );
  });

  test('SARIF: one run for the kit, every result at the line of its resource', () => {
    expect(sarif.code).toBe(ExitCode.FAILED);
    const log = JSON.parse(sarif.io.stdout());
    expect(sarifShapeProblems(log)).toEqual([]);
    expect(log.runs.map((r: any) => r.tool.driver.name)).toEqual(['data-platform-kit']);
    const publicMember = log.runs[0].results.find((r: any) => r.ruleId === 'CKV_GCP_28');
    expect(publicMember.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'gcp-public-bucket/cdk.tf.json' },
      region: { startLine: lineOf('gcp-public-bucket/cdk.tf.json', '"raw_public": {') },
    });
    expect(publicMember.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      'gcp-public-bucket/google_storage_bucket_iam_member.raw_public',
    );
  });
});

describe('an Azure output with an open storage account and one acknowledgement', () => {
  let text: Run;
  let sarif: Run;
  beforeAll(async () => {
    text = await check('azure-open-storage', 'text');
    sarif = await check('azure-open-storage', 'sarif');
  });

  test('fails on the unacknowledged rules and counts the acknowledged one with its reason', () => {
    expect(text.code).toBe(ExitCode.FAILED);
    const ids = textRuleIds(text.io.stdout());
    expect(ids).toEqual(
      expect.arrayContaining(['CKV_AZURE_3', 'CKV_AZURE_44', 'CKV_AZURE_190', 'CKV2_AZURE_40']),
    );
    expect(ids).not.toContain('CKV_AZURE_59');
    expect(text.io.stdout()).toContain(
      '1 acknowledged finding, by rule and reason:\n' +
        '    1 × CKV_AZURE_59: Fixture: the public endpoint is accepted here to test that acknowledgements are honoured.\n',
    );
  });

  test('SARIF: the acknowledged finding is a result suppressed in source, with its reason', () => {
    const log = JSON.parse(sarif.io.stdout());
    expect(sarifShapeProblems(log)).toEqual([]);
    const results = sarifResults(log);
    expect(results).toContain(
      'data-platform-kit: CKV_AZURE_59 error [suppressed: Fixture: the public endpoint is accepted here to test that acknowledgements are honoured.]',
    );
    expect(results.filter((r) => r.includes('suppressed'))).toHaveLength(1);
    expect(results).toContain('data-platform-kit: CKV_AZURE_206 warning');
  });
});

describe('an AWS cloud assembly with an unencrypted, unlogged S3 bucket', () => {
  let text: Run;
  let sarif: Run;
  beforeAll(async () => {
    text = await check('aws-plain-bucket', 'text');
    sarif = await check('aws-plain-bucket', 'sarif');
  });

  test("fails with cdk-nag's and the kit's rule ids on the bucket", () => {
    expect(text.code).toBe(ExitCode.FAILED);
    expect(textRuleIds(text.io.stdout())).toEqual([
      'AwsSolutions-S1',
      'DPK-AWS-S3BucketPublicReadProhibited',
      'DPK-AWS-S3BucketPublicWriteProhibited',
      'DPK-AWS-S3BucketSSLRequestsOnly',
      'DPK-AWS-S3BucketLoggingEnabled',
      'DPK-AWS-S3BucketVersioningEnabled',
      'DPK-AWS-S3DataBucketKMSEncrypted',
    ]);
    expect(text.io.stdout()).toContain(`aws  BrokenAws  PlainBucket  AwsSolutions-S1  `);
    const line = lineOf('aws-plain-bucket/BrokenAws.template.json', '"PlainBucket": {');
    expect(text.io.stdout()).toContain(
      `(${path.join('aws-plain-bucket', 'BrokenAws.template.json')}:${line})`,
    );
  });

  test('honours acknowledgements from the assembly metadata (by construct path) and the template, with reasons', () => {
    expect(text.io.stdout()).toContain(
      '2 acknowledged findings, by rule and reason:\n' +
        '    1 × AwsSolutions-IAM5: Fixture: reading every object of the bucket is what the reader is for.\n' +
        '    1 × AwsSolutions-S10: Fixture: TLS-only access is accepted as missing here to test template suppressions.\n',
    );
  });

  test('SARIF: a run for cdk-nag and one for the kit, acknowledged findings suppressed in source', () => {
    expect(sarif.code).toBe(ExitCode.FAILED);
    const log = JSON.parse(sarif.io.stdout());
    expect(sarifShapeProblems(log)).toEqual([]);
    expect(log.runs.map((r: any) => r.tool.driver.name)).toEqual(['cdk-nag', 'data-platform-kit']);
    expect(sarifResults(log).filter((r) => r.startsWith('cdk-nag'))).toEqual([
      'cdk-nag: AwsSolutions-S1 error',
      'cdk-nag: AwsSolutions-S10 error [suppressed: Fixture: TLS-only access is accepted as missing here to test template suppressions.]',
      'cdk-nag: AwsSolutions-IAM5 error [suppressed: Fixture: reading every object of the bucket is what the reader is for.]',
    ]);
    const iam5 = log.runs[0].results.find((r: any) => r.ruleId === 'AwsSolutions-IAM5');
    expect(iam5.properties.findingId).toBe('AwsSolutions-IAM5[Resource::<PlainBucket.Arn>/*]');
    expect(iam5.locations[0].physicalLocation.region.startLine).toBe(
      lineOf('aws-plain-bucket/BrokenAws.template.json', '"ReaderPolicy": {'),
    );
    const kitRule = log.runs[1].tool.driver.rules.find(
      (r: any) => r.id === 'DPK-AWS-S3DataBucketKMSEncrypted',
    );
    expect(kitRule.help.text).toMatch(/docs\/rules\/aws\.md/);
  });
});

describe('what dpk check cannot check', () => {
  test('a folder with nothing synthesized in it: exit 1, a clear message, nothing on stdout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-empty-'));
    const io = captureIo(dir);
    expect(await runCheck('.', { cloud: 'all', format: 'text' }, io)).toBe(ExitCode.FAILED);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(
      /^dpk check: DPK_CHECK_INPUT: .*: nothing to check\. Expected an AWS cloud assembly/,
    );
    expect(io.stderr()).not.toMatch(/\n\s+at /);
  });

  test('a cloud the folder holds no output for: exit 1, naming what it holds', async () => {
    const io = captureIo(FIXTURES);
    expect(await runCheck('gcp-public-bucket', { cloud: 'azure', format: 'text' }, io)).toBe(ExitCode.FAILED);
    expect(io.stderr()).toMatch(/holds no azure output to check \(it holds: gcp\)/);
  });

  test('a template aws-cdk-lib cannot load: exit 1, naming the file and why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-bad-template-'));
    const template = {
      Resources: { Lake: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'Missing' } } } },
    };
    fs.writeFileSync(path.join(dir, 'Bad.template.json'), JSON.stringify(template));
    const io = captureIo(dir);
    expect(await runCheck('Bad.template.json', { cloud: 'all', format: 'text' }, io)).toBe(ExitCode.FAILED);
    expect(io.stderr()).toBe(
      `dpk check: DPK_CHECK_INPUT: ${path.join(dir, 'Bad.template.json')}: aws-cdk-lib's CfnInclude could not load ` +
        "the template: Element used in Ref expression with logical ID: 'Missing' not found\n",
    );
  });

  test('--output writes the report to a file and says where', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-output-'));
    const io = captureIo(dir);
    const target = path.join(FIXTURES, 'gcp-public-bucket');
    expect(await runCheck(target, { cloud: 'gcp', format: 'sarif', output: 'reports/check.sarif' }, io)).toBe(
      ExitCode.FAILED,
    );
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toBe(`dpk check: report written to ${path.join('reports', 'check.sarif')}\n`);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'check.sarif'), 'utf8'));
    expect(sarifShapeProblems(log)).toEqual([]);
    // The checked folder is outside the working directory: URIs are relative to its parent.
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'gcp-public-bucket/cdk.tf.json',
    );
  });
});
