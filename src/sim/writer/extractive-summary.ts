import { contentWords } from '../text/key-terms.js';
import { countWords, splitSentences } from '../text/sentences.js';

/** A sentence of the source with its position. */
interface Candidate {
  readonly text: string;
  readonly index: number;
  readonly words: readonly string[];
}

/** Sentences of a text, line by line, in order. */
export function sourceSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim().replace(/^(?:[-+•*]|\d+[.)])\s+/, ''))
    .filter((line) => line !== '')
    .flatMap(splitSentences);
}

/**
 * Rank sentences by salience and return the top ones in their original order. Salience is the mean
 * normalised term frequency of a sentence's content words (frequency in the whole text divided by
 * the top frequency), with a bonus of 0.1 for each of the first two sentences (leads tend to carry
 * the point); sentences under 5 or over 45 words are used only when nothing else is left.
 */
export function salientSentences(sentences: readonly string[], count: number): string[] {
  const frequency = new Map<string, number>();
  for (const sentence of sentences)
    for (const word of contentWords(sentence)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const top = Math.max(1, ...frequency.values());
  const candidates: Candidate[] = sentences.map((text, index) => ({
    text,
    index,
    words: contentWords(text),
  }));
  const score = (candidate: Candidate) => {
    const mean =
      candidate.words.reduce((sum, word) => sum + (frequency.get(word) ?? 0) / top, 0) /
      Math.max(1, candidate.words.length);
    return mean + (candidate.index < 2 ? 0.1 : 0);
  };
  const fits = (candidate: Candidate) => {
    const words = countWords(candidate.text);
    return words >= 5 && words <= 45;
  };
  const ranked = [...candidates].sort(
    (left, right) =>
      Number(fits(right)) - Number(fits(left)) || score(right) - score(left) || left.index - right.index,
  );
  return ranked
    .slice(0, count)
    .sort((left, right) => left.index - right.index)
    .map((candidate) => candidate.text);
}

/** An extractive summary: the `count` most salient sentences, in order, as one paragraph. */
export function extractiveSummary(text: string, count: number): string {
  return salientSentences(sourceSentences(text), count).join(' ');
}
