import type { Command } from 'commander';
import type { CommandContext } from '../io';

/** Adds `dpk init` to the program. */
export function register(program: Command, context: CommandContext): void {
  program.command('init').action(() => {
    throw new Error('dpk init: not built yet');
  });
  void context;
}
