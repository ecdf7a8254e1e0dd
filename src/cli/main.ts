import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describeCliError } from './cli-error.js';
import { registerCommands } from './commands/index.js';

/**
 * The `tailor` command line: parses flags and calls core; every error is turned into a message and an
 * exit code by `describeCliError`.
 */
export function createProgram(): Command {
  const program = new Command('tailor')
    .description("Learn each user's writing preferences from their edits (PRELUDE / CIPHER).")
    .version(packageVersion(), '-V, --version', "print Tailor's version")
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program);
  return program;
}

/** The version in the package's package.json (two folders up from this file, built or not). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}

// NOTE: the AI SDK prints model warnings to the console; Tailor records them in its results instead.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

async function main(): Promise<void> {
  try {
    await createProgram().parseAsync(process.argv);
  } catch (error) {
    const { exitCode, message } = describeCliError(error);
    if (message) process.stderr.write(`${message}\n`);
    process.exitCode = exitCode;
  }
}

await main();
