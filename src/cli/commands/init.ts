import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { type CommandContext, ExitCode } from '../io';
import type { PatternName } from '../spec/spec-file';
import { schemaReference, STARTER_FILE_NAMES, starterSpec } from '../spec/starter';

/** Options of `dpk init`. */
interface InitOptions {
  readonly pattern: PatternName;
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * Adds `dpk init [--pattern lakehouse|mesh] [--out FILE] [--force]`: writes a commented starter
 * spec (default `lakehouse.yaml` or `mesh.yaml` in the working directory) that `dpk validate`
 * accepts, naming the installed kit's JSON Schema for editors. An existing file is kept unless
 * `--force` is given.
 */
export function register(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('Write a commented starter spec file (a lakehouse or a data mesh) to edit')
    .addOption(
      new Option('--pattern <pattern>', 'what the spec declares')
        .choices(['lakehouse', 'mesh'])
        .default('lakehouse'),
    )
    .option(
      '--out <file>',
      'the file to write (default: lakehouse.yaml or mesh.yaml in the working directory)',
    )
    .option('--force', 'overwrite the file if it exists')
    .action(async (options: InitOptions) => {
      const { io } = context;
      const shown = options.out ?? STARTER_FILE_NAMES[options.pattern];
      const target = path.resolve(io.cwd, shown);
      if (!/\.ya?ml$/i.test(target)) {
        io.err(`dpk init: ${shown}: a starter is YAML with comments: name it .yaml or .yml\n`);
        context.exit(ExitCode.FAILED);
        return;
      }
      const existing = await fs.stat(target).catch(() => undefined);
      if (existing?.isDirectory()) {
        io.err(`dpk init: ${shown} is a directory: give a file name with --out\n`);
        context.exit(ExitCode.FAILED);
        return;
      }
      if (existing && !options.force) {
        io.err(`dpk init: ${shown} exists: kept as it is (--force overwrites it, --out writes elsewhere)\n`);
        context.exit(ExitCode.FAILED);
        return;
      }
      const dir = path.dirname(target);
      await fs.mkdir(dir, { recursive: true });
      const text = starterSpec(options.pattern, schemaReference(dir, options.pattern), shown);
      await fs.writeFile(target, text);
      io.out(`wrote ${shown}: a starter ${options.pattern} spec; next: npx dpk validate ${shown}\n`);
      context.exit(ExitCode.OK);
    });
}
