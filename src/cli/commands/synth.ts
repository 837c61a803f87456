import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { type CommandContext, ExitCode } from '../io';
import { loadSpecFile } from '../spec/load';
import { displayPath } from '../spec/locate';
import { formatProblems, isSpecFileError } from '../spec/problems';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/** Where `dpk synth` writes when `--out` is not given (relative to the working directory). */
export const DEFAULT_SYNTH_OUT = 'dpk.out';

/**
 * Adds `dpk synth SPEC [--cloud aws|gcp|azure|all] [--out DIR] [--no-compliance]`: renders the
 * spec file on each cloud with the engine the examples use (a cloud assembly on AWS, cdktf's
 * `stacks/<stack>/cdk.tf.json` on GCP and Azure), gated by the clouds' compliance packs. Prints
 * one line per stack, the totals with the time, and how to deploy the result; exit 1 for an
 * invalid spec or compliance findings.
 */
export function register(program: Command, context: CommandContext): void {
  program
    .command('synth')
    .description(
      'Render a spec file on AWS (CloudFormation), GCP and Azure (Terraform JSON), gated by compliance',
    )
    .argument('<spec>', 'the spec file (.yaml, .yml or .json)')
    .addOption(
      new Option('--cloud <cloud>', 'the cloud to render on, or all')
        .choices([...CLOUDS, 'all'])
        .default('all'),
    )
    .option(
      '--out <dir>',
      "where to write: the cloud's output with one cloud, <dir>/<cloud>/ with all",
      DEFAULT_SYNTH_OUT,
    )
    .option('--no-compliance', 'write the output without the compliance gate (dpk check reports findings)')
    .action(async (spec: string, options: { cloud: CloudName | 'all'; out: string; compliance: boolean }) => {
      context.exit(await runSynth(spec, options, context));
    });
}

/** Runs `dpk synth` and returns its exit code; the synthesis engine loads only once the file is valid. */
async function runSynth(
  spec: string,
  options: { cloud: CloudName | 'all'; out: string; compliance: boolean },
  context: CommandContext,
): Promise<ExitCode> {
  const { io } = context;
  const started = process.hrtime.bigint();
  /* eslint-disable @typescript-eslint/no-require-imports -- the engine loads only for a valid file */
  const { ComplianceFindingsError, synthesizeSpecFile } =
    require('../synth/synthesize') as typeof import('../synth/synthesize');
  const { formatDeployHints, formatFindings, formatStackLines } =
    require('../synth/report') as typeof import('../synth/report');
  const { MissingPeersError } = require('../synth/peers') as typeof import('../synth/peers');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const clouds = options.cloud === 'all' ? CLOUDS : [options.cloud];
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const shownOut = displayPath(path.resolve(io.cwd, options.out), io.cwd);
  try {
    const file = await loadSpecFile(spec, { cwd: io.cwd });
    const syntheses = await synthesizeSpecFile(file, {
      clouds,
      outDir: options.out,
      io,
      compliance: options.compliance,
    });
    io.out(formatStackLines(syntheses, seconds(), shownOut));
    io.out(formatDeployHints(syntheses, io.cwd));
    return ExitCode.OK;
  } catch (error) {
    if (isSpecFileError(error)) {
      const n = error.problems.length;
      io.err(
        `${formatProblems(error.problems)}\n${spec}: ${n} problem${n === 1 ? '' : 's'}; nothing written\n`,
      );
      return ExitCode.FAILED;
    }
    if (error instanceof ComplianceFindingsError) {
      io.out(formatStackLines(error.syntheses, seconds(), shownOut));
      io.err(
        `${formatFindings(error.syntheses)}${error.message}: fix them, or acknowledge each with a reason ` +
          '(docs/compliance.md); the output is written for inspection, not for deployment\n',
      );
      return ExitCode.FAILED;
    }
    if (error instanceof MissingPeersError) {
      io.err(`${error.message}\n`);
      return ExitCode.FAILED;
    }
    throw error;
  }
}
