import { describe, expect, it } from 'vitest';
import { loadBuiltinCorpus } from '../corpus.js';
import { countWords, danglingWords, splitSentences, truncateWords } from './sentences.js';
import { shortenSentence, splitLongSentence } from './split-long-sentence.js';

const lastWord = (sentence: string) =>
  (
    sentence
      .replace(/[.!?…"'”’)\]]+$/u, '')
      .trim()
      .split(/\s+/)
      .pop() ?? ''
  ).toLowerCase();

describe('splitLongSentence', () => {
  it('splits at clause boundaries only, never before a preposition', () => {
    expect(
      splitLongSentence(
        'Silicon is not a metal, but it is not quite a nonmetal either, so they call it a metalloid.',
        8,
      ),
    ).toEqual(['Silicon is not a metal.', 'It is not quite a nonmetal either.', 'They call it a metalloid.']);
    // No clause boundary: the trailing phrase goes rather than a fragment ("Over the river on Tuesday.").
    expect(
      splitLongSentence(
        'Engineers closed the Halvers Crossing bridge over the Tamm River on Tuesday morning.',
        10,
      ),
    ).toEqual(['Engineers closed the Halvers Crossing bridge over the Tamm River.']);
  });

  it('gives a split-off verb phrase or relative clause a subject of its own', () => {
    expect(
      splitLongSentence(
        'Health officials have confirmed 23 cases of measles at the school and are urging parents to check their records.',
        12,
      ),
    ).toEqual([
      'Health officials have confirmed 23 cases of measles at the school.',
      'They are urging parents to check their records.',
    ]);
    expect(
      splitLongSentence(
        'The budgeting app has added a new savings feature, which rounds up every purchase to the pound.',
        10,
      ),
    ).toEqual([
      'The budgeting app has added a new savings feature.',
      'It rounds up every purchase to the pound.',
    ]);
  });

  it('leaves a sentence whole when the only cuts would lose its verb', () => {
    const sentence =
      'The personal budgeting app used by around 1.2 million people has added a savings feature.';
    expect(splitLongSentence(sentence, 8)).toEqual([sentence]);
  });
});

describe('shortenSentence', () => {
  it('drops asides first, then trailing phrases, and keeps the end mark', () => {
    expect(shortenSentence('The mayor, who took office in May, opened the new library on Monday.', 8)).toBe(
      'The mayor opened the new library on Monday.',
    );
    expect(shortenSentence('Did the council approve the new cycle lanes along the river?', 8)).toBe(
      'Did the council approve the new cycle lanes?',
    );
  });
});

describe('a number ends a piece', () => {
  it('keeps a number at the cut instead of leaving the subject alone', () => {
    expect(splitLongSentence('I am 38 and I have worked in insurance claims for eleven years.', 10)).toEqual([
      'I am 38.',
      'I have worked in insurance claims for eleven years.',
    ]);
  });
});

describe('truncateWords', () => {
  it('never leaves a function word dangling at the cut', () => {
    expect(truncateWords('A red panda is about the size of a house cat.', 7)).toBe(
      'A red panda is about the size.',
    );
    expect(truncateWords('The report was written by the committee.', 5)).toBe('The report was written.');
    expect(truncateWords('It was one of the most pretentious experiences I have had.', 9)).toBe(
      'It was one of the most pretentious experiences.',
    );
  });
});

describe('a verb keeps its object', () => {
  it('never cuts right after a verb that needs what follows it', () => {
    expect(
      shortenSentence(
        'Northgate Savings Bank said on Wednesday that hackers had gained access to the personal records of about 310,000 customers, including names.',
        10,
      ),
    ).not.toMatch(/said\.$/);
    expect(
      shortenSentence(
        'The 140-hectare site near the village of Aldwick has around 230,000 solar panels and can produce enough electricity for 40,000 homes.',
        10,
      ),
    ).toBe('The 140-hectare site near the village of Aldwick has around 230,000 solar panels.');
  });

  it('splits off a subject relative clause only: in ", which the council plans to use" the pronoun is the object', () => {
    const pieces = splitLongSentence(
      'Brightfield will pay the village a fund of 90,000 dollars a year, which the parish council plans to use for a new playground.',
      10,
    );
    expect(pieces.join(' ')).not.toMatch(/\bIt the\b/);
    expect(pieces.every((piece) => !/to use\.$/.test(piece))).toBe(true);
  });
});

describe('on the built-in corpus', () => {
  it('never ends a split or shortened sentence on a function word, and keeps every piece within the limit or whole', async () => {
    const contexts = [...(await loadBuiltinCorpus('summarization')), ...(await loadBuiltinCorpus('email'))];
    const sentences = contexts.flatMap((context) =>
      context.text.split('\n').flatMap((line) => splitSentences(line)),
    );
    let changed = 0;
    for (const sentence of sentences) {
      if (countWords(sentence) <= 10) continue;
      const pieces = splitLongSentence(sentence, 10);
      if (pieces.length > 1 || pieces[0] !== sentence) changed += 1;
      for (const piece of pieces) {
        if (piece === sentence) continue;
        expect(danglingWords.has(lastWord(piece)), `${sentence} → ${piece}`).toBe(false);
      }
    }
    expect(changed).toBeGreaterThan(100);
  });
});
