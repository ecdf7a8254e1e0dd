import { aggregatePreferencesPrompt, generatePrompt, inferPreferencePrompt } from '../prompts/index.js';
import type { Context, EditPair, Guidance, Task, Writer, WriterResult } from '../spec/index.js';
import { InvalidInputError, taskKey } from '../spec/index.js';
import { applyRequirements } from './atoms/apply-requirements.js';
import type { AtomRequirement } from './atoms/atom-requirement.js';
import { requirementKey, resolveConflicts } from './atoms/atom-requirement.js';
import { atomsForPreferenceText, preferenceTextFor } from './preference-text.js';
import { BoundedCache } from './text/bounded-cache.js';
import { composeEmail } from './writer/compose-email.js';
import { editEvidence, imitatedRequirements, majorityEvidence } from './writer/edit-evidence.js';
import { extractiveSummary } from './writer/extractive-summary.js';
import { isMissed } from './writer/miss-model.js';
import { promptUsage } from './writer/prompt-usage.js';

/** Unguided drafts by (task, sizes) and context text, shared by all writers (drafting is pure). */
const drafts = new Map<string, BoundedCache<string, string>>();

/** Options of the offline writer. */
export interface OfflineWriterOptions {
  /** Seed of the imperfection model (default 0). */
  readonly seed?: number;
  /** Probability that one requirement is not applied to one context (default 0.1). */
  readonly missRate?: number;
  /** Sentences of an extractive summary (default 4). */
  readonly summarySentences?: number;
  /** Note sentences in a default email (default 4). */
  readonly emailSentences?: number;
}

/**
 * The agent's writer in the offline world (DESIGN.md §4): rule-based, deterministic, no model.
 * Its numbers are not evidence about real LLMs.
 *
 * - Drafts: summarization → extractive summary (the most salient sentences, in order); email → the
 *   most salient note sentences in a neutral default email ("Hi,", pleasantries, "Best,"); custom
 *   task → an extractive rewrite of five sentences.
 * - `guidance.kind === 'preference'`: the atoms recognized in the text are applied in the fixed
 *   order (unknown words ignored; of two conflicting atoms the one mentioned first wins).
 * - `guidance.kind === 'examples'` (ICL): imitates the atoms most revised texts have and most
 *   originals lack (`imitatedRequirements`).
 * - `inferPreference`: the requirements one pair shows, or that more than half of several pairs
 *   show (`editEvidence`: what the edit holds beyond the unguided draft the original was written
 *   from, which this writer remembers for its own outputs, as an LLM knows its default style),
 *   phrased with each atom's canonical phrase ("no clear preference" when none).
 * - `aggregatePreferences`: requirements mentioned by at least half of the preferences (ties kept),
 *   most mentioned first; conflicts keep the more mentioned.
 * - Imperfection: with probability `missRate` (default 0.1), decided by a hash of (seed, context
 *   id, requirement), a requirement is not applied when drafting; so even the oracle pays some cost.
 * - Usage: counted as if the LLM prompts of `src/prompts` had been sent (cl100k_base tokens of the
 *   rendered prompt in, of the produced text out).
 *
 * @example
 * const writer = new OfflineWriter({ seed: 0 });
 * const { text } = await writer.generate({ task: { kind: 'summarization' }, context, guidance: { kind: 'preference', preference: 'bullet points, brief' } });
 */
export class OfflineWriter implements Writer {
  readonly provider = 'tailor-offline';
  readonly modelId = 'rule-based-writer';
  private readonly seed: number;
  private readonly missRate: number;
  private readonly summarySentences: number;
  private readonly emailSentences: number;

  /** Output → the unguided draft it was written from (the baseline of inference). */
  private readonly baselines = new BoundedCache<string, string>(8192);

  constructor(options: OfflineWriterOptions = {}) {
    this.seed = options.seed ?? 0;
    this.missRate = options.missRate ?? 0.1;
    if (!(this.missRate >= 0 && this.missRate <= 1)) {
      throw new InvalidInputError({
        field: 'missRate',
        value: options.missRate,
        accepted: 'a number from 0 to 1',
      });
    }
    this.summarySentences = options.summarySentences ?? 4;
    this.emailSentences = options.emailSentences ?? 4;
  }

  /** The unguided draft of a context. */
  draft(task: Task, context: Context): string {
    const key = `${taskKey(task)}/${this.summarySentences}/${this.emailSentences}`;
    let cache = drafts.get(key);
    if (cache === undefined) {
      cache = new BoundedCache<string, string>(4096);
      drafts.set(key, cache);
    }
    return cache.getOrSet(context.text, () => {
      if (task.kind === 'summarization') return extractiveSummary(context.text, this.summarySentences);
      if (task.kind === 'email') return composeEmail(context.text, this.emailSentences);
      return extractiveSummary(context.text, 5);
    });
  }

  /** The requirements a guidance asks for, conflicts resolved. */
  requirementsFor(task: Task, guidance: Guidance | undefined): AtomRequirement[] {
    if (guidance === undefined) return [];
    if (guidance.kind === 'preference')
      return resolveConflicts(atomsForPreferenceText(guidance.preference).requirements);
    return resolveConflicts(imitatedRequirements(guidance.examples, task));
  }

  async generate(options: {
    readonly task: Task;
    readonly context: Context;
    readonly guidance?: Guidance;
  }): Promise<WriterResult> {
    const { task, context, guidance } = options;
    const requirements = this.requirementsFor(task, guidance);
    const draft = this.draft(task, context);
    const text = applyRequirements(draft, task, requirements, {
      skip: (requirement) =>
        isMissed({
          seed: this.seed,
          contextId: context.id,
          requirement: requirementKey(requirement),
          missRate: this.missRate,
        }),
    });
    this.baselines.set(text, draft);
    return { text, usage: promptUsage(generatePrompt(task, context, guidance), text) };
  }

  async inferPreference(options: {
    readonly task: Task;
    readonly pairs: readonly EditPair[];
  }): Promise<WriterResult> {
    const { task, pairs } = options;
    const baselineOf = (pair: EditPair) => this.baselines.get(pair.original) ?? pair.original;
    const requirements =
      pairs.length === 1 && pairs[0] !== undefined
        ? editEvidence(pairs[0], task, baselineOf(pairs[0]))
        : majorityEvidence(pairs, task, baselineOf);
    const text = preferenceTextFor(resolveConflicts(requirements));
    return { text, usage: promptUsage(inferPreferencePrompt(task, pairs), text) };
  }

  async aggregatePreferences(options: {
    readonly task: Task;
    readonly preferences: readonly string[];
  }): Promise<WriterResult> {
    const { task, preferences } = options;
    const counts = new Map<string, { requirement: AtomRequirement; count: number; first: number }>();
    let order = 0;
    for (const preference of preferences) {
      for (const requirement of atomsForPreferenceText(preference).requirements) {
        const key = requirementKey(requirement);
        const entry = counts.get(key) ?? { requirement, count: 0, first: order++ };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
    const kept = [...counts.values()]
      .filter((entry) => entry.count * 2 >= preferences.length)
      .sort((left, right) => right.count - left.count || left.first - right.first)
      .map((entry) => entry.requirement);
    const text = preferenceTextFor(resolveConflicts(kept));
    return { text, usage: promptUsage(aggregatePreferencesPrompt(task, preferences), text) };
  }
}
