import type { Command } from 'commander';
import type { CommandContext } from '../io';

/** Adds `dpk synth` to the program. */
export function register(program: Command, context: CommandContext): void {
  program.command('synth').action(() => {
    throw new Error('dpk synth: not built yet');
  });
  void context;
}
