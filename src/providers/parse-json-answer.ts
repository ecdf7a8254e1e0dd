import type { z } from 'zod';
import { cleanAnswer } from './clean-answer.js';

/** JSON from a model's answer (an object possibly fenced or wrapped in prose); undefined when none. */
export function jsonOf(answer: string): unknown {
  const text = cleanAnswer(answer, 'text');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/** A model's answer validated against a schema: the data, or the first problem in words. */
export function parseJsonAnswer<T>(
  answer: string,
  schema: z.ZodType<T>,
): { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: string } {
  const parsed = schema.safeParse(jsonOf(answer));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, problem: parsed.error.issues[0]?.message ?? 'not JSON' };
}
