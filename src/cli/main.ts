import { Command, CommanderError } from 'commander';
import * as check from './commands/check';
import * as diagram from './commands/diagram';
import * as diff from './commands/diff';
import * as init from './commands/init';
import * as synth from './commands/synth';
import * as validate from './commands/validate';
import { type CliIo, ExitCode, processIo } from './io';
import { ValidationError } from '../core/errors';

/** The commands of `dpk`, in the order `dpk --help` lists them. */
const COMMANDS = [init, validate, synth, check, diff, diagram];

/** The kit's version, from its package.json (two levels up from both src/cli and lib/cli). */
function kitVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

/**
 * Runs `dpk` with the given process arguments (`process.argv`: node, script, then the user's
 * arguments) and resolves to its exit code. Never throws: bad input is reported as positioned
 * messages, unexpected failures as one line (`DPK_DEBUG=1` prints the stack).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: ExitCode = ExitCode.OK;
  const program = new Command('dpk')
    .description(
      'Declare a lakehouse or a data mesh in a spec file, then validate, synthesize, check, diff and draw it',
    )
    .version(kitVersion(), '-v, --version')
    .showHelpAfterError('(run dpk --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .exitOverride();
  const context = { io, exit: (next: ExitCode) => (code = next) };
  for (const command of COMMANDS) command.register(program, context);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
  }
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Turns what escaped a command into an exit code and one readable message. */
function reportFailure(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with code 0.
    return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  if (ValidationError.isValidationError(error)) {
    io.err(`${error.message}\n`);
    return ExitCode.FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`dpk: unexpected failure: ${message}\n`);
  if (process.env.DPK_DEBUG === '1' && error instanceof Error && error.stack) {
    io.err(`${error.stack}\n`);
  } else {
    io.err('Run again with DPK_DEBUG=1 for the stack trace, and report it with the spec that caused it.\n');
  }
  return ExitCode.INTERNAL;
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
