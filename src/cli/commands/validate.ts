import type { Command } from 'commander';
import type { CommandContext } from '../io';

/** Adds `dpk validate` to the program. */
export function register(program: Command, context: CommandContext): void {
  program.command('validate').action(() => {
    throw new Error('dpk validate: not built yet');
  });
  void context;
}
