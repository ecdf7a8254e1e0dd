import { z } from 'zod';
import { checkPreferenceRetryPrompt, classifyFollowUpPrompt } from '../prompts/index.js';
import {
  ModelCallError,
  type FollowUpClassifier,
  type FollowUpVerdict,
  type TokenUsage,
} from '../spec/index.js';
import { LanguageModelCaller, type LanguageModelCallerOptions } from './language-model-caller.js';
import { parseJsonAnswer } from './parse-json-answer.js';

const verdictShape = z.object({
  kind: z.enum(['feedback', 'satisfaction', 'neither']),
  components: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});

/**
 * Classifies chat follow-ups with any AI SDK language model: one prompt asking for JSON
 * (`classifyFollowUpPrompt`), validated; a malformed answer is asked once more, quoted with what was
 * wrong (the JSON retry prompt of `checkPreferenceRetryPrompt`); a second one throws
 * ModelCallError (`retryable: false`). Components are kept only for feedback.
 *
 * @example
 * const classifier = new LlmFollowUpClassifier({ model: createOpenAI({ apiKey }).chat('gpt-4o-mini') });
 * const { kind, components } = await classifier.classify({ answer, followUp: 'shorter please' });
 */
export class LlmFollowUpClassifier implements FollowUpClassifier {
  private readonly caller: LanguageModelCaller;

  constructor(options: LanguageModelCallerOptions) {
    this.caller = new LanguageModelCaller(options);
  }

  async classify(options: {
    readonly answer: string;
    readonly followUp: string;
    readonly abortSignal?: AbortSignal;
  }): Promise<FollowUpVerdict> {
    const first = classifyFollowUpPrompt(options.answer, options.followUp);
    let prompt = first;
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    let problem = '';
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const result = await this.caller.call({ prompt, abortSignal: options.abortSignal });
      usage = {
        inputTokens: usage.inputTokens + result.usage.inputTokens,
        outputTokens: usage.outputTokens + result.usage.outputTokens,
      };
      const parsed = parseJsonAnswer(result.text, verdictShape);
      if (parsed.ok) {
        const { kind, components } = parsed.data;
        return { kind, components: kind === 'feedback' ? components : [], usage };
      }
      problem = parsed.problem;
      // NOTE: asked again with the malformed answer quoted: the same prompt would bring it back at
      // temperature 0 or from the response cache.
      prompt = checkPreferenceRetryPrompt(first, result.text, problem);
    }
    throw new ModelCallError({
      provider: this.caller.provider,
      modelId: this.caller.modelId,
      message: `${this.caller.provider}:${this.caller.modelId} classified a follow-up with malformed JSON twice (${problem})`,
      retryable: false,
    });
  }
}
