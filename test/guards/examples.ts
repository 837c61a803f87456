import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App as CdkApp } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { App as TfApp, synthesizeStack, TerraformStack } from '../../src/terraform';
import { withEngineValidation } from '../helpers/aws-stack';

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
  /**
   * AWS: what aws-cdk-lib's CloudFormation validation reported for the stack (`rule @ path`),
   * when it ran; the unit tests skip it (test/setup/engine-validation.ts), the guards do not.
   */
  readonly engineFindings?: string[];
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

/** The validation plugin aws-cdk-lib runs by default (its name in the validation report). */
const ENGINE_VALIDATION_PLUGIN = 'CloudFormation Validate';

/**
 * Synthesizes one example in this process: AWS through the CDK App, GCP and Azure through the
 * Terraform engine, with the context given. On AWS, `engineValidation` (default on) runs
 * aws-cdk-lib's CloudFormation validation with its errors failing synth
 * (`@aws-cdk/core:validateAgainstDefaultRules`) and reads its findings back from the report.
 */
export function synthesizeExample(
  example: string,
  context: Record<string, unknown> = {},
  { engineValidation = true }: { engineValidation?: boolean } = {},
): ExampleStack[] {
  const cloud = cloudOf(example);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require(path.join(EXAMPLES_DIR, example, 'app')) as { build(app: Construct): unknown };
  if (cloud === 'aws') {
    const validate = engineValidation ? { '@aws-cdk/core:validateAgainstDefaultRules': true } : {};
    const app = new CdkApp({ outdir: fs.mkdtempSync(`${OUTDIR}-`), context: { ...validate, ...context } });
    build(app);
    const assembly = engineValidation ? withEngineValidation(() => app.synth()) : app.synth();
    const findings = engineValidation ? engineValidationFindings(assembly.directory) : undefined;
    return assembly.stacks.map((s) => ({
      example,
      cloud,
      stack: s.stackName,
      document: s.template,
      // A finding without a construct path of another stack counts against every stack.
      engineFindings: findings?.filter((f) => [s.stackName, undefined].includes(ownerOf(f, assembly.stacks))),
    }));
  }
  fs.mkdirSync(OUTDIR, { recursive: true });
  const app = new TfApp({ outdir: OUTDIR, stackTraces: false, context });
  build(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  // As `app.synth()` does: cross-stack references (a data mesh's policy tags) make their outputs
  // and remote states in every stack before any stack is read.
  for (const s of stacks) s.prepareStack();
  return stacks.map((s) => ({ example, cloud, stack: s.node.id, document: synthesizeStack(s) }));
}

/** The stack a `rule @ path` finding belongs to, when its path names one. */
function ownerOf(finding: string, stacks: readonly { stackName: string }[]): string | undefined {
  const first = finding.split(' @ ')[1]?.split('/')[0];
  return stacks.find((s) => s.stackName === first)?.stackName;
}

/** `rule @ construct path` for each finding of the engine's validation in an assembly's report. */
function engineValidationFindings(assemblyDir: string): string[] {
  const file = path.join(assemblyDir, 'validation-report.json');
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return (report.pluginReports ?? [])
    .filter((r: any) => r.pluginName === ENGINE_VALIDATION_PLUGIN)
    .flatMap((r: any) => r.violations ?? [])
    .flatMap((v: any) =>
      (v.violatingConstructs ?? []).map(
        (c: any) => `${v.ruleName} @ ${c.constructPath ?? c.resourceLogicalId}`,
      ),
    );
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
