import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { describeEmbedderContract } from '../testing/embedder.contract.js';
import { createLexicalEmbedder, fnv1a32, maxWords } from './lexical-embedder.js';

describeEmbedderContract('lexical embedder', () => createLexicalEmbedder());
describeEmbedderContract('lexical embedder with idf, 256 dimensions', () =>
  createLexicalEmbedder({ dimensions: 256, idfCorpus: ['the cat sat', 'the dog ran', 'revenue grew'] }),
);

const dot = (left: readonly number[], right: readonly number[]) =>
  left.reduce((sum, value, index) => sum + value * (right[index] as number), 0);

async function embedAll(values: readonly string[], options?: Parameters<typeof createLexicalEmbedder>[0]) {
  return (await createLexicalEmbedder(options).embed({ values })).embeddings;
}

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // 'é' is the two bytes c3 a9; '🙂' is four bytes, one code point.
    const bytesHash = (bytes: number[]) =>
      bytes.reduce((hash, byte) => Math.imul(hash ^ byte, 0x01000193), 0x811c9dc5) >>> 0;
    expect(fnv1a32('é')).toBe(bytesHash([0xc3, 0xa9]));
    expect(fnv1a32('🙂')).toBe(bytesHash([0xf0, 0x9f, 0x99, 0x82]));
  });
});

describe('createLexicalEmbedder', () => {
  it('identifies itself with its dimension', () => {
    const embedder = createLexicalEmbedder({ dimensions: 1024 });
    expect(embedder.provider).toBe('tailor');
    expect(embedder.modelId).toBe('lexical-tfidf-form50-1024');
    expect(createLexicalEmbedder().modelId).toBe('lexical-tfidf-form50-4096');
    expect(createLexicalEmbedder({ formWeight: 0 }).modelId).toBe('lexical-tfidf-4096');
  });

  it('rejects a bad dimension count or form weight', () => {
    for (const dimensions of [0, 1, 2.5, Number.NaN]) {
      expect(() => createLexicalEmbedder({ dimensions })).toThrow(InvalidInputError);
    }
    for (const formWeight of [-0.1, 1.5, Number.NaN]) {
      expect(() => createLexicalEmbedder({ formWeight })).toThrow(/formWeight/);
    }
  });

  it('places texts on the same topic closer than texts on different topics', async () => {
    const [cooking, moreCooking, finance, moreFinance] = await embedAll([
      'Simmer the tomato sauce with garlic and basil, then toss the pasta in the sauce.',
      'For the pasta sauce, fry garlic in olive oil and add crushed tomato and fresh basil.',
      'The central bank raised interest rates as inflation and bond yields climbed.',
      'Bond yields rose after the bank signalled higher interest rates to curb inflation.',
    ]);
    expect(dot(cooking!, moreCooking!)).toBeGreaterThan(dot(cooking!, finance!));
    expect(dot(cooking!, moreCooking!)).toBeGreaterThan(dot(cooking!, moreFinance!));
    expect(dot(finance!, moreFinance!)).toBeGreaterThan(dot(moreCooking!, finance!));
  });

  it('reads topic case-insensitively and counts word order through bigrams', async () => {
    const [lower, upper, swapped] = await embedAll(['dog bites man', 'Dog BITES Man', 'man bites dog'], {
      formWeight: 0,
    });
    expect(upper).toEqual(lower);
    expect(dot(lower!, swapped!)).toBeLessThan(1 - 1e-6);
  });

  it('weighs a text’s form apart from its topic: notes laid out alike come closer', async () => {
    const texts = [
      'Title: Tidal energy in small harbours.\nAbstract: we model turbines in 12 harbours.\nHighlights: 30% more output.',
      'Title: Sleep and memory in teenagers.\nAbstract: we follow 200 students for 3 years.\nHighlights: naps help.',
      'honestly i dunno what to do about the harbour thing, my boss wants turbines and i think its a mess',
    ];
    const [notesA, notesB, chatty] = await embedAll(texts, { formWeight: 0.5 });
    const [plainA, plainB] = await embedAll(texts, { formWeight: 0 });
    // Two abstracts on unrelated topics share their layout, not their words.
    expect(dot(notesA!, notesB!)).toBeGreaterThan(dot(plainA!, plainB!) + 0.1);
    expect(dot(notesA!, notesB!)).toBeGreaterThan(dot(notesA!, chatty!));
  });

  it(`reads only the first ${maxWords} words, like the paper's encoders, but counts every word`, async () => {
    const opening = Array.from({ length: maxWords }, (_, index) => `word${index % 97}`).join(' ');
    const embedder = createLexicalEmbedder();
    const { embeddings, usage } = await embedder.embed({
      values: [
        opening,
        `${opening} completely different ending here`,
        `${opening.replace('word0', 'other')}`,
      ],
    });
    expect(embeddings[1]).toEqual(embeddings[0]);
    expect(embeddings[2]).not.toEqual(embeddings[0]);
    expect(usage.tokens).toBe(maxWords + (maxWords + 4) + maxWords);
  });

  it('down-weights terms that are common in the idf corpus', async () => {
    const corpus = ['please write the report', 'please review the draft', 'please send the invoice'];
    const values = ['please write the invoice', 'please review the invoice'];
    const [plainA, plainB] = await embedAll(values);
    const [idfA, idfB] = await embedAll(values, { idfCorpus: corpus });
    // "please" and "the" are in every corpus document, so what the texts share weighs less.
    expect(dot(idfA!, idfB!)).toBeLessThan(dot(plainA!, plainB!));
  });

  it('gives a text without words a unit vector of its own', async () => {
    const [dots, stars] = await embedAll(['...', '***']);
    expect(Math.hypot(...dots!)).toBeCloseTo(1, 10);
    expect(dots).not.toEqual(stars);
  });
});
