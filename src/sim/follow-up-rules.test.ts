import { describe, expect, it } from 'vitest';
import type { FollowUpKind } from '../spec/index.js';
import { rulesFollowUpClassifier } from './follow-up-rules.js';

const answer = 'Here is a summary of the quarterly report, with the main numbers and what changed since May.';

/** Follow-ups labelled by hand: style feedback, satisfaction, or neither (content, new questions). */
const labelled: readonly (readonly [string, FollowUpKind])[] = [
  ['please, no bullet points', 'feedback'],
  ['shorter please', 'feedback'],
  ['way too long for my phone', 'feedback'],
  ['can you make it less formal?', 'feedback'],
  ['too formal, it is for my sister', 'feedback'],
  ['could you use bullet points instead', 'feedback'],
  ['drop the emojis', 'feedback'],
  ['no hashtags please', 'feedback'],
  ['a bit more professional, this goes to the board', 'feedback'],
  ['get to the point', 'feedback'],
  ['too wordy', 'feedback'],
  ['can you put it as a numbered list', 'feedback'],
  ["don't add a P.S. line", 'feedback'],
  ['make it more casual', 'feedback'],
  ['simpler words please, it is for kids', 'feedback'],
  ['use a TL;DR line at the top', 'feedback'],
  ['without the greeting', 'feedback'],
  ['less jargon', 'feedback'],
  ['thanks, that is perfect', 'satisfaction'],
  ['great, thank you!', 'satisfaction'],
  ['perfect', 'satisfaction'],
  ['love it', 'satisfaction'],
  ['exactly what I needed, cheers', 'satisfaction'],
  ['looks good to me', 'satisfaction'],
  ['thx', 'satisfaction'],
  ['what about the budget for next year?', 'neither'],
  ['can you add the Q3 numbers?', 'neither'],
  ['who approved the change in May?', 'neither'],
  ['and the marketing costs?', 'neither'],
  ['now do the same for the sales report', 'neither'],
  ['is that before or after tax?', 'neither'],
  ['could you check the figure for April', 'neither'],
  ['why did costs rise?', 'neither'],
  ['ok, next: summarize the hiring plan', 'neither'],
  ['is this great news or not?', 'neither'],
];

describe('rulesFollowUpClassifier', () => {
  it('finds style feedback with its components, satisfaction and the rest on a labelled set', async () => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    let right = 0;
    for (const [followUp, kind] of labelled) {
      const verdict = await rulesFollowUpClassifier.classify({ answer, followUp });
      if (verdict.kind === kind) right += 1;
      if (verdict.kind === 'feedback' && kind === 'feedback') truePositive += 1;
      if (verdict.kind === 'feedback' && kind !== 'feedback') falsePositive += 1;
      if (verdict.kind !== 'feedback' && kind === 'feedback') falseNegative += 1;
    }
    expect(truePositive / (truePositive + falsePositive)).toBeGreaterThanOrEqual(0.9);
    expect(truePositive / (truePositive + falseNegative)).toBeGreaterThanOrEqual(0.9);
    expect(right / labelled.length).toBeGreaterThanOrEqual(0.9);
  });

  it('names what the feedback asks for in the phrases the writer reads', async () => {
    const components = async (followUp: string) =>
      (await rulesFollowUpClassifier.classify({ answer, followUp })).components;
    expect(await components('please, no bullet points')).toEqual(['no bullet points']);
    expect(await components('way too long for my phone')).toEqual(['brief']);
    expect(await components('can you make it less formal?')).toEqual(['informal']);
    expect(await components('too formal, it is for my sister')).toEqual(['informal']);
    expect(await components('use a TL;DR line at the top')).toEqual(['TL;DR line at the top']);
    expect(await components('thanks, that is perfect')).toEqual([]);
  });
});
