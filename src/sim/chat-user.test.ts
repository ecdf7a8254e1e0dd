import { describe, expect, it } from 'vitest';
import type { Context, Task } from '../spec/index.js';
import { atomsForPreferenceText } from './preference-text.js';
import { ChatUser, followUpFor } from './chat-user.js';
import { rulesFollowUpClassifier } from './follow-up-rules.js';
import { simulatedUserFromTexts } from './simulated-user.js';
import { OfflineWriter } from './offline-writer.js';

const task: Task = { kind: 'summarization' };
const preferences = { news: 'bullet points, brief, no emojis' };
const context: Context = {
  id: 'news-1',
  source: 'news',
  text:
    'The city council approved a new bike lane on Harbour Street on Tuesday. Work starts in May and ' +
    'should take six weeks. Shop owners asked for deliveries to stay possible in the mornings, and the ' +
    'council agreed to keep a loading bay open until ten.',
};

describe('ChatUser', () => {
  it('thanks an answer that suits it: accepted, no follow-up', async () => {
    const user = simulatedUserFromTexts(preferences);
    const writer = new OfflineWriter({ seed: 0 });
    const suited = (
      await writer.generate({ task, context, guidance: { kind: 'preference', preference: preferences.news } })
    ).text;
    const final = (await user.review({ task, context, output: suited })).edited;
    const review = await new ChatUser(user).review({ task, context, output: final });
    expect(review).toMatchObject({ accepted: true, edited: final, followUps: [] });
  });

  it('asks for what is missing, one follow-up each, until the answer suits the user', async () => {
    const user = simulatedUserFromTexts(preferences);
    const plain = (await new OfflineWriter({ seed: 0 }).generate({ task, context })).text;
    const review = await new ChatUser(user).review({ task, context, output: plain });
    expect(review.accepted).toBe(false);
    expect(review.followUps?.length).toBeGreaterThanOrEqual(1);
    // The answer the user ended with suits them.
    expect((await user.review({ task, context, output: review.edited })).accepted).toBe(true);
    // Each follow-up is read back (offline classifier) as one of the user's components.
    const wanted = new Set(atomsForPreferenceText(preferences.news).requirements.map((r) => r.atom));
    for (const followUp of review.followUps ?? []) {
      const verdict = await rulesFollowUpClassifier.classify({ answer: plain, followUp });
      expect(verdict.kind).toBe('feedback');
      const atoms = atomsForPreferenceText(verdict.components.join(', ')).requirements.map((r) => r.atom);
      expect(atoms.some((atom) => wanted.has(atom))).toBe(true);
    }
  });

  it('words the same request in several ways, some indirect', () => {
    const wordings = new Set(
      Array.from({ length: 40 }, (_, index) => followUpFor({ atom: 'brief', avoid: false }, `c-${index}:0`)),
    );
    expect(wordings.size).toBeGreaterThanOrEqual(4);
    expect([...wordings].some((wording) => !wording.includes('brief'))).toBe(true);
    expect(followUpFor({ atom: 'with-emojis', avoid: true }, 'c-1:0')).toMatch(/no emojis/);
  });
});
