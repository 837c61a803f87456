/**
 * `npm run bench`: how fast the kit synthesizes, against what the engine alone costs.
 *
 * For each example: the kit's synth (the example's main.ts, run with the project's runner,
 * compliance gating included, as a user runs it: against the kit installed as published, see
 * scripts/library.ts) against a raw-layer baseline (the same
 * resources re-created through the engine's lowest layer with the same runner, see
 * bench/raw-app.ts): the median of N runs, the ratio and the peak RSS; then where the kit's
 * time goes (bench/phases.ts). Runs one process at a time, so figures are comparable within
 * one run on one machine; absolute times vary between machines.
 *
 * Then scaling (bench/scale-app.ts): one generated lakehouse with 1, 10 and 50 streams +
 * pipelines per cloud, gated as the examples are; time, CPU and memory against resources.
 *
 * Writes docs/benchmarks.md up to its END_MARKER line (what follows it is kept: notes written by
 * hand) and prints the table and a headline line per cloud.
 * Then the mesh (bench/mesh-scaling.ts): a generated data mesh of 10, 50 and 100 domains per
 * cloud; stacks, resources, time and memory against the number of domains.
 *
 * Usage: npm run bench [-- --runs 3] [-- --scaling 1,10,50] [-- --mesh 10,50,100] [-- <example> …]
 *        npm run bench -- --headline   (one run of each lake-storage example, no phases, no
 *                                       scaling, nothing written: the line CI prints)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchMeshScaling, MESH_LIMITS, meshScalingTable, type MeshScaleRow } from './bench/mesh-scaling';
import { buildLibrary, linkEngines } from './library';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const PROBE = path.join(__dirname, 'bench', 'probe.cjs');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const scalingAt = args.indexOf('--scaling');
const SCALING = (scalingAt >= 0 ? args[scalingAt + 1] : '1,10,50').split(',').filter(Boolean).map(Number);
const meshAt = args.indexOf('--mesh');
const MESH_SIZES = (meshAt >= 0 ? args[meshAt + 1] : '10,50,100').split(',').filter(Boolean).map(Number);
const HEADLINE_ONLY = args.includes('--headline');
const valueAt = new Set([runsAt + 1, scalingAt + 1, meshAt + 1].filter((i) => i > 0));
const only = HEADLINE_ONLY
  ? ['lake-storage-aws', 'lake-storage-azure', 'lake-storage-gcp']
  : args.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
/** The line that ends the generated part of docs/benchmarks.md; the rest is kept as written. */
const END_MARKER = '<!-- end of npm run bench output: notes below are kept -->';
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');

interface Sample {
  readonly wallMs: number;
  /** user + system: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
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

/**
 * Where the kit synth runs: the examples next to the kit installed as published (lib/, with the
 * lazy cloud entries) and the engines, as a user's app loads it from node_modules; their own
 * code runs through tsx, with a tsconfig that maps nothing to src/.
 */
const PUBLISHED = path.join(scratch, 'published');
function installPublished(): void {
  const kit = path.join(PUBLISHED, 'node_modules', 'data-platform-kit');
  buildLibrary(path.join(kit, 'lib'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(kit, 'package.json'));
  linkEngines(path.join(PUBLISHED, 'node_modules'));
  fs.cpSync(EXAMPLES, path.join(PUBLISHED, 'examples'), { recursive: true });
  const compilerOptions = {
    module: 'node16',
    moduleResolution: 'node16',
    target: 'ES2022',
    esModuleInterop: true,
  };
  fs.writeFileSync(path.join(PUBLISHED, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
}
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
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    maxRssKb: median(samples.map((s) => s.maxRssKb)),
  };
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
  for (let i = 0; i < (HEADLINE_ONLY ? 1 : RUNS); i++) {
    fs.rmSync(kitOut, { recursive: true, force: true });
    kit.push(
      node(path.join(PUBLISHED, 'examples', name, 'main.ts'), [], {
        CDK_OUTDIR: kitOut,
        CDKTF_OUTDIR: kitOut,
        TSX_TSCONFIG_PATH: path.join(PUBLISHED, 'tsconfig.json'),
      }),
    );
    const rawOut = path.join(scratch, `${name}-raw-${i}`);
    raw.push(node(path.join(__dirname, 'bench', 'raw-app.ts'), [engine, kitOut, rawOut]));
  }
  const phases = HEADLINE_ONLY
    ? {}
    : (JSON.parse(node(path.join(__dirname, 'bench', 'phases.ts'), [dir, engine, scratch]).stdout) as Record<
        string,
        number
      >);
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
    '| example | resources | kit synth (s) | raw layer (s) | kit / raw | kit / raw (CPU) | kit peak RSS (MB) | raw peak RSS (MB) | load | construct | engine validation | compliance | synth + write |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.example} | ${r.resources} | ${s(r.kit.wallMs)} | ${s(r.raw.wallMs)} | ${(r.kit.wallMs / r.raw.wallMs).toFixed(2)} | ${(r.kit.cpuMs / r.raw.cpuMs).toFixed(2)} | ` +
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
      const kitCpu = rs.reduce((n, r) => n + r.kit.cpuMs, 0);
      const rawCpu = rs.reduce((n, r) => n + r.raw.cpuMs, 0);
      return `${cloud} kit/raw ${(kit / raw).toFixed(2)} (CPU ${(kitCpu / rawCpu).toFixed(2)})`;
    })
    .join(' · ');
}

interface ScaleRow {
  readonly cloud: string;
  readonly n: number;
  readonly resources: number;
  readonly sample: Sample;
}

/** The generated lakehouse at each size, per cloud: one run each (they are long at 50). */
function benchScaling(): ScaleRow[] {
  const rows: ScaleRow[] = [];
  for (const cloud of ['aws', 'azure', 'gcp']) {
    for (const n of SCALING) {
      const out = path.join(scratch, `scale-${cloud}-${n}`);
      const sample = node(path.join(__dirname, 'bench', 'scale-app.ts'), [cloud, String(n), out], {
        CDK_OUTDIR: out,
        CDKTF_OUTDIR: out,
      });
      const row = { cloud, n, resources: resourceCount(out, cloud === 'aws' ? 'aws' : 'cdktf'), sample };
      rows.push(row);
      console.log(
        `scale ${cloud.padEnd(6)} n=${String(n).padEnd(3)} ${String(row.resources).padStart(5)} resources  ` +
          `${s(sample.wallMs)}s  CPU ${s(sample.cpuMs)}s  ${mb(sample.maxRssKb)} MB`,
      );
    }
  }
  return rows;
}

function scalingTable(rows: readonly ScaleRow[]): string {
  const first = new Map<string, ScaleRow>();
  for (const r of rows) if (!first.has(r.cloud)) first.set(r.cloud, r);
  const head =
    '| cloud | streams + pipelines | resources | synth (s) | CPU (s) | peak RSS (MB) | CPU per 100 resources (s) | added CPU per 100 added resources (s) | added MB per 100 added resources |\n' +
    '|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const base = first.get(r.cloud)!;
    const added = r.resources - base.resources;
    const marginal = (v: number) => (added > 0 ? ((v * 100) / added).toFixed(2) : '–');
    return (
      `| ${r.cloud} | ${r.n} + ${r.n} | ${r.resources} | ${s(r.sample.wallMs)} | ${s(r.sample.cpuMs)} | ` +
      `${mb(r.sample.maxRssKb)} | ${((r.sample.cpuMs / 1000 / r.resources) * 100).toFixed(2)} | ` +
      `${marginal((r.sample.cpuMs - base.sample.cpuMs) / 1000)} | ${marginal((r.sample.maxRssKb - base.sample.maxRssKb) / 1024)} |`
    );
  });
  return [head, ...lines].join('\n');
}

/** What follows END_MARKER in docs/benchmarks.md today (notes written by hand), kept as is. */
function keptNotes(): string {
  const text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  const at = text.indexOf(END_MARKER);
  return at >= 0 ? text.slice(at + END_MARKER.length) : '\n';
}

function main(): void {
  const started = Date.now();
  const examples = fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES, d.name, 'main.ts')))
    .map((d) => d.name)
    .filter((n) => only.length === 0 || only.includes(n))
    .sort();
  installPublished();
  const rows: Row[] = [];
  for (const name of examples) {
    const row = benchExample(name);
    rows.push(row);
    console.log(
      `${name.padEnd(20)} kit ${s(row.kit.wallMs)}s  raw ${s(row.raw.wallMs)}s  ratio ${(row.kit.wallMs / row.raw.wallMs).toFixed(2)}` +
        `  CPU ratio ${(row.kit.cpuMs / row.raw.cpuMs).toFixed(2)}`,
    );
  }
  if (HEADLINE_ONLY) {
    console.log(`bench (one run of ${examples.join(', ')}): ${headline(rows)}`);
    fs.rmSync(scratch, { recursive: true, force: true });
    return;
  }
  const scaling = only.length === 0 && SCALING.length > 0 ? benchScaling() : [];
  const mesh: MeshScaleRow[] =
    only.length === 0 && MESH_SIZES.length > 0
      ? benchMeshScaling(
          (cloud, domains, outdir, extra) =>
            node(path.join(__dirname, 'bench', 'mesh-app.ts'), [cloud, String(domains), outdir], {
              CDK_OUTDIR: outdir,
              CDKTF_OUTDIR: outdir,
              ...extra,
            }),
          MESH_SIZES,
          scratch,
        )
      : [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg()[0].toFixed(1);
  const doc = [
    '# Benchmarks',
    '',
    '`npm run bench` writes this file (up to the marker below; the notes after it are kept). ' +
      `Each example figure is the median of ${RUNS} runs in one process per run, one process at a time, on ` +
      `${os.cpus().length} × ${cpu}, Node ${process.version}, measured ${new Date().toISOString().slice(0, 10)} ` +
      `(1-minute load average ${load} at the end: above the core count the machine was shared, so read the CPU ` +
      'columns). Compare ratios within one run; absolute times vary between machines.',
    '',
    '- **kit synth**: the example’s `main.ts` with the project’s runner (tsx), compliance gating included, as a user runs it: ' +
      'the kit installed as published (its compiled `lib/`) next to the engines in a scratch `node_modules`.',
    '- **raw layer**: the same resources re-created through the engine’s lowest layer with the same runner ' +
      '(AWS: `CfnInclude` of the kit’s own templates; cdktf: one bare `TerraformResource` / `TerraformProvider` per block of the kit’s `cdk.tf.json`).',
    '- **kit / raw**: wall-time ratio; **kit / raw (CPU)**: the same with user + system CPU time, steadier when other work shares the machine.',
    '- **breakdown** (seconds, one in-process run, the kit from its sources): module load (engine, kit, example), construction, ' +
      'the engine’s own template validation (AWS only), the compliance packs, synthesis and writing.',
    '',
    `Headline: ${headline(rows)}`,
    '',
    table(rows),
    '',
    ...(scaling.length > 0
      ? [
          '## Scaling',
          '',
          'One generated lakehouse per cloud (`scripts/bench/scale-app.ts`): the lakehouse example’s spec with ' +
            'n streams and n two-step pipelines, compliance-gated as the examples are; one run per size. Linear ' +
            'growth shows as a steady cost per added resource.',
          '',
          scalingTable(scaling),
          '',
        ]
      : []),
    ...(mesh.length > 0
      ? [
          '## Data mesh scaling',
          '',
          'A generated data mesh per cloud (`scripts/bench/generated-mesh.ts`, rendered by `scripts/bench/mesh-app.ts`): ' +
            'n domains, each with the default lakehouse, two products and a fixed fan-out of two subscriptions ' +
            'from other domains, compliance-gated as the examples are; one run per size. Targets: 100 domains under ' +
            '60 s and 2 GiB per cloud, t100 / t10 ≤ 11, every stack within its engine’s limits ' +
            `(CloudFormation: ${MESH_LIMITS.cloudformationResources} resources) and role assignments per Azure subscription ` +
            `within ${MESH_LIMITS.azureRoleAssignments}. The last column is AWS without aws-cdk-lib’s per-template ` +
            'validation, measured apart only: users keep it.',
          '',
          meshScalingTable(mesh),
          '',
        ]
      : []),
    `Bench run time: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    '',
    END_MARKER,
  ].join('\n');
  if (only.length === 0) fs.writeFileSync(DOC, doc + keptNotes());
  console.log(`\n${table(rows)}\n\nbench: ${headline(rows)}`);
  fs.rmSync(scratch, { recursive: true, force: true });
}

main();
