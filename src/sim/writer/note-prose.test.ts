import { describe, expect, it } from 'vitest';
import { addresseeOf, composeEmail, noteSentences } from './compose-email.js';
import { proseFromFragment } from './note-prose.js';

describe('notes as prose', () => {
  it('spells out shorthand and reads keyed notes as sentences', () => {
    expect(proseFromFragment('Noise - renovation in flat below starting 7am weekdays')).toBe(
      'The noise is renovation in flat below starting 7am weekdays.',
    );
    expect(proseFromFragment('boiler broken 2 wks -> no hot water')).toBe(
      'Boiler broken 2 weeks, which leads to no hot water.',
    );
    expect(proseFromFragment('meeting w/ agent @ 10am tmrw')).toBe('Meeting with agent at 10am tomorrow.');
  });

  it('gives a subjectless note its writer and turns a note to self into a request', () => {
    expect(proseFromFragment('want to propose a chore chart, trial for a month')).toBe(
      'I want to propose a chore chart, trial for a month.',
    );
    expect(proseFromFragment('thinking of writing my thoughts down')).toBe(
      'I am thinking of writing my thoughts down.',
    );
    expect(proseFromFragment('ask authors for a cost estimate')).toBe(
      'Please ask authors for a cost estimate.',
    );
  });

  it('never pastes a note line verbatim: "Key: a; b" becomes one sentence per part', () => {
    const notes = 'Strengths: large dataset; clear ablations\n- only 8 signers @ 1 site';
    const sentences = noteSentences(notes);
    expect(sentences).toEqual([
      'One of the strengths is large dataset.',
      'One of the strengths is clear ablations.',
      'Only 8 signers at 1 site.',
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
    const email = composeEmail('to: Mr Patel (landlord). boiler broken since mon', 4);
    expect(email.startsWith('Hi Mr Patel,\n\n')).toBe(true);
    expect(email).not.toMatch(/landlord|The to is/);
  });
});
