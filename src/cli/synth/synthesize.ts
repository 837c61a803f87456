/**
 * Synthesizes a loaded spec file on the clouds asked for (contract 2 of the CLI): each cloud's
 * engine writes its usual output (AWS a cloud assembly, GCP and Azure cdktf's
 * `stacks/<stack>/cdk.tf.json`), into `outDir` for one cloud or `outDir/<cloud>/` for several.
 * Used by `dpk synth`, and by `dpk check` and `dpk diff` on a spec.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a cloud's modules load only when it is rendered; under node16 resolution `import()` would stay an ES module import */
import * as path from 'node:path';
import { assertPeersInstalled } from './peers';
import { progressOn, type SynthProgress } from './progress';
import type { Renderer } from './render';
import { ValidationError } from '../../core/errors';
import type { CliIo } from '../io';
import { displayPath, problemsFromValidationError } from '../spec/locate';
import { SCHEMA_CODE, SpecFileError, type SpecProblem } from '../spec/problems';
import type { CloudName, SpecFile } from '../spec/spec-file';

/** One stack written by {@link synthesizeSpecFile}. */
export interface SynthesizedStack {
  readonly cloud: CloudName;
  /** The CloudFormation stack name (AWS) or the Terraform stack's name (GCP, Azure). */
  readonly name: string;
  /** How many resources the stack declares. */
  readonly resources: number;
  /** Absolute path of its `*.template.json` or `cdk.tf.json`. */
  readonly file: string;
  /** Its unacknowledged compliance findings, one line each (empty when compliance was off). */
  readonly findings: readonly string[];
}

/** What one cloud's synthesis wrote. */
export interface CloudSynthesis {
  readonly cloud: CloudName;
  /** Absolute path of the cloud's output: the cloud assembly (AWS) or cdktf's output folder. */
  readonly outDir: string;
  /** Its stacks, in deploy order. */
  readonly stacks: readonly SynthesizedStack[];
}

/** Options of {@link synthesizeSpecFile}. */
export interface SynthesizeOptions {
  /** The clouds to render, in order. */
  readonly clouds: readonly CloudName[];
  /** Where to write (relative to `io.cwd`): the cloud's output with one cloud, `<outDir>/<cloud>/` each with several. */
  readonly outDir: string;
  /** Where progress goes (standard error) and what relative paths resolve against. */
  readonly io: CliIo;
  /**
   * Whether the clouds' compliance packs gate the synthesis as the examples' main.ts do (AWS:
   * cdk-nag's AwsSolutions and the kit's pack as validation plugins; GCP and Azure: the kit's
   * pack). Findings are reported per stack and make {@link synthesizeSpecFile} throw
   * {@link ComplianceFindingsError} once every cloud is written.
   * @default true
   */
  readonly compliance?: boolean;
  /**
   * Where progress goes.
   * @default - a progress display on `io`'s standard error
   */
  readonly progress?: SynthProgress;
}

/** A synthesis whose output has unacknowledged compliance findings; every cloud was written. */
export class ComplianceFindingsError extends Error {
  /** What was written, with each stack's findings. */
  public readonly syntheses: readonly CloudSynthesis[];

  public constructor(syntheses: readonly CloudSynthesis[]) {
    const count = syntheses.flatMap((s) => s.stacks).reduce((n, s) => n + s.findings.length, 0);
    super(`${count} unacknowledged compliance finding${count === 1 ? '' : 's'}`);
    this.name = 'ComplianceFindingsError';
    this.syntheses = syntheses;
  }
}

/** The sections a Terraform cloud cannot do without, and what to put in them. */
const REQUIRED_SECTIONS: Readonly<
  Record<CloudName, Readonly<Record<SpecFile['pattern'], string>> | undefined>
> = {
  // AWS renders without a section: an environment-agnostic stack named after the platform.
  aws: undefined,
  gcp: {
    lakehouse:
      '`gcp:` with `project` and `location` (e.g. `gcp: { project: acme-data-dev, location: europe-west1 }`)',
    mesh: '`gcp:` with `governanceProject` and `location` (e.g. `gcp: { governanceProject: acme-central, location: europe-west1 }`)',
  },
  azure: {
    lakehouse:
      '`azure:` with `resourceGroup: { name, location }` and `deployerInsideNetwork: true` or `keyVaultAllowedIpRanges`',
    mesh: '`azure:` with `location` and `deployerInsideNetwork: true` or `keyVaultAllowedIpRanges`',
  },
};

/** Each cloud's renderer, loaded on first use (a cloud's engine loads only when it is rendered). */
const RENDERERS: Readonly<Record<CloudName, () => Promise<Renderer>>> = {
  aws: async () => (require('./aws') as typeof import('./aws')).renderAws,
  gcp: async () => (require('./gcp') as typeof import('./gcp')).renderGcp,
  azure: async () => (require('./azure') as typeof import('./azure')).renderAzure,
};

/**
 * Synthesizes `file` on each of `options.clouds`. Throws `SpecFileError` with positioned problems
 * when a cloud's section is missing or a construct rejects the file (before anything of that
 * cloud is written), and {@link ComplianceFindingsError} when compliance gates the synthesis and
 * a stack has findings; `MissingPeersError` (./peers) when a cloud's engine is not installed.
 *
 * @example
 * const file = await loadSpecFile('examples/specs/lakehouse.yaml');
 * const [gcp] = await synthesizeSpecFile(file, { clouds: ['gcp'], outDir: 'out/gcp', io: processIo() });
 */
export async function synthesizeSpecFile(
  file: SpecFile,
  options: SynthesizeOptions,
): Promise<CloudSynthesis[]> {
  const { clouds, io } = options;
  const compliance = options.compliance ?? true;
  const missing = clouds.flatMap((cloud) => missingSection(file, cloud, io.cwd));
  if (missing.length > 0) throw new SpecFileError(missing);
  assertPeersInstalled(clouds, compliance);
  const root = path.resolve(io.cwd, options.outDir);
  const progress = options.progress ?? progressOn(io);
  const syntheses: CloudSynthesis[] = [];
  try {
    for (const cloud of clouds) {
      const outDir = clouds.length === 1 ? root : path.join(root, cloud);
      const render = await RENDERERS[cloud]();
      const result = await renderReportingProblems(file, cloud, () =>
        render({ file, outDir, compliance, progress }),
      );
      syntheses.push({ cloud, outDir, stacks: result.stacks.map((stack) => ({ cloud, ...stack })) });
    }
  } finally {
    progress.finish();
  }
  if (compliance && syntheses.some((s) => s.stacks.some((stack) => stack.findings.length > 0))) {
    throw new ComplianceFindingsError(syntheses);
  }
  return syntheses;
}

/** Runs `render`, turning a construct's `ValidationError` into positioned problems in the file. */
async function renderReportingProblems<T>(
  file: SpecFile,
  cloud: CloudName,
  render: () => Promise<T>,
): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (ValidationError.isValidationError(error)) {
      throw new SpecFileError(problemsFromValidationError(file, cloud, error));
    }
    throw error;
  }
}

/** A problem when `cloud` needs a section the file does not have. */
function missingSection(file: SpecFile, cloud: CloudName, cwd: string): SpecProblem[] {
  const needed = REQUIRED_SECTIONS[cloud]?.[file.pattern];
  if (needed === undefined || file.clouds[cloud] !== undefined) return [];
  return [
    {
      file: displayPath(file.path, cwd),
      line: 1,
      column: 1,
      code: SCHEMA_CODE,
      path: cloud,
      message: `rendering a ${file.pattern === 'mesh' ? 'data mesh' : 'lakehouse'} on ${cloudTitle(cloud)} needs a top-level ${needed}. Received: no \`${cloud}:\` section`,
    },
  ];
}

/** The cloud's name as people write it. */
export function cloudTitle(cloud: CloudName): string {
  return { aws: 'AWS', gcp: 'GCP', azure: 'Azure' }[cloud];
}
