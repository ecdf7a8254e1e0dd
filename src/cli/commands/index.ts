import type { Command } from 'commander';

/** Every subcommand of `tailor`, registered on the program. */
export function registerCommands(_program: Command): void {}
