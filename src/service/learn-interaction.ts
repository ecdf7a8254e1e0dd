import type { Learner } from '../core/index.js';
import type { Interaction, InteractionStore, TokenUsage } from '../spec/index.js';
import { noUsage, taskKey } from '../spec/index.js';

/** What happened when the learner was asked to learn from one stored edit. */
export type LearnAttempt =
  | { readonly ok: true; readonly interaction: Interaction; readonly usage: TokenUsage }
  | { readonly ok: false; readonly interaction: Interaction; readonly error: unknown };

/**
 * Has the learner learn from an interaction whose edit is already stored (status `pending`), then
 * records the outcome: `learned` with the inferred preference, or one more failed attempt (the status
 * stays `pending` and the recoverer retries at `retryAt`, or becomes `failed` when attempts ran out). Never throws for a learner failure; a store
 * failure while recording the outcome does throw.
 *
 * The learner sees the proposal rebuilt from the stored row (draft, preference used, neighbours,
 * embedding), so learning after a restart is the same as learning right away.
 */
export async function learnInteraction(options: {
  readonly learner: Learner;
  readonly interactions: InteractionStore;
  readonly interaction: Interaction;
  readonly abortSignal?: AbortSignal;
  /** When to try again after this many failed attempts; null: give up (status `failed`). */
  readonly retryAt?: (attempts: number) => string | null;
}): Promise<LearnAttempt> {
  const { learner, interactions, interaction } = options;
  if (interaction.edited === null) throw new Error(`interaction ${interaction.id} has no edit to learn from`);
  const scope = { tenant: interaction.tenant, user: interaction.user, task: taskKey(interaction.task) };
  try {
    const result = await learner.learn({
      scope,
      task: interaction.task,
      context: {
        id: interaction.contextId ?? interaction.id,
        source: 'service',
        text: interaction.contextText,
      },
      proposal: {
        text: interaction.output,
        preferenceUsed: interaction.preferenceUsed,
        neighbours: interaction.neighbours,
        embedding: interaction.embedding,
        usage: noUsage,
      },
      pair: { original: interaction.output, edited: interaction.edited },
      interactionId: interaction.id,
      abortSignal: options.abortSignal,
    });
    const learned = await interactions.markLearned({
      tenant: interaction.tenant,
      id: interaction.id,
      preferenceInferred: result.preferenceInferred,
    });
    return { ok: true, interaction: learned, usage: result.usage };
  } catch (error) {
    const failed = await interactions.markLearnFailed({
      tenant: interaction.tenant,
      id: interaction.id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      retryAt: options.retryAt?.(interaction.learnAttempts + 1),
    });
    return { ok: false, interaction: failed, error };
  }
}
