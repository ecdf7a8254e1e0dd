import { describe, expect, it } from 'vitest';
import { withDrift } from '../../src/bench/run-job.js';
import { createLearner } from '../../src/core/learner-registry.js';
import { runRounds } from '../../src/core/run-rounds.js';
import { buildSchedule } from '../../src/core/schedule.js';
import { createLexicalEmbedder } from '../../src/sim/lexical-embedder.js';
import { createOfflineWorld } from '../../src/sim/offline-world.js';
import { sampleDocuments } from '../../src/sim/sample-documents.js';
import { InMemoryMemory } from '../../src/store/in-memory-memory.js';

// refine-verify-5 against CIPHER-5 in the offline world (offline numbers, not evidence about LLMs):
// it should pay less, and recover faster when every user changes their mind at once.

async function costs(learnerName: string, drift: number | null): Promise<number[]> {
  const task = { kind: 'summarization' } as const;
  const corpus = sampleDocuments('summarization');
  const contexts = withDrift(buildSchedule({ contexts: corpus, rounds: 200, seed: 0 }), corpus, drift);
  const world = createOfflineWorld({ task, preferenceSet: 'prelude', seed: 0 });
  const learner = createLearner(learnerName, {
    writer: world.writer,
    embedder: createLexicalEmbedder({ idfCorpus: corpus.map((context) => context.text) }),
    memory: new InMemoryMemory(),
  });
  const records = await runRounds({
    learner,
    reviewer: world.reviewer,
    task,
    scope: { tenant: 'offline', user: 'simulated', task: task.kind },
    contexts,
  });
  return records.map((record) => record.cost);
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('refine-verify-5 in the offline world', { timeout: 120_000 }, () => {
  it('follows a change of mind: after every source takes the next one’s preference at round 100, it pays less than CIPHER-5', async () => {
    const [ours, cipher] = await Promise.all([costs('refine-verify-5', 100), costs('cipher-5', 100)]);
    expect(sum(ours.slice(100))).toBeLessThan(0.8 * sum(cipher.slice(100)));
    // And it keeps learning after the change: its last 50 rounds cost less than the 50 after it.
    expect(sum(ours.slice(150))).toBeLessThan(sum(ours.slice(100, 150)));
  });
});
