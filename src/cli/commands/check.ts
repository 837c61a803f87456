import { type Command, Option } from 'commander';
import { CHECK_FORMATS, type CheckCommandOptions, runCheck } from '../check/run-check';
import type { CommandContext } from '../io';
import { CLOUDS } from '../spec/spec-file';

/** Adds `dpk check SPEC|DIR` to the program. */
export function register(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description(
      "Check synthesized output with cdk-nag (AWS) and the kit's compliance packs (AWS, GCP, Azure); " +
        'a spec file is synthesized first, into a temporary folder',
    )
    .argument(
      '<target>',
      'a spec file (.yaml, .yml, .json), a folder of synthesized output, or one *.template.json or cdk.tf.json',
    )
    .addOption(new Option('--cloud <cloud>', 'the cloud to check').choices([...CLOUDS, 'all']).default('all'))
    .addOption(
      new Option('--format <format>', 'the report format').choices([...CHECK_FORMATS]).default('text'),
    )
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .action(async (target: string, options: CheckCommandOptions) => {
      context.exit(await runCheck(target, options, context.io));
    });
}
