import { describe, expect, it } from 'vitest';
import { loadBuiltinCorpus } from '../corpus.js';
import { stopwords } from './key-terms.js';
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
      'Table tennis',
    );
    expect(hashtagOf('Table tennis, also known as ping-pong, is a sport. Players hit a light ball.')).toBe(
      '#TableTennis',
    );
    expect(hashtagOf('it is large. quite large and fast. the engine is large.')).toBe('#Large');
    expect(hashtagOf('...')).toBeUndefined();
  });

  it('never tags a summary of the built-in corpus with a stop word or a lone common adjective', async () => {
    for (const context of await loadBuiltinCorpus('summarization')) {
      const tag = hashtagOf(context.text);
      expect(tag, context.id).toBeDefined();
      expect(stopwords.has((tag ?? '').slice(1).toLowerCase()), `${context.id}: ${tag}`).toBe(false);
    }
  });
});
