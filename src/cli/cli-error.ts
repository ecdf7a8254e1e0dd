import { CommanderError } from 'commander';
import { InvalidInputError, TailorError } from '../spec/index.js';

/** Exit codes of the `tailor` command. */
export const exitCodes = {
  ok: 0,
  /** A failure while working (a model, a store, the file system). */
  failure: 1,
  /** Bad flags or input, reported before any work starts. */
  usage: 2,
  /** Stopped by Ctrl-C; what finished was kept. */
  interrupted: 130,
} as const;

/** The one place errors become exit codes and messages for people. */
export function describeCliError(error: unknown): { exitCode: number; message: string } {
  if (error instanceof CommanderError) {
    return { exitCode: error.exitCode === 0 ? exitCodes.ok : exitCodes.usage, message: '' };
  }
  if (InvalidInputError.isInstance(error)) {
    return { exitCode: exitCodes.usage, message: `tailor: ${error.message}` };
  }
  if (TailorError.isInstance(error)) {
    return { exitCode: exitCodes.failure, message: `tailor: ${error.message}` };
  }
  const detail =
    error instanceof Error ? (process.env.TAILOR_DEBUG ? error.stack : error.message) : String(error);
  return { exitCode: exitCodes.failure, message: `tailor: unexpected error: ${detail}` };
}
