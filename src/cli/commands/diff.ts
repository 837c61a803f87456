import type { Command } from 'commander';
import type { CommandContext } from '../io';

/** Adds `dpk diff` to the program. */
export function register(program: Command, context: CommandContext): void {
  program.command('diff').action(() => {
    throw new Error('dpk diff: not built yet');
  });
  void context;
}
