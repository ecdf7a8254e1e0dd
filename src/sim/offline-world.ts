import type { Context, Task } from '../spec/index.js';
import { OfflineWriter } from './offline-writer.js';
import type { PreferenceSet } from './preference-sets.js';
import { getPreferenceSet, latentPreferenceLookup } from './preference-sets.js';
import { SimulatedUser } from './simulated-user.js';

/** Everything a simulated run needs for one task: writer, user, and the true preference (oracle). */
export interface OfflineWorld {
  readonly writer: OfflineWriter;
  readonly reviewer: SimulatedUser;
  /** The true latent preference text of a context (for the oracle learner and accuracy). */
  readonly preferenceOf: (context: Context) => string;
  /** The task's true preference texts by source (the classes of the accuracy metric). */
  readonly preferences: Readonly<Record<string, string>>;
}

/**
 * Wire the offline world for one task: a seeded offline writer, a simulated user with the set's
 * latent preferences, and the true-preference lookup. Its numbers are not evidence about real LLMs.
 *
 * @example
 * const world = createOfflineWorld({ task: { kind: 'email' }, preferenceSet: 'prelude', seed: 0 });
 * const learner = createLearner('oracle', { writer: world.writer, embedder, memory, preferenceOf: world.preferenceOf });
 */
export function createOfflineWorld(options: {
  readonly task: Task;
  /** A built-in set name (`prelude`, `hard`) or a set. */
  readonly preferenceSet: string | PreferenceSet;
  readonly seed?: number;
  readonly missRate?: number;
}): OfflineWorld {
  const set =
    typeof options.preferenceSet === 'string'
      ? getPreferenceSet(options.preferenceSet)
      : options.preferenceSet;
  const lookup = latentPreferenceLookup(set, options.task);
  const preferences = Object.fromEntries(
    Object.entries(options.task.kind === 'custom' ? {} : set.preferences[options.task.kind]).map(
      ([source, preference]) => [source, preference.text],
    ),
  );
  return {
    writer: new OfflineWriter({ seed: options.seed, missRate: options.missRate }),
    reviewer: new SimulatedUser({ preferenceOf: (context) => lookup(context) }),
    preferenceOf: (context) => lookup(context).text,
    preferences,
  };
}
