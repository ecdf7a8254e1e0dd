import { describe, expect, it } from 'vitest';
import type { Context, EditPair, MemoryEntry, NewMemoryEntry } from '../../spec/index.js';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import { preferenceEntry } from '../../store/test-entries.js';
import {
  FixedVectorEmbedder,
  ScriptedWriter,
  testContext,
  testScope as scope,
  testTask as task,
} from '../../testing/index.js';
import { createCipherLearner } from './cipher.js';
import { angled } from './test-learner-rounds.js';

async function storedPreference(
  memory: InMemoryMemory,
  text: string,
  embedding: readonly number[],
  extra: Partial<NewMemoryEntry> = {},
) {
  return memory.add(preferenceEntry(scope, text, embedding, extra));
}

function setup(k: number, options: { inferPreference?: string; aggregate?: string } = {}) {
  const memory = new InMemoryMemory();
  const embedder = new FixedVectorEmbedder({ query: [1, 0], other: [0, 1] });
  const writer = new ScriptedWriter({
    generate: (call) =>
      `draft(${call.context.id}; ${call.guidance?.kind === 'preference' ? call.guidance.preference : 'none'})`,
    inferPreference: options.inferPreference ?? 'inferred preference',
    aggregatePreferences: options.aggregate ?? 'aggregated preference',
    usage: { inputTokens: 10, outputTokens: 2 },
  });
  const learner = createCipherLearner({ writer, embedder, memory, k });
  return { memory, embedder, writer, learner };
}

async function round(
  learner: ReturnType<typeof createCipherLearner>,
  context: Context,
  edit: (output: string) => string,
) {
  const proposal = await learner.propose({ scope, task, context });
  const pair: EditPair = { original: proposal.text, edited: edit(proposal.text) };
  const learned = await learner.learn({ scope, task, context, proposal, pair, interactionId: 'i-1' });
  return { proposal, pair, learned };
}

const query = testContext('q', { text: 'query' });

describe('cipher', () => {
  it('is named after K and rejects K < 1', () => {
    expect(setup(5).learner.name).toBe('cipher-5');
    expect(() => setup(0)).toThrow(/k 0; accepted: an integer >= 1/);
  });

  it('generates with no preference on an empty history and stores nothing when accepted', async () => {
    const { memory, writer, learner } = setup(5);
    const { proposal, learned } = await round(learner, query, (output) => output);
    expect(writer.generateCalls[0]?.guidance).toBeUndefined();
    expect(writer.aggregatePreferencesCalls).toHaveLength(0);
    expect(writer.inferPreferenceCalls).toHaveLength(0);
    expect(proposal.preferenceUsed).toBeNull();
    expect(proposal.neighbours).toEqual([]);
    expect(learned.preferenceInferred).toBeNull();
    expect(await memory.list({ scope })).toEqual([]);
  });

  it('cipher-5 aggregates exactly the 5 nearest preferences, most similar first', async () => {
    const { memory, writer, learner } = setup(5);
    // Stored out of similarity order; p0 is the nearest, p6 the farthest.
    for (const index of [3, 6, 0, 5, 1, 4, 2]) await storedPreference(memory, `p${index}`, angled(index));
    const proposal = await learner.propose({ scope, task, context: query });
    expect(writer.aggregatePreferencesCalls).toHaveLength(1);
    expect(writer.aggregatePreferencesCalls[0]?.preferences).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(writer.generateCalls[0]?.guidance).toEqual({
      kind: 'preference',
      preference: 'aggregated preference',
    });
    expect(proposal.preferenceUsed).toBe('aggregated preference');
    expect(proposal.neighbours.map((neighbour) => neighbour.preference)).toEqual([
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
    ]);
    expect(proposal.neighbours[1]?.similarity).toBeCloseTo(Math.cos(0.2), 6);
    // Aggregation and generation are both agent tokens.
    expect(proposal.usage).toEqual({ inputTokens: 20, outputTokens: 4 });
  });

  it('cipher-K uses a single retrieved preference as it is: there is nothing to aggregate', async () => {
    const { memory, writer, learner } = setup(3);
    await storedPreference(memory, 'only', angled(1));
    const proposal = await learner.propose({ scope, task, context: query });
    expect(writer.aggregatePreferencesCalls).toHaveLength(0);
    expect(proposal.preferenceUsed).toBe('only');
  });

  it('cipher-1 uses the nearest preference directly and keeps it when the user accepts', async () => {
    const { memory, embedder, writer, learner } = setup(1);
    await storedPreference(memory, 'far', angled(4));
    await storedPreference(memory, 'near', angled(1));
    const { proposal, learned } = await round(learner, query, (output) => output);
    expect(writer.aggregatePreferencesCalls).toHaveLength(0);
    expect(writer.generateCalls[0]?.guidance).toEqual({ kind: 'preference', preference: 'near' });
    expect(proposal.preferenceUsed).toBe('near');
    expect(writer.inferPreferenceCalls).toHaveLength(0);
    expect(learned.preferenceInferred).toBeNull();
    const kept = (await memory.list({ scope })).at(-1) as MemoryEntry;
    expect(kept).toMatchObject({ preference: 'near', origin: 'kept', contextId: 'q', interactionId: 'i-1' });
    expect(kept.embedding).toEqual(proposal.embedding);
    expect(embedder.embeddedTexts).toEqual(['query']);
  });

  it('cipher-5 keeps the aggregate when the user accepts', async () => {
    const { memory, learner } = setup(5);
    await storedPreference(memory, 'a', angled(1));
    await storedPreference(memory, 'b', angled(2));
    await round(learner, query, (output) => output);
    const kept = (await memory.list({ scope })).at(-1);
    expect(kept).toMatchObject({ preference: 'aggregated preference', origin: 'kept' });
  });

  it('infers from the one edited pair and stores it with the context embedding, embedding once', async () => {
    const { memory, embedder, writer, learner } = setup(5, { inferPreference: '  bullet points  ' });
    await storedPreference(memory, 'a', angled(1));
    // A one-character edit is still an edit: no threshold.
    const { pair, learned, proposal } = await round(learner, query, (output) => `${output}.`);
    expect(writer.inferPreferenceCalls).toHaveLength(1);
    expect(writer.inferPreferenceCalls[0]?.pairs).toEqual([pair]);
    expect(learned.preferenceInferred).toBe('bullet points');
    expect(learned.usage).toEqual({ inputTokens: 10, outputTokens: 2 });
    const stored = (await memory.list({ scope })).at(-1);
    expect(stored).toMatchObject({
      kind: 'preference',
      preference: 'bullet points',
      origin: 'inferred',
      pair,
      contextId: 'q',
      contextText: 'query',
    });
    expect(stored?.embedding).toEqual(proposal.embedding);
    expect(embedder.embeddedTexts).toEqual(['query']);
  });

  it('learns the next round from what it stored', async () => {
    const { writer, learner } = setup(1, { inferPreference: 'short sentences' });
    await round(learner, query, (output) => `${output} edited`);
    const second = await learner.propose({ scope, task, context: testContext('q2', { text: 'query' }) });
    expect(second.preferenceUsed).toBe('short sentences');
    expect(second.neighbours).toEqual([
      expect.objectContaining({
        contextId: 'q',
        preference: 'short sentences',
        similarity: expect.any(Number),
      }),
    ]);
    expect(writer.generateCalls[1]?.guidance).toEqual({ kind: 'preference', preference: 'short sentences' });
  });

  it('embeds in learn when the proposal carries no embedding', async () => {
    const { memory, embedder, learner } = setup(1);
    const proposal = {
      text: 'draft',
      preferenceUsed: 'kept one',
      neighbours: [],
      embedding: null,
      usage: { inputTokens: 0, outputTokens: 0 },
    };
    await learner.learn({
      scope,
      task,
      context: query,
      proposal,
      pair: { original: 'draft', edited: 'draft' },
    });
    expect(embedder.embeddedTexts).toEqual(['query']);
    expect((await memory.list({ scope }))[0]?.preference).toBe('kept one');
  });

  it('always adds pinned and user-written preferences to the set, and then aggregates', async () => {
    const { memory, writer, learner } = setup(1);
    await storedPreference(memory, 'user far', angled(7), { origin: 'user' });
    await storedPreference(memory, 'near', angled(1));
    await storedPreference(memory, 'pinned far', angled(5), { pinned: true });
    await storedPreference(memory, 'second', angled(2));
    const proposal = await learner.propose({ scope, task, context: query });
    expect(writer.aggregatePreferencesCalls[0]?.preferences).toEqual(['near', 'pinned far', 'user far']);
    expect(proposal.preferenceUsed).toBe('aggregated preference');
    expect(proposal.neighbours.map((neighbour) => neighbour.preference)).toEqual([
      'near',
      'pinned far',
      'user far',
    ]);
  });

  it('does not count a pinned preference twice when it is also the nearest', async () => {
    const { memory, writer, learner } = setup(1);
    await storedPreference(memory, 'far', angled(4));
    await storedPreference(memory, 'pinned near', angled(0), { pinned: true, origin: 'user' });
    const proposal = await learner.propose({ scope, task, context: query });
    expect(writer.aggregatePreferencesCalls).toHaveLength(0);
    expect(proposal.preferenceUsed).toBe('pinned near');
    expect(proposal.neighbours).toHaveLength(1);
  });

  it('stores nothing and warns when the writer infers an empty preference', async () => {
    const { memory, learner } = setup(1, { inferPreference: '   ' });
    const { learned } = await round(learner, query, (output) => `${output}!`);
    expect(learned.preferenceInferred).toBeNull();
    expect(learned.warnings?.[0]).toMatch(/empty preference/);
    expect(await memory.list({ scope })).toEqual([]);
  });

  it('keeps users apart', async () => {
    const { memory, writer, learner } = setup(1);
    await storedPreference(memory, 'ada only', angled(0));
    await learner.propose({ scope: { ...scope, user: 'bob' }, task, context: query });
    expect(writer.generateCalls[0]?.guidance).toBeUndefined();
  });
});
