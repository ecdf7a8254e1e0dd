import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../spec/index.js';
import { loadCorpusFile } from '../corpus.js';
import { splitSentences } from '../text/sentences.js';
import { addresseeOf, composeEmail, noteSentences } from './compose-email.js';
import { proseFromFragment } from './note-prose.js';

describe('notes as prose', () => {
  it.each([
    // Shorthand is spelled out and keyed notes read as sentences.
    [
      'Noise - renovation in flat below starting 7am weekdays',
      'The noise is renovation in flat below starting 7am weekdays.',
    ],
    ['boiler broken 2 wks -> no hot water', 'The boiler was broken 2 weeks, which leads to no hot water.'],
    ['meeting w/ agent @ 10am tmrw', 'There is meeting with agent at 10am tomorrow.'],
    ['HbA1c 64 -> 53', 'HbA1c went from 64 to 53.'],
    ['window frame rotten, rain gets in', 'The window frame was rotten, and the rain gets in.'],
    ['sent photos, asked 3 times', 'I sent photos, and I asked 3 times.'],
    // A subjectless note gets its writer; a note to self becomes a request.
    ['want to propose a chore chart', 'I want to propose a chore chart.'],
    ['thinking of writing my thoughts down', 'I am thinking of writing my thoughts down.'],
    ['ask authors for a cost estimate', 'Please ask authors for a cost estimate.'],
    // Word classes (en-lexicon) find the writer, the doer and the state in a note. A past tense
    // opening a note is the writer's doing.
    [
      'heard them in walls 3 nights, droppings under sink',
      'I heard them in walls 3 nights, and there are also droppings under sink.',
    ],
    // A base verb opening a lower-case note is what the writer wants to do; a verb of the mind is said.
    ['gauge interest first', 'I want to gauge interest first.'],
    ['prefer refund', 'I prefer refund.'],
    ['need to tell my sister I cannot host', 'I need to tell my sister I cannot host.'],
    // A feeling, a quality after its noun, a doing after its noun.
    ["happy to let plumber in, I'm around on fri", "I am happy to let plumber in, and I'm around on Friday."],
    ['shoes too small', 'The shoes are too small.'],
    ['washing machine leaking', 'The washing machine is leaking.'],
    ['Marco facilitating day 2', 'Marco is facilitating day 2.'],
    // Not a verb: a written-out sentence.
    ['Read the thread below', 'Read the thread below.'],
    // A phrase stays attached to its clause.
    [
      'In a month-long study, the daily screen time dropped by 38 minutes',
      'In a month-long study, the daily screen time dropped by 38 minutes.',
    ],
    [
      'sent the forms early, with a signed cover letter',
      'I sent the forms early, with a signed cover letter.',
    ],
    ['we mailed 30,000 households letters', 'We mailed 30,000 households letters.'],
    ['-> need decision by end of month', 'I need decision by end of month.'],
    ['just got a new job', 'I just got a new job.'],
    // A plural subject with its verb is a sentence already, not a thing that "there is".
    ['Red pandas spend most of their time in trees.', 'The red pandas spend most of their time in trees.'],
    ['kids love the park', 'The kids love the park.'],
    ['cost analysis ignores maintenance', 'The cost analysis ignores maintenance.'],
    ['Most volcanoes form where plates meet.', 'Most volcanoes form where plates meet.'],
  ])('reads the note %j as %j', (note, prose) => {
    expect(proseFromFragment(note)).toBe(prose);
  });

  it('takes neither an adjective before its noun nor a subject with its own verb for a verb', () => {
    expect(proseFromFragment('damp patch on bedroom wall')).not.toMatch(/^I want to/);
    expect(proseFromFragment('neighbour upstairs plays drums late')).not.toMatch(/^I want to/);
  });

  it('adds no end mark after a quote or bracket that closes one', () => {
    expect(proseFromFragment(`she says "before it's too late."`)).toMatch(/late\."$/);
    expect(proseFromFragment('asking for more time (2 weeks?)')).toMatch(/weeks\?\)$/);
  });

  it('never opens "There is" before a preposition or a subject', () => {
    for (const sentence of [
      proseFromFragment('at Castle Property Mgmt'),
      proseFromFragment('small thing but annoying, and she has done it before'),
      proseFromFragment('I work from home'),
      proseFromFragment('maybe they just assume I bring food?'),
    ]) {
      expect(sentence).not.toMatch(
        /^There (is|are) (I|we|they|at|in|on|with)\b|^The (and|but|maybe)\b|\band and\b/,
      );
    }
  });

  it('never pastes a note line verbatim: "Key: a; b" becomes one sentence per part', () => {
    const notes = 'Strengths: large dataset; clear ablations\n- only 8 signers @ 1 site';
    const sentences = noteSentences(notes);
    expect(sentences).toEqual([
      'One of the strengths is large dataset.',
      'One of the strengths is clear ablations.',
      'There are only 8 signers at 1 site.',
    ]);
    for (const line of notes.split('\n')) expect(sentences).not.toContain(line);
  });

  it('greets the addressee the notes open with, and keeps that opening out of the body', () => {
    expect(addresseeOf('to: Mr Patel (landlord). boiler broken')).toEqual({
      name: 'Mr Patel',
      rest: 'boiler broken',
    });
    expect(addresseeOf('To Ms Okafor. Leo struggling')).toEqual({
      name: 'Ms Okafor',
      rest: 'Leo struggling',
    });
    expect(addresseeOf('today to do: buy milk').name).toBeUndefined();
    // A header naming a group, an organisation, or a person at an organisation is no sentence.
    expect(addresseeOf('to all - summer team day!!\n- fri 12 july')).toEqual({
      name: 'all',
      rest: 'summer team day!!\n- fri 12 july',
    });
    expect(addresseeOf('to: the events office\n- need quote')).toEqual({
      name: undefined,
      rest: '- need quote',
    });
    expect(addresseeOf('to: Sunita @ Castle Property Mgmt\n- parking space taken')).toEqual({
      name: 'Sunita',
      rest: '- parking space taken',
    });
    const email = composeEmail('to: Mr Patel (landlord). boiler broken since mon', 4);
    expect(email.startsWith('Hi Mr Patel,\n\n')).toBe(true);
    expect(email).not.toMatch(/landlord|The to is/);
  });

  it('greets the person a note to self names, and tells that note to them', () => {
    const email = composeEmail('send Anna the lentil soup recipe she asked for. simmer 25 mins.', 4);
    expect(email.startsWith('Hi Anna,\n\n')).toBe(true);
    expect(email).toContain('I am sending you the lentil soup recipe you asked for.');
    expect(composeEmail('Tom wants the shakshuka I made. warn him the chilli is strong.', 4)).toMatch(
      /^Hi Tom,[\s\S]*You wanted the shakshuka I made\. I should tell you that the chilli is strong\./,
    );
    expect(composeEmail('boiler broken since Monday. no hot water.', 4).startsWith('Hi,\n\n')).toBe(true);
  });
});

/** Notes of genres the project has never seen (recipes, landlords, sports, changelogs, appointments). */
async function unseenNotes(): Promise<Context[]> {
  return loadCorpusFile(join(process.cwd(), 'test/fixtures/plausible-text/email.jsonl'));
}

describe('emails from unseen-genre notes', () => {
  it('copies no note line or fragment verbatim and leaves no shorthand', async () => {
    const comparable = (text: string) =>
      text
        .toLowerCase()
        .replace(/[.!?;,]+$/, '')
        .trim();
    for (const context of await unseenNotes()) {
      const email = composeEmail(context.text, 20);
      const written = email
        .split('\n')
        .flatMap((line) => splitSentences(line))
        .map(comparable);
      const fragments = context.text
        .split(/\n|(?<=[.!?])\s+/)
        .map((fragment) => comparable(fragment.replace(/^[-•*]\s+/, '')))
        .filter((fragment) => fragment.split(' ').length >= 3);
      for (const fragment of fragments) expect(written, `${context.id}: ${fragment}`).not.toContain(fragment);
      expect(email, context.id).not.toMatch(/->|→|\s@\s|\bwks?\b|\bmins\b|\bw\/|\s\+\s/);
    }
  });
});
