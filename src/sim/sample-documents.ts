import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../spec/index.js';

/** A few short documents per source, written for the offline world's tests (used when data/ lacks a source). */
const inline: Readonly<Record<'summarization' | 'email', readonly Context[]>> = {
  summarization: [
    {
      id: 'inline-news-1',
      source: 'news',
      text: 'A storm knocked out power to 12,000 homes in the river valley on Monday night. Crews worked through the rain to restore the lines, and most homes had light again by noon. The mayor said the damage was terrible but thanked the volunteers who cleared fallen trees. Schools will reopen on Wednesday.',
    },
    {
      id: 'inline-forum-1',
      source: 'forum',
      text: 'I (30F) moved to a new city for work six months ago and I still have no friends here. I go to the gym and a book club, but people are polite and nothing more. My partner says I should give it time. I feel lonely most evenings and I am not sure whether I made the right choice. Is it normal for this to take so long?',
    },
    {
      id: 'inline-encyclopedia-1',
      source: 'encyclopedia',
      text: "The koala is a tree-dwelling marsupial native to eastern Australia. It has a stout body, round ears and a large dark nose. Koalas eat almost only eucalyptus leaves, which are low in energy, so they sleep up to twenty hours a day. A young koala, called a joey, lives in its mother's pouch for about six months. The species is threatened by land clearing, bushfires and disease.",
    },
    {
      id: 'inline-paper-abstract-1',
      source: 'paper-abstract',
      text: 'Large language models frequently produce fluent but unsupported statements. We propose a novel verification method that utilizes retrieved evidence to score each generated sentence, and we demonstrate that filtering low-scoring sentences significantly reduces unsupported content. Experiments on three benchmarks indicate approximately 30 percent fewer errors with a negligible loss in fluency.',
    },
    {
      id: 'inline-movie-review-1',
      source: 'movie-review',
      text: 'The film follows a retired pilot who agrees to fly one last cargo run across the mountains. The first hour is slow, but the storm sequence is gripping and beautifully shot. The lead actor gives a quiet, moving performance. Some side characters feel thin, and the ending is predictable. Still, it is a satisfying adventure for a weekend night.',
    },
  ],
  email: [
    {
      id: 'inline-paper-summary-1',
      source: 'paper-summary',
      text: 'Title: Faster Route Planning for Delivery Bikes\nAbstract: We model bike couriers in dense city centres and plan routes that avoid steep hills and busy junctions. Our planner cuts average delivery time by 12 percent in a two-month trial.\nHighlights: 12% faster deliveries; fewer near-miss reports; runs on a phone',
    },
    {
      id: 'inline-personal-problem-1',
      source: 'personal-problem',
      text: 'neighbour plays loud music after midnight most weekdays. asked once in the hallway, he said sorry but nothing changed. I do not want to call the landlord yet. want to write a friendly note, suggest quiet after 11.',
    },
    {
      id: 'inline-paper-review-1',
      source: 'paper-review',
      text: 'Paper: "Sparse Attention for Long Documents"\nStrengths: simple method; strong results on two long-document benchmarks.\nWeaknesses: no latency numbers (only FLOPs); missing comparison with sliding-window attention.\nRecommendation: accept if the comparison is added.',
    },
    {
      id: 'inline-paper-tweet-1',
      source: 'paper-tweet',
      text: "Our new paper is out! We show that small weather stations on school roofs give flood warnings 20 minutes earlier than the regional radar. Two years, 40 schools. Can't wait to share the data.",
    },
  ],
};

/**
 * Test documents for a task: every document of `data/<task>/*.jsonl` when the corpus is present
 * (found by walking up from the working directory), plus the inline documents of sources it lacks.
 */
export function sampleDocuments(task: 'summarization' | 'email'): Context[] {
  const fromCorpus: Context[] = [];
  let directory = process.cwd();
  for (let depth = 0; depth < 4 && !existsSync(join(directory, 'data', task)); depth += 1)
    directory = join(directory, '..');
  const folder = join(directory, 'data', task);
  if (existsSync(folder)) {
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()) {
      for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
        if (line.trim() !== '') fromCorpus.push(JSON.parse(line) as Context);
      }
    }
  }
  const covered = new Set(fromCorpus.map((document) => document.source));
  return [...fromCorpus, ...inline[task].filter((document) => !covered.has(document.source))];
}

/** Only the inline documents (a quick, corpus-independent sample). */
export function inlineDocuments(task: 'summarization' | 'email'): readonly Context[] {
  return inline[task];
}
