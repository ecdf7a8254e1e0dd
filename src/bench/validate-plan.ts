import { buildSchedule, parseLearnerName } from '../core/index.js';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import { createWorld, loadWorldCorpus, loadWorldPreferences, type WorldSpec } from './create-world.js';
import { ensureWritableDirectory } from './parse-flags.js';
import type { BenchPlan } from './run-bench.js';

/** Re-throw an InvalidInputError under the CLI flag that carried the bad value. */
async function underFlag<T>(flag: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!InvalidInputError.isInstance(error) || error.field.startsWith('--')) throw error;
    throw new InvalidInputError({
      field: flag,
      value: error.value,
      accepted: error.accepted,
      message: `${flag}: ${error.message}`,
      cause: error,
    });
  }
}

/**
 * Check everything a bench plan needs before any round runs, so a bad flag fails at once with exit
 * code 2: learner names, corpus and preferences (every source has a preference the simulated user
 * understands), that `--rounds` fits the corpus without repeating a document, model specs and keys,
 * that remote models answer, and that `--out` is writable.
 */
export async function validateBenchPlan(plan: BenchPlan): Promise<void> {
  for (const learner of plan.learners) await underFlag('--learners', () => parseLearnerName(learner));
  await ensureWritableDirectory('--out', plan.outDir);
  const prices = plan.prices;
  if (prices !== null) {
    const { loadPriceTable } = await import('../providers/index.js');
    await underFlag('--prices', () => loadPriceTable(prices));
  }
  for (const task of plan.tasks) {
    const world: WorldSpec = {
      task,
      preferences: plan.preferences,
      corpus: plan.corpus,
      writer: plan.writer,
      reviewer: plan.reviewer,
      embedder: plan.embedder,
      cacheFile: plan.cacheFile,
    };
    const contexts = await underFlag('--corpus', () => loadWorldCorpus(world));
    await underFlag('--preferences', () => loadWorldPreferences(world));
    await underFlag('--preferences', () => createWorld(world, plan.seeds[0] ?? 0));
    await underFlag('--rounds', () => buildSchedule({ contexts, rounds: plan.rounds, seed: 0 }));
  }
  const remotes: [string, string, 'language' | 'embedding'][] = [
    ['--writer', plan.writer, 'language'],
    ['--reviewer', plan.reviewer, 'language'],
    ['--embedder', plan.embedder, 'embedding'],
  ];
  for (const [flag, spec, role] of remotes) {
    if (spec === 'sim' || spec === 'lexical') continue;
    const { checkReachable } = await import('../providers/index.js');
    await underFlag(flag, async () => {
      try {
        return await checkReachable(spec, { role });
      } catch (error) {
        if (!ModelCallError.isInstance(error)) throw error;
        throw new InvalidInputError({
          field: flag,
          value: spec,
          message: `${flag} ${spec}: ${error.message}`,
          cause: error,
        });
      }
    });
  }
}
