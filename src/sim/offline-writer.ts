import {
  aggregatePreferencesPrompt,
  checkPreferencePrompt,
  generatePrompt,
  inferPreferencePrompt,
} from '../prompts/index.js';
import type {
  CheckPreferenceResult,
  Context,
  EditPair,
  Guidance,
  Task,
  Writer,
  WriterResult,
} from '../spec/index.js';
import { InvalidInputError, taskKey } from '../spec/index.js';
import { applyRequirements, requirementHolds } from './atoms/apply-requirements.js';
import type { AtomRequirement } from './atoms/atom-requirement.js';
import { requirementKey, resolveConflicts } from './atoms/atom-requirement.js';
import { atomsForPreferenceText, preferenceTextFor } from './preference-text.js';
import { BoundedCache } from './text/bounded-cache.js';
import { composeEmail } from './writer/compose-email.js';
import { editEvidence, imitatedRequirements, recurringEvidence } from './writer/edit-evidence.js';
import { extractiveSummary } from './writer/extractive-summary.js';
import type { MissModel } from './writer/miss-model.js';
import { defaultMissModel, isMissed, missProbability } from './writer/miss-model.js';
import { ruledOutAtoms } from './atoms/unwanted-atoms.js';
import { promptUsage } from './writer/prompt-usage.js';

/** Unguided drafts by (task, sizes) and context text, shared by all writers (drafting is pure). */
const drafts = new Map<string, BoundedCache<string, string>>();

/** Options of the offline writer. */
export interface OfflineWriterOptions {
  /** Seed of the imperfection model (default 0). */
  readonly seed?: number;
  /**
   * Probability of missing one ordinary requirement asked alone (default 0.06; 0 makes a perfect
   * writer). See `missProbability`.
   */
  readonly missRate?: number;
  /** Relative increase of a miss per additional requirement asked at once (default 0.15). */
  readonly missLoad?: number;
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
 * - `inferPreference`: the requirements one pair shows, or that recur across several
 *   pairs (at least two show them) (`editEvidence`: what the user added or removed, and the marked features the user kept),
 *   phrased with each atom's canonical phrase ("no clear preference" when none). A pure function of
 *   the pairs: no memory of earlier calls.
 * - `aggregatePreferences`: requirements mentioned by at least half of the preferences (ties kept),
 *   most mentioned first; conflicts keep the more mentioned.
 * - Writing with a preference also drops what the requested atoms rule out (`ruledOutAtoms`: no
 *   exclamation marks under a professional tone).
 * - Imperfection shaped like an LLM's (`missProbability`): each requirement is missed with a
 *   probability that grows with its difficulty and with how many requirements are asked at once,
 *   decided by a hash of (seed, context id, requirement); so even the oracle pays some cost.
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
  /** The imperfection model's parameters (reported by the bench). */
  readonly missModel: MissModel;
  private readonly summarySentences: number;
  private readonly emailSentences: number;

  constructor(options: OfflineWriterOptions = {}) {
    this.seed = options.seed ?? 0;
    const rate = options.missRate ?? defaultMissModel.rate;
    const load = options.missLoad ?? defaultMissModel.load;
    if (!(rate >= 0 && rate <= 1)) {
      throw new InvalidInputError({
        field: 'missRate',
        value: options.missRate,
        accepted: 'a number from 0 to 1',
      });
    }
    if (!(load >= 0 && load <= 10)) {
      throw new InvalidInputError({
        field: 'missLoad',
        value: options.missLoad,
        accepted: 'a number from 0 to 10',
      });
    }
    this.missModel = Object.freeze({ ...defaultMissModel, rate, load });
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
    const applied = requirements.filter(
      (requirement) =>
        !isMissed({
          seed: this.seed,
          contextId: context.id,
          requirement: requirementKey(requirement),
          probability: missProbability(this.missModel, requirement, requirements.length),
        }),
    );
    let text = applyRequirements(draft, task, applied);
    for (const atom of ruledOutAtoms(applied)) text = atom.remove?.(text, task) ?? text;
    return { text, usage: promptUsage(generatePrompt(task, context, guidance), text) };
  }

  async inferPreference(options: {
    readonly task: Task;
    readonly pairs: readonly EditPair[];
  }): Promise<WriterResult> {
    const { task, pairs } = options;
    const requirements =
      pairs.length === 1 && pairs[0] !== undefined
        ? editEvidence(pairs[0], task)
        : recurringEvidence(pairs, task);
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

  /**
   * Which components each text shows, by the atom detectors: a component shows when every atom it
   * names holds (an avoided one, when absent); null for a component that names no atom.
   */
  async checkPreference(options: {
    readonly task: Task;
    readonly components: readonly string[];
    readonly texts: readonly string[];
  }): Promise<CheckPreferenceResult> {
    const { task, components, texts } = options;
    const parsed = components.map((component) => atomsForPreferenceText(component).requirements);
    const shows = texts.map((text) =>
      parsed.map((requirements) =>
        requirements.length === 0
          ? null
          : requirements.every((requirement) => requirementHolds(text, task, requirement)),
      ),
    );
    return {
      shows,
      usage: promptUsage(checkPreferencePrompt(task, components, texts), JSON.stringify({ shows })),
    };
  }
}
