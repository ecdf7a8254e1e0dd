import { describe, expect, it } from 'vitest';
import type { CheckPreferenceResult, EditPair, Writer } from '../../spec/index.js';
import { noUsage } from '../../spec/index.js';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import { preferenceEntry } from '../../store/test-entries.js';
import type { ScriptedWriterOptions } from '../../testing/index.js';
import { ScriptedWriter, playRound, testContext, testScope } from '../../testing/index.js';
import type { Learner } from '../learner.js';
import { createRefineVerifyLearner } from './refine-verify.js';
import { alikeEmbedder } from './test-learner-rounds.js';

type CheckOptions = Parameters<NonNullable<Writer['checkPreference']>>[0];

/** A scripted writer that can also check components: "bullet points" by "- " lines, emojis by ✨. */
class CheckingWriter extends ScriptedWriter {
  readonly checks: CheckOptions[] = [];

  constructor(options: ScriptedWriterOptions) {
    super(options);
  }

  async checkPreference(options: CheckOptions): Promise<CheckPreferenceResult> {
    this.checks.push(options);
    const shows = (component: string, text: string): boolean | null => {
      if (/bullet/.test(component)) return /^- /m.test(text);
      if (/emoji/.test(component)) return /no emoji/.test(component) !== /✨/.test(text);
      return null;
    };
    return {
      shows: options.texts.map((text) => options.components.map((component) => shows(component, text))),
      usage: noUsage,
    };
  }
}

/** Store a past interaction: the components learned and the text the user ended with. */
async function remember(memory: InMemoryMemory, preference: string, edited: string, id: string) {
  await memory.add(
    preferenceEntry(testScope, preference, [1, 0], {
      contextId: id,
      contextText: `context ${id}`,
      pair: { original: 'a draft', edited },
    }),
  );
}

const preferenceOf = (writer: ScriptedWriter) => {
  const guidance = writer.generateCalls.at(-1)?.guidance;
  return guidance?.kind === 'preference' ? guidance.preference : null;
};

/** Propose for a fresh context of the test scope. */
const proposeFor = (learner: Learner, id: string) =>
  learner.propose({ scope: testScope, task: { kind: 'summarization' }, context: testContext(id) });

describe('refine-verify', () => {
  it('drafts with no preference when nothing is remembered', async () => {
    const writer = new CheckingWriter({ generate: 'plain draft' });
    const learner = createRefineVerifyLearner({
      writer,
      embedder: alikeEmbedder(),
      memory: new InMemoryMemory(),
      k: 5,
    });
    const proposal = await proposeFor(learner, 'a');
    expect(learner.name).toBe('refine-verify-5');
    expect(proposal.preferenceUsed).toBeNull();
    expect(writer.checks).toHaveLength(0);
  });

  it('verification drops a component the neighbours’ final texts do not show', async () => {
    const memory = new InMemoryMemory();
    for (const id of ['a', 'b', 'c'])
      await remember(memory, 'bullet points, with emojis', '- one\n- two', id);
    const writer = new CheckingWriter({ generate: 'draft' });
    const learner = createRefineVerifyLearner({ writer, embedder: alikeEmbedder(), memory, k: 5 });
    const proposal = await proposeFor(learner, 'd');
    expect(proposal.preferenceUsed).toBe('bullet points');
    expect(writer.checks[0]?.texts).toEqual(['- one\n- two', '- one\n- two', '- one\n- two']);
    // Without verification, mentions decide: both components were stored every time.
    const unverified = createRefineVerifyLearner({
      writer: new CheckingWriter({ generate: 'draft' }),
      embedder: alikeEmbedder(),
      memory,
      k: 5,
      without: ['verify'],
    });
    expect(unverified.name).toBe('refine-verify-5-without-verify');
    expect((await proposeFor(unverified, 'e')).preferenceUsed).toBe('bullet points, with emojis');
  });

  it('counts wordings of one component as one ("use bullet points", "bullet points") when weighing mentions', async () => {
    const memory = new InMemoryMemory();
    await remember(memory, 'with emojis', 'x ✨', '1');
    await remember(memory, 'use bullet points', '- x', '2');
    await remember(memory, 'bullet points', '- y', '3');
    // A writer without checkPreference: mentions decide, two of three neighbours name bullet points.
    const writer = new ScriptedWriter({ generate: 'draft' });
    const learner = createRefineVerifyLearner({ writer, embedder: alikeEmbedder(), memory, k: 5 });
    const proposal = await proposeFor(learner, 'n');
    expect(proposal.preferenceUsed).toBe('bullet points');
  });

  it('a contradicted component loses weight, and recent evidence wins after a change of mind', async () => {
    const memory = new InMemoryMemory();
    // Four older texts with emojis, then three newer ones without: the user changed their mind.
    for (const id of ['1', '2', '3', '4']) await remember(memory, 'bullet points, with emojis', '- x ✨', id);
    for (const id of ['5', '6', '7']) await remember(memory, 'bullet points', '- x', id);
    const propose = async (halfLife: number | undefined, without: 'recency'[] = []) => {
      const writer = new CheckingWriter({ generate: 'draft' });
      const learner = createRefineVerifyLearner({
        writer,
        embedder: alikeEmbedder(),
        memory,
        k: 7,
        halfLife,
        without,
      });
      return (await proposeFor(learner, 'n')).preferenceUsed;
    };
    // Equal weights: four texts show emojis, three do not.
    expect(await propose(undefined, ['recency'])).toBe('bullet points, with emojis');
    // Recency: the three newest texts outweigh the four older ones.
    expect(await propose(2)).toBe('bullet points');
  });

  it('refines until the redraft is close to the user’s edit, and no further', async () => {
    const pair = (edited: string): EditPair => ({ original: 'the draft', edited });
    const close = new CheckingWriter({
      generate: (options) => (options.guidance === undefined ? 'the draft' : '- the draft ✨'),
      inferPreference: 'bullet points, with emojis',
    });
    const learner = createRefineVerifyLearner({
      writer: close,
      embedder: alikeEmbedder(),
      memory: new InMemoryMemory(),
      k: 5,
    });
    const played = await playRound(learner, testContext('a'), () => '- the draft ✨');
    expect(played.pair).toEqual(pair('- the draft ✨'));
    expect(close.inferPreferenceCalls).toHaveLength(1);
    expect(played.learned.preferenceInferred).toBe('bullet points, with emojis');

    const far = new CheckingWriter({
      generate: (options) => (options.guidance === undefined ? 'the draft' : 'something else entirely'),
      inferPreference: ['bullet points', 'with emojis'],
    });
    const refining = createRefineVerifyLearner({
      writer: far,
      embedder: alikeEmbedder(),
      memory: new InMemoryMemory(),
      k: 5,
      refineSteps: 1,
    });
    const refined = await playRound(refining, testContext('a'), () => '- the draft ✨');
    expect(far.inferPreferenceCalls.map((call) => call.pairs[0]?.original)).toEqual([
      'the draft',
      'something else entirely',
    ]);
    expect(refined.learned.preferenceInferred).toBe('bullet points, with emojis');
    expect(preferenceOf(far)).toBe('bullet points');
  });

  it('an edit in which the writer sees no preference stores the components used, with the user’s text', async () => {
    const memory = new InMemoryMemory();
    await remember(memory, 'bullet points', '- x', 'old');
    const writer = new CheckingWriter({ generate: '- draft', inferPreference: 'No clear preference.' });
    const learner = createRefineVerifyLearner({ writer, embedder: alikeEmbedder(), memory, k: 5 });
    const played = await playRound(learner, testContext('a'), () => '- draft, reworded');
    expect(played.learned.preferenceInferred).toBeNull();
    const stored = (await memory.list({ scope: testScope, kind: 'preference' })).at(-1);
    expect(stored).toMatchObject({ preference: 'bullet points', origin: 'kept' });
    expect(stored?.pair).toEqual({ original: '- draft', edited: '- draft, reworded' });
  });

  it('an edit stores what it shows, not the components it left alone; an acceptance keeps what was used', async () => {
    const memory = new InMemoryMemory();
    await remember(memory, 'bullet points, with emojis', '- x ✨', 'old');
    const writer = new CheckingWriter({ generate: 'draft', inferPreference: 'no emojis' });
    const learner = createRefineVerifyLearner({
      writer,
      embedder: alikeEmbedder(),
      memory,
      k: 5,
      without: ['refine'],
    });
    const edited = await playRound(learner, testContext('a'), () => 'draft without them');
    expect(edited.proposal.preferenceUsed).toBe('bullet points, with emojis');
    expect(edited.learned.preferenceInferred).toBe('no emojis');
    const accepted = await playRound(learner, testContext('b'), (output) => output);
    const stored = await memory.list({ scope: testScope, kind: 'preference' });
    expect(stored.at(-1)?.preference).toBe(accepted.proposal.preferenceUsed);
    expect(stored.at(-1)?.origin).toBe('kept');
  });
});
