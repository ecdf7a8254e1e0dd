import { randomUUID } from 'node:crypto';
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Middleware,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';
import type { CipherPreference } from '../core/index.js';
import { preferenceNote } from '../server/openai-chat-format.js';
import { defaultTenant } from '../service/first-api-key.js';
import { followUpTurn } from '../service/learn-follow-up.js';
import type { LearnOutcome, Tailor } from '../service/tailor.js';
import { InvalidInputError } from '../spec/index.js';

/** A draft the wrapped model wrote and Tailor recorded: what to send the user's edit back against. */
export interface TailorDraft {
  readonly interactionId: string;
  readonly text: string;
  /** The learned preference the call carried (null: nothing learned yet for this request). */
  readonly preferenceUsed: string | null;
}

export interface TailorMiddlewareOptions {
  readonly tailor: Tailor;
  /** The end user whose preferences steer the calls and learn from their edits. */
  readonly user: string;
  /** Default `default` (the tenant of `tailor serve`'s first API key). */
  readonly tenant?: string;
  /**
   * Told when tailoring a call failed (the call then goes on untailored, nothing is recorded);
   * default: a process warning.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Learn from chat follow-ups (default false; the Tailor needs a follow-up classifier): when a call's
   * prompt ends user → assistant → user, the last turn is read first ("please, no bullet points"), style
   * feedback is stored (`tailor.learnFromFollowUp`) and the call is tailored to the earlier request.
   */
  readonly learnFromFollowUps?: boolean;
}

/** The AI SDK middleware, with the way back for the user's edits. */
export interface TailorMiddleware extends LanguageModelV3Middleware {
  /** The last draft this middleware recorded (undefined before the first call). */
  readonly lastDraft: TailorDraft | undefined;
  /**
   * Sends the user's version of a draft back, and Tailor learns from it (`tailor.learn`): the last
   * draft by default, or the one named by `interactionId` (in `providerMetadata.tailor` of a result).
   */
  sendEdit(edited: string, interactionId?: string): Promise<LearnOutcome>;
}

/** The key of Tailor's entry in a result's `providerMetadata`. */
export const tailorMetadataKey = 'tailor';

/** The text of the last user message of a prompt (its text parts joined), or '' when there is none. */
export function lastUserText(prompt: LanguageModelV3Prompt): string {
  for (let index = prompt.length - 1; index >= 0; index -= 1) {
    const message = prompt[index];
    if (message?.role !== 'user') continue;
    return message.content
      .map((part) => (part.type === 'text' ? part.text : ''))
      .join('\n')
      .trim();
  }
  return '';
}

/** The text of a message's text parts. */
function textOf(message: LanguageModelV3Prompt[number]): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('\n')
    .trim();
}

/** The prompt with the preference as a system message after the caller's own leading system messages. */
function withPreference(prompt: LanguageModelV3Prompt, preference: string): LanguageModelV3Prompt {
  const leading = prompt.findIndex((message) => message.role !== 'system');
  const at = leading < 0 ? prompt.length : leading;
  return [
    ...prompt.slice(0, at),
    { role: 'system', content: preferenceNote(preference) },
    ...prompt.slice(at),
  ];
}

function withDraftMetadata(
  metadata: SharedV3ProviderMetadata | undefined,
  draft: TailorDraft,
): SharedV3ProviderMetadata {
  return {
    ...metadata,
    [tailorMetadataKey]: { interactionId: draft.interactionId, preferenceUsed: draft.preferenceUsed },
  };
}

/**
 * Personalises an AI SDK language model with what Tailor learned about a user: each call (generate or
 * stream) carries the user's preference for its last user message as a system message, the answer is
 * recorded as a draft (its id in `providerMetadata.tailor.interactionId`), and `sendEdit` sends the
 * user's version back to learn from. Drafts are kept in the `chat` task of the user, the scope the
 * OpenAI-compatible proxy of `tailor serve` uses, so both learn together.
 *
 * @example
 * const middleware = tailorMiddleware({ tailor, user: 'ada' });
 * const model = wrapLanguageModel({ model: openai('gpt-4o'), middleware });
 * const { text } = await generateText({ model, prompt: 'Write the team update from these notes: ...' });
 * await middleware.sendEdit(usersVersion); // what the user made of `text`
 */
export function tailorMiddleware(options: TailorMiddlewareOptions): TailorMiddleware {
  const { tailor, user } = options;
  const tenant = options.tenant ?? defaultTenant;
  const onError =
    options.onError ??
    ((error: unknown) =>
      process.emitWarning(`Tailor could not tailor a model call; it went on untailored: ${String(error)}`));
  // NOTE: the AI SDK hands wrapGenerate/wrapStream the very object transformParams returned.
  const prepared = new WeakMap<LanguageModelV3CallOptions, { text: string; preference: CipherPreference }>();
  let lastDraft: TailorDraft | undefined;

  async function record(
    params: LanguageModelV3CallOptions,
    output: string,
  ): Promise<TailorDraft | undefined> {
    const call = prepared.get(params);
    if (call === undefined || output.trim() === '') return undefined;
    try {
      const interaction = await tailor.recordChat({
        id: randomUUID(),
        tenant,
        user,
        text: call.text,
        output,
        prepared: call.preference,
      });
      lastDraft = { interactionId: interaction.id, text: output, preferenceUsed: call.preference.preference };
      return lastDraft;
    } catch (error) {
      onError(error);
      return undefined;
    }
  }

  return {
    specificationVersion: 'v3',

    get lastDraft() {
      return lastDraft;
    },

    async transformParams({ params }) {
      let text = lastUserText(params.prompt);
      if (text === '') return params;
      const turn =
        options.learnFromFollowUps === true
          ? followUpTurn(params.prompt.map((message) => ({ role: message.role, text: textOf(message) })))
          : undefined;
      if (turn !== undefined) {
        const outcome = await tailor
          .learnFromFollowUp({ tenant, user, ...turn, abortSignal: params.abortSignal })
          .catch((error: unknown) => {
            onError(error);
            return undefined;
          });
        // Style feedback is about the earlier request: the answer is tailored to what it needs.
        if (outcome?.kind === 'feedback') text = turn.context;
      }
      let preference: CipherPreference;
      try {
        preference = await tailor.prepareChat({ tenant, user, text, abortSignal: params.abortSignal });
      } catch (error) {
        if (params.abortSignal?.aborted === true) throw error;
        onError(error);
        return params;
      }
      const transformed =
        preference.preference === null
          ? { ...params }
          : { ...params, prompt: withPreference(params.prompt, preference.preference) };
      prepared.set(transformed, { text, preference });
      return transformed;
    },

    async wrapGenerate({ doGenerate, params }) {
      const result = await doGenerate();
      const output = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
      const draft = await record(params, output);
      if (draft === undefined) return result;
      return { ...result, providerMetadata: withDraftMetadata(result.providerMetadata, draft) };
    },

    async wrapStream({ doStream, params }) {
      const { stream, ...rest } = await doStream();
      if (!prepared.has(params)) return { stream, ...rest };
      let output = '';
      const recording = new TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart>({
        async transform(part, controller) {
          if (part.type === 'text-delta') output += part.delta;
          if (part.type !== 'finish') return controller.enqueue(part);
          // NOTE: the draft is recorded before the finish part, so its id is in the result's metadata.
          const draft = await record(params, output);
          controller.enqueue(
            draft === undefined
              ? part
              : { ...part, providerMetadata: withDraftMetadata(part.providerMetadata, draft) },
          );
        },
      });
      return { stream: stream.pipeThrough(recording), ...rest };
    },

    async sendEdit(edited: string, interactionId?: string): Promise<LearnOutcome> {
      const id = interactionId ?? lastDraft?.interactionId;
      if (id === undefined) {
        throw new InvalidInputError({
          field: 'interactionId',
          message: 'no draft to send an edit for: make a call through the wrapped model first',
        });
      }
      return tailor.learn({ tenant, interactionId: id, edited });
    },
  };
}
