import type { Embedder, Memory, Neighbour, TokenUsage, UsedNeighbour, Writer } from '../../spec/index.js';
import { addUsage, noUsage } from '../../spec/index.js';
import { embedText } from '../embed-text.js';
import { isAccepted } from '../is-accepted.js';
import type { Learner, PreferenceChoice, ProposeOptions } from '../learner.js';
import { wordEditDistance } from '../metrics/word-edit-distance.js';
import { wordTokenize } from '../metrics/word-tokenize.js';
import { requirePositiveInteger } from '../require-positive-integer.js';
import { storePreference } from './memory-entries.js';
import {
  componentTopic,
  isNegativeComponent,
  mergeComponents,
  splitComponents,
} from './preference-components.js';
import { proposeWith } from './propose-with.js';
import { generateWithPreference, inferPreferenceFrom } from './writer-steps.js';

/** Parts of `refine-verify-K` that can be switched off, to measure what each buys. */
export type RefineVerifyPart = 'refine' | 'verify' | 'recency';

export const refineVerifyParts: readonly RefineVerifyPart[] = ['refine', 'verify', 'recency'];

export interface RefineVerifyOptions {
  readonly writer: Writer;
  readonly embedder: Embedder;
  readonly memory: Memory;
  /** Neighbours whose evidence is weighed. */
  readonly k: number;
  /**
   * Refinement steps after the first inference (default 1: two inferences in all, the first from
   * (draft, edit), one from (redraft, edit); a second refinement cost tokens and bought nothing offline).
   */
  readonly refineSteps?: number;
  /** Entries of the same user after which a piece of evidence weighs half (default 60). */
  readonly halfLife?: number;
  /** Parts switched off (ablations). */
  readonly without?: readonly RefineVerifyPart[];
}

/** A neighbour with the weight of its evidence: similarity × recency. */
interface Evidence {
  readonly neighbour: Neighbour;
  readonly weight: number;
  readonly components: readonly string[];
}

/**
 * `refine-verify-K` (ours, DESIGN.md §3): CIPHER's retrieval, with preferences kept as components that
 * are refined against the user's own edit, verified against the texts the user ended up with, and
 * weighed by recency so that a changed preference wins.
 *
 * Learn (after an edit): infer components from (draft shown, edit); then up to `refineSteps` times,
 * redraft the context with them, and if the redraft is still far from the user's edit (word edit
 * distance above 5% of the edit's tokens), infer what is still missing or superfluous from (redraft,
 * edit) and merge it in (a "no X" replaces an "X"). The refined components — what the edit shows, not
 * the components of the draft it left alone — are stored with the context embedding and the pair
 * (draft, final text). After an acceptance, the components used are stored with the pair (draft,
 * draft): the draft confirmed them. Only the agent's own calls: the user is never asked again.
 *
 * Propose: retrieve the K nearest past interactions and weigh each by similarity³ × 2^(−age / halfLife)
 * (age in the user's later entries; the cube trusts the closest contexts most). Every component any of
 * them holds is a candidate; the writer checks (`checkPreference`) which candidates each neighbour's final text shows; a candidate is kept
 * when the weight of texts showing it exceeds the weight of texts not showing it. Kept components,
 * best supported first, are the preference the draft is written with. A writer without
 * `checkPreference` weighs mentions instead (a neighbour that stored the component supports it, one
 * that did not opposes it).
 *
 * @example
 * const learner = createRefineVerifyLearner({ writer, embedder, memory, k: 5 });
 */
export function createRefineVerifyLearner(options: RefineVerifyOptions): Learner {
  const { writer, embedder, memory } = options;
  const k = requirePositiveInteger('k', options.k);
  const refineSteps = options.refineSteps ?? 1;
  const halfLife = options.halfLife ?? 60;
  const without = new Set(options.without ?? []);
  const suffix = refineVerifyParts.filter((part) => without.has(part)).map((part) => `-without-${part}`);
  const name = `refine-verify-${k}${suffix.join('')}`;

  /** The neighbours with their weights, heaviest first (at most K). */
  const weighEvidence = (neighbours: readonly Neighbour[]): Evidence[] => {
    const newest = Math.max(0, ...neighbours.map((neighbour) => neighbour.entry.sequence));
    return neighbours
      .map((neighbour) => {
        const age = Math.max(0, newest - neighbour.entry.sequence);
        const recency = without.has('recency') ? 1 : 2 ** (-age / halfLife);
        return {
          neighbour,
          weight: Math.max(0, neighbour.similarity) ** 3 * recency,
          components: splitComponents(neighbour.entry.preference),
        };
      })
      .filter((evidence) => evidence.weight > 0)
      .sort(
        (left, right) => right.weight - left.weight || right.neighbour.similarity - left.neighbour.similarity,
      )
      .slice(0, k);
  };

  const preferenceFor = async ({
    scope,
    task,
    context,
    abortSignal,
  }: ProposeOptions): Promise<PreferenceChoice> => {
    const embedding = await embedText({ embedder, text: context.text, abortSignal });
    // NOTE: the K nearest by similarity, then weighed: recency decides among similar contexts, it does
    // not bring in less similar ones (measured offline: choosing the K heaviest of the 4K nearest let
    // recent entries of other kinds of context outvote the right ones, and cost more on both tasks).
    const evidence = weighEvidence(await memory.nearest({ scope, embedding, k, kind: 'preference' }));
    const candidates = evidence.reduce<string[]>((all, item) => mergeCandidates(all, item.components), []);
    let usage: TokenUsage = noUsage;
    const warnings: string[] = [];
    const scores = new Map<string, number>(candidates.map((component) => [candidateKey(component), 0]));
    const verifier = without.has('verify') ? undefined : writer.checkPreference?.bind(writer);
    const texts = evidence.map((item) => item.neighbour.entry.pair?.edited ?? null);
    let checked: readonly (readonly (boolean | null)[])[] | undefined;
    if (verifier !== undefined && candidates.length > 0 && texts.some((text) => text !== null)) {
      try {
        const result = await verifier({
          task,
          components: candidates,
          texts: texts.map((text) => text ?? ''),
          abortSignal,
        });
        usage = addUsage(usage, result.usage);
        warnings.push(...(result.warnings ?? []));
        checked = result.shows;
      } catch (error) {
        if (abortSignal?.aborted === true) throw error;
        warnings.push(`checkPreference failed, weighing mentions instead: ${(error as Error).message}`);
      }
    }
    evidence.forEach((item, row) => {
      const mentioned = new Set(item.components.map(candidateKey));
      candidates.forEach((component, column) => {
        const key = candidateKey(component);
        const shown = texts[row] === null ? null : checked?.[row]?.[column];
        const vote = shown === undefined || shown === null ? (mentioned.has(key) ? 1 : -1) : shown ? 1 : -1;
        scores.set(key, (scores.get(key) ?? 0) + vote * item.weight);
      });
    });
    const kept = candidates
      .filter((component) => (scores.get(candidateKey(component)) ?? 0) > 0)
      .sort((left, right) => (scores.get(candidateKey(right)) ?? 0) - (scores.get(candidateKey(left)) ?? 0));
    const preference = kept.length === 0 ? null : kept.join(', ');
    const neighbours: UsedNeighbour[] = evidence.map((item) => ({
      entryId: item.neighbour.entry.id,
      contextId: item.neighbour.entry.contextId,
      similarity: item.neighbour.similarity,
      preference: item.neighbour.entry.preference,
    }));
    return { preference, neighbours, embedding, usage, warnings };
  };

  return {
    name,
    preferenceFor,
    propose: (proposeOptions) => proposeWith(writer, proposeOptions, preferenceFor),

    async learn({ scope, task, context, proposal, pair, interactionId, abortSignal }) {
      const embedding =
        proposal.embedding ?? (await embedText({ embedder, text: context.text, abortSignal }));
      const used = splitComponents(proposal.preferenceUsed);
      if (isAccepted(pair)) {
        if (used.length === 0) return { preferenceInferred: null, usage: noUsage };
        await storePreference({
          memory,
          scope,
          context,
          embedding,
          preference: used.join(', '),
          origin: 'kept',
          pair,
          interactionId,
        });
        return { preferenceInferred: null, usage: noUsage };
      }
      let usage: TokenUsage = noUsage;
      const warnings: string[] = [];
      const first = await inferPreferenceFrom({ writer, task, pairs: [pair], abortSignal });
      usage = addUsage(usage, first.usage);
      warnings.push(...first.warnings);
      let components = splitComponents(first.preference);
      if (!without.has('refine')) {
        const close = Math.max(2, Math.round(0.05 * wordTokenize(pair.edited).length));
        for (let step = 0; step < refineSteps && components.length > 0; step += 1) {
          const redraft = await generateWithPreference({
            writer,
            task,
            context,
            preference: components.join(', '),
            abortSignal,
          });
          usage = addUsage(usage, redraft.usage);
          if (wordEditDistance(redraft.text, pair.edited) <= close) break;
          const more = await inferPreferenceFrom({
            writer,
            task,
            pairs: [{ original: redraft.text, edited: pair.edited }],
            abortSignal,
          });
          usage = addUsage(usage, more.usage);
          warnings.push(...more.warnings);
          const extra = splitComponents(more.preference);
          if (extra.length === 0) break;
          components = mergeComponents(components, extra);
        }
      }
      // NOTE: the components used for the draft are not carried into this entry: an edit is evidence of
      // what it changed, not of what it left alone. Carried, a component the user merely tolerated (or one
      // a wrong neighbour brought in) would be stored again after every edit and never lose its mentions;
      // the used components stay candidates through the entries that hold them, and the neighbours' final
      // texts decide (measured offline: lower cost on both tasks and both preference sets).
      // An edit in which the writer sees no preference (a change of content, not of style) left the style
      // of the draft alone: the components used are stored with it, as after an acceptance, so that its
      // final text still counts when they are verified.
      const inferred = components.length > 0;
      const stored = inferred ? components : used;
      if (stored.length === 0) return { preferenceInferred: null, usage, warnings };
      await storePreference({
        memory,
        scope,
        context,
        embedding,
        preference: stored.join(', '),
        origin: inferred ? 'inferred' : 'kept',
        pair,
        interactionId,
      });
      return { preferenceInferred: inferred ? stored.join(', ') : null, usage, warnings };
    },
  };
}

/**
 * A candidate's identity: its topic and its sign, so that wordings of one component ("bullet points",
 * "use bullet points", "with emojis" and "emojis") count as one, while "X" and "no X" stay apart.
 */
function candidateKey(component: string): string {
  return `${isNegativeComponent(component) ? 'no ' : ''}${componentTopic(component)}`;
}

/** Candidates in first-seen order, one per candidate key (signs kept apart: both "X" and "no X" compete). */
function mergeCandidates(all: readonly string[], more: readonly string[]): string[] {
  const keys = new Set(all.map(candidateKey));
  return [...all, ...more.filter((component) => !keys.has(candidateKey(component)))];
}
