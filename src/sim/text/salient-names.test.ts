import { describe, expect, it } from 'vitest';
import { loadBuiltinCorpus } from '../corpus.js';
import { stopwords } from './key-terms.js';
import { isCommonWord } from './common-words.js';
import { hashtagOf, openingSubject, salientNames } from './salient-names.js';

describe('salientNames', () => {
  it('finds runs of capitalized words inside sentences, most frequent first, never a sentence opener', () => {
    const text =
      'Engineers closed the Halvers Crossing bridge over the Tamm River on Tuesday. The Tamm River rose after storms. Officials said Halvers Crossing would reopen. Traffic moved to the Tamm River road.';
    expect(salientNames(text)).toEqual(['Tamm River', 'Halvers Crossing']);
    expect(salientNames('Best regards,\n[Your Name]')).toEqual([]);
  });
});

describe('hashtagOf', () => {
  it('makes a tag of a name, else of the first sentence’s subject, else of a repeated word', () => {
    expect(hashtagOf('Engineers closed the Halvers Crossing bridge on Tuesday.')).toBe('#HalversCrossing');
    expect(openingSubject('Table tennis, also known as ping-pong, is a sport played with paddles.')).toBe(
      'table tennis',
    );
    expect(openingSubject('These overnight oats are easy to make.')).toBe('overnight oats');
    expect(openingSubject('Dear Mr Hallam, the boiler is broken again.')).toBe('boiler');
    expect(hashtagOf('Table tennis, also known as ping-pong, is a sport. Players hit a light ball.')).toBe(
      '#TableTennis',
    );
    // Only common words: no tag rather than "#Large".
    expect(hashtagOf('it is large. quite large and fast. the engine is large.')).toBeUndefined();
    expect(hashtagOf('Simmer for 25 minutes. Blend the lentils after 10 minutes.')).toBe('#Lentils');
    expect(hashtagOf('...')).toBeUndefined();
  });

  it('never tags a summary of the built-in corpus with a stop word or a lone common adjective', async () => {
    for (const context of await loadBuiltinCorpus('summarization')) {
      const tag = hashtagOf(context.text);
      expect(tag, context.id).toBeDefined();
      expect(stopwords.has((tag ?? '').slice(1).toLowerCase()), `${context.id}: ${tag}`).toBe(false);
      expect(isCommonWord((tag ?? '').slice(1)), `${context.id}: ${tag}`).toBe(false);
    }
  });
});
