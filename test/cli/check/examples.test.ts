import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App as CdkApp, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { captureIo } from './capture-io';
import { checkCompliance as checkAws, DataPlatformChecks } from '../../../src/aws/compliance';
import { checkCompliance as checkAzure } from '../../../src/azure/compliance/check';
import { checkDirectory } from '../../../src/cli/check/check-directory';
import { acknowledgedFindings, type CheckReport, openFindings } from '../../../src/cli/check/findings';
import { runCheck } from '../../../src/cli/check/run-check';
import { ExitCode } from '../../../src/cli/io';
import type { ComplianceReport } from '../../../src/core/compliance';
import { checkCompliance as checkGcp } from '../../../src/gcp/compliance/check';
import { App as TfApp } from '../../../src/terraform';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

function buildOf(example: string): (app: Construct) => unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(EXAMPLES, example, 'app')) as { build(app: Construct): unknown }).build;
}

/**
 * Synthesizes an example into `out/<example>` as its main.ts does (AWS: cdk-nag's AwsSolutions
 * and the kit's pack registered as validation plugins; GCP/Azure: the kit's pack gating) and
 * returns the synth-time compliance report.
 */
function synthesize(example: string, out: string): ComplianceReport {
  const outdir = path.join(out, example);
  const build = buildOf(example);
  if (example.endsWith('-aws')) {
    const app = new CdkApp({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
    build(app);
    app.synth();
    return checkAws(app);
  }
  const app = new TfApp({ outdir, stackTraces: false });
  build(app);
  const report = example.endsWith('-gcp') ? checkGcp(app) : checkAzure(app);
  app.synth();
  return report;
}

/** `rule @ resource: reason` of acknowledged findings, for comparing synth time with dpk check. */
function acknowledgedAt(findings: readonly { ruleId: string; address: string; reason: string }[]): string[] {
  return findings.map((f) => `${f.ruleId} @ ${f.address}: ${f.reason}`).sort();
}

const EXAMPLE_NAMES = ['lakehouse-aws', 'lakehouse-gcp', 'lakehouse-azure'];

describe('dpk check over the lakehouse examples (an out/ folder of three)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-examples-'));
  const synthTime = new Map<string, ComplianceReport>();
  let report: CheckReport;
  beforeAll(async () => {
    for (const example of EXAMPLE_NAMES) synthTime.set(example, synthesize(example, out));
    report = await checkDirectory(out);
  }, 120_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('finds one stack per example, each on its cloud', () => {
    expect(report.stacks.map((s) => `${s.cloud} ${path.relative(out, s.file)}`)).toEqual([
      `aws ${path.join('lakehouse-aws', 'LakehouseAws.template.json')}`,
      `azure ${path.join('lakehouse-azure', 'stacks', 'lakehouse-azure', 'cdk.tf.json')}`,
      `gcp ${path.join('lakehouse-gcp', 'stacks', 'lakehouse-gcp', 'cdk.tf.json')}`,
    ]);
  });

  test('every example checks clean: zero unacknowledged findings, as at synth time', () => {
    for (const example of EXAMPLE_NAMES) expect(synthTime.get(example)!.findings).toEqual([]);
    expect(openFindings(report)).toEqual([]);
  });

  test.each(['lakehouse-gcp', 'lakehouse-azure'])(
    '%s: the acknowledged findings are exactly those the synth-time gate accepted, with the same reasons',
    (example) => {
      const cloud = example.split('-')[1];
      const checked = acknowledgedFindings(report).filter((f) => f.cloud === cloud);
      expect(
        acknowledgedAt(
          checked.map((f) => ({ ruleId: f.findingId, address: f.resource, reason: f.acknowledgedBecause! })),
        ),
      ).toEqual(acknowledgedAt(synthTime.get(example)!.acknowledged));
    },
  );

  test("lakehouse-aws: the synth-time acknowledgements, plus aws-cdk-lib's own custom-resource provider", () => {
    const checked = acknowledgedFindings(report).filter((f) => f.cloud === 'aws');
    const framework = checked.filter((f) =>
      f.acknowledgedBecause!.startsWith("aws-cdk-lib's custom-resource provider"),
    );
    const rest = checked.filter((f) => !framework.includes(f));
    expect(
      acknowledgedAt(
        rest.map((f) => ({ ruleId: f.findingId, address: f.resource, reason: f.acknowledgedBecause! })),
      ),
    ).toEqual(acknowledgedAt(synthTime.get('lakehouse-aws')!.acknowledged));
    // At synth, that provider's role is a plain CfnResource cdk-nag's typed rules skip; read back
    // from the template it is an IAM role, and the kit's framework-helper acknowledgement covers it.
    expect(framework.map((f) => `${f.findingId} @ ${f.constructPath}`)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole] @ ' +
        'LakehouseAws/Custom::VpcRestrictDefaultSGCustomResourceProvider/Role',
    ]);
  });

  test('the command reports it: exit 0, no finding lines, the acknowledged counted by reason, a summary', async () => {
    const io = captureIo(out);
    expect(await runCheck('.', { cloud: 'all', format: 'text' }, io)).toBe(ExitCode.OK);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines.filter((l) => /^(aws|gcp|azure) /.test(l))).toEqual([]);
    const total = acknowledgedFindings(report).length;
    expect(lines[0]).toBe(`${total} acknowledged findings, by rule and reason:`);
    expect(lines[lines.length - 1]).toBe(
      `dpk check: 3 stacks checked (aws 1, azure 1, gcp 1): 0 findings, ${total} acknowledged.`,
    );
  });
});
