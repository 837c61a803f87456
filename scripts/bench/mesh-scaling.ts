/**
 * The mesh part of `npm run bench`: a generated data mesh (bench/generated-mesh.ts) of 10, 50
 * and 100 domains per cloud through bench/mesh-app.ts, with the size of what it wrote (stacks,
 * resources, the largest stack, Azure role assignments per subscription), time and memory. On
 * AWS a second run with `CDK_VALIDATION=false` says how much of the time is aws-cdk-lib's own
 * per-template validation (users' apps keep it: it is only measured apart).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A measured run: wall and CPU milliseconds, peak RSS in KB. */
export interface MeshSample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssKb: number;
}

/** Runs the mesh app for one cloud and size into `outdir`, with extra environment. */
export type MeshRunner = (
  cloud: string,
  domains: number,
  outdir: string,
  env: Record<string, string>,
) => MeshSample;

/** One cloud at one size. */
export interface MeshScaleRow {
  readonly cloud: string;
  readonly domains: number;
  readonly stacks: number;
  readonly resources: number;
  readonly largestStack: number;
  /** Role assignments in the busiest Azure subscription (0 elsewhere). */
  readonly roleAssignmentsPerSubscription: number;
  readonly sample: MeshSample;
  /** AWS only: the same run without aws-cdk-lib's per-template validation. */
  readonly withoutEngineValidation?: MeshSample;
}

/** Limits each engine sets per stack, and Azure's per subscription. */
export const MESH_LIMITS = { cloudformationResources: 500, azureRoleAssignments: 4000 } as const;

interface OutputSize {
  readonly stacks: number;
  readonly resources: number;
  readonly largestStack: number;
  readonly roleAssignmentsPerSubscription: number;
}

function awsSize(outdir: string): OutputSize {
  const counts = fs
    .readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .map(
      (f) => Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf8')).Resources ?? {}).length,
    );
  return {
    stacks: counts.length,
    resources: counts.reduce((a, b) => a + b, 0),
    largestStack: Math.max(...counts),
    roleAssignmentsPerSubscription: 0,
  };
}

function terraformSize(outdir: string): OutputSize {
  const stacksDir = path.join(outdir, 'stacks');
  const perSubscription = new Map<string, number>();
  const counts = fs.readdirSync(stacksDir).map((stack) => {
    const doc = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
    const resources: Record<string, Record<string, unknown>> = doc.resource ?? {};
    const assignments = Object.keys(resources.azurerm_role_assignment ?? {}).length;
    if (assignments > 0) {
      const subscription = String(
        doc.provider?.azurerm?.[0]?.subscription_id ?? 'the deploying subscription',
      );
      perSubscription.set(subscription, (perSubscription.get(subscription) ?? 0) + assignments);
    }
    return Object.values(resources).reduce((n, r) => n + Object.keys(r).length, 0);
  });
  return {
    stacks: counts.length,
    resources: counts.reduce((a, b) => a + b, 0),
    largestStack: Math.max(...counts),
    roleAssignmentsPerSubscription: Math.max(0, ...perSubscription.values()),
  };
}

/** Every cloud at every size, one run each, printing a line per run. */
export function benchMeshScaling(run: MeshRunner, sizes: readonly number[], scratch: string): MeshScaleRow[] {
  const rows: MeshScaleRow[] = [];
  for (const cloud of ['aws', 'azure', 'gcp']) {
    for (const domains of sizes) {
      const outdir = path.join(scratch, `mesh-${cloud}-${domains}`);
      const sample = run(cloud, domains, outdir, {});
      const size = cloud === 'aws' ? awsSize(outdir) : terraformSize(outdir);
      fs.rmSync(outdir, { recursive: true, force: true });
      const withoutEngineValidation =
        cloud === 'aws'
          ? run(cloud, domains, `${outdir}-unvalidated`, { CDK_VALIDATION: 'false' })
          : undefined;
      fs.rmSync(`${outdir}-unvalidated`, { recursive: true, force: true });
      rows.push({ cloud, domains, ...size, sample, withoutEngineValidation });
      console.log(
        `mesh ${cloud.padEnd(6)} ${String(domains).padStart(3)} domains ${String(size.stacks).padStart(4)} stacks ` +
          `${String(size.resources).padStart(6)} resources  ${(sample.wallMs / 1000).toFixed(1)}s  ` +
          `${(sample.maxRssKb / 1024).toFixed(0)} MB`,
      );
    }
  }
  return rows;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

/** The mesh scaling table in Markdown, with t/t(smallest) per cloud. */
export function meshScalingTable(rows: readonly MeshScaleRow[]): string {
  const smallest = new Map<string, MeshScaleRow>();
  for (const r of rows) if (!smallest.has(r.cloud)) smallest.set(r.cloud, r);
  const head =
    '| cloud | domains | stacks | resources | largest stack | role assignments per subscription | synth (s) | CPU (s) | peak RSS (MB) | t / t(smallest) | synth without engine validation (s) |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const base = smallest.get(r.cloud)!;
    return (
      `| ${r.cloud} | ${r.domains} | ${r.stacks} | ${r.resources} | ${r.largestStack} | ` +
      `${r.cloud === 'azure' ? r.roleAssignmentsPerSubscription : '–'} | ${s(r.sample.wallMs)} | ${s(r.sample.cpuMs)} | ` +
      `${(r.sample.maxRssKb / 1024).toFixed(0)} | ${(r.sample.wallMs / base.sample.wallMs).toFixed(1)} | ` +
      `${r.withoutEngineValidation ? s(r.withoutEngineValidation.wallMs) : '–'} |`
    );
  });
  return [head, ...lines].join('\n');
}
