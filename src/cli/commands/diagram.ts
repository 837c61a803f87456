import type { Command } from 'commander';
import type { CommandContext } from '../io';

/** Adds `dpk diagram` to the program. */
export function register(program: Command, context: CommandContext): void {
  program.command('diagram').action(() => {
    throw new Error('dpk diagram: not built yet');
  });
  void context;
}
