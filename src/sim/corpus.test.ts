import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context, InvalidInputError } from '../spec/index.js';
import {
  builtinCorpusDirectory,
  loadBuiltinCorpus,
  loadCorpusFile,
  loadCorpusFiles,
  maxContextTextBytes,
} from './corpus.js';
import { invalidInputOf, temporaryInputFolder } from './test-input-files.js';

const inputs = temporaryInputFolder('tailor-corpus-');

function corpusFile(content: string | Uint8Array): Promise<string> {
  return inputs.write(content, 'corpus', 'jsonl');
}

const record = (id: string, text = `text of ${id}`, source = 'news') => JSON.stringify({ id, source, text });

/** Loads and returns the InvalidInputError thrown, failing the test if none is. */
function loadError(path: string): Promise<InvalidInputError> {
  return invalidInputOf(loadCorpusFile(path));
}

describe('loadCorpusFile', () => {
  it('reads every record in order, skipping blank lines and tolerating CRLF', async () => {
    const path = await corpusFile(`${record('a-1')}\r\n\n${record('a-2', 'second', 'forum')}\n`);
    expect(await loadCorpusFile(path)).toEqual([
      { id: 'a-1', source: 'news', text: 'text of a-1' },
      { id: 'a-2', source: 'forum', text: 'second' },
    ]);
  });

  it('round-trips any set of valid records', async () => {
    const text = fc.string({ minLength: 1, maxLength: 60 }).filter((value) => value.trim() !== '');
    const records = fc.uniqueArray(fc.record({ id: text, source: text, text }), {
      minLength: 1,
      maxLength: 8,
      selector: (context) => context.id,
    });
    await fc.assert(
      fc.asyncProperty(records, async (contexts: Context[]) => {
        const path = await corpusFile(contexts.map((context) => JSON.stringify(context)).join('\n'));
        expect(await loadCorpusFile(path)).toEqual(contexts);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a missing file, naming its path', async () => {
    const path = join(inputs.path, 'absent.jsonl');
    const error = await loadError(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain('not found');
  });

  it('rejects a folder given as the file', async () => {
    expect((await loadError(inputs.path)).message).toContain(inputs.path);
  });

  it('rejects bytes that are not UTF-8, naming the line', async () => {
    const bad = Buffer.concat([
      Buffer.from(`${record('a-1')}\n{"id":"a-2","source":"news","text":"caf`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    const path = await corpusFile(bad);
    const error = await loadError(path);
    expect(error.message).toContain(`${path}:2:`);
    expect(error.message).toContain('UTF-8');
  });

  it('rejects malformed JSON with the 1-based line', async () => {
    const path = await corpusFile(`${record('a-1')}\n${record('a-2')}\n{"id": "a-3", "source": \n`);
    const error = await loadError(path);
    expect(error.message).toContain(`${path}:3:`);
    expect(error.message).toContain('malformed JSON');
  });

  it('rejects a line that is JSON but not an object', async () => {
    const path = await corpusFile(`${record('a-1')}\n["a-2", "news", "text"]\n`);
    expect((await loadError(path)).message).toContain(`${path}:2: expected a JSON object, got an array`);
  });

  it.each([
    ['id', { source: 'news', text: 'body' }, 'missing field "id"'],
    ['source', { id: 'a-2', text: 'body' }, 'missing field "source"'],
    ['text', { id: 'a-2', source: 'news' }, 'missing field "text"'],
    ['id', { id: 7, source: 'news', text: 'body' }, 'field "id" is not a string'],
    ['text', { id: 'a-2', source: 'news', text: ['body'] }, 'field "text" is not a string'],
    ['source', { id: 'a-2', source: null, text: 'body' }, 'field "source" is not a string'],
  ])('rejects a bad %s field: %j', async (field, bad, problem) => {
    const path = await corpusFile(`${record('a-1')}\n${JSON.stringify(bad)}\n`);
    const error = await loadError(path);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${path}:2: ${problem}`);
  });

  it.each([
    ['text', ''],
    ['text', ' \n\t '],
    ['id', '  '],
    ['source', ''],
  ])('rejects an empty or whitespace-only %s %j', async (field, value) => {
    const path = await corpusFile(
      JSON.stringify({ id: 'a-1', source: 'news', text: 'body', [field]: value }),
    );
    const error = await loadError(path);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${path}:1: empty or whitespace-only ${field}`);
  });

  it('accepts a text of exactly 100 KB and rejects one byte more', async () => {
    const limit = 'é'.repeat(maxContextTextBytes / 2);
    const path = await corpusFile(`${record('a-1', limit)}\n`);
    expect((await loadCorpusFile(path))[0]?.text).toBe(limit);
    const over = await corpusFile(`${record('a-1')}\n${record('a-2', `${limit}x`)}\n`);
    const error = await loadError(over);
    expect(error.field).toBe('text');
    expect(error.message).toContain(`${over}:2: text of ${maxContextTextBytes + 1} bytes`);
  });

  it('rejects a duplicate id, naming both lines', async () => {
    const path = await corpusFile(`${record('a-1')}\n${record('a-2')}\n${record('a-1', 'again')}\n`);
    const error = await loadError(path);
    expect(error.message).toContain(`${path}:3: duplicate id "a-1" (first on line 1)`);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n  \n\r\n'],
  ])('rejects %s', async (_name, content) => {
    const path = await corpusFile(content);
    const error = await loadError(path);
    expect(error.message).toContain(`${path}: the file holds no record`);
  });
});

describe('loadCorpusFiles', () => {
  it('concatenates files and rejects an id found in two of them', async () => {
    const first = await corpusFile(`${record('a-1')}\n`);
    const second = await corpusFile(`${record('b-1', 'other', 'forum')}\n`);
    expect((await loadCorpusFiles([first, second])).map((context) => context.id)).toEqual(['a-1', 'b-1']);
    const clash = await corpusFile(`${record('a-1', 'clash', 'forum')}\n`);
    await expect(loadCorpusFiles([first, clash])).rejects.toThrow(
      `${clash}: duplicate id "a-1" (also in ${first})`,
    );
  });
});

describe('loadBuiltinCorpus', () => {
  it('rejects an unknown task', async () => {
    await expect(loadBuiltinCorpus('custom' as 'email')).rejects.toThrow(/summarization, email/);
  });

  it('reads data/ relative to the package, not the working directory', async () => {
    const packageData = fileURLToPath(new URL('../../data/email', import.meta.url));
    expect(builtinCorpusDirectory('email')).toBe(packageData);
    const corpus = await loadBuiltinCorpus('email');
    expect(corpus.length).toBeGreaterThan(0);
  });
});

/** What each builtin corpus must hold (DESIGN.md, "The two environments"). */
const builtinExpectations = {
  summarization: {
    sources: ['encyclopedia', 'forum', 'movie-review', 'news', 'paper-abstract'],
    minimumPerSource: 40,
    words: { minimum: 120, maximum: 450 },
  },
  email: {
    sources: ['paper-review', 'paper-summary', 'paper-tweet', 'personal-problem'],
    minimumPerSource: 50,
    words: { minimum: 30, maximum: 160 },
  },
} as const;

/** Pairs of documents sharing at least this fraction of word 5-grams count as near-duplicates. */
const nearDuplicateJaccard = 0.2;

const countWords = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const result = new Set<string>();
  for (let index = 0; index + 5 <= words.length; index++) result.add(words.slice(index, index + 5).join(' '));
  return result;
}

function jaccard(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The pair of documents with the highest word 5-gram Jaccard similarity. */
function mostSimilarPair(corpus: readonly Context[]): { value: number; pair: [string, string] } {
  const sets = corpus.map((context) => shingles(context.text));
  let worst: { value: number; pair: [string, string] } = { value: 0, pair: ['', ''] };
  for (let left = 0; left < corpus.length; left++) {
    for (let right = left + 1; right < corpus.length; right++) {
      const value = jaccard(sets[left]!, sets[right]!);
      if (value > worst.value) worst = { value, pair: [corpus[left]!.id, corpus[right]!.id] };
    }
  }
  return worst;
}

describe.each(Object.entries(builtinExpectations))('builtin %s corpus', (task, expectation) => {
  let corpus: Context[];
  beforeAll(async () => {
    corpus = await loadBuiltinCorpus(task as keyof typeof builtinExpectations);
  });

  it('holds exactly the expected sources, balanced, each with enough documents', () => {
    const counts = new Map<string, number>();
    for (const context of corpus) counts.set(context.source, (counts.get(context.source) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...expectation.sources]);
    for (const [source, count] of counts) {
      expect(count, `documents of ${source}`).toBeGreaterThanOrEqual(expectation.minimumPerSource);
    }
    expect(new Set(counts.values()).size, `unbalanced sources: ${JSON.stringify([...counts])}`).toBe(1);
  });

  it('has unique ids, each prefixed by its source', () => {
    expect(new Set(corpus.map((context) => context.id)).size).toBe(corpus.length);
    const unprefixed = corpus.filter((context) => !context.id.startsWith(`${context.source}-`));
    expect(unprefixed.map((context) => context.id)).toEqual([]);
  });

  it(`keeps every document within its word range`, () => {
    const { minimum, maximum } = expectation.words;
    const outside = corpus
      .map((context) => ({ id: context.id, words: countWords(context.text) }))
      .filter((entry) => entry.words < minimum || entry.words > maximum);
    expect(outside, `documents outside ${minimum}-${maximum} words`).toEqual([]);
  });

  it(`has no near-duplicate pair (word 5-gram Jaccard < ${nearDuplicateJaccard})`, () => {
    const worst = mostSimilarPair(corpus);
    const words = corpus.map((context) => countWords(context.text));
    console.info(
      `${task}: ${corpus.length} documents; words min ${Math.min(...words)}, max ${Math.max(...words)}, ` +
        `mean ${(words.reduce((sum, count) => sum + count, 0) / words.length).toFixed(1)}; ` +
        `max 5-gram Jaccard ${worst.value.toFixed(3)} (${worst.pair.join(' / ')})`,
    );
    expect(worst.value, `most similar pair: ${worst.pair.join(' / ')}`).toBeLessThan(nearDuplicateJaccard);
  });
});

describe('builtin corpora together', () => {
  it('share no id and no near-duplicate between tasks', async () => {
    const all = [...(await loadBuiltinCorpus('summarization')), ...(await loadBuiltinCorpus('email'))];
    expect(new Set(all.map((context) => context.id)).size).toBe(all.length);
    const worst = mostSimilarPair(all);
    expect(worst.value, `most similar pair: ${worst.pair.join(' / ')}`).toBeLessThan(nearDuplicateJaccard);
  });
});
