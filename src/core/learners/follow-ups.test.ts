import { describe, expect, it } from 'vitest';
import type { FollowUpClassifier } from '../../spec/index.js';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import {
  FixedVectorEmbedder,
  ScriptedWriter,
  playRound,
  testContext,
  testScope as scope,
} from '../../testing/index.js';
import { createFollowUpLearner } from './follow-ups.js';

/** Reads "ask: a, b" as feedback asking for a and b, "thanks" as satisfaction, anything else as neither. */
const classifier: FollowUpClassifier = {
  classify: async ({ followUp }) => {
    if (followUp.startsWith('ask: '))
      return {
        kind: 'feedback',
        components: followUp.slice(5).split(', '),
        usage: { inputTokens: 3, outputTokens: 1 },
      };
    return {
      kind: followUp === 'thanks' ? 'satisfaction' : 'neither',
      components: [],
      usage: { inputTokens: 3, outputTokens: 1 },
    };
  },
};

function setup() {
  const memory = new InMemoryMemory();
  const embedder = new FixedVectorEmbedder({
    a: [1, 0],
    b: [0.98, 0.2],
    c: [0.96, 0.28],
    d: [0.9, 0.43],
    q: [1, 0.05],
  });
  const writer = new ScriptedWriter({
    generate: (call) => `draft[${call.guidance?.kind === 'preference' ? call.guidance.preference : 'none'}]`,
    usage: { inputTokens: 10, outputTokens: 2 },
  });
  return { memory, writer, learner: createFollowUpLearner({ writer, embedder, memory, classifier, k: 3 }) };
}

async function conversation(
  learner: ReturnType<typeof createFollowUpLearner>,
  id: string,
  followUps: string[],
) {
  const edit = (output: string) => (followUps.length === 0 ? output : `final of ${id}`);
  return playRound(learner, testContext(id, { text: id }), edit, { followUps });
}

describe('follow-ups-K', () => {
  it('stores what the follow-ups asked for, merged into what the answer used, and writes with it next time', async () => {
    const { memory, learner } = setup();
    expect(learner.name).toBe('follow-ups-3');
    const first = await conversation(learner, 'a', ['ask: bullet points', 'ask: brief']);
    expect(first.proposal.preferenceUsed).toBeNull();
    expect(first.learned.preferenceInferred).toBe('bullet points, brief');
    expect(first.learned.usage).toEqual({ inputTokens: 6, outputTokens: 2 });
    const [entry] = await memory.list({ scope, kind: 'preference' });
    expect(entry).toMatchObject({ preference: 'bullet points, brief', origin: 'follow-up' });
    const second = await conversation(learner, 'b', ['ask: no bullet points']);
    expect(second.proposal.preferenceUsed).toBe('bullet points, brief');
    // "no bullet points" replaces "bullet points" in what the second conversation stores.
    expect((await memory.list({ scope, kind: 'preference' }))[1]?.preference).toBe('no bullet points, brief');
  });

  it('confirms the used components after thanks or no follow-up, and stores nothing for a new question alone', async () => {
    const { memory, learner } = setup();
    await conversation(learner, 'a', ['and the budget?']);
    expect(await memory.list({ scope })).toEqual([]);
    await conversation(learner, 'b', ['ask: brief']);
    const accepted = await conversation(learner, 'c', []);
    expect(accepted.proposal.preferenceUsed).toBe('brief');
    expect(
      (await memory.list({ scope, kind: 'preference' })).map((entry) => [entry.preference, entry.origin]),
    ).toEqual([
      ['brief', 'follow-up'],
      ['brief', 'kept'],
    ]);
  });

  it("keeps a component only when most of the neighbours' weight holds it (2 of 3 say no emojis)", async () => {
    const { learner } = setup();
    await conversation(learner, 'a', ['ask: brief, emojis']);
    await conversation(learner, 'b', ['ask: no emojis']);
    await conversation(learner, 'c', ['ask: brief']);
    const { proposal } = await conversation(learner, 'q', []);
    expect(proposal.preferenceUsed).toBe('no emojis, brief');
  });
});
