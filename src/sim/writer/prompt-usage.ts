import type { Prompt } from '../../prompts/index.js';
import type { TokenUsage } from '../../spec/index.js';
import { countTokens } from './token-counter.js';

/**
 * Tokens a call would have used had the prompt been sent: the system and user messages counted with
 * cl100k_base (without the few tokens of chat formatting), and the produced text as output.
 */
export function promptUsage(prompt: Prompt, output: string): TokenUsage {
  return {
    inputTokens: countTokens(prompt.system ?? '') + countTokens(prompt.user),
    outputTokens: countTokens(output),
  };
}
