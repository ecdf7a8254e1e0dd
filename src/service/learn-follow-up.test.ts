import { describe, expect, it } from 'vitest';
import type { FollowUpClassifier, FollowUpVerdict } from '../spec/index.js';
import { createTestTailor } from './test-tailor.js';

/** A scripted classifier: the verdict for each follow-up text (the real ones have their own tests). */
const verdicts: Record<string, Omit<FollowUpVerdict, 'usage'>> = {
  'way too long, and no emojis please': { kind: 'feedback', components: ['brief', 'no emojis'] },
  'thanks, perfect': { kind: 'satisfaction', components: [] },
  'thank you!': { kind: 'satisfaction', components: [] },
  'what about marketing?': { kind: 'neither', components: [] },
};
const rulesFollowUpClassifier: FollowUpClassifier = {
  classify: async ({ followUp }) => ({
    ...(verdicts[followUp] ?? { kind: 'neither', components: [] }),
    usage: { inputTokens: 0, outputTokens: 0 },
  }),
};

const user = { tenant: 'acme', user: 'ada' };
const turn = {
  context: 'summarise the quarterly sales report for the team',
  answer: '- Sales rose 5%\n- Costs stayed flat',
};

describe('learnFromFollowUp', () => {
  it('stores style feedback as a follow-up preference that later chat retrieval uses', async () => {
    const { tailor } = createTestTailor({ followUps: rulesFollowUpClassifier });
    const outcome = await tailor.learnFromFollowUp({
      ...user,
      ...turn,
      followUp: 'way too long, and no emojis please',
    });
    expect(outcome.kind).toBe('feedback');
    expect(outcome.stored).toMatchObject({ origin: 'follow-up', task: 'custom:chat' });
    expect(outcome.stored?.preference.split(', ').sort()).toEqual(['brief', 'no emojis']);
    const prepared = await tailor.prepareChat({ ...user, text: 'summarise the monthly sales report' });
    expect(prepared.preference).toBe(outcome.stored?.preference);
  });

  it('confirms the preference an answer used after thanks, and stores nothing for a new question', async () => {
    const { tailor, memory } = createTestTailor({ followUps: rulesFollowUpClassifier });
    const thanked = await tailor.learnFromFollowUp({
      ...user,
      ...turn,
      followUp: 'thanks, perfect',
      preferenceUsed: 'brief',
    });
    expect(thanked).toMatchObject({ kind: 'satisfaction', stored: { preference: 'brief', origin: 'kept' } });
    const question = await tailor.learnFromFollowUp({ ...user, ...turn, followUp: 'what about marketing?' });
    expect(question).toMatchObject({ kind: 'neither', stored: null });
    const thanksWithout = await tailor.learnFromFollowUp({ ...user, ...turn, followUp: 'thank you!' });
    expect(thanksWithout.stored).toBeNull();
    const scope = { ...user, task: 'custom:chat' };
    expect((await memory.list({ scope, kind: 'preference' })).map((entry) => entry.preference)).toEqual([
      'brief',
    ]);
  });

  it('refuses an empty turn, and a Tailor without a classifier, naming what is missing', async () => {
    const { tailor } = createTestTailor({ followUps: rulesFollowUpClassifier });
    await expect(tailor.learnFromFollowUp({ ...user, ...turn, followUp: '  ' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'followUp',
    });
    const bare = createTestTailor().tailor;
    await expect(bare.learnFromFollowUp({ ...user, ...turn, followUp: 'shorter please' })).rejects.toThrow(
      /no follow-up classifier/,
    );
  });
});
