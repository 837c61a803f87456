/**
 * The main job: synthesizes every example under examples/ into out/<example>/ and prints one
 * line per stack (resource count, compliance findings, warnings). AWS examples write a cloud
 * assembly (`*.template.json`) and cdk-nag's `validation-report.json` (the examples register
 * AwsSolutions and the kit's pack); GCP and Azure examples write `stacks/<stack>/cdk.tf.json`,
 * which this script checks with the cloud's rule pack (acknowledgements are stamped in it).
 *
 * Usage: `npm run synth [-- <example> …]` (default: every example).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATA_PLATFORM_RULES as AZURE_RULES } from '../src/azure/compliance/pack';
import { evaluateTerraform, type TerraformRule } from '../src/core/compliance';
import { DATA_PLATFORM_RULES as GCP_RULES } from '../src/gcp/compliance/pack';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const OUT = path.join(ROOT, 'out');
/** Examples run side by side; each is one Node process. */
const CONCURRENCY = 2;

type Engine = 'cdk' | 'cdktf';

interface Example {
  readonly name: string;
  readonly dir: string;
  readonly engine: Engine;
}

interface StackReport {
  readonly stack: string;
  readonly resources: number;
  readonly warnings: number;
  /** Unacknowledged compliance findings; undefined when nothing checked the stack. */
  readonly findings?: number;
  readonly acknowledged?: number;
}

/** The rule pack for a Terraform document, by the provider it configures. */
const TERRAFORM_PACKS: Record<string, readonly TerraformRule[]> = { google: GCP_RULES, azurerm: AZURE_RULES };

function findExamples(only: readonly string[]): Example[] {
  const examples = fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES, d.name, 'main.ts')))
    .map((d): Example => {
      const dir = path.join(EXAMPLES, d.name);
      return { name: d.name, dir, engine: fs.existsSync(path.join(dir, 'cdk.json')) ? 'cdk' : 'cdktf' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const unknown = only.filter((name) => !examples.some((e) => e.name === name));
  if (unknown.length > 0) throw new Error(`Unknown example(s): ${unknown.join(', ')}`);
  return only.length > 0 ? examples.filter((e) => only.includes(e.name)) : examples;
}

function run(example: Example, outdir: string): Promise<{ code: number; output: string }> {
  // tsx's CommonJS hook (as `tsx` runs main.ts), then source maps off (see no-source-maps.cjs).
  const preload = ['--require', 'tsx/cjs', '--require', path.join(__dirname, 'no-source-maps.cjs')];
  const env = {
    ...process.env,
    CDK_OUTDIR: outdir,
    CDKTF_OUTDIR: outdir,
    TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.dev.json'),
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    // Count compliance findings instead of failing at the first report; this script fails after.
    CDK_CONTEXT_JSON: JSON.stringify({ '@aws-cdk/core:failSynthOnValidationErrors': false }),
    CHECKPOINT_DISABLE: '1',
    // aws-cdk-lib's CloudFormation validation (3–4 s per AWS example) is a test's job: the
    // data-loss guards (test/guards/) run it on every AWS example with errors failing synth.
    CDK_VALIDATION: 'false',
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...preload, path.join(example.dir, 'main.ts')], {
      cwd: ROOT,
      env,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Findings per stack in cdk's policy validation report (the cdk-nag plugins the example
 * registers): violations are grouped by rule, each with its violating constructs, whose path
 * starts with the stack's id.
 */
function cdkViolations(outdir: string): Map<string, number> {
  const counts = new Map<string, number>();
  const file = path.join(outdir, 'validation-report.json');
  if (!fs.existsSync(file)) return counts;
  for (const plugin of readJson(file).pluginReports ?? []) {
    for (const violation of plugin.violations ?? []) {
      for (const construct of violation.violatingConstructs ?? []) {
        const stack = String(construct.constructPath ?? '').split('/')[0];
        counts.set(stack, (counts.get(stack) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** True when the example's main.ts registers the compliance packs as validation plugins. */
function registersPacks(example: Example): boolean {
  const source = fs.readFileSync(path.join(example.dir, 'main.ts'), 'utf8');
  return ['addPlugins(', 'new AwsSolutionsChecks(', 'new DataPlatformChecks('].every((part) =>
    source.includes(part),
  );
}

/** AWS: one report per `*.template.json`; warnings from the assembly manifest's metadata. */
function reportCdk(example: Example, outdir: string): StackReport[] {
  const manifest = readJson(path.join(outdir, 'manifest.json'));
  const violations = registersPacks(example) ? cdkViolations(outdir) : undefined;
  return Object.entries<any>(manifest.artifacts ?? {})
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([stack, artifact]) => {
      const template = readJson(path.join(outdir, artifact.properties.templateFile));
      const warnings = Object.values<any[]>(artifact.metadata ?? {})
        .flat()
        .filter((m) => m.type === 'aws:cdk:warning').length;
      const findings = violations ? (violations.get(stack) ?? 0) : undefined;
      return { stack, resources: Object.keys(template.Resources ?? {}).length, warnings, findings };
    });
}

/** Terraform: one report per `stacks/<stack>/cdk.tf.json`; warnings from the cdktf manifest. */
function reportCdktf(outdir: string): StackReport[] {
  const manifest = readJson(path.join(outdir, 'manifest.json'));
  return Object.values<any>(manifest.stacks ?? {}).map((stack) => {
    const doc = readJson(path.join(outdir, stack.synthesizedStackPath));
    const resources = Object.values<Record<string, unknown>>(doc.resource ?? {}).reduce(
      (n, byName) => n + Object.keys(byName).length,
      0,
    );
    const warnings = (stack.annotations ?? []).filter((a: any) => a.level === '@cdktf/warn').length;
    const pack = Object.keys(doc.provider ?? {})
      .map((provider) => TERRAFORM_PACKS[provider])
      .find(Boolean);
    const report = pack ? evaluateTerraform(doc, pack) : undefined;
    return {
      stack: stack.name,
      resources,
      warnings,
      findings: report?.findings.length,
      acknowledged: report?.acknowledged.length,
    };
  });
}

async function synthesize(example: Example): Promise<string[]> {
  const outdir = path.join(OUT, example.name);
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  const started = Date.now();
  const { code, output } = await run(example, outdir);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) throw new Error(`${example.name} failed (exit ${code}) after ${seconds}s:\n${output}`);
  const reports = example.engine === 'cdk' ? reportCdk(example, outdir) : reportCdktf(outdir);
  if (reports.length === 0) throw new Error(`${example.name} synthesized no stack into ${outdir}`);
  return reports.map((r) => {
    const findings =
      r.findings === undefined
        ? 'not checked'
        : `${r.findings} findings${r.acknowledged ? ` (${r.acknowledged} acknowledged)` : ''}`;
    return (
      `${example.name.padEnd(22)} ${r.stack.padEnd(22)} ${String(r.resources).padStart(4)} resources` +
      `  ${findings}  ${r.warnings} warnings  (${seconds}s)  → ${path.relative(ROOT, outdir)}/`
    );
  });
}

async function main(): Promise<void> {
  const examples = findExamples(process.argv.slice(2));
  const started = Date.now();
  const queue = [...examples];
  const lines = new Map<string, string[]>();
  const failures: string[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        lines.set(next.name, await synthesize(next));
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  for (const example of examples) for (const line of lines.get(example.name) ?? []) console.log(line);
  const total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${lines.size}/${examples.length} examples synthesized in ${total}s`);
  const unchecked = [...lines.values()].flat().filter((line) => line.includes('not checked'));
  if (unchecked.length > 0) failures.push(`No compliance check ran for:\n${unchecked.join('\n')}`);
  const failing = [...lines.values()]
    .flat()
    .filter((line) => !/ 0 findings/.test(line) && !line.includes('not checked'));
  if (failing.length > 0) failures.push(`Unacknowledged compliance findings:\n${failing.join('\n')}`);
  if (failures.length > 0) {
    for (const failure of failures) console.error(failure);
    process.exitCode = 1;
  }
}

void main();
