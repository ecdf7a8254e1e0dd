/** Tokens a language-model call consumed (or, offline, would have consumed). */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** The usage of a call that spent nothing. */
export const noUsage: TokenUsage = Object.freeze({ inputTokens: 0, outputTokens: 0 });

/** Sum of usages. */
export function addUsage(...usages: readonly TokenUsage[]): TokenUsage {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const usage of usages) {
    inputTokens += usage.inputTokens;
    outputTokens += usage.outputTokens;
  }
  return { inputTokens, outputTokens };
}
