import * as fs from 'node:fs';
import * as path from 'node:path';
import { CheckInputError } from './check-input-error';

/** A CloudFormation template of an AWS cloud assembly, with what the assembly says about it. */
export interface CloudFormationOutput {
  readonly engine: 'cloudformation';
  /** The stack's name in the assembly (its display name, e.g. `Stage/Stack` in a nested assembly). */
  readonly stack: string;
  /** The `*.template.json` (absolute). */
  readonly file: string;
  /** The stack's metadata file (construct paths, acknowledgements), when the assembly has one. */
  readonly metadataFile?: string;
  /** The stack's metadata written inline in manifest.json, when there is no metadata file. */
  readonly inlineMetadata?: Readonly<Record<string, unknown>>;
}

/** A Terraform JSON document written by cdktf. */
export interface TerraformOutput {
  readonly engine: 'terraform';
  /** The cdktf stack's name. */
  readonly stack: string;
  /** The `cdk.tf.json` (absolute). */
  readonly file: string;
}

/** One synthesized stack `dpk check` can read. */
export type SynthesizedOutput = CloudFormationOutput | TerraformOutput;

/** How deep below the checked folder outputs are looked for: `out/<example>/` or `<cloud>/`. */
const MAX_DEPTH = 2;

/** Folders never searched for outputs (the stacks' own working files, dependencies, VCS). */
const SKIPPED_FOLDERS = /^(node_modules|\.git|\.terraform|asset\..*|stacks)$/;

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CheckInputError(`${file}: not readable as JSON (${(error as Error).message}).`);
  }
}

/** The stacks of an AWS cloud assembly, following nested assemblies (stages). */
function cloudAssemblyStacks(dir: string, manifest: any): CloudFormationOutput[] {
  return Object.entries<any>(manifest.artifacts ?? {}).flatMap(([id, artifact]): CloudFormationOutput[] => {
    if (artifact.type === 'cdk:cloud-assembly') {
      const nested = path.join(dir, artifact.properties?.directoryName ?? id);
      return cloudAssemblyStacks(nested, readJson(path.join(nested, 'manifest.json')));
    }
    if (artifact.type !== 'aws:cloudformation:stack') return [];
    const file = path.join(dir, artifact.properties?.templateFile ?? `${id}.template.json`);
    if (!fs.existsSync(file)) {
      throw new CheckInputError(
        `${path.join(dir, 'manifest.json')}: stack ${id} names ${file}, which is missing.`,
      );
    }
    return [
      {
        engine: 'cloudformation',
        stack: artifact.displayName ?? id,
        file,
        metadataFile: artifact.additionalMetadataFile
          ? path.join(dir, artifact.additionalMetadataFile)
          : undefined,
        inlineMetadata: artifact.metadata,
      },
    ];
  });
}

/** The stacks of a cdktf output folder: from its manifest.json, or every `stacks/<stack>/cdk.tf.json`. */
function cdktfStacks(dir: string, manifest: any): TerraformOutput[] {
  if (manifest?.stacks) {
    return Object.values<any>(manifest.stacks).map((stack) => ({
      engine: 'terraform',
      stack: stack.name,
      file: path.join(dir, stack.synthesizedStackPath),
    }));
  }
  const stacksDir = path.join(dir, 'stacks');
  return fs
    .readdirSync(stacksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(stacksDir, d.name, 'cdk.tf.json')))
    .map((d) => ({ engine: 'terraform', stack: d.name, file: path.join(stacksDir, d.name, 'cdk.tf.json') }));
}

/** The outputs `dir` itself holds (not its subfolders'), or undefined when it holds none. */
function outputsIn(dir: string): SynthesizedOutput[] | undefined {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = fs.existsSync(manifestFile) ? readJson(manifestFile) : undefined;
  if (manifest?.artifacts) return cloudAssemblyStacks(dir, manifest);
  if (manifest?.stacks || fs.existsSync(path.join(dir, 'stacks'))) {
    const stacks = cdktfStacks(dir, manifest);
    if (stacks.length > 0) return stacks;
  }
  if (fs.existsSync(path.join(dir, 'cdk.tf.json'))) {
    return [{ engine: 'terraform', stack: path.basename(dir), file: path.join(dir, 'cdk.tf.json') }];
  }
  return undefined;
}

/** Outputs in `dir` or, when it holds none, in its subfolders (down to {@link MAX_DEPTH}). */
function findIn(dir: string, depth: number): SynthesizedOutput[] {
  const own = outputsIn(dir);
  if (own) return own;
  if (depth >= MAX_DEPTH) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !SKIPPED_FOLDERS.test(d.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => findIn(path.join(dir, d.name), depth + 1));
}

/** A template or cdk.tf.json given by itself: a stack named after the file (or its folder). */
function singleFile(file: string): SynthesizedOutput {
  const name = path.basename(file);
  if (name.endsWith('.template.json')) {
    const stack = name.slice(0, -'.template.json'.length);
    const metadataFile = path.join(path.dirname(file), `${stack}.metadata.json`);
    return {
      engine: 'cloudformation',
      stack,
      file,
      metadataFile: fs.existsSync(metadataFile) ? metadataFile : undefined,
    };
  }
  if (name.endsWith('.tf.json')) {
    return { engine: 'terraform', stack: path.basename(path.dirname(file)), file };
  }
  throw new CheckInputError(
    `${file}: not a folder of synthesized output, a *.template.json, a cdk.tf.json, nor a spec file (.yaml, .yml or .json).`,
  );
}

/**
 * Every synthesized stack under `dir`: an AWS cloud assembly (manifest.json and
 * `*.template.json`, nested assemblies followed), a cdktf output (`stacks/<stack>/cdk.tf.json`
 * or a single `cdk.tf.json`), or folders holding them — `aws/`, `gcp/`, `azure/` as
 * `dpk synth --cloud all` writes, or `out/<example>/` as `npm run synth` does.
 * `dir` may also be one `*.template.json` or `cdk.tf.json` (with the template's
 * `<stack>.metadata.json` beside it read for acknowledgements).
 * Throws {@link CheckInputError} when `dir` is missing or holds none of them.
 */
export function findOutputs(dir: string): SynthesizedOutput[] {
  if (!fs.existsSync(dir)) throw new CheckInputError(`${dir}: no such file or folder.`);
  if (!fs.statSync(dir).isDirectory()) return [singleFile(dir)];
  const outputs = findIn(dir, 0);
  if (outputs.length === 0) {
    throw new CheckInputError(
      `${dir}: nothing to check. Expected an AWS cloud assembly (manifest.json and *.template.json), ` +
        'a cdktf output (stacks/<stack>/cdk.tf.json, or a cdk.tf.json), or folders holding them ' +
        "(aws/, gcp/, azure/ as 'dpk synth --cloud all' writes them, or out/<example>/). " +
        "Run 'dpk synth' first, or pass the spec file itself.",
    );
  }
  return outputs;
}
