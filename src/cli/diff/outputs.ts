import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiffInputError } from './diff-input-error';
import type { StackDocument } from './stateful-resources';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/** One stack read from a synthesized output folder. */
export interface SynthesizedStackDocument {
  readonly cloud: CloudName;
  /** The stack's name: its CloudFormation stack name, or its cdktf stack name. */
  readonly name: string;
  /** The file it was read from. */
  readonly file: string;
  readonly document: StackDocument;
}

/** What `dpk diff` accepts as an output folder, for messages. */
const EXPECTED =
  'a synthesized output: a cloud assembly (manifest.json and <stack>.template.json, as `cdk synth` or `dpk synth --cloud aws` writes), ' +
  "cdktf's output (stacks/<stack>/cdk.tf.json), or a folder with aws/, gcp/ and azure/ subfolders of those (`dpk synth --cloud all`)";

/**
 * Reads every stack of a synthesized output folder: an AWS cloud assembly (its manifest's
 * CloudFormation stacks, nested assemblies included), cdktf's output (its manifest's stacks, or
 * stacks/<stack>/cdk.tf.json), or a folder whose aws/, gcp/ and azure/ subfolders are such
 * outputs. Throws {@link DiffInputError} naming the folder when it is none of these.
 */
export function readSynthesizedOutput(
  folder: string,
  cwd: string = process.cwd(),
): SynthesizedStackDocument[] {
  const dir = path.resolve(cwd, folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new DiffInputError(`${shownPath(dir, cwd)}: no such folder. Expected ${EXPECTED}.`);
  }
  const byCloud = CLOUDS.filter((cloud) => fs.existsSync(path.join(dir, cloud)));
  if (byCloud.length > 0 && !fs.existsSync(path.join(dir, 'manifest.json'))) {
    return byCloud.flatMap((cloud) => readOneOutput(path.join(dir, cloud), cwd, cloud));
  }
  return readOneOutput(dir, cwd);
}

/** A path as messages show it: relative to the working directory when under it. */
export function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The stacks of one engine's output; `cloud` is the subfolder's name when there is one. */
function readOneOutput(dir: string, cwd: string, cloud?: CloudName): SynthesizedStackDocument[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = fs.existsSync(manifestFile)
    ? (readJson(manifestFile, cwd) as Record<string, any>)
    : undefined;
  if (manifest?.artifacts !== undefined) return readCloudAssembly(dir, manifest, cwd);
  if (manifest?.stacks !== undefined) {
    return Object.values<any>(manifest.stacks).map((s) =>
      terraformStack(String(s.name), path.join(dir, s.synthesizedStackPath), cwd, cloud),
    );
  }
  const stacksDir = path.join(dir, 'stacks');
  if (fs.existsSync(stacksDir)) {
    const found = fs
      .readdirSync(stacksDir)
      .filter((name) => fs.existsSync(path.join(stacksDir, name, 'cdk.tf.json')))
      .sort();
    if (found.length > 0) {
      return found.map((name) => terraformStack(name, path.join(stacksDir, name, 'cdk.tf.json'), cwd, cloud));
    }
  }
  const templates = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .sort();
  if (templates.length > 0) {
    return templates.map((f) => ({
      cloud: 'aws',
      name: f.slice(0, -'.template.json'.length),
      file: path.join(dir, f),
      document: readJson(path.join(dir, f), cwd) as StackDocument,
    }));
  }
  throw new DiffInputError(
    `${shownPath(dir, cwd)}: not a synthesized output (no manifest.json, stacks/ or *.template.json). Expected ${EXPECTED}.`,
  );
}

/** The CloudFormation stacks of a cloud assembly, through nested assemblies (CDK stages). */
function readCloudAssembly(
  dir: string,
  manifest: Record<string, any>,
  cwd: string,
): SynthesizedStackDocument[] {
  return Object.entries<any>(manifest.artifacts).flatMap(([id, artifact]): SynthesizedStackDocument[] => {
    if (artifact.type === 'aws:cloudformation:stack') {
      const file = path.join(dir, artifact.properties.templateFile);
      return [
        {
          cloud: 'aws',
          name: String(artifact.properties.stackName ?? id),
          file,
          document: readJson(file, cwd) as StackDocument,
        },
      ];
    }
    if (artifact.type === 'cdk:cloud-assembly') {
      const nested = path.join(dir, artifact.properties.directoryName);
      return readCloudAssembly(
        nested,
        readJson(path.join(nested, 'manifest.json'), cwd) as Record<string, any>,
        cwd,
      );
    }
    return [];
  });
}

/** A cdktf stack; its cloud is the folder's, or read from the providers it configures. */
function terraformStack(
  name: string,
  file: string,
  cwd: string,
  cloud?: CloudName,
): SynthesizedStackDocument {
  const document = readJson(file, cwd) as StackDocument;
  const providers = Object.keys(document.provider ?? {});
  const found: CloudName | undefined =
    cloud ??
    (providers.includes('azurerm')
      ? 'azure'
      : providers.some((p) => p.startsWith('google'))
        ? 'gcp'
        : undefined);
  if (found === undefined) {
    throw new DiffInputError(
      `${shownPath(file, cwd)}: configures no google or azurerm provider (providers: ${providers.join(', ') || 'none'}), so its cloud is unknown. ` +
        'Put the output in a gcp/ or azure/ subfolder to say which.',
    );
  }
  return { cloud: found, name, file, document };
}

/** Parses a JSON file, or throws a {@link DiffInputError} naming it. */
function readJson(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DiffInputError(
      `${shownPath(file, cwd)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DiffInputError(`${shownPath(file, cwd)}: not valid JSON (${(error as Error).message}).`);
  }
}
