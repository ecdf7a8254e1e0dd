/**
 * Prints how long the cost metric takes per draft/edit pair (`wordEditDistance`: tokenize both texts,
 * then the token Levenshtein distance), and the tokenizer alone per text.
 *
 *   npx tsx scripts/word-tokenize-speed.ts                 # pairs of neighbouring corpus documents
 *   npx tsx scripts/word-tokenize-speed.ts --rounds DIR    # draft/edit pairs from a bench --out DIR
 *
 * Each figure is the median of 7 timed passes over all pairs, after one warm-up pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { wordEditDistance } from '../src/core/metrics/word-edit-distance.js';
import { wordTokenize } from '../src/core/metrics/word-tokenize.js';

function jsonlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return jsonlFiles(path);
    return name.endsWith('.jsonl') ? [path] : [];
  });
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function corpusPairs(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const directory of ['data/summarization', 'data/email']) {
    for (const path of jsonlFiles(directory)) {
      const texts = readJsonl(path).map((item) => String(item['text']));
      for (let index = 0; index + 1 < texts.length; index += 1) {
        pairs.push([texts[index] as string, texts[index + 1] as string]);
      }
    }
  }
  return pairs;
}

function roundPairs(directory: string): Array<[string, string]> {
  return jsonlFiles(join(directory, 'rounds'))
    .flatMap(readJsonl)
    .filter((round) => typeof round['output'] === 'string' && typeof round['edited'] === 'string')
    .map((round) => [round['output'] as string, round['edited'] as string]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timePerItem<T>(items: readonly T[], run: (item: T) => unknown): number {
  for (const item of items) run(item);
  const passes: number[] = [];
  for (let pass = 0; pass < 7; pass += 1) {
    const start = performance.now();
    for (const item of items) run(item);
    passes.push((performance.now() - start) / items.length);
  }
  return median(passes);
}

const roundsIndex = process.argv.indexOf('--rounds');
const roundsDirectory = roundsIndex === -1 ? undefined : process.argv[roundsIndex + 1];
const pairs = roundsDirectory === undefined ? corpusPairs() : roundPairs(roundsDirectory);
const texts = pairs.flatMap(([a, b]) => [a, b]);
const words = texts.reduce((sum, text) => sum + text.split(/\s+/u).length, 0);

const perPair = timePerItem(pairs, ([a, b]) => wordEditDistance(a, `${b} `));
const perText = timePerItem(texts, (text) => wordTokenize(text));
console.log(
  `${pairs.length} pairs (${roundsDirectory === undefined ? 'neighbouring corpus documents' : `rounds of ${roundsDirectory}`}, ${Math.round(words / texts.length)} words per text on average)`,
);
console.log(`wordEditDistance: ${perPair.toFixed(3)} ms per pair`);
console.log(`wordTokenize:     ${perText.toFixed(3)} ms per text`);
