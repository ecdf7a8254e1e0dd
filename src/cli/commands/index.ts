import type { Command } from 'commander';
import { registerBenchCommand } from './bench.js';

/** Every subcommand of `tailor`, registered on the program. */
export function registerCommands(program: Command): void {
  registerBenchCommand(program);
}
