import { InvalidInputError } from '../../spec/index.js';

/** Similarity of two preference texts: higher means closer. */
export type PreferenceSimilarity = (left: string, right: string) => number;

/**
 * The index of the candidate (a task's true preferences) most similar to the preference used; ties go
 * to the earlier candidate. The paper uses BERTScore as the similarity; offline, any similarity that
 * runs here can be passed. Throws InvalidInputError when there are no candidates.
 */
export function classifyPreference(
  used: string,
  candidates: readonly string[],
  similarity: PreferenceSimilarity,
): number {
  if (candidates.length === 0) {
    throw new InvalidInputError({ field: 'candidates', value: [], accepted: 'at least one true preference' });
  }
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((candidate, index) => {
    const score = similarity(used, candidate);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The paper's preference accuracy: the fraction of rounds whose used preference classifies to the
 * round's true preference. A round where the learner used no preference counts as a miss (it did not
 * identify the preference), so learners that sometimes write without one are not flattered by leaving
 * those rounds out. Returns 0 for no rounds. Throws InvalidInputError when a true preference is not
 * among the candidates.
 */
export function preferenceAccuracy(options: {
  readonly rounds: readonly { readonly used: string | null; readonly truth: string }[];
  readonly candidates: readonly string[];
  readonly similarity: PreferenceSimilarity;
}): number {
  const { rounds, candidates, similarity } = options;
  if (rounds.length === 0) return 0;
  let hits = 0;
  for (const round of rounds) {
    const truth = candidates.indexOf(round.truth);
    if (truth < 0) {
      throw new InvalidInputError({
        field: 'truth',
        value: round.truth,
        accepted: `one of the ${candidates.length} candidate preferences`,
      });
    }
    if (round.used !== null && classifyPreference(round.used, candidates, similarity) === truth) hits++;
  }
  return hits / rounds.length;
}
