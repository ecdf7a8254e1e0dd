/** Tokens a language-model call consumed (or, offline, would have consumed). */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /**
   * Calls whose provider reported no usage: their tokens are unknown, not 0, so the counts above
   * are then a lower bound. Absent means every call reported its usage.
   */
  readonly callsWithoutUsage?: number;
}

/** The usage of a call that spent nothing. */
export const noUsage: TokenUsage = Object.freeze({ inputTokens: 0, outputTokens: 0 });

/** Sum of usages. */
export function addUsage(...usages: readonly TokenUsage[]): TokenUsage {
  let inputTokens = 0;
  let outputTokens = 0;
  let callsWithoutUsage = 0;
  for (const usage of usages) {
    inputTokens += usage.inputTokens;
    outputTokens += usage.outputTokens;
    callsWithoutUsage += usage.callsWithoutUsage ?? 0;
  }
  return callsWithoutUsage === 0
    ? { inputTokens, outputTokens }
    : { inputTokens, outputTokens, callsWithoutUsage };
}
