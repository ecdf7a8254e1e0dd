import { access, mkdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { InvalidInputError } from '../spec/index.js';
import { refineVerifyParts, type RefineVerifyPart } from '../core/index.js';

/** The paper's two environments. */
export const benchTasks = ['summarization', 'email'] as const;
export type BenchTask = (typeof benchTasks)[number];

/** Split a comma-separated flag value, dropping blanks; an empty list is an error naming the flag. */
export function splitList(flag: string, value: string, accepted: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw new InvalidInputError({ field: flag, value, accepted });
  return items;
}

/** `--task summarization,email` → the tasks, each checked, duplicates removed. */
export function parseTasks(value: string): BenchTask[] {
  const accepted = `${benchTasks.join(', ')} (comma-separated)`;
  const tasks = splitList('--task', value, accepted);
  for (const task of tasks) {
    if (!(benchTasks as readonly string[]).includes(task)) {
      throw new InvalidInputError({ field: '--task', value: task, accepted });
    }
  }
  return [...new Set(tasks)] as BenchTask[];
}

/** An integer flag from `min` to `max` (digits only), such as `--port 0`. */
export function parseIntegerFlag(
  flag: string,
  value: string,
  range: { readonly min: number; readonly max: number; readonly accepted?: string },
): number {
  const number = Number(value);
  if (
    !/^\d+$/.test(value.trim()) ||
    !Number.isSafeInteger(number) ||
    number < range.min ||
    number > range.max
  ) {
    throw new InvalidInputError({
      field: flag,
      value,
      accepted: range.accepted ?? `an integer from ${range.min} to ${range.max}`,
    });
  }
  return number;
}

/** A positive integer flag such as `--rounds 200`. */
export function parsePositiveInteger(flag: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  return parseIntegerFlag(flag, value, { min: 1, max });
}

/** `--protocol paper|tailor`. */
export function parseProtocol(value: string): 'paper' | 'tailor' {
  if (value !== 'paper' && value !== 'tailor') {
    throw new InvalidInputError({ field: '--protocol', value, accepted: 'tailor or paper' });
  }
  return value;
}

/** `--feedback edit|follow-ups`. */
export function parseFeedback(value: string): 'edit' | 'follow-ups' {
  if (value !== 'edit' && value !== 'follow-ups') {
    throw new InvalidInputError({
      field: '--feedback',
      value,
      accepted: 'edit (the user edits the draft) or follow-ups (the user replies in a chat)',
    });
  }
  return value;
}

/** `--timeout 30` → seconds (a positive number, at most one hour), per model call. */
export function parseTimeoutSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0) || seconds > 3600) {
    throw new InvalidInputError({
      field: '--timeout',
      value,
      accepted: 'seconds per model call, a number above 0 and at most 3600',
    });
  }
  return seconds;
}

/** `--seeds 0,1,2` → distinct non-negative integers in the given order. */
export function parseSeeds(value: string): number[] {
  const accepted = 'comma-separated non-negative integers, e.g. 0,1,2';
  const seeds = splitList('--seeds', value, accepted).map((item) => {
    if (!/^\d+$/.test(item) || !Number.isSafeInteger(Number(item))) {
      throw new InvalidInputError({ field: '--seeds', value: item, accepted });
    }
    return Number(item);
  });
  return [...new Set(seeds)];
}

/** `--fixed-preference "brief, bullet points"` → the text, trimmed; blank is an error naming the flag. */
export function parseFixedPreference(value: string): string {
  const text = value.trim();
  if (text === '') {
    throw new InvalidInputError({
      field: '--fixed-preference',
      value,
      accepted:
        'a non-empty preference text, e.g. "brief, bullet points" (omit the flag for the union of the task\'s preferences)',
    });
  }
  return text;
}

/** `--ablate refine,verify` → the parts of refine-verify-K to switch off, each checked. */
export function parseAblations(value: string): RefineVerifyPart[] {
  const accepted = `${refineVerifyParts.join(', ')} (comma-separated)`;
  const parts = splitList('--ablate', value, accepted);
  for (const part of parts) {
    if (!(refineVerifyParts as readonly string[]).includes(part))
      throw new InvalidInputError({ field: '--ablate', value: part, accepted });
  }
  return [...new Set(parts)] as RefineVerifyPart[];
}

/** The learners, each refine-verify-K followed by its ablations (`refine-verify-K-without-<part>`). */
export function withAblations(learners: readonly string[], parts: readonly RefineVerifyPart[]): string[] {
  return learners.flatMap((learner) =>
    /^refine-verify-[1-9][0-9]*$/.test(learner)
      ? [learner, ...parts.map((part) => `${learner}-without-${part}`)]
      : [learner],
  );
}

/** Create the output folder if needed and check that it is writable, before any work starts. */
export async function ensureWritableDirectory(flag: string, path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
    await access(path, constants.W_OK);
  } catch (error) {
    throw new InvalidInputError({
      field: flag,
      value: path,
      accepted: 'a folder that exists or can be created, and is writable',
      cause: error,
    });
  }
}
