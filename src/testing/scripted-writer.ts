import type { TokenUsage, Writer, WriterResult } from '../spec/index.js';
import { noUsage } from '../spec/index.js';

export type GenerateOptions = Parameters<Writer['generate']>[0];
export type InferPreferenceOptions = Parameters<Writer['inferPreference']>[0];
export type AggregatePreferencesOptions = Parameters<Writer['aggregatePreferences']>[0];

/**
 * What a scripted method answers: always the same text, a list of texts consumed one per call (an
 * error once exhausted), or a function of the call's options (and its 0-based index among the calls of
 * that method) returning a text or a full `WriterResult`.
 */
export type WriterScript<Options> =
  | string
  | readonly string[]
  | ((options: Options, callIndex: number) => string | WriterResult | Promise<string | WriterResult>);

/** One recorded call, with the options exactly as the caller passed them. */
export type ScriptedWriterCall =
  | { readonly method: 'generate'; readonly options: GenerateOptions }
  | { readonly method: 'inferPreference'; readonly options: InferPreferenceOptions }
  | { readonly method: 'aggregatePreferences'; readonly options: AggregatePreferencesOptions };

export interface ScriptedWriterOptions {
  readonly generate?: WriterScript<GenerateOptions>;
  readonly inferPreference?: WriterScript<InferPreferenceOptions>;
  readonly aggregatePreferences?: WriterScript<AggregatePreferencesOptions>;
  /** Usage reported with texts scripted as plain strings (default: no tokens). */
  readonly usage?: TokenUsage;
  readonly modelId?: string;
}

/**
 * A `Writer` test double: answers from a script and records every call. A method without a script
 * throws a "not scripted" error, so a test notices any call it did not expect.
 *
 * @example
 * const writer = new ScriptedWriter({
 *   generate: (options) => `draft of ${options.context.id}`,
 *   inferPreference: ['bullet points'],
 * });
 * // ... run a learner ...
 * expect(writer.inferPreferenceCalls[0]?.pairs).toHaveLength(1);
 */
export class ScriptedWriter implements Writer {
  readonly provider = 'scripted';
  readonly modelId: string;
  /** Every call, in order. */
  readonly calls: ScriptedWriterCall[] = [];
  private readonly options: ScriptedWriterOptions;

  constructor(options: ScriptedWriterOptions = {}) {
    this.options = options;
    this.modelId = options.modelId ?? 'scripted-writer';
  }

  /** Options of every `generate` call, in order. */
  get generateCalls(): GenerateOptions[] {
    return this.calls.flatMap((call) => (call.method === 'generate' ? [call.options] : []));
  }

  /** Options of every `inferPreference` call, in order. */
  get inferPreferenceCalls(): InferPreferenceOptions[] {
    return this.calls.flatMap((call) => (call.method === 'inferPreference' ? [call.options] : []));
  }

  /** Options of every `aggregatePreferences` call, in order. */
  get aggregatePreferencesCalls(): AggregatePreferencesOptions[] {
    return this.calls.flatMap((call) => (call.method === 'aggregatePreferences' ? [call.options] : []));
  }

  async generate(options: GenerateOptions): Promise<WriterResult> {
    const index = this.generateCalls.length;
    this.calls.push({ method: 'generate', options });
    return this.answer('generate', this.options.generate, options, index);
  }

  async inferPreference(options: InferPreferenceOptions): Promise<WriterResult> {
    const index = this.inferPreferenceCalls.length;
    this.calls.push({ method: 'inferPreference', options });
    return this.answer('inferPreference', this.options.inferPreference, options, index);
  }

  async aggregatePreferences(options: AggregatePreferencesOptions): Promise<WriterResult> {
    const index = this.aggregatePreferencesCalls.length;
    this.calls.push({ method: 'aggregatePreferences', options });
    return this.answer('aggregatePreferences', this.options.aggregatePreferences, options, index);
  }

  private async answer<Options>(
    method: string,
    script: WriterScript<Options> | undefined,
    options: Options,
    index: number,
  ): Promise<WriterResult> {
    if (script === undefined) {
      throw new Error(`ScriptedWriter.${method} is not scripted (call #${index + 1})`);
    }
    let answer: string | WriterResult;
    if (typeof script === 'string') {
      answer = script;
    } else if (typeof script === 'function') {
      answer = await script(options, index);
    } else {
      const scripted = script[index];
      if (scripted === undefined) {
        throw new Error(
          `ScriptedWriter.${method} was called ${index + 1} times but only ${script.length} answers were scripted`,
        );
      }
      answer = scripted;
    }
    return typeof answer === 'string' ? { text: answer, usage: this.options.usage ?? noUsage } : answer;
  }
}
