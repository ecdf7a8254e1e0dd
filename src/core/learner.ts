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

/** What one step of a learner (propose, learn, choose a preference) cost the agent. */
export interface StepUsage {
  /** Agent tokens spent in the step (inference, aggregation, verification, generation). */
  readonly usage: TokenUsage;
  /** Warnings reported during the step. */
  readonly warnings?: readonly string[];
}

/** What a learner retrieved for a context. */
export interface Retrieved {
  readonly neighbours: readonly UsedNeighbour[];
  /** The context's embedding, when the learner computed one (reused by `learn`). */
  readonly embedding: readonly number[] | null;
}

/** A learner's draft for one context, with what it used to write it. */
export interface Proposal extends Retrieved, StepUsage {
  readonly text: string;
  /** The preference text the draft was written with (null: none, or examples only). */
  readonly preferenceUsed: string | null;
}

export interface LearnResult extends StepUsage {
  /** The preference inferred from this round's edit, if the learner inferred one. */
  readonly preferenceInferred: string | null;
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
export interface PreferenceChoice extends Retrieved, StepUsage {
  /** Null: write with no preference. */
  readonly preference: string | null;
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
