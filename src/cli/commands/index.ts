import type { Command } from 'commander';
import { registerBenchCommand } from './bench.js';
import { registerKeysCommand } from './keys.js';
import { registerServeCommand } from './serve.js';

/** Every subcommand of `tailor`, registered on the program. */
export function registerCommands(program: Command): void {
  registerBenchCommand(program);
  registerServeCommand(program);
  registerKeysCommand(program);
}
