import type { Context, Guidance, Task, TokenUsage, Writer } from '../../spec/index.js';
import { sanitizePreference } from '../preference-text.js';

/** The outcome of asking the writer for a preference (inference or aggregation). */
export interface PreferenceStep {
  /** The trimmed phrase, or null when the writer answered only whitespace. */
  readonly preference: string | null;
  readonly usage: TokenUsage;
  readonly warnings: readonly string[];
}

/** `writer.generate`, steered by a preference text when one is given. */
export async function generateWithPreference(options: {
  readonly writer: Writer;
  readonly task: Task;
  readonly context: Context;
  readonly preference: string | null;
  readonly abortSignal?: AbortSignal;
}) {
  const guidance: Guidance | undefined =
    options.preference === null ? undefined : { kind: 'preference', preference: options.preference };
  return options.writer.generate({
    task: options.task,
    context: options.context,
    guidance,
    abortSignal: options.abortSignal,
  });
}

/** `writer.inferPreference` over the given pairs, in the given order. */
export async function inferPreferenceFrom({
  writer,
  ...request
}: Parameters<Writer['inferPreference']>[0] & { readonly writer: Writer }): Promise<PreferenceStep> {
  return toStep(await writer.inferPreference(request), 'inferPreference');
}

/** `writer.aggregatePreferences` over the given preferences, in the given order. */
export async function aggregatePreferences({
  writer,
  ...request
}: Parameters<Writer['aggregatePreferences']>[0] & { readonly writer: Writer }): Promise<PreferenceStep> {
  return toStep(await writer.aggregatePreferences(request), 'aggregatePreferences');
}

function toStep(
  result: { readonly text: string; readonly usage: TokenUsage; readonly warnings?: readonly string[] },
  method: string,
): PreferenceStep {
  // NOTE: an inferred preference is stored and pasted into later prompts: it is untrusted text.
  const sanitized = sanitizePreference(result.text);
  const preference = sanitized.text;
  const warnings = [...(result.warnings ?? [])];
  if (preference === '') warnings.push(`writer.${method} returned an empty preference; none is used`);
  else if (sanitized.changed && result.text.trim().length > 0) {
    warnings.push(`writer.${method}: the preference was cut to the limits or had control text removed`);
  }
  return { preference: preference === '' ? null : preference, usage: result.usage, warnings };
}
