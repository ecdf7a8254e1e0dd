import { describe, expect, it } from 'vitest';
import type { FollowUpKind } from '../spec/index.js';
import { styleAtoms } from './atoms/atom-registry.js';
import { rulesFollowUpClassifier } from './follow-up-rules.js';
import { preferenceTextFor } from './preference-text.js';

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

  const verdict = (followUp: string) => rulesFollowUpClassifier.classify({ answer, followUp });

  it('reads every atom asked for or objected to in plain requests as its canonical phrase', async () => {
    const asks = [
      '{p}, please',
      'could you make it {p}?',
      "I'd like it {p}, thanks",
      'please rewrite it: {p}',
    ];
    const objections = ['{p}, please', 'please, {p}', 'can you redo it with {p}?', '{p} next time, please'];
    for (const atom of styleAtoms) {
      const wanted = preferenceTextFor([{ atom: atom.id, avoid: false }]);
      for (const ask of asks)
        expect((await verdict(ask.replace('{p}', atom.phrases[0] ?? atom.id))).components).toContain(wanted);
      if (atom.remove === undefined) continue;
      const avoided = preferenceTextFor([{ atom: atom.id, avoid: true }]);
      for (const objection of objections)
        expect((await verdict(objection.replace('{p}', avoided))).components).toContain(avoided);
    }
  });

  it('reads objections as avoiding what they object to, not asking for it', async () => {
    expect((await verdict('ditch the hashtags')).components).toEqual(['no hashtags']);
    expect((await verdict('way too many exclamation marks')).components).toEqual(['no exclamation marks']);
    expect((await verdict('can we not use bold')).components).toEqual(['no bold text']);
    expect([...(await verdict('no emojis or bullet points this time')).components].sort()).toEqual([
      'no bullet points',
      'no emojis',
    ]);
    expect((await verdict("I'd prefer sentences rather than bullets")).components).toEqual([
      'no bullet points',
    ]);
    expect((await verdict('the hashtags are a bit much')).components).toEqual(['no hashtags']);
    expect((await verdict('why all the emojis')).components).toEqual(['no emojis']);
  });

  it('finds indirect complaints about length, tone, wording and layout', async () => {
    const cases: readonly (readonly [string, readonly string[]])[] = [
      ['this is a lot of text, can you condense it', ['brief']],
      ['it must stay under 80 words', ['brief']],
      ['sounds like a lawyer wrote it', ['informal']],
      ['too slangy for a client', ['professional tone']],
      ['fewer fancy words please', ['simple English']],
      ['split the sentences, they run on', ['short sentences']],
      ['no bullet list, write it out', ['no bullet points']],
      ['could you number each item', ['numbered list']],
      ['drop the "Dear Sir" bit', ['no greeting']],
      ['too short, can you elaborate', ['longer']],
    ];
    for (const [followUp, components] of cases) {
      const found = await verdict(followUp);
      expect(found.kind, followUp).toBe('feedback');
      expect(found.components, followUp).toEqual(components);
    }
  });

  it('does not read form words about content as feedback', async () => {
    for (const followUp of [
      'write a brief note to the landlord about the leak',
      'is a formal dress code required?',
      'shorter commutes matter more than pay',
      'plan a casual lunch for the team',
      'what are the bullet points on slide four?',
      'how long is the warranty?',
      'no, the meeting is on Friday',
    ])
      expect((await verdict(followUp)).kind, followUp).toBe('neither');
  });

  it('keeps only the request after praise and a contrast, and takes praise before a new question as satisfaction', async () => {
    expect(await verdict('fun read, but I need it more businesslike')).toMatchObject({
      kind: 'feedback',
      components: ['professional tone'],
    });
    expect(await verdict('lovely, minus the emojis')).toMatchObject({
      kind: 'feedback',
      components: ['no emojis'],
    });
    expect((await verdict('thanks! also, when is the deadline?')).kind).toBe('satisfaction');
    expect((await verdict('much better, ty')).kind).toBe('satisfaction');
    expect((await verdict('that did it, good to know')).kind).toBe('satisfaction');
    expect((await verdict('is this a nice place to eat?')).kind).toBe('neither');
  });
});
