import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App as CdkApp } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { App as TfApp, synthesizeStack, TerraformStack } from '../../src/terraform';

/** Where the examples live. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
/** Where the committed baselines live. */
export const BASELINES_DIR = path.join(__dirname, 'baselines');

/** Which cloud an example targets, from its suffix. */
export type Cloud = 'aws' | 'gcp' | 'azure';

/** One synthesized stack of an example. */
export interface ExampleStack {
  readonly example: string;
  readonly cloud: Cloud;
  readonly stack: string;
  /** The CloudFormation template (AWS) or Terraform JSON with cdktf's `//` metadata. */
  readonly document: Record<string, any>;
}

/** The examples that have an `app.ts` exporting `build(app)`, sorted by name. */
export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((name) => fs.existsSync(path.join(EXAMPLES_DIR, name, 'app.ts')))
    .sort();
}

function cloudOf(example: string): Cloud {
  const cloud = /-(aws|gcp|azure)$/.exec(example)?.[1];
  if (!cloud) throw new Error(`Example ${example} does not end in -aws, -gcp or -azure`);
  return cloud as Cloud;
}

const OUTDIR = path.join(os.tmpdir(), 'data-platform-kit-guards');

/**
 * Synthesizes one example in this process (no files are read back): AWS through the CDK App,
 * GCP and Azure through the Terraform engine, with the context given.
 */
export function synthesizeExample(example: string, context: Record<string, unknown> = {}): ExampleStack[] {
  const cloud = cloudOf(example);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require(path.join(EXAMPLES_DIR, example, 'app')) as { build(app: Construct): unknown };
  if (cloud === 'aws') {
    const app = new CdkApp({ outdir: fs.mkdtempSync(`${OUTDIR}-`), context });
    build(app);
    return app.synth().stacks.map((s) => ({ example, cloud, stack: s.stackName, document: s.template }));
  }
  fs.mkdirSync(OUTDIR, { recursive: true });
  const app = new TfApp({ outdir: OUTDIR, stackTraces: false, context });
  build(app);
  return app.node.children
    .filter((c): c is TerraformStack => c instanceof TerraformStack)
    .map((s) => ({ example, cloud, stack: s.node.id, document: synthesizeStack(s) }));
}

/** Every resource of a stack as `id → type`: logical ids on AWS, `type.name` addresses on Terraform. */
export function resourceTypes(stack: ExampleStack): Record<string, string> {
  if (stack.cloud === 'aws') {
    return Object.fromEntries(
      Object.entries<any>(stack.document.Resources ?? {}).map(([id, r]) => [id, r.Type as string]),
    );
  }
  return Object.fromEntries(
    Object.entries<Record<string, unknown>>(stack.document.resource ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => [`${type}.${name}`, type]),
    ),
  );
}
