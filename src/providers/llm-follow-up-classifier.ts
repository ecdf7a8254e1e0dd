import { z } from 'zod';
import { classifyFollowUpPrompt } from '../prompts/index.js';
import { ModelCallError, type FollowUpClassifier, type FollowUpVerdict } from '../spec/index.js';
import { LanguageModelCaller, type LanguageModelCallerOptions } from './language-model-caller.js';
import { askForJson } from './ask-for-json.js';

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
    const answer = await askForJson(
      this.caller,
      classifyFollowUpPrompt(options.answer, options.followUp),
      verdictShape,
      { what: 'classify', abortSignal: options.abortSignal },
    );
    if (answer.ok) {
      const { kind, components } = answer.data;
      return { kind, components: kind === 'feedback' ? components : [], usage: answer.usage };
    }
    throw new ModelCallError({
      provider: this.caller.provider,
      modelId: this.caller.modelId,
      message: `${this.caller.provider}:${this.caller.modelId} classified a follow-up with malformed JSON twice (${answer.problem})`,
      retryable: false,
    });
  }
}
