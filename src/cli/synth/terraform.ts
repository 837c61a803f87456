/**
 * What GCP and Azure share: a CDK for Terraform app (through the kit's Terraform seam), its
 * stacks checked with the cloud's rule pack as the examples' main.ts do, then written in cdktf's
 * layout (`stacks/<stack>/cdk.tf.json`). Loaded only when a Terraform cloud is rendered.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a cloud's modules load only when it is rendered; under node16 resolution `import()` would stay an ES module import */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SynthProgress } from './progress';
import type { RenderedStack, RenderRequest, RenderResult } from './render';
import type { ComplianceReport } from '../../core/compliance';
import type { App, TerraformStack } from '../../terraform';
import type { CloudName, LakehouseSpecFile, MeshSpecFile } from '../spec/spec-file';

/** How to write and check the stacks of one Terraform cloud. */
export interface TerraformSynthesis {
  readonly cloud: CloudName;
  readonly app: App;
  /** The stacks, in deploy order. */
  readonly stacks: readonly TerraformStack[];
  readonly outDir: string;
  /** The cloud's `checkCompliance`, or undefined when compliance does not gate this synthesis. */
  readonly check?: (stack: TerraformStack) => ComplianceReport;
  /** The cloud's `formatFindings`. */
  readonly format: (findings: ComplianceReport['findings']) => string;
  readonly progress: SynthProgress;
}

/** A new cdktf app writing into `outDir`, as the examples' `new App()` with CDKTF_OUTDIR. */
export async function newTerraformApp(outDir: string): Promise<App> {
  const { App: TerraformApp } = require('../../terraform') as typeof import('../../terraform');
  return new TerraformApp({ outdir: outDir });
}

/** How one Terraform cloud builds a spec file's stacks, and its compliance entry (loaded on use). */
export interface TerraformCloud {
  readonly cloud: CloudName;
  /** The lakehouse's stacks, in deploy order. */
  buildLakehouse(app: App, file: LakehouseSpecFile): Promise<TerraformStack[]>;
  /** The mesh's stacks, in deploy order. */
  buildMesh(app: App, file: MeshSpecFile): Promise<TerraformStack[]>;
  /** The cloud's compliance entry: `checkCompliance` and `formatFindings`. */
  loadCompliance(): {
    checkCompliance: (stack: TerraformStack) => ComplianceReport;
    formatFindings: (findings: ComplianceReport['findings']) => string;
  };
}

/** Renders the file's pattern on a Terraform cloud into `request.outDir`, checked when asked. */
export async function renderTerraformCloud(
  request: RenderRequest,
  target: TerraformCloud,
): Promise<RenderResult> {
  const { file, outDir, compliance, progress } = request;
  progress.building(target.cloud);
  const app = await newTerraformApp(outDir);
  const stacks =
    file.pattern === 'lakehouse' ? await target.buildLakehouse(app, file) : await target.buildMesh(app, file);
  const { checkCompliance, formatFindings } = target.loadCompliance();
  return synthesizeTerraform({
    cloud: target.cloud,
    app,
    stacks,
    outDir,
    check: compliance ? checkCompliance : undefined,
    format: formatFindings,
    progress,
  });
}

/**
 * Checks each stack (when `check` is given; a stack's findings are known as soon as it is
 * checked, so progress is per stack), then writes them all with the app's own `synth()`.
 */
export function synthesizeTerraform(synthesis: TerraformSynthesis): RenderResult {
  const { cloud, app, stacks, outDir, check, format, progress } = synthesis;
  progress.writing(cloud, stacks.length);
  const findings = new Map<string, string[]>();
  for (const stack of stacks) {
    if (check) {
      const report = check(stack);
      findings.set(stack.node.id, report.findings.length > 0 ? format(report.findings).split('\n') : []);
    }
    progress.stackWritten(cloud, stack.node.id);
  }
  app.synth();
  return {
    stacks: stacks.map((stack): RenderedStack => {
      const file = path.join(outDir, 'stacks', stack.node.id, 'cdk.tf.json');
      return {
        name: stack.node.id,
        resources: countResources(file),
        file,
        findings: findings.get(stack.node.id) ?? [],
      };
    }),
  };
}

/** The resources (not data sources) a written `cdk.tf.json` declares. */
function countResources(file: string): number {
  const document = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: Record<string, object> };
  return Object.values(document.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}
