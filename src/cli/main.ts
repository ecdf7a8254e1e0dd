import { describeCliError } from './cli-error.js';
import { createProgram } from './program.js';

// NOTE: the AI SDK prints model warnings to the console; Tailor records them in its results instead.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** Runs `tailor` with the process's arguments; errors become a message and an exit code. */
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
