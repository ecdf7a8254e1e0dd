import { existsSync } from 'node:fs';
import { buildSchedule, parseLearnerName } from '../core/index.js';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import { createWorld, loadWorldCorpus, loadWorldPreferences, type WorldSpec } from './create-world.js';
import { ensureWritableDirectory } from './parse-flags.js';
import { worldOf, type BenchPlan } from './run-bench.js';
import { checkPreferenceMap } from '../sim/preference-map.js';
import { simulatedUserFromTexts } from '../sim/simulated-user.js';

/** Re-throw an InvalidInputError under the CLI flag (and value) that carried the bad input. */
async function underFlag<T>(flag: string, run: () => Promise<T> | T, value?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!InvalidInputError.isInstance(error) || error.field.startsWith('--')) throw error;
    const where = value === undefined ? flag : `${flag} ${value}`;
    throw new InvalidInputError({
      field: flag,
      value: error.value,
      accepted: error.accepted,
      message: `${where}: ${error.message}`,
      cause: error,
    });
  }
}

/** True when the cache file exists and holds answers of this model (so the run may need no server). */
async function answeredFromCache(
  cacheFile: string | null,
  spec: string,
  role: 'language' | 'embedding',
): Promise<boolean> {
  if (cacheFile === null || !existsSync(cacheFile)) return false;
  const { ResponseCache, cacheNamespace, parseModelSpec } = await import('../providers/index.js');
  const parsed = parseModelSpec(spec, { role });
  if (parsed.provider === 'sim' || parsed.provider === 'lexical') return false;
  const cache = ResponseCache.open(cacheFile);
  try {
    return cache.hasNamespace(cacheNamespace(parsed, process.env));
  } finally {
    cache.close();
  }
}

/**
 * Check everything a bench plan needs before any round runs, so a bad flag fails at once with exit
 * code 2: learner names, corpus and preferences (every source has a preference the simulated user
 * understands), that `--rounds` fits the corpus without repeating a document, model specs and keys,
 * that remote models answer (unless the response cache already holds their answers), and that `--out`
 * is writable. Returns the warnings found on the way (a model the server does not list). A rejected plan leaves no file behind: the
 * response cache is not opened and `--out` is created last.
 */
export async function validateBenchPlan(plan: BenchPlan): Promise<{ warnings: string[] }> {
  const warnings: string[] = [];
  for (const learner of plan.learners) await underFlag('--learners', () => parseLearnerName(learner));
  if (plan.drift !== undefined && plan.drift !== null && plan.drift > plan.rounds) {
    throw new InvalidInputError({
      field: '--drift',
      value: plan.drift,
      accepted: `a round from 1 to --rounds (${plan.rounds})`,
    });
  }
  const prices = plan.prices;
  if (prices !== null) {
    const { loadPriceTable } = await import('../providers/index.js');
    await underFlag('--prices', () => loadPriceTable(prices));
  }
  for (const task of plan.tasks) {
    const world: WorldSpec = { ...worldOf(plan, task), cacheFile: null };
    const contexts = await underFlag('--corpus', () => loadWorldCorpus(world), plan.corpus);
    const preferences = await underFlag('--preferences', () => loadWorldPreferences(world), plan.preferences);
    await underFlag(
      '--preferences',
      () => {
        checkPreferenceMap(preferences, new Set(contexts.map((context) => context.source)));
        if (plan.reviewer === 'sim') simulatedUserFromTexts(preferences);
      },
      plan.preferences,
    );
    // NOTE: model specs and keys are checked here too; their errors name their own flag or variable.
    await createWorld(world, plan.seeds[0] ?? 0);
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
    // NOTE: a model the cache already answered for needs no probe: a finished run replays without it,
    // and a call the cache cannot answer still fails with a message naming the flag.
    if (await answeredFromCache(plan.cacheFile, spec, role)) continue;
    await underFlag(flag, async () => {
      try {
        const reachable = await checkReachable(spec, { role });
        if (reachable.warning !== undefined)
          warnings.push(`model warning (${flag} ${spec}): ${reachable.warning}`);
        return reachable;
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
  await ensureWritableDirectory('--out', plan.outDir);
  return { warnings };
}
