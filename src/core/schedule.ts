import type { Context } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import { createRandom } from './random.js';

/**
 * The order in which contexts come to the user in a run, as in the paper's environments: group the
 * contexts by source (sources in order of first appearance), shuffle each source with the seed, take
 * rounds / S contexts from each of the S sources, and interleave them all by a seeded shuffle.
 *
 * When `rounds` is not a multiple of S, the first `rounds mod S` sources (in order of first
 * appearance) take one context more. Throws InvalidInputError (field `rounds`, with the largest value
 * the contexts allow) when a source has too few contexts, and for rounds < 1 or a bad seed.
 *
 * @example
 * const order = buildSchedule({ contexts: corpus, rounds: 200, seed: 0 }); // 40 per source when S = 5
 */
export function buildSchedule(options: {
  readonly contexts: readonly Context[];
  readonly rounds: number;
  readonly seed: number;
}): Context[] {
  const { contexts, rounds } = options;
  const random = createRandom(options.seed);
  const sources = groupBySource(contexts);
  const max = maxRounds(sources.map((group) => group.length));
  if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > max) {
    throw new InvalidInputError({
      field: 'rounds',
      value: rounds,
      accepted:
        max < 1
          ? 'at least one context to schedule'
          : `an integer from 1 to ${max} (the most these ${contexts.length} contexts from ${sources.length} sources allow)`,
    });
  }
  const taken = sources.flatMap((group, index) =>
    random.shuffle(group).slice(0, shareOf(rounds, sources.length, index)),
  );
  return random.shuffle(taken);
}

/** How many rounds the source at `index` (of `count`) gets: the first `rounds mod count` get one more. */
function shareOf(rounds: number, count: number, index: number): number {
  return Math.floor(rounds / count) + (index < rounds % count ? 1 : 0);
}

/** The largest number of rounds the sources' sizes allow (0 when there are none). */
function maxRounds(sizes: readonly number[]): number {
  let max = 0;
  const total = sizes.reduce((sum, size) => sum + size, 0);
  for (let rounds = 1; rounds <= total; rounds++) {
    if (sizes.every((size, index) => shareOf(rounds, sizes.length, index) <= size)) max = rounds;
  }
  return max;
}

function groupBySource(contexts: readonly Context[]): Context[][] {
  const groups = new Map<string, Context[]>();
  for (const context of contexts) {
    const group = groups.get(context.source);
    if (group) group.push(context);
    else groups.set(context.source, [context]);
  }
  return [...groups.values()];
}
