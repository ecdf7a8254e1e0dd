import { describe, expect, it } from 'vitest';
import { contentWords, keyTerms } from './key-terms.js';

describe('content words and key terms', () => {
  it('skip the stop words of the stopword package', () => {
    const reason = 'Another reason the harbour reopened was because of the weather';
    expect(contentWords(reason)).toEqual(['reason', 'harbour', 'reopened', 'weather']);
    const quiet = 'While the harbour reopened, the harbour stayed quiet because nothing changed.';
    expect(keyTerms(quiet, 2)).toEqual(['harbour', 'reopened']);
  });
});
