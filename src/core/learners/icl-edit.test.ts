import { describe, expect, it } from 'vitest';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import { ScriptedWriter, testContext, testScope as scope, testTask as task } from '../../testing/index.js';
import { createIclEditLearner } from './icl-edit.js';
import { angledEmbedder } from './test-learner-rounds.js';

describe('icl-edit', () => {
  function setup(k: number) {
    const embedder = angledEmbedder(6, 0.3);
    const writer = new ScriptedWriter({ generate: (call) => `draft of ${call.context.id}` });
    const memory = new InMemoryMemory();
    return { embedder, writer, memory, learner: createIclEditLearner({ writer, embedder, memory, k }) };
  }

  it('generates with no guidance on an empty history and stores every pair, accepted or not', async () => {
    const { writer, memory, embedder, learner } = setup(3);
    expect(learner.name).toBe('icl-edit-3');
    const context = testContext('c0', { text: 'past 0' });
    const proposal = await learner.propose({ scope, task, context });
    expect(writer.generateCalls[0]?.guidance).toBeUndefined();
    expect(proposal.preferenceUsed).toBeNull();
    await learner.learn({
      scope,
      task,
      context,
      proposal,
      pair: { original: proposal.text, edited: proposal.text },
    });
    const stored = await memory.list({ scope });
    expect(stored).toMatchObject([
      {
        kind: 'pair',
        origin: 'observed',
        contextId: 'c0',
        pair: { original: 'draft of c0', edited: 'draft of c0' },
      },
    ]);
    expect(embedder.embeddedTexts).toEqual(['past 0']);
  });

  it('passes the K nearest pairs as examples, most similar first', async () => {
    const { writer, learner } = setup(3);
    // Learn in an order unrelated to similarity.
    for (const index of [4, 1, 5, 0, 3, 2]) {
      const context = testContext(`c${index}`, { text: `past ${index}` });
      const proposal = await learner.propose({ scope, task, context });
      await learner.learn({
        scope,
        task,
        context,
        proposal,
        pair: { original: `o${index}`, edited: `e${index}` },
      });
    }
    const proposal = await learner.propose({ scope, task, context: testContext('q', { text: 'query' }) });
    expect(writer.generateCalls.at(-1)?.guidance).toEqual({
      kind: 'examples',
      examples: [
        { original: 'o0', edited: 'e0' },
        { original: 'o1', edited: 'e1' },
        { original: 'o2', edited: 'e2' },
      ],
    });
    expect(proposal.neighbours.map((neighbour) => neighbour.contextId)).toEqual(['c0', 'c1', 'c2']);
    expect(proposal.neighbours.every((neighbour) => neighbour.preference === null)).toBe(true);
    expect(proposal.neighbours[1]?.similarity).toBeCloseTo(Math.cos(0.3), 6);
  });
});
