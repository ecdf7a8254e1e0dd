import { z } from 'zod';
import {
  aggregatePreferencesPrompt,
  checkPreferencePrompt,
  generatePrompt,
  inferPreferencePrompt,
  type Prompt,
} from '../prompts/index.js';
import {
  addUsage,
  InvalidInputError,
  ModelCallError,
  type CheckPreferenceOptions,
  type CheckPreferenceResult,
  type Context,
  type EditPair,
  type Guidance,
  type Writer,
  type WriterCallOptions,
  type WriterResult,
} from '../spec/index.js';
import type { RetryEvent } from './call-policy.js';
import { cleanAnswer, type AnswerKind } from './clean-answer.js';
import { askForJson } from './ask-for-json.js';
import { LanguageModelCaller, type LanguageModelCallerOptions } from './language-model-caller.js';

/** The LLM writer's options: the model and how to call it (see LanguageModelCallerOptions). */
export type LlmWriterOptions = LanguageModelCallerOptions;

/** Requests for one draft before an empty answer fails it (a new request each time: empty answers are never cached). */
const emptyDraftAttempts = 3;

/**
 * The agent's writer over any AI SDK language model: renders the templates of `src/prompts/` (the same
 * ones the offline writer counts tokens with), sends them at temperature 0 by default, cleans the
 * answers and reports the tokens of each call (replayed from the cache when it is on).
 *
 * An empty draft is asked for again (up to 3 requests, each told to the policy's `onRetry`), then throws
 * ModelCallError (`unusable: true`): there is nothing to show the user. An
 * empty inferred preference returns `''` with a warning (the learner then has nothing new to store);
 * an empty aggregate falls back to the first (nearest) preference, with a warning.
 *
 * @example
 * const writer = new LlmWriter({ model: createOpenAI({ apiKey }).chat('gpt-4o'), cache: ResponseCache.open() });
 * const { text, usage } = await writer.generate({ task: { kind: 'summarization' }, context });
 */
export class LlmWriter implements Writer {
  readonly provider: string;
  readonly modelId: string;
  private readonly caller: LanguageModelCaller;
  private readonly onRetry: ((event: RetryEvent) => void) | undefined;

  constructor(options: LlmWriterOptions) {
    this.caller = new LanguageModelCaller(options);
    this.onRetry = options.callPolicy?.onRetry;
    this.provider = this.caller.provider;
    this.modelId = this.caller.modelId;
  }

  async generate(
    options: WriterCallOptions & { readonly context: Context; readonly guidance?: Guidance },
  ): Promise<WriterResult> {
    const prompt = generatePrompt(options.task, options.context, options.guidance, this.caller.protocol);
    let usage = { inputTokens: 0, outputTokens: 0 };
    const warnings: string[] = [];
    for (let attempt = 1; attempt <= emptyDraftAttempts; attempt += 1) {
      const result = await this.ask(prompt, 'text', options.abortSignal);
      usage = addUsage(usage, result.usage);
      warnings.push(...(result.warnings ?? []));
      if (result.text !== '') {
        return warnings.length === 0 ? { text: result.text, usage } : { text: result.text, usage, warnings };
      }
      if (attempt < emptyDraftAttempts) {
        warnings.push(`the model returned an empty draft for context ${options.context.id}; asked again`);
        this.onRetry?.({
          provider: this.provider,
          modelId: this.modelId,
          retry: attempt,
          delayMs: 0,
          error: new ModelCallError({
            provider: this.provider,
            modelId: this.modelId,
            message: `${this.caller.label}: empty draft for context ${options.context.id}`,
            retryable: true,
            unusable: true,
          }),
        });
      }
    }
    throw new ModelCallError({
      provider: this.provider,
      modelId: this.modelId,
      message: `${this.caller.label} returned an empty draft for context ${options.context.id} (${emptyDraftAttempts} attempts)`,
      retryable: false,
      unusable: true,
    });
  }

  async inferPreference(
    options: WriterCallOptions & { readonly pairs: readonly EditPair[] },
  ): Promise<WriterResult> {
    if (options.pairs.length === 0) {
      throw new InvalidInputError({
        field: 'pairs',
        value: [],
        accepted: 'at least one (original, edited) pair',
      });
    }
    const result = await this.ask(
      inferPreferencePrompt(options.task, options.pairs, this.caller.protocol),
      'phrase',
      options.abortSignal,
    );
    if (result.text !== '') return result;
    return { ...result, warnings: [...(result.warnings ?? []), 'the model inferred an empty preference'] };
  }

  async aggregatePreferences(
    options: WriterCallOptions & { readonly preferences: readonly string[] },
  ): Promise<WriterResult> {
    const [first] = options.preferences;
    if (first === undefined) {
      throw new InvalidInputError({ field: 'preferences', value: [], accepted: 'at least one preference' });
    }
    const prompt = aggregatePreferencesPrompt(options.task, options.preferences, this.caller.protocol);
    const result = await this.ask(prompt, 'phrase', options.abortSignal);
    if (result.text !== '') return result;
    return {
      ...result,
      text: first,
      warnings: [
        ...(result.warnings ?? []),
        'the model aggregated to an empty phrase; kept the nearest preference',
      ],
    };
  }

  /**
   * Which components each text shows: one prompt asking for JSON (`checkPreferencePrompt`), parsed and
   * validated (one row of true/false/null per text, one value per component). A malformed answer is
   * asked once more, quoted with what was wrong (`checkPreferenceRetryPrompt`: the same prompt would
   * bring the same answer back at temperature 0 or from the cache); a second one throws ModelCallError (`retryable: false`), and the caller decides
   * what to do without the check.
   */
  async checkPreference(options: WriterCallOptions & CheckPreferenceOptions): Promise<CheckPreferenceResult> {
    const { task, components, texts } = options;
    if (components.length === 0 || texts.length === 0) {
      return {
        shows: texts.map(() => components.map(() => null)),
        usage: { inputTokens: 0, outputTokens: 0 },
      };
    }
    const shape = z.object({
      shows: z.array(z.array(z.boolean().nullable()).length(components.length)).length(texts.length),
    });
    const answer = await askForJson(this.caller, checkPreferencePrompt(task, components, texts), shape, {
      what: 'checkPreference',
      abortSignal: options.abortSignal,
    });
    if (answer.ok) return { shows: answer.data.shows, usage: answer.usage, warnings: [...answer.warnings] };
    throw new ModelCallError({
      provider: this.provider,
      modelId: this.modelId,
      message: `${this.caller.label} answered checkPreference with malformed JSON twice (${answer.problem})`,
      retryable: false,
      unusable: true,
    });
  }

  private async ask(
    prompt: Prompt,
    kind: AnswerKind,
    abortSignal: AbortSignal | undefined,
  ): Promise<WriterResult> {
    const result = await this.caller.call({ prompt, abortSignal });
    const text = cleanAnswer(result.text, kind);
    return result.warnings.length === 0
      ? { text, usage: result.usage }
      : { text, usage: result.usage, warnings: result.warnings };
  }
}
