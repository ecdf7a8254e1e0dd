import type { FollowUpClassifier, TokenUsage, UsedNeighbour } from '../../spec/index.js';
import { addUsage, noUsage } from '../../spec/index.js';
import { embedText } from '../embed-text.js';
import type { Learner, LearnerParts, PreferenceChoice, ProposeOptions } from '../learner.js';
import { requirePositiveInteger } from '../require-positive-integer.js';
import { storePreference } from './memory-entries.js';
import { componentKey, mergeComponents, splitComponents } from './preference-components.js';
import { proposeWith } from './propose-with.js';

/**
 * `follow-ups-K` (ours): learns from what users ask for in chat follow-ups rather than from edits
 * (issue: learning from conversation).
 *
 * Learn: each corrective follow-up of the conversation ("no bullet points, please", "way too long for
 * my phone") is read by the follow-up classifier; the components asked for, merged into the components
 * the answer was written with (a "no X" replaces an "X"), are stored with the context embedding (origin
 * `follow-up`). A conversation with no follow-up confirms the components used (origin `kept`).
 *
 * Propose: a component stored with the K nearest past conversations is kept when the neighbours
 * holding it outweigh those without it (weights: similarity); kept components, the best supported last
 * so that it wins a conflict ("X" and "no X"), are the preference the answer is written with.
 * No model call besides the answer and the classifier: no aggregation step.
 *
 * @example
 * const learner = createFollowUpLearner({ writer, embedder, memory, classifier, k: 5 });
 */
export function createFollowUpLearner(
  options: LearnerParts & { readonly classifier: FollowUpClassifier; readonly k: number },
): Learner {
  const { writer, embedder, memory, classifier } = options;
  const k = requirePositiveInteger('k', options.k);
  const preferenceFor = async ({
    scope,
    context,
    abortSignal,
  }: ProposeOptions): Promise<PreferenceChoice> => {
    const embedding = await embedText({ embedder, text: context.text, abortSignal });
    const nearest = await memory.nearest({ scope, embedding, k, kind: 'preference' });
    // NOTE: a component is kept when the neighbours holding it outweigh those without it (weights:
    // similarity); carrying every neighbour's components would let one odd conversation's request
    // spread to every later answer (measured offline: the preference grew to 16 components).
    const weights = nearest.map((neighbour) => Math.max(0, neighbour.similarity));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const support = new Map<string, { component: string; weight: number }>();
    nearest.forEach((neighbour, index) => {
      for (const component of splitComponents(neighbour.entry.preference)) {
        const key = componentKey(component);
        const entry = support.get(key) ?? { component, weight: 0 };
        entry.weight += weights[index] ?? 0;
        support.set(key, entry);
      }
    });
    const components = mergeComponents(
      [],
      [...support.values()]
        .filter((entry) => entry.weight > total / 2)
        .sort((left, right) => left.weight - right.weight)
        .map((entry) => entry.component),
    );
    const preference = components.length === 0 ? null : components.join(', ');
    const neighbours: UsedNeighbour[] = nearest.map((neighbour) => ({
      entryId: neighbour.entry.id,
      contextId: neighbour.entry.contextId,
      similarity: neighbour.similarity,
      preference: neighbour.entry.preference,
    }));
    return { preference, neighbours, embedding, usage: noUsage };
  };

  return {
    name: `follow-ups-${k}`,
    preferenceFor,
    propose: (proposeOptions) => proposeWith(writer, proposeOptions, preferenceFor),

    async learn({ scope, context, proposal, pair, followUps, interactionId, abortSignal }) {
      const used = splitComponents(proposal.preferenceUsed);
      let usage: TokenUsage = noUsage;
      let asked: string[] = [];
      for (const followUp of followUps ?? []) {
        const verdict = await classifier.classify({ answer: pair.original, followUp, abortSignal });
        usage = addUsage(usage, verdict.usage);
        if (verdict.kind === 'feedback') asked = mergeComponents(asked, verdict.components);
      }
      const components = mergeComponents(used, asked);
      if (components.length === 0) return { preferenceInferred: null, usage };
      const embedding =
        proposal.embedding ?? (await embedText({ embedder, text: context.text, abortSignal }));
      await storePreference({
        memory,
        scope,
        context,
        embedding,
        preference: components.join(', '),
        origin: asked.length > 0 ? 'follow-up' : 'kept',
        pair: asked.length > 0 ? pair : null,
        interactionId,
      });
      return { preferenceInferred: asked.length > 0 ? asked.join(', ') : null, usage };
    },
  };
}
