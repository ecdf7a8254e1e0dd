import { describe, expect, it } from 'vitest';
import { loadBuiltinCorpus } from '../corpus.js';
import { topicOf } from '../atoms/stock-sentences.js';
import { isNoun, isNounPhrase, wordTags } from './word-classes.js';

describe('word classes (en-lexicon)', () => {
  it('tells nouns from adverbs, adjectives, participles and gerunds', () => {
    expect(wordTags('easier')[0]).toBe('JJR');
    for (const noun of ['battery', 'comb', 'neighbour', 'engagement', 'colonies'])
      expect(isNoun(noun), noun).toBe(true);
    for (const other of [
      'completely',
      'easier',
      'affectionate',
      'proposed',
      'common',
      'snoring',
      'congratulating',
    ]) {
      expect(isNoun(other), other).toBe(false);
    }
    // Unknown to the lexicon: judged by its ending.
    expect(isNoun('earplug')).toBe(true);
    expect(isNoun('electrochemical')).toBe(false);
  });

  it('reads a phrase as a noun phrase only when it ends on a noun with no adverb or verb before it', () => {
    expect(isNounPhrase('steam engine')).toBe(true);
    expect(isNounPhrase('new paper')).toBe(true);
    expect(isNounPhrase('just published')).toBe(false);
    expect(isNounPhrase('four years ago')).toBe(false);
    expect(isNounPhrase('published today')).toBe(false);
  });

  it('gives every added sentence of the built-in corpora a name or a noun phrase as its topic', async () => {
    for (const kind of ['summarization', 'email'] as const) {
      for (const context of await loadBuiltinCorpus(kind)) {
        const topic = topicOf(context.text);
        if (topic === 'this' || /^\p{Lu}/u.test(topic)) continue;
        expect(isNounPhrase(topic.replace(/^the /, '')), `${context.id}: ${topic}`).toBe(true);
      }
    }
  });
});
