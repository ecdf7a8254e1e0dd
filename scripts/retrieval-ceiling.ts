/**
 * How much of a learner's regret is retrieval's: the same offline bench run twice, once with the
 * lexical embedder as the bench uses it, once with an embedder that also reveals each context's source
 * (half of the squared length on a one-hot of the source, half on the lexical vector), so that every
 * context of the same source is nearer than every other one and the lexical order decides within a
 * source. The second run is a ceiling, not a result: no real embedder knows the source. Prints the
 * cumulative cost and regret ratio ((cost − oracle) / (no-learning − oracle)) of each learner in both
 * runs, then one JSON line.
 *
 *   npx tsx scripts/retrieval-ceiling.ts [--task email] [--corpus FILE --preferences FILE]
 *     [--rounds 48] [--seeds 0,1,2] [--learners refine-verify-5,cipher-5]
 */
import { createWorld, type WorldSpec } from '../src/bench/create-world.js';
import { runJob } from '../src/bench/run-job.js';
import type { BenchWorld } from '../src/bench/bench-world.js';
import { regretRatio } from '../src/core/index.js';
import type { Embedder } from '../src/spec/index.js';

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const task = flag('task', 'email') as WorldSpec['task'];
const spec: WorldSpec = {
  task,
  preferences: flag('preferences', 'prelude'),
  corpus: flag('corpus', 'builtin'),
  writer: 'sim',
  reviewer: 'sim',
  embedder: 'lexical',
  cacheFile: null,
  fixedPreference: null,
};
const rounds = Number(flag('rounds', '48'));
const seeds = flag('seeds', '0,1,2').split(',').map(Number);
const learners = flag('learners', 'refine-verify-5,cipher-5').split(',');

/** The world's embedder with each context's source appended as a one-hot block (see the header). */
function sourceRevealing(world: BenchWorld): Embedder {
  const sources = [...new Set(world.contexts.map((context) => context.source))].sort();
  const sourceOf = new Map(world.contexts.map((context) => [context.text, context.source]));
  return {
    provider: 'tailor',
    modelId: `${world.embedder.modelId}+source`,
    async embed(options) {
      const result = await world.embedder.embed(options);
      const embeddings = result.embeddings.map((vector, index) => {
        const source = sourceOf.get(options.values[index] ?? '');
        if (source === undefined) throw new Error(`not a context of the corpus: ${options.values[index]}`);
        const block = sources.map((name) => (name === source ? Math.SQRT1_2 : 0));
        return [...vector.map((value) => value * Math.SQRT1_2), ...block];
      });
      return { ...result, embeddings };
    },
  };
}

type Costs = Record<string, number>;

async function meanCosts(reveal: boolean): Promise<Costs> {
  const totals: Costs = {};
  for (const seed of seeds) {
    const world = await createWorld(spec, seed);
    const used = reveal ? { ...world, embedder: sourceRevealing(world) } : world;
    for (const learner of [...learners, 'no-learning', 'oracle']) {
      const { outcome } = await runJob({
        job: { task: { kind: task }, learner, seed, rounds, binSize: Math.max(1, Math.floor(rounds / 10)) },
        world: used,
      });
      totals[learner] = (totals[learner] ?? 0) + outcome.summary.cumulativeCost / seeds.length;
    }
  }
  return totals;
}

/** The regret ratio of a learner's mean cost against the same run's oracle and no-learning (NaN without a span). */
const regret = (costs: Costs, learner: string): number =>
  regretRatio({
    cost: costs[learner] ?? 0,
    oracleCost: costs.oracle ?? 0,
    noLearningCost: costs['no-learning'] ?? 0,
  }) ?? Number.NaN;

const lexical = await meanCosts(false);
const revealed = await meanCosts(true);
process.stdout.write(
  `${task}, ${spec.corpus}, ${rounds} rounds, seeds ${seeds.join(',')} (offline world)\n` +
    `learner               lexical: cost  regret   source revealed: cost  regret\n`,
);
for (const learner of learners) {
  process.stdout.write(
    `${learner.padEnd(20)}  ${lexical[learner]!.toFixed(0).padStart(13)}  ${regret(lexical, learner).toFixed(2).padStart(6)}` +
      `   ${revealed[learner]!.toFixed(0).padStart(21)}  ${regret(revealed, learner).toFixed(2).padStart(6)}\n`,
  );
}
process.stdout.write(
  `${JSON.stringify({
    task,
    corpus: spec.corpus,
    rounds,
    seeds,
    lexical: Object.fromEntries(learners.map((learner) => [learner, regret(lexical, learner)])),
    sourceRevealed: Object.fromEntries(learners.map((learner) => [learner, regret(revealed, learner)])),
  })}\n`,
);
