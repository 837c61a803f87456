/**
 * `npm run bench`: how fast the kit synthesizes, against what the engine alone costs.
 *
 * For each example: the kit's synth (the example's main.ts, run with the project's runner,
 * compliance gating included, as a user runs it) against a raw-layer baseline (the same
 * resources re-created through the engine's lowest layer with the same runner, see
 * bench/raw-app.ts): the median of N runs, the ratio and the peak RSS; then where the kit's
 * time goes (bench/phases.ts). Runs one process at a time, so figures are comparable within
 * one run on one machine; absolute times vary between machines.
 *
 * Writes docs/benchmarks.md and prints the table and a headline line per cloud.
 * Usage: npm run bench [-- --runs 3] [-- <example> …]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const PROBE = path.join(__dirname, 'bench', 'probe.cjs');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const only = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));

interface Sample {
  readonly wallMs: number;
  readonly maxRssKb: number;
}

interface Row {
  readonly example: string;
  readonly cloud: string;
  readonly resources: number;
  readonly kit: Sample;
  readonly raw: Sample;
  readonly phases: Record<string, number>;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-bench-'));
const env = {
  ...process.env,
  TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.dev.json'),
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CHECKPOINT_DISABLE: '1',
};

/** Runs `script` with the project's runner (tsx's CommonJS hook) in a fresh Node process. */
function node(
  script: string,
  scriptArgs: string[],
  extraEnv: Record<string, string> = {},
): Sample & { stdout: string } {
  const probeFile = path.join(scratch, `probe-${process.hrtime.bigint()}.json`);
  const result = spawnSync(
    process.execPath,
    ['--require', 'tsx/cjs', '--require', PROBE, script, ...scriptArgs],
    {
      cwd: ROOT,
      env: { ...env, ...extraEnv, BENCH_PROBE_FILE: probeFile },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}${result.stderr}`);
  return { ...(JSON.parse(fs.readFileSync(probeFile, 'utf8')) as Sample), stdout: result.stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function medianSample(samples: Sample[]): Sample {
  return { wallMs: median(samples.map((s) => s.wallMs)), maxRssKb: median(samples.map((s) => s.maxRssKb)) };
}

function resourceCount(outdir: string, engine: 'aws' | 'cdktf'): number {
  if (engine === 'aws') {
    return fs
      .readdirSync(outdir)
      .filter((f) => f.endsWith('.template.json'))
      .reduce(
        (n, f) =>
          n + Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf8')).Resources ?? {}).length,
        0,
      );
  }
  const stacks = path.join(outdir, 'stacks');
  return fs.readdirSync(stacks).reduce((n, s) => {
    const doc = JSON.parse(fs.readFileSync(path.join(stacks, s, 'cdk.tf.json'), 'utf8'));
    return (
      n +
      Object.values<Record<string, unknown>>(doc.resource ?? {}).reduce(
        (m, r) => m + Object.keys(r).length,
        0,
      )
    );
  }, 0);
}

function benchExample(name: string): Row {
  const dir = path.join(EXAMPLES, name);
  const engine = fs.existsSync(path.join(dir, 'cdk.json')) ? 'aws' : 'cdktf';
  const cloud = name.split('-').pop()!;
  const kitOut = path.join(scratch, `${name}-kit`);
  const kit: Sample[] = [];
  const raw: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    fs.rmSync(kitOut, { recursive: true, force: true });
    kit.push(node(path.join(dir, 'main.ts'), [], { CDK_OUTDIR: kitOut, CDKTF_OUTDIR: kitOut }));
    const rawOut = path.join(scratch, `${name}-raw-${i}`);
    raw.push(node(path.join(__dirname, 'bench', 'raw-app.ts'), [engine, kitOut, rawOut]));
  }
  const phases = JSON.parse(
    node(path.join(__dirname, 'bench', 'phases.ts'), [dir, engine, scratch]).stdout,
  ) as Record<string, number>;
  return {
    example: name,
    cloud,
    resources: resourceCount(kitOut, engine),
    kit: medianSample(kit),
    raw: medianSample(raw),
    phases,
  };
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);

function table(rows: readonly Row[]): string {
  const head =
    '| example | resources | kit synth (s) | raw layer (s) | kit / raw | kit peak RSS (MB) | raw peak RSS (MB) | load | construct | engine validation | compliance | synth + write |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.example} | ${r.resources} | ${s(r.kit.wallMs)} | ${s(r.raw.wallMs)} | ${(r.kit.wallMs / r.raw.wallMs).toFixed(2)} | ` +
      `${mb(r.kit.maxRssKb)} | ${mb(r.raw.maxRssKb)} | ${s(r.phases.load)} | ${s(r.phases.construct)} | ` +
      `${s(r.phases.engineValidation)} | ${s(r.phases.compliance)} | ${s(r.phases.synthAndWrite)} |`,
  );
  return [head, ...lines].join('\n');
}

function headline(rows: readonly Row[]): string {
  const byCloud = new Map<string, Row[]>();
  for (const r of rows) byCloud.set(r.cloud, [...(byCloud.get(r.cloud) ?? []), r]);
  return [...byCloud]
    .map(([cloud, rs]) => {
      const kit = rs.reduce((n, r) => n + r.kit.wallMs, 0);
      const raw = rs.reduce((n, r) => n + r.raw.wallMs, 0);
      return `${cloud} kit/raw ${(kit / raw).toFixed(2)}`;
    })
    .join(' · ');
}

function main(): void {
  const examples = fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES, d.name, 'main.ts')))
    .map((d) => d.name)
    .filter((n) => only.length === 0 || only.includes(n))
    .sort();
  const rows: Row[] = [];
  for (const name of examples) {
    const row = benchExample(name);
    rows.push(row);
    console.log(
      `${name.padEnd(20)} kit ${s(row.kit.wallMs)}s  raw ${s(row.raw.wallMs)}s  ratio ${(row.kit.wallMs / row.raw.wallMs).toFixed(2)}`,
    );
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const doc = [
    '# Benchmarks',
    '',
    '`npm run bench` writes this file. Each figure is the median of ' +
      `${RUNS} runs in one process per run, one process at a time, on ${os.cpus().length} × ${cpu}, ` +
      `Node ${process.version}, measured ${new Date().toISOString().slice(0, 10)}. Compare ratios within one run; ` +
      'absolute times vary between machines.',
    '',
    '- **kit synth**: the example’s `main.ts` with the project’s runner (tsx), compliance gating included, as a user runs it.',
    '- **raw layer**: the same resources re-created through the engine’s lowest layer with the same runner ' +
      '(AWS: `CfnInclude` of the kit’s own templates; cdktf: one bare `TerraformResource` / `TerraformProvider` per block of the kit’s `cdk.tf.json`).',
    '- **breakdown** (seconds, one in-process run): module load (engine, kit, example), construction, the engine’s own template ' +
      'validation (AWS only), the compliance packs, synthesis and writing.',
    '',
    `Headline: ${headline(rows)}`,
    '',
    table(rows),
    '',
  ].join('\n');
  if (only.length === 0) fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), doc);
  console.log(`\n${table(rows)}\n\nbench: ${headline(rows)}`);
  fs.rmSync(scratch, { recursive: true, force: true });
}

main();
