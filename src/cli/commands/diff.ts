import { type Command, Option } from 'commander';
import { DiffInputError } from '../diff/diff-input-error';
import { formatDiffJson, formatDiffText } from '../diff/format';
import { diffFolders, diffSpecAgainst } from '../diff/run-diff';
import { type CommandContext, ExitCode } from '../io';
import { formatProblems, isSpecFileError } from '../spec/problems';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/** Options of `dpk diff`, as commander parses them. */
interface DiffOptions {
  readonly against?: string;
  readonly cloud?: CloudName;
  readonly format: 'text' | 'json';
}

/**
 * Adds `dpk diff` to the program: `dpk diff OLD_DIR NEW_DIR` compares two synthesized outputs,
 * `dpk diff SPEC --against DIR` a spec file with a deployed output. It reports every stateful
 * resource that would be replaced, destroyed or lose its retention, and exits 1 when there is one.
 */
export function register(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .summary('report the data a deployment would lose (replaced, destroyed or unretained stateful resources)')
    .description(
      'Compare two synthesized outputs (OLD_DIR NEW_DIR), or a spec file with a synthesized output (SPEC --against DIR), ' +
        'and report every stateful resource that would be replaced, destroyed or lose its retention. ' +
        'Exits 1 when data would be lost; other changes are counted and never fail.',
    )
    .argument('<old>', 'the deployed output folder (OLD_DIR), or the spec file with --against')
    .argument('[new]', 'the new output folder (NEW_DIR); not with --against')
    .option(
      '--against <dir>',
      'compare SPEC (synthesized into a temporary folder, compliance off) with this output folder',
    )
    .addOption(new Option('--cloud <cloud>', 'only this cloud').choices([...CLOUDS]))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (old: string, next: string | undefined, options: DiffOptions, command: Command) => {
      if (options.against !== undefined && next !== undefined) {
        command.error(
          `dpk diff: give either OLD_DIR NEW_DIR or SPEC --against DIR, not both (received ${next} and --against ${options.against})`,
          { exitCode: ExitCode.USAGE },
        );
      }
      if (options.against === undefined && next === undefined) {
        command.error(
          'dpk diff: missing NEW_DIR (dpk diff OLD_DIR NEW_DIR), or --against DIR to compare a spec file',
          { exitCode: ExitCode.USAGE },
        );
      }
      context.exit(await runDiff(old, next, options, context));
    });
}

/** Runs the comparison, prints the report, and returns the exit code. */
async function runDiff(
  old: string,
  next: string | undefined,
  options: DiffOptions,
  context: CommandContext,
): Promise<ExitCode> {
  const { io } = context;
  try {
    const report =
      options.against !== undefined
        ? await diffSpecAgainst(old, options.against, { cloud: options.cloud, io })
        : diffFolders(old, next!, { cloud: options.cloud, cwd: io.cwd });
    const labels =
      options.against !== undefined ? { before: options.against, after: old } : { before: old, after: next! };
    io.out(options.format === 'json' ? formatDiffJson(report) : formatDiffText(report, labels));
    return report.dataLoss ? ExitCode.FAILED : ExitCode.OK;
  } catch (error) {
    if (error instanceof DiffInputError) {
      io.err(`dpk diff: ${error.code}  ${error.message}\n`);
      return ExitCode.FAILED;
    }
    if (isSpecFileError(error)) {
      io.err(`${formatProblems(error.problems)}\n`);
      return ExitCode.FAILED;
    }
    throw error;
  }
}
