import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../spec/index.js';
import { loadCorpusFile } from '../corpus.js';
import { splitSentences } from '../text/sentences.js';
import { addresseeOf, composeEmail, noteSentences } from './compose-email.js';
import { proseFromFragment } from './note-prose.js';

describe('notes as prose', () => {
  it('spells out shorthand and reads keyed notes as sentences', () => {
    expect(proseFromFragment('Noise - renovation in flat below starting 7am weekdays')).toBe(
      'The noise is renovation in flat below starting 7am weekdays.',
    );
    expect(proseFromFragment('boiler broken 2 wks -> no hot water')).toBe(
      'The boiler was broken 2 weeks, which leads to no hot water.',
    );
    expect(proseFromFragment('meeting w/ agent @ 10am tmrw')).toBe(
      'There is meeting with agent at 10am tomorrow.',
    );
    expect(proseFromFragment('HbA1c 64 -> 53')).toBe('HbA1c went from 64 to 53.');
    expect(proseFromFragment('window frame rotten, rain gets in')).toBe(
      'The window frame was rotten, and the rain gets in.',
    );
    expect(proseFromFragment('sent photos, asked 3 times')).toBe('I sent photos, and I asked 3 times.');
  });

  it('gives a subjectless note its writer and turns a note to self into a request', () => {
    expect(proseFromFragment('want to propose a chore chart')).toBe('I want to propose a chore chart.');
    expect(proseFromFragment('thinking of writing my thoughts down')).toBe(
      'I am thinking of writing my thoughts down.',
    );
    expect(proseFromFragment('ask authors for a cost estimate')).toBe(
      'Please ask authors for a cost estimate.',
    );
  });

  it('reads word classes (en-lexicon) to find the writer, the doer and the state in a note', () => {
    // A past tense opening a note is the writer's doing.
    expect(proseFromFragment('heard them in walls 3 nights, droppings under sink')).toBe(
      'I heard them in walls 3 nights, and there are also droppings under sink.',
    );
    // A base verb opening a lower-case note is what the writer wants to do; a verb of the mind is said.
    expect(proseFromFragment('gauge interest first')).toBe('I want to gauge interest first.');
    expect(proseFromFragment('prefer refund')).toBe('I prefer refund.');
    expect(proseFromFragment('need to tell my sister I cannot host')).toBe(
      'I need to tell my sister I cannot host.',
    );
    // A feeling, a quality after its noun, a doing after its noun.
    expect(proseFromFragment("happy to let plumber in, I'm around on fri")).toBe(
      "I am happy to let plumber in, and I'm around on Friday.",
    );
    expect(proseFromFragment('shoes too small')).toBe('The shoes are too small.');
    expect(proseFromFragment('washing machine leaking')).toBe('The washing machine is leaking.');
    expect(proseFromFragment('Marco facilitating day 2')).toBe('Marco is facilitating day 2.');
    // Not a verb: an adjective before its noun, a written-out sentence, a subject with its own verb.
    expect(proseFromFragment('damp patch on bedroom wall')).not.toMatch(/^I want to/);
    expect(proseFromFragment('Read the thread below')).toBe('Read the thread below.');
    expect(proseFromFragment('neighbour upstairs plays drums late')).not.toMatch(/^I want to/);
  });

  it('attaches a phrase to its clause and never opens "There is" before a preposition or a subject', () => {
    expect(proseFromFragment('In a month-long study, the daily screen time dropped by 38 minutes')).toBe(
      'In a month-long study, the daily screen time dropped by 38 minutes.',
    );
    expect(proseFromFragment('sent the forms early, with a signed cover letter')).toBe(
      'I sent the forms early, with a signed cover letter.',
    );
    expect(proseFromFragment('we mailed 30,000 households letters')).toBe(
      'We mailed 30,000 households letters.',
    );
    expect(proseFromFragment('-> need decision by end of month')).toBe('I need decision by end of month.');
    expect(proseFromFragment('just got a new job')).toBe('I just got a new job.');
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
