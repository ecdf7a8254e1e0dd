/**
 * How plausible the offline world's text is (issue: honest offline world). For a corpus (built-in by
 * default, or `--corpus FILE --preferences FILE`), it drafts every context without a preference and with
 * every source's preference, lets the rule-based user edit each draft, and prints per task:
 * - the share of sentences the world wrote (drafts and edits; a sentence ending as one of the
 *   context's sentences ends is the source's) that end on a dangling function word ("used by.");
 * - the share of no-learning drafts holding the most repeated sentence of five or more words;
 * - the share of added hashtags made of a stop word.
 * Run: `npm run quality:text` (or `npx tsx scripts/text-quality.ts --corpus c.jsonl --preferences p.json`).
 */
import { loadBuiltinCorpus, loadCorpusFile } from '../src/sim/corpus.js';
import { stopwords } from '../src/sim/lexicon/stop-words.js';
import { OfflineWriter } from '../src/sim/offline-writer.js';
import { loadPreferenceMapFile } from '../src/sim/preference-map.js';
import { getPreferenceSet, preferencesForTask } from '../src/sim/preference-sets.js';
import { simulatedUserFromTexts } from '../src/sim/simulated-user.js';
import { splitSentences } from '../src/sim/text/sentences.js';
import type { Context } from '../src/spec/index.js';

const dangling =
  /\b(the|a|an|of|by|to|for|from|at|as|than|and|or|but|nor|its|their|his|our|my|your|is|are|was|were|be|been|that|which|who)[.!]["')\]]*$/i;

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

const sentencesOf = (text: string) => text.split('\n').flatMap((line) => splitSentences(line.trim()));
/** The last two words of a sentence, lower case, without marks. */
const ending = (sentence: string) =>
  sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .trim()
    .split(/\s+/)
    .slice(-2)
    .join(' ');
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(2)}%`;

async function measure(
  task: 'summarization' | 'email',
  contexts: readonly Context[],
  preferences: Record<string, string>,
) {
  const writer = new OfflineWriter({ seed: 0 });
  const user = simulatedUserFromTexts(preferences);
  const kind = { kind: task } as const;
  let written = 0;
  let danglingCount = 0;
  let tags = 0;
  let commonTags = 0;
  const repeated = new Map<string, number>();
  for (const context of contexts) {
    // A sentence ending as one of the context's sentences ends ("...dreamed of.") kept the source's
    // ending, whatever other editors changed before it: only endings the world made are counted.
    const copied = new Set(sentencesOf(context.text).map(ending));
    const plain = (await writer.generate({ task: kind, context })).text;
    for (const sentence of new Set(sentencesOf(plain).filter((text) => text.split(/\s+/).length >= 5)))
      repeated.set(sentence, (repeated.get(sentence) ?? 0) + 1);
    const texts = [plain];
    for (const preference of Object.values(preferences)) {
      const guidance = { kind: 'preference', preference } as const;
      const draft = (await writer.generate({ task: kind, context, guidance })).text;
      texts.push(draft, (await user.review({ task: kind, context, output: draft })).edited);
    }
    for (const text of texts) {
      for (const sentence of sentencesOf(text)) {
        if (copied.has(ending(sentence))) continue;
        written += 1;
        if (dangling.test(sentence)) danglingCount += 1;
      }
      for (const tag of text.match(/#[\p{L}\p{N}_]+/gu) ?? []) {
        if (context.text.includes(tag)) continue;
        tags += 1;
        if (stopwords.has(tag.slice(1).toLowerCase())) commonTags += 1;
      }
    }
  }
  const [top, times] = [...repeated.entries()].sort((left, right) => right[1] - left[1])[0] ?? ['', 0];
  process.stdout.write(
    `${task}: ${contexts.length} contexts\n` +
      `  sentences written that end on a dangling function word: ${percent(danglingCount, written)} of ${written}\n` +
      `  most repeated sentence (>= 5 words) in no-learning drafts: ${percent(times, contexts.length)} ("${top.slice(0, 60)}")\n` +
      `  added hashtags made of a stop word: ${percent(commonTags, tags)} of ${tags}\n`,
  );
}

async function main(): Promise<void> {
  const corpusFile = flag('--corpus');
  const preferencesFile = flag('--preferences');
  if ((corpusFile === undefined) !== (preferencesFile === undefined))
    throw new Error('give both --corpus FILE and --preferences FILE, or neither (the built-in corpus)');
  if (corpusFile !== undefined && preferencesFile !== undefined) {
    const contexts = await loadCorpusFile(corpusFile);
    const task = flag('--task') === 'email' ? 'email' : 'summarization';
    await measure(task, contexts, await loadPreferenceMapFile(preferencesFile));
    return;
  }
  for (const task of ['summarization', 'email'] as const) {
    const preferences = Object.fromEntries(
      Object.entries(preferencesForTask(getPreferenceSet('prelude'), { kind: task })).map(
        ([source, latent]) => [source, latent.text],
      ),
    );
    await measure(task, await loadBuiltinCorpus(task), preferences);
  }
}

await main();
