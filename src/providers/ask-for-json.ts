import type { z } from 'zod';
import { checkPreferenceRetryPrompt, type Prompt } from '../prompts/index.js';
import { addUsage, noUsage, type TokenUsage } from '../spec/index.js';
import type { LanguageModelCaller } from './language-model-caller.js';
import { parseJsonAnswer } from './parse-json-answer.js';

/** A JSON answer: its data, or the last problem after two malformed answers; usage of both calls. */
export type JsonAnswer<T> = (
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: string }
) & { readonly usage: TokenUsage; readonly warnings: readonly string[] };

/**
 * Ask a model for JSON that `schema` accepts. A malformed answer is asked once more, quoted with what
 * was wrong (`checkPreferenceRetryPrompt`): the same prompt would bring the same answer back at
 * temperature 0 or from the response cache. Warnings hold the calls' own and one line per malformed
 * answer (`<what> answer <n> was malformed (<problem>)`); the caller words the error after two.
 *
 * @example
 * const answer = await askForJson(caller, prompt, shape, { what: 'checkPreference', abortSignal });
 */
export async function askForJson<T>(
  caller: LanguageModelCaller,
  first: Prompt,
  schema: z.ZodType<T>,
  options: { readonly what: string; readonly abortSignal?: AbortSignal },
): Promise<JsonAnswer<T>> {
  let prompt = first;
  let usage = noUsage;
  const warnings: string[] = [];
  let problem = '';
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const result = await caller.call({ prompt, abortSignal: options.abortSignal });
    usage = addUsage(usage, result.usage);
    warnings.push(...result.warnings);
    const parsed = parseJsonAnswer(result.text, schema);
    if (parsed.ok) return { ok: true, data: parsed.data, usage, warnings };
    problem = parsed.problem;
    warnings.push(`${options.what} answer ${attempt} was malformed (${problem})`);
    prompt = checkPreferenceRetryPrompt(first, result.text, problem);
  }
  return { ok: false, problem, usage, warnings };
}
