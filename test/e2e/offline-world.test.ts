import { describe, expect, it } from 'vitest';
import { createLearner } from '../../src/core/learner-registry.js';
import { runRounds } from '../../src/core/run-rounds.js';
import { buildSchedule } from '../../src/core/schedule.js';
import { createLexicalEmbedder } from '../../src/sim/lexical-embedder.js';
import { createOfflineWorld } from '../../src/sim/offline-world.js';
import { sampleDocuments } from '../../src/sim/sample-documents.js';
import type { Task } from '../../src/spec/index.js';
import { InMemoryMemory } from '../../src/store/in-memory-memory.js';

// The offline world end to end (DESIGN.md §4): every learner of the paper against the rule-based
// simulated user and writer, on the corpus in data/. These are offline numbers, not evidence about
// real LLMs; the test checks that the world makes learning matter in the paper's direction.

async function cumulativeCost(
  task: Task,
  learnerName: string,
  seed: number,
  rounds: number,
): Promise<number> {
  const kind = task.kind === 'email' ? 'email' : 'summarization';
  const contexts = buildSchedule({ contexts: sampleDocuments(kind), rounds, seed });
  const world = createOfflineWorld({ task, preferenceSet: 'prelude', seed });
  const learner = createLearner(learnerName, {
    writer: world.writer,
    embedder: createLexicalEmbedder(),
    memory: new InMemoryMemory(),
    preferenceOf: world.preferenceOf,
  });
  const records = await runRounds({
    learner,
    reviewer: world.reviewer,
    task,
    scope: { tenant: 'offline', user: 'simulated', task: task.kind },
    contexts,
  });
  expect(records).toHaveLength(rounds);
  return records.reduce((total, record) => total + record.cost, 0);
}

describe.each<Task>([{ kind: 'summarization' }, { kind: 'email' }])('offline world, $kind', (task) => {
  it('ranks oracle < cipher-5 < no-learning over 50 rounds, seed 0, and repeats exactly', async () => {
    const [oracle, cipher, none] = await Promise.all(
      ['oracle', 'cipher-5', 'no-learning'].map((name) => cumulativeCost(task, name, 0, 50)),
    );
    expect(oracle).toBeGreaterThan(0);
    expect(oracle).toBeLessThan(cipher as number);
    expect(cipher).toBeLessThan(none as number);
    expect(await cumulativeCost(task, 'cipher-5', 0, 50)).toBe(cipher);
    expect(await cumulativeCost(task, 'cipher-5', 1, 50)).not.toBe(cipher);
  });

  // Over the paper's 200 rounds: with 40-50 contexts per source, retrieval finds same-source
  // neighbours, while a preference inferred from the last pairs mixes sources that want other styles.
  it('rewards retrieval by context over 200 rounds: cipher-5 beats continual-5 and explore-exploit-5', async () => {
    const [cipher, continual, exploreExploit] = await Promise.all(
      ['cipher-5', 'continual-5', 'explore-exploit-5'].map((name) => cumulativeCost(task, name, 0, 200)),
    );
    expect(cipher).toBeLessThan(continual as number);
    expect(cipher).toBeLessThan(exploreExploit as number);
  });
});
