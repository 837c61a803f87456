import { type Command, Option } from 'commander';
import { type CommandContext, ExitCode } from '../io';
import { loadSpecFile } from '../spec/load';
import { formatProblems, isSpecFileError } from '../spec/problems';
import { formatSummary, summarizeSpecFile } from '../spec/summary';

/** How `dpk validate` prints its result. */
type ValidateFormat = 'text' | 'json';

/**
 * Adds `dpk validate SPEC [--format text|json]`: reads the spec file, checks it against its JSON
 * Schema and the kit's rules, and prints a one-line summary (exit 0) or every problem at its
 * line and column (exit 1). It loads no cloud engine: it answers in well under a second.
 */
export function register(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description(
      'Check a spec file (schema and the kit rules) without rendering it; every problem with its line:col',
    )
    .argument('<spec>', 'the spec file (.yaml, .yml or .json)')
    .addOption(
      new Option('--format <format>', 'text, or json for tools').choices(['text', 'json']).default('text'),
    )
    .action(async (spec: string, options: { format: ValidateFormat }) => {
      const { io } = context;
      try {
        const file = await loadSpecFile(spec, { cwd: io.cwd });
        const summary = summarizeSpecFile(file);
        if (options.format === 'json') {
          io.out(`${JSON.stringify({ file: spec, valid: true, ...summary, problems: [] }, null, 2)}\n`);
        } else {
          io.out(`${spec}: valid ${formatSummary(summary)}\n`);
        }
        context.exit(ExitCode.OK);
      } catch (error) {
        if (!isSpecFileError(error)) throw error;
        if (options.format === 'json') {
          io.out(`${JSON.stringify({ file: spec, valid: false, problems: error.problems }, null, 2)}\n`);
        } else {
          const n = error.problems.length;
          io.err(`${formatProblems(error.problems)}\n${spec}: ${n} problem${n === 1 ? '' : 's'}\n`);
        }
        context.exit(ExitCode.FAILED);
      }
    });
}
