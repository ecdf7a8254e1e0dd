import { embedText, sanitizePreference } from '../core/index.js';
import type {
  Embedder,
  FollowUpClassifier,
  FollowUpKind,
  Memory,
  MemoryScope,
  TokenUsage,
} from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import type { PreferenceView } from './preference-view.js';
import { preferenceView } from './preference-view.js';

/** What one follow-up taught (or did not). */
export interface FollowUpOutcome {
  readonly kind: FollowUpKind;
  /** For feedback: the components it asks for ("brief", "no bullet points"). */
  readonly components: readonly string[];
  /**
   * The preference stored: the feedback's components (origin `follow-up`), or after a satisfied
   * follow-up the preference the answer was written with (origin `kept`); null when nothing was stored.
   */
  readonly stored: PreferenceView | null;
  readonly usage: TokenUsage;
}

/** A user's turn that answers the assistant, with the answer and the request the answer replied to. */
export interface FollowUpTurn {
  /** The last user message before the answer: what the answer replied to. */
  readonly context: string;
  readonly answer: string;
  readonly followUp: string;
}

/** A follow-up to learn from: the turn, the preference its answer was written with, and a signal. */
export interface FollowUpToLearn extends FollowUpTurn {
  /** The preference the answer was written with, if any. */
  readonly preferenceUsed?: string | null;
  readonly abortSignal?: AbortSignal;
}

/**
 * The follow-up a conversation ends with, if it ends user → assistant → user (system and developer
 * messages aside), each with text; undefined otherwise (a first turn, a tool exchange). Shared by the
 * proxy (OpenAI messages) and the AI SDK middleware (its prompt), each giving (role, text) pairs.
 */
export function followUpTurn(
  messages: readonly { readonly role: string; readonly text: string }[],
): FollowUpTurn | undefined {
  const turns = messages.filter((message) => message.role !== 'system' && message.role !== 'developer');
  const [context, answer, followUp] = turns.slice(-3);
  if (context?.role !== 'user' || answer?.role !== 'assistant' || followUp?.role !== 'user') return undefined;
  if ([context, answer, followUp].some((message) => message.text.trim() === '')) return undefined;
  return { context: context.text, answer: answer.text, followUp: followUp.text };
}

/**
 * Learns from a user's next turn after an answer (issue: learning from conversation). The classifier
 * decides what the turn is:
 * - `feedback` ("please, no bullet points"): its components are stored as one preference, origin
 *   `follow-up`, under the embedding of `context` (the user message the answer replied to), in the same
 *   memory as preferences learned from edits, so retrieval finds it for similar requests;
 * - `satisfaction` ("thanks, perfect"): the preference the answer was written with, when given, is
 *   stored again as `kept` (the user confirmed it), as after an accepted draft;
 * - `neither` (a new question): nothing is stored.
 */
export async function learnFromFollowUp(
  options: FollowUpToLearn & {
    readonly classifier: FollowUpClassifier;
    readonly embedder: Embedder;
    readonly memory: Memory;
    readonly scope: MemoryScope;
  },
): Promise<FollowUpOutcome> {
  for (const field of ['context', 'answer', 'followUp'] as const) {
    if (options[field].trim() === '') {
      throw new InvalidInputError({ field, value: options[field], accepted: 'a non-empty text' });
    }
  }
  const verdict = await options.classifier.classify({
    answer: options.answer,
    followUp: options.followUp,
    abortSignal: options.abortSignal,
  });
  const preference =
    verdict.kind === 'feedback'
      ? sanitizePreference(verdict.components.join(', ')).text
      : verdict.kind === 'satisfaction'
        ? sanitizePreference(options.preferenceUsed ?? '').text
        : '';
  if (preference === '') {
    return { kind: verdict.kind, components: verdict.components, stored: null, usage: verdict.usage };
  }
  const embedding = await embedText({
    embedder: options.embedder,
    text: options.context,
    abortSignal: options.abortSignal,
  });
  const entry = await options.memory.add({
    scope: options.scope,
    kind: 'preference',
    embedding,
    contextId: null,
    contextText: options.context,
    preference,
    pair: null,
    origin: verdict.kind === 'feedback' ? 'follow-up' : 'kept',
    interactionId: null,
  });
  return {
    kind: verdict.kind,
    components: verdict.components,
    stored: preferenceView(entry),
    usage: verdict.usage,
  };
}
