import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { punktStandInModel, splitSentences } from './punkt-sentence-split.js';
import { tokenEditDistance } from './word-edit-distance.js';
import { treebankTokenize, wordTokenize } from './word-tokenize.js';

/*
 * Agreement with NLTK 3.8, from the fixtures recorded by scripts/record-nltk-fixtures.py (see
 * test/fixtures/nltk/README.md for what they cover and what they cannot). Agreement is
 * 1 − (token edit distance between our tokens and NLTK's) / (NLTK's token count), summed over a set.
 */

interface Meta {
  readonly nltk: string;
  readonly set: string;
  readonly standInModel: { readonly abbreviations: string[]; readonly lowerCaseWords: string[] };
}
interface Sentence {
  readonly text: string;
  readonly tokens: string[];
}
interface Item {
  readonly id: string;
  readonly text: string;
  readonly lineTokens: string[];
  readonly sentences: Sentence[];
}

/** NLTK_FIXTURES_DIR points the test at fixtures recorded elsewhere (for ad hoc checks). */
const directory =
  process.env['NLTK_FIXTURES_DIR'] ?? join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'nltk');
const minimumAgreement = 0.995;

function readSet(file: string): { meta: Meta; items: Item[] } {
  const [first, ...rest] = readFileSync(join(directory, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  return { meta: (first as { meta: Meta }).meta, items: rest as Item[] };
}

interface Mismatch {
  readonly id: string;
  readonly input: string;
  readonly ours: readonly string[];
  readonly nltk: readonly string[];
}

interface Agreement {
  readonly tokens: number;
  readonly distance: number;
  readonly agreement: number;
  readonly mismatches: Mismatch[];
}

function agreement(
  pairs: Iterable<{ id: string; input: string; ours: string[]; nltk: string[] }>,
): Agreement {
  let tokens = 0;
  let distance = 0;
  const mismatches: Mismatch[] = [];
  for (const pair of pairs) {
    const pairDistance = tokenEditDistance(pair.ours, pair.nltk);
    tokens += pair.nltk.length;
    distance += pairDistance;
    if (pairDistance > 0) mismatches.push(pair);
  }
  return { tokens, distance, agreement: tokens === 0 ? 1 : 1 - distance / tokens, mismatches };
}

/** NLTK's word rules on each sentence NLTK's Punkt produced. */
function* wordRulePairs(items: readonly Item[]) {
  for (const item of items) {
    for (const [index, sentence] of item.sentences.entries()) {
      const ours = treebankTokenize(sentence.text);
      yield { id: `${item.id}#${index + 1}`, input: sentence.text, ours, nltk: sentence.tokens };
    }
  }
}

/** `word_tokenize(text)` as NLTK would run it with the stand-in Punkt model. */
function* pipelinePairs(items: readonly Item[]) {
  for (const item of items) {
    const nltk = item.sentences.flatMap((sentence) => sentence.tokens);
    yield { id: item.id, input: item.text, ours: wordTokenize(item.text), nltk };
  }
}

/** `word_tokenize(text, preserve_line=True)`: the word rules over a whole text. */
function* linePairs(items: readonly Item[]) {
  for (const item of items) {
    yield { id: item.id, input: item.text, ours: treebankTokenize(item.text), nltk: item.lineTokens };
  }
}

/** Sentences, compared as a list of strings. */
function* sentencePairs(items: readonly Item[]) {
  for (const item of items) {
    const ours = splitSentences(item.text);
    const nltk = item.sentences.map((sentence) => sentence.text);
    yield { id: item.id, input: item.text, ours, nltk };
  }
}

function describeMismatches(mismatches: readonly Mismatch[], limit = 15): string {
  return mismatches
    .slice(0, limit)
    .map((m) => {
      const ours = new Set(m.ours);
      const nltk = new Set(m.nltk);
      const onlyOurs = m.ours.filter((token) => !nltk.has(token));
      const onlyNltk = m.nltk.filter((token) => !ours.has(token));
      return `${m.id}: ${JSON.stringify(m.input.slice(0, 200))}\n  ours only: ${JSON.stringify(onlyOurs)}\n  NLTK only: ${JSON.stringify(onlyNltk)}`;
    })
    .join('\n');
}

const files = existsSync(directory) ? readdirSync(directory).filter((file) => file.endsWith('.jsonl')) : [];

describe('wordTokenize against NLTK 3.8 fixtures', () => {
  it('has fixtures for the corpus, held-out texts and tricky cases', () => {
    expect(files).toEqual(expect.arrayContaining(['corpus.jsonl', 'unseen.jsonl', 'tricky.jsonl']));
  });

  const report: string[] = [];
  describe.each(files)('%s', (file) => {
    const { meta, items } = readSet(file);

    it('was recorded with NLTK 3.8 and the current stand-in Punkt model', () => {
      expect(meta.nltk).toMatch(/^3\.8(\.|$)/u);
      // If this fails, re-record: /usr/bin/python3 scripts/record-nltk-fixtures.py
      expect([...meta.standInModel.abbreviations].sort()).toEqual(
        [...punktStandInModel.abbreviations].sort(),
      );
      expect([...meta.standInModel.lowerCaseWords].sort()).toEqual(
        [...punktStandInModel.lowerCaseWords].sort(),
      );
    });

    const checks = [
      ['word rules per sentence', () => agreement(wordRulePairs(items))],
      ['word_tokenize (Punkt with the stand-in model)', () => agreement(pipelinePairs(items))],
      ['word rules over whole texts', () => agreement(linePairs(items))],
      ['sentences (Punkt with the stand-in model)', () => agreement(sentencePairs(items))],
    ] as const;

    it.each(checks)(`agrees on ≥ ${minimumAgreement * 100}% of tokens: %s`, (name, measure) => {
      const result = measure();
      const figure = `${(result.agreement * 100).toFixed(2)}%`;
      const line = `${file} · ${name}: ${figure} (${result.tokens - result.distance}/${result.tokens}, ${result.mismatches.length} texts differ)`;
      report.push(line);
      console.log(line);
      if (result.agreement < minimumAgreement) {
        console.log(describeMismatches(result.mismatches));
      }
      expect(result.agreement, `${line}\n${describeMismatches(result.mismatches)}`).toBeGreaterThanOrEqual(
        minimumAgreement,
      );
    });
  });
});
