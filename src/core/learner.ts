import type {
  Context,
  EditPair,
  Embedder,
  Memory,
  MemoryScope,
  Task,
  TokenUsage,
  UsedNeighbour,
  Writer,
} from '../spec/index.js';

/** What the learners that remember (pairs or preferences by context) are built from. */
export interface LearnerParts {
  readonly writer: Writer;
  readonly embedder: Embedder;
  readonly memory: Memory;
}

/** A learner's draft for one context, with what it used to write it. */
export interface Proposal {
  readonly text: string;
  /** The preference text the draft was written with (null: none, or examples only). */
  readonly preferenceUsed: string | null;
  readonly neighbours: readonly UsedNeighbour[];
  /** The context's embedding, when the learner computed one (reused by `learn`). */
  readonly embedding: readonly number[] | null;
  /** Agent tokens spent on this proposal (inference or aggregation, and generation). */
  readonly usage: TokenUsage;
  /** Warnings reported while proposing. */
  readonly warnings?: readonly string[];
}

export interface LearnResult {
  /** The preference inferred from this round's edit, if the learner inferred one. */
  readonly preferenceInferred: string | null;
  /** Agent tokens spent learning (inference). */
  readonly usage: TokenUsage;
  /** Warnings reported while learning. */
  readonly warnings?: readonly string[];
}

export interface ProposeOptions {
  readonly scope: MemoryScope;
  /** What to write; `taskKey(task)` should equal `scope.task`. */
  readonly task: Task;
  readonly context: Context;
  readonly abortSignal?: AbortSignal;
}

export interface LearnOptions {
  readonly scope: MemoryScope;
  readonly task: Task;
  readonly context: Context;
  /** The proposal `propose` returned for this context (or one rebuilt from a stored interaction). */
  readonly proposal: Proposal;
  /** The pair (proposal.text, user's version); equal texts mean the user accepted. */
  readonly pair: EditPair;
  /**
   * When the user corrected the draft by replying rather than editing (the chat environment): their
   * corrective follow-ups, oldest first; `pair.edited` is the answer they ended with. Learners that
   * learn from edits use the pair and may ignore these.
   */
  readonly followUps?: readonly string[];
  readonly interactionId?: string;
  readonly abortSignal?: AbortSignal;
}

/** The preference a learner would write a draft with, chosen but not yet written with. */
export interface PreferenceChoice {
  /** Null: write with no preference. */
  readonly preference: string | null;
  readonly neighbours: readonly UsedNeighbour[];
  /** The context's embedding, when the learner computed one (reused by `learn`). */
  readonly embedding: readonly number[] | null;
  /** Agent tokens spent choosing (aggregation, verification). */
  readonly usage: TokenUsage;
  readonly warnings?: readonly string[];
}

/**
 * One way of learning from edits (DESIGN.md §2). A learner keeps all its state in `Memory` under the
 * given scope, so one instance serves many users and survives restarts.
 */
export interface Learner {
  /** The CLI name, e.g. `cipher-5`. */
  readonly name: string;
  propose(options: ProposeOptions): Promise<Proposal>;
  learn(options: LearnOptions): Promise<LearnResult>;
  /**
   * The preference `propose` would write with, without writing (the chat proxy adds it to a model call
   * of its own). Absent for learners that steer by examples rather than a preference (ICL-edit).
   */
  preferenceFor?(options: ProposeOptions): Promise<PreferenceChoice>;
}
