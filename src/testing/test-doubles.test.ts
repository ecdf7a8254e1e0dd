import { describe, expect, it } from 'vitest';
import { FixedVectorEmbedder } from './fixed-vector-embedder.js';
import { ScriptedReviewer } from './scripted-reviewer.js';
import { ScriptedWriter } from './scripted-writer.js';
import { testContext, testTask } from './test-contexts.js';

const task = testTask;
const context = testContext('c1');

describe('ScriptedWriter', () => {
  it('throws a clear error for a method that is not scripted', async () => {
    const writer = new ScriptedWriter({ generate: 'x' });
    await expect(writer.inferPreference({ task, pairs: [] })).rejects.toThrow(
      'ScriptedWriter.inferPreference is not scripted',
    );
    expect(writer.calls).toEqual([{ method: 'inferPreference', options: { task, pairs: [] } }]);
  });

  it('answers lists in order, then fails, and records calls per method', async () => {
    const writer = new ScriptedWriter({
      aggregatePreferences: ['one', 'two'],
      usage: { inputTokens: 3, outputTokens: 1 },
    });
    expect(await writer.aggregatePreferences({ task, preferences: ['a'] })).toEqual({
      text: 'one',
      usage: { inputTokens: 3, outputTokens: 1 },
    });
    expect((await writer.aggregatePreferences({ task, preferences: ['b'] })).text).toBe('two');
    await expect(writer.aggregatePreferences({ task, preferences: ['c'] })).rejects.toThrow(/only 2 answers/);
    expect(writer.aggregatePreferencesCalls.map((call) => call.preferences)).toEqual([['a'], ['b'], ['c']]);
  });

  it('passes options and the call index to function scripts, which may return a full result', async () => {
    const writer = new ScriptedWriter({
      generate: (options, index) => ({
        text: `${options.context.id}#${index}`,
        usage: { inputTokens: index, outputTokens: 0 },
      }),
    });
    await writer.generate({ task, context });
    expect(await writer.generate({ task, context })).toEqual({
      text: 'c1#1',
      usage: { inputTokens: 1, outputTokens: 0 },
    });
    expect(writer.generateCalls).toHaveLength(2);
  });
});

describe('ScriptedReviewer', () => {
  it('treats null or an unchanged output as acceptance', async () => {
    const reviewer = new ScriptedReviewer([null, 'same', 'changed']);
    expect(await reviewer.review({ task, context, output: 'draft' })).toMatchObject({
      accepted: true,
      edited: 'draft',
    });
    expect(await reviewer.review({ task, context, output: 'same' })).toMatchObject({
      accepted: true,
      edited: 'same',
    });
    expect(await reviewer.review({ task, context, output: 'draft' })).toMatchObject({
      accepted: false,
      edited: 'changed',
    });
    await expect(reviewer.review({ task, context, output: 'x' })).rejects.toThrow(/only 3 reviews/);
    expect(reviewer.calls.map((call) => call.output)).toEqual(['draft', 'same', 'draft', 'x']);
  });

  it('accepting() accepts everything', async () => {
    expect((await ScriptedReviewer.accepting().review({ task, context, output: 'o' })).accepted).toBe(true);
  });
});

describe('FixedVectorEmbedder', () => {
  it('returns the given vectors L2-normalised and records the texts', async () => {
    const embedder = new FixedVectorEmbedder({ a: [3, 4] }, { fallback: (text) => [text.length, 0] });
    const { embeddings } = await embedder.embed({ values: ['a', 'bb'] });
    expect(embeddings).toEqual([
      [0.6, 0.8],
      [1, 0],
    ]);
    expect(embedder.embeddedTexts).toEqual(['a', 'bb']);
  });

  it('names an unknown text and refuses zero vectors', async () => {
    await expect(new FixedVectorEmbedder({}).embed({ values: ['mystery'] })).rejects.toThrow(/"mystery"/);
    await expect(new FixedVectorEmbedder({ z: [0, 0] }).embed({ values: ['z'] })).rejects.toThrow(/zero/);
  });
});
