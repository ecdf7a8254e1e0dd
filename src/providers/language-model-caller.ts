import { generateText, streamText, type LanguageModel, type LanguageModelUsage } from 'ai';
import { paperSettings, type Prompt, type PromptProtocol } from '../prompts/index.js';
import { ModelCallError, type TokenUsage } from '../spec/index.js';
import { CallPolicy, formatDuration } from './call-policy.js';
import { responseCacheKey, type ResponseCache } from './response-cache.js';
import { toModelCallError } from './to-model-call-error.js';

/** Decoding settings passed to the model. Temperature defaults to 0, as in the paper. */
export interface DecodingSettings {
  readonly temperature?: number;
  readonly maxOutputTokens?: number;
  readonly topP?: number;
  readonly topK?: number;
  readonly seed?: number;
  readonly stopSequences?: readonly string[];
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
}

/** Everything a component that calls a language model can be configured with. */
export interface LanguageModelCallerOptions {
  /** Any AI SDK language model, e.g. `createOpenAI({ baseURL }).chat('gpt-4o')`. */
  readonly model: LanguageModel;
  /** System prompt sent with every call (none by default). */
  readonly system?: string;
  readonly settings?: DecodingSettings;
  /** Timeouts, retries, concurrency; share one between writer, reviewer and embedder. */
  readonly callPolicy?: CallPolicy;
  /** A response cache, or false (the default) to call the model every time. */
  readonly cache?: ResponseCache | false;
  /** Identity of the model in cache keys (default `<provider>:<modelId>`); include the base URL. */
  readonly cacheNamespace?: string;
  /** Use the streaming endpoint (SSE) and collect the text (default false). */
  readonly stream?: boolean;
  /** How errors name this model, e.g. `writer --writer openai:gpt-4o` (default `<provider>:<modelId>`). */
  readonly label?: string;
  /**
   * `tailor` (default) or `paper`: which prompt templates the writer and reviewer render, and, for
   * `paper`, the paper's generation settings (`paperSettings`) under any given `settings`.
   */
  readonly protocol?: PromptProtocol;
}

/** One answer of the model. */
export interface CallerResult {
  readonly text: string;
  readonly usage: TokenUsage;
  /** True when the answer came from the cache (no HTTP request). */
  readonly cached: boolean;
  readonly warnings: readonly string[];
}

/** The identity of an AI SDK model: `provider` (e.g. `openai.chat`) and `modelId`. */
export function modelIdentity(model: LanguageModel | { provider: string; modelId: string } | string): {
  provider: string;
  modelId: string;
} {
  return typeof model === 'string' ? { provider: 'gateway', modelId: model } : model;
}

/** How a warning of the model (or its provider) starts: the bench prints each distinct one once. */
export const modelWarningPrefix = 'model warning';

function toUsage(usage: LanguageModelUsage | undefined, warnings: string[], label: string): TokenUsage {
  if (usage?.inputTokens === undefined && usage?.outputTokens === undefined) {
    warnings.push(`${modelWarningPrefix} (${label}): no token usage reported; the expense is unknown, not 0`);
    return { inputTokens: 0, outputTokens: 0, callsWithoutUsage: 1 };
  }
  return { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
}

function describeWarning(
  label: string,
  warning: { type: string; feature?: string; details?: string; message?: string },
) {
  const what = [warning.feature, warning.details, warning.message].filter(Boolean).join(' - ');
  return `${modelWarningPrefix} (${label}): ${warning.type}: ${what}`;
}

/**
 * The call layer shared by the LLM writer and the LLM reviewer: renders a Prompt into an AI SDK call
 * (generateText, or streamText when `stream`), with the AI SDK's retries off and the CallPolicy's
 * timeout, retries and concurrency instead, and the response cache in front.
 */
export class LanguageModelCaller {
  readonly provider: string;
  readonly modelId: string;
  /** How errors name this model (the role and flag when the composition root gave them). */
  readonly label: string;
  readonly protocol: PromptProtocol;
  private readonly options: LanguageModelCallerOptions;
  private readonly policy: CallPolicy;
  private readonly settings: DecodingSettings;

  constructor(options: LanguageModelCallerOptions) {
    this.options = options;
    ({ provider: this.provider, modelId: this.modelId } = modelIdentity(options.model));
    this.label = options.label ?? `${this.provider}:${this.modelId}`;
    this.policy = options.callPolicy ?? new CallPolicy();
    this.protocol = options.protocol ?? 'tailor';
    this.settings =
      this.protocol === 'paper'
        ? { ...paperSettings, ...options.settings }
        : { temperature: 0, ...options.settings };
  }

  /** Send the prompt (the caller's system prompt wins over the template's). Throws ModelCallError. */
  async call(options: {
    readonly prompt: Prompt;
    readonly abortSignal?: AbortSignal;
  }): Promise<CallerResult> {
    const system = this.options.system ?? options.prompt.system;
    const cache = this.options.cache || undefined;
    const namespace = this.options.cacheNamespace ?? `${this.provider}:${this.modelId}`;
    const key =
      cache && responseCacheKey({ namespace, system, prompt: options.prompt.user, settings: this.settings });
    const hit = key ? cache?.get(key) : undefined;
    if (hit !== undefined) return { ...hit, cached: true, warnings: [] };
    const target = { provider: this.provider, modelId: this.modelId, label: this.label };
    const run = () =>
      this.policy.run(target, (abortSignal) => this.send(system, options.prompt.user, abortSignal), {
        abortSignal: options.abortSignal,
      });
    // NOTE: with a cache, an identical call already in flight is shared rather than sent twice.
    const result = key && cache ? await cache.share(key, run) : await run();
    if (key && result.text.trim() !== '') cache?.set(key, namespace, result);
    return { ...result, cached: false };
  }

  private async send(system: string | undefined, prompt: string, abortSignal: AbortSignal) {
    const warnings: string[] = [];
    const request = {
      model: this.options.model,
      system,
      prompt,
      ...this.settings,
      stopSequences: this.settings.stopSequences && [...this.settings.stopSequences],
      maxRetries: 0,
      abortSignal,
    };
    if (!this.options.stream) {
      const result = await generateText(request);
      warnings.push(...(result.warnings ?? []).map((warning) => describeWarning(this.label, warning)));
      return { text: result.text, usage: toUsage(result.usage, warnings, this.label), warnings };
    }
    // NOTE: errors of a stream arrive as parts; they are thrown so the policy can classify and retry.
    // A stream silent for longer than the idle timeout is aborted and retried like a timeout.
    const target = { provider: this.provider, modelId: this.modelId, label: this.label };
    const idle = new AbortController();
    const idleMs = this.policy.idleTimeoutMs;
    let timer = setTimeout(() => idle.abort(), idleMs);
    const result = streamText({
      ...request,
      abortSignal: AbortSignal.any([abortSignal, idle.signal]),
      onError: () => {},
    });
    let text = '';
    let usage: LanguageModelUsage | undefined;
    try {
      for await (const part of result.fullStream) {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), idleMs);
        if (part.type === 'text-delta') text += part.text;
        else if (part.type === 'error') throw toModelCallError(part.error, target);
        else if (part.type === 'finish') usage = part.totalUsage;
        else if (part.type === 'abort' && idle.signal.aborted) break;
      }
    } catch (error) {
      if (!idle.signal.aborted || abortSignal.aborted) throw error;
    } finally {
      clearTimeout(timer);
    }
    if (idle.signal.aborted && !abortSignal.aborted) {
      throw new ModelCallError({
        provider: this.provider,
        modelId: this.modelId,
        message: `${this.label}: the stream stalled (no part for ${formatDuration(idleMs)})`,
        retryable: true,
      });
    }
    if (usage === undefined) {
      throw new ModelCallError({
        provider: this.provider,
        modelId: this.modelId,
        message: `${this.label}: the stream ended without a finish event`,
        retryable: true,
      });
    }
    warnings.push(...((await result.warnings) ?? []).map((warning) => describeWarning(this.label, warning)));
    return { text, usage: toUsage(usage, warnings, this.label), warnings };
  }
}
