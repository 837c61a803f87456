import type { Command } from 'commander';
import type { CommandContext } from '../io';

/** Adds `dpk check` to the program. */
export function register(program: Command, context: CommandContext): void {
  program.command('check').action(() => {
    throw new Error('dpk check: not built yet');
  });
  void context;
}
