import { randomUUID } from 'node:crypto';
import type { CipherPreference, Learner } from '../core/index.js';
import { cipherPreference, describeComponents, embedText, type ComponentEvidence } from '../core/index.js';
import { wordEditDistance } from '../core/metrics/word-edit-distance.js';
import type {
  Embedder,
  FollowUpClassifier,
  Interaction,
  InteractionStore,
  Memory,
  Task,
  TokenUsage,
  Writer,
} from '../spec/index.js';
import { ConflictError, InvalidInputError, NotFoundError, taskKey } from '../spec/index.js';
import { retrievalK } from './retrieval-k.js';
import type { ExportedPair } from './export-pairs.js';
import { exportPairs } from './export-pairs.js';
import type { LearnAttempt } from './learn-interaction.js';
import { learnInteraction } from './learn-interaction.js';
import type { FollowUpOutcome, FollowUpToLearn } from './learn-follow-up.js';
import { learnFromFollowUp } from './learn-follow-up.js';
import type { RecoveryPolicy, RecoveryReport } from './pending-recoverer.js';
import { PendingRecoverer } from './pending-recoverer.js';
import { PreferenceBook } from './preference-book.js';
import { preview } from './preference-view.js';

/** A retrieved past context behind a draft, as the API shows it ("why this draft"). */
export interface NeighbourView {
  readonly entryId: string;
  readonly contextId: string | null;
  readonly contextPreview: string | null;
  readonly similarity: number;
  readonly preference: string | null;
}

export interface GenerateResult {
  readonly interactionId: string;
  readonly text: string;
  readonly preferenceUsed: string | null;
  readonly neighbours: readonly NeighbourView[];
}

export interface LearnOutcome {
  readonly interactionId: string;
  /** Word-level edit distance between the draft and the edit (0 when accepted). */
  readonly cost: number;
  readonly accepted: boolean;
  /**
   * `pending` when learning failed: the edit is stored and learning is retried later; `failed` when no
   * attempt is left (see `retryLearning`).
   */
  readonly status: 'learned' | 'pending' | 'failed';
  readonly inferredPreference: string | null;
}

export interface TailorOptions {
  readonly writer: Writer;
  readonly embedder: Embedder;
  readonly memory: Memory;
  readonly interactions: InteractionStore;
  readonly learner: Learner;
  /** The user's effort for an edit; default the paper's word-level Levenshtein distance. */
  readonly cost?: (original: string, edited: string) => number;
  readonly recovery?: Partial<RecoveryPolicy>;
  /** Told about learning failures (they never fail a request). */
  readonly onLearnError?: (error: unknown, interaction: Interaction) => void;
  /** Told the agent tokens each step spent (for metrics). */
  readonly onUsage?: (step: 'generate' | 'learn', usage: TokenUsage) => void;
  /** Reads chat follow-ups (`learnFromFollowUp`); without one, learning from follow-ups is refused. */
  readonly followUps?: FollowUpClassifier;
}

/** The task a memory scope's task key names (a custom task's instruction is not part of its key). */
function taskOfKey(key: string): Task {
  if (key === 'summarization' || key === 'email') return { kind: key };
  return { kind: 'custom', name: key.replace(/^custom:/, ''), instruction: '' };
}

/** The task of the OpenAI-compatible proxy's replies: memory scope `custom:chat`. */
export const chatTask: Task = Object.freeze({
  kind: 'custom',
  name: 'chat',
  instruction: 'Reply to the last message of the conversation.',
});

/** The service's use cases, over ports only; the HTTP API and the proxy are thin edges over it. */
export type Tailor = ReturnType<typeof createTailor>;

/**
 * Tailor as a service (issue #6): draft for a user, learn from their edit, and let them see and correct
 * what was learned. Every edit is committed to the InteractionStore before the learner's model call;
 * when that call fails the interaction stays `pending` and `recoverPending` retries it with backoff.
 *
 * @example
 * const tailor = createTailor({ writer, embedder, memory, interactions, learner });
 * const draft = await tailor.generate({ tenant: 'acme', user: 'ada', task: { kind: 'email' }, context: notes });
 * await tailor.learn({ tenant: 'acme', interactionId: draft.interactionId, edited: usersVersion });
 */
export function createTailor(options: TailorOptions) {
  const { memory, interactions, learner } = options;
  const cost = options.cost ?? wordEditDistance;
  const preferences = new PreferenceBook(memory, options.embedder, interactions);
  const learnOne = (interaction: Interaction, abortSignal?: AbortSignal): Promise<LearnAttempt> =>
    learnInteraction({
      learner,
      interactions,
      interaction,
      abortSignal,
      retryAt: (attempts): string | null => recoverer.retryAt(attempts),
    }).then((attempt) => {
      if (attempt.ok) options.onUsage?.('learn', attempt.usage);
      else options.onLearnError?.(attempt.error, attempt.interaction);
      return attempt;
    });
  const recoverer: PendingRecoverer = new PendingRecoverer(
    interactions,
    (interaction) => learnOne(interaction),
    options.recovery,
  );

  async function requireInteraction(tenant: string, id: string): Promise<Interaction> {
    const interaction = await interactions.get({ tenant, id });
    if (interaction === undefined) throw new NotFoundError({ entity: 'interaction', id });
    return interaction;
  }

  async function neighbourViews(
    scope: { tenant: string; user: string; task: string },
    neighbours: Interaction['neighbours'],
  ): Promise<NeighbourView[]> {
    return Promise.all(
      neighbours.map(async (neighbour) => {
        const entry = await memory.get({ scope, id: neighbour.entryId });
        return {
          entryId: neighbour.entryId,
          contextId: neighbour.contextId,
          contextPreview: preview(entry?.contextText ?? null),
          similarity: neighbour.similarity,
          preference: neighbour.preference,
        };
      }),
    );
  }

  return {
    learnerName: learner.name,
    preferences,
    recoverer,

    /**
     * A user's preference components for a task with their evidence (`describeComponents`): how many
     * learned entries name each, and how many of the user's final texts show it or do not.
     */
    async components(request: {
      readonly tenant: string;
      readonly user: string;
      readonly task: string;
      readonly abortSignal?: AbortSignal;
    }): Promise<ComponentEvidence[]> {
      const scope = { tenant: request.tenant, user: request.user, task: request.task };
      return describeComponents({
        memory,
        scope,
        task: taskOfKey(request.task),
        writer: options.writer,
        abortSignal: request.abortSignal,
      });
    },

    /** Drafts for the user with what was learned about them, and stores the draft as an interaction. */
    async generate(request: {
      readonly tenant: string;
      readonly user: string;
      readonly task: Task;
      readonly context: string;
      readonly contextId?: string;
      readonly abortSignal?: AbortSignal;
    }): Promise<GenerateResult> {
      // NOTE: only the empty text is refused here; whether other texts (blank, too long) can be
      // embedded is the embedder's call (the HTTP API answers 422 for its refusals).
      if (request.context === '') {
        throw new InvalidInputError({
          field: 'context',
          value: request.context,
          accepted: 'a non-empty text',
        });
      }
      const scope = { tenant: request.tenant, user: request.user, task: taskKey(request.task) };
      const id = randomUUID();
      const contextId = request.contextId ?? null;
      const proposal = await learner.propose({
        scope,
        task: request.task,
        context: { id: contextId ?? id, source: 'service', text: request.context },
        abortSignal: request.abortSignal,
      });
      options.onUsage?.('generate', proposal.usage);
      // NOTE: the draft is stored while its neighbours' previews are read (one wait, not two in a row).
      const [, neighbours] = await Promise.all([
        interactions.create({
          id,
          tenant: request.tenant,
          user: request.user,
          task: request.task,
          contextId,
          contextText: request.context,
          embedding: proposal.embedding,
          output: proposal.text,
          preferenceUsed: proposal.preferenceUsed,
          neighbours: proposal.neighbours,
          learner: learner.name,
        }),
        neighbourViews(scope, proposal.neighbours),
      ]);
      return {
        interactionId: id,
        text: proposal.text,
        preferenceUsed: proposal.preferenceUsed,
        neighbours,
      };
    },

    /**
     * Stores the user's version of a draft (durably, first), then learns from it. Throws NotFoundError
     * for an unknown interaction and ConflictError when it already has an edit. A learning failure is
     * not an error: the outcome says `pending` and the recoverer retries.
     */
    async learn(request: {
      readonly tenant: string;
      readonly interactionId: string;
      readonly edited: string;
      readonly abortSignal?: AbortSignal;
    }): Promise<LearnOutcome> {
      const current = await requireInteraction(request.tenant, request.interactionId);
      if (current.edited !== null) {
        throw new ConflictError({
          message: `interaction ${JSON.stringify(current.id)} was already learned from`,
        });
      }
      const editCost = request.edited === current.output ? 0 : cost(current.output, request.edited);
      const recorded = await interactions.recordEdit({
        tenant: request.tenant,
        id: current.id,
        edited: request.edited,
        cost: editCost,
        lease: recoverer.requestLease(),
      });
      recoverer.claim(recorded.id);
      let attempt: Awaited<ReturnType<typeof learnOne>> | undefined;
      try {
        attempt = await learnOne(recorded, request.abortSignal);
      } finally {
        recoverer.release(recorded.id);
      }
      return {
        interactionId: recorded.id,
        cost: editCost,
        accepted: request.edited === current.output,
        status: attempt.ok ? 'learned' : attempt.interaction.status === 'failed' ? 'failed' : 'pending',
        inferredPreference: attempt.interaction.preferenceInferred,
      };
    },

    /**
     * Puts a `failed` interaction back in the queue (attempts reset; the recoverer learns from it on
     * its next pass). NotFoundError for an unknown id, ConflictError when it is not `failed`.
     */
    retryLearning: (request: { readonly tenant: string; readonly id: string }) =>
      interactions.retryFailed(request),

    /** One interaction of the tenant; NotFoundError otherwise (also for another tenant's). */
    getInteraction: (request: { readonly tenant: string; readonly id: string }) =>
      requireInteraction(request.tenant, request.id),

    /** A user's interactions, oldest first, optionally of one task key. */
    listInteractions: (request: { readonly tenant: string; readonly user: string; readonly task?: string }) =>
      interactions.list(request),

    /** One page of a user's interactions, oldest first: `limit` of them after `cursor` (see `Page`). */
    listInteractionsPage: (request: {
      readonly tenant: string;
      readonly user: string;
      readonly task?: string;
      readonly limit: number;
      readonly cursor?: string;
    }) => interactions.listPage(request),

    /**
     * Deletes everything stored about a user: memory entries and interactions. NotFoundError when the
     * tenant holds nothing for this user.
     */
    async forget(request: { readonly tenant: string; readonly user: string }): Promise<{ deleted: number }> {
      const [entries, rows] = await Promise.all([memory.forget(request), interactions.forget(request)]);
      if (entries + rows === 0) throw new NotFoundError({ entity: 'user', id: request.user });
      return { deleted: entries + rows };
    },

    /** The user's edits as preference pairs (see `exportPairs`). */
    async exportPairs(request: {
      readonly tenant: string;
      readonly user: string;
      readonly task?: string;
    }): Promise<ExportedPair[]> {
      return exportPairs(await interactions.list(request));
    },

    /**
     * The preference to steer a chat reply with (CIPHER retrieval and aggregation for the user's
     * `chat` task, see `cipherPreference`), before the proxy calls the upstream model.
     */
    async prepareChat(request: {
      readonly tenant: string;
      readonly user: string;
      readonly text: string;
      readonly abortSignal?: AbortSignal;
    }): Promise<CipherPreference> {
      const scope = { tenant: request.tenant, user: request.user, task: taskKey(chatTask) };
      // NOTE: the service's learner chooses the preference as it would for a draft; a learner that
      // steers by examples (no `preferenceFor`) falls back to CIPHER's retrieval over stored preferences.
      if (learner.preferenceFor !== undefined) {
        const context = { id: 'chat', source: 'chat', text: request.text };
        const choice = await learner.preferenceFor({
          scope,
          task: chatTask,
          context,
          abortSignal: request.abortSignal,
        });
        const embedding =
          choice.embedding ??
          (await embedText({
            embedder: options.embedder,
            text: request.text,
            abortSignal: request.abortSignal,
          }));
        return { ...choice, embedding, warnings: choice.warnings ?? [] };
      }
      return cipherPreference({
        writer: options.writer,
        embedder: options.embedder,
        memory,
        scope,
        task: chatTask,
        text: request.text,
        k: retrievalK(learner),
        abortSignal: request.abortSignal,
      });
    },

    /** Stores a proxied chat reply as an interaction (under the id announced to the client). */
    async recordChat(request: {
      readonly id: string;
      readonly tenant: string;
      readonly user: string;
      readonly text: string;
      readonly output: string;
      readonly prepared: CipherPreference;
    }): Promise<Interaction> {
      return interactions.create({
        id: request.id,
        tenant: request.tenant,
        user: request.user,
        task: chatTask,
        contextId: null,
        contextText: request.text,
        embedding: request.prepared.embedding,
        output: request.output,
        preferenceUsed: request.prepared.preference,
        neighbours: request.prepared.neighbours,
        learner: learner.name,
      });
    },

    /**
     * Learns from a user's next turn after an answer ("please, no bullet points", "thanks, perfect"):
     * feedback is stored as a preference of origin `follow-up` under the embedding of the message the
     * answer replied to (`context`); see `learnFromFollowUp`. The task defaults to the proxy's chat task.
     */
    async learnFromFollowUp(
      request: FollowUpToLearn & { readonly tenant: string; readonly user: string; readonly task?: Task },
    ): Promise<FollowUpOutcome> {
      if (options.followUps === undefined) {
        throw new InvalidInputError({
          field: 'followUps',
          message: 'this Tailor has no follow-up classifier: pass createTailor({ followUps })',
        });
      }
      const outcome = await learnFromFollowUp({
        classifier: options.followUps,
        embedder: options.embedder,
        memory,
        scope: { tenant: request.tenant, user: request.user, task: taskKey(request.task ?? chatTask) },
        context: request.context,
        answer: request.answer,
        followUp: request.followUp,
        preferenceUsed: request.preferenceUsed,
        abortSignal: request.abortSignal,
      });
      options.onUsage?.('learn', outcome.usage);
      return outcome;
    },

    /** Retries learning from pending edits that are due (see `PendingRecoverer`). */
    recoverPending: (): Promise<RecoveryReport> => recoverer.recoverPending(),
  };
}
