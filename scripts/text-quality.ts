/**
 * How plausible the offline world's text is (issue: honest offline world). For a corpus (built-in by
 * default, or `--corpus FILE --preferences FILE`), it drafts every context without a preference and with
 * every source's preference, lets the rule-based user edit each draft, and prints per task:
 * - the share of sentences the world wrote (drafts and edits; a sentence ending as one of the
 *   context's sentences ends is the source's) that end on a dangling function word ("used by."), and
 *   of those cut after a verb that needs its object ("The bank said.", "plans to use.");
 * - the share of no-learning drafts (and of the user's edits of them) holding the most repeated
 *   sentence of five or more words;
 * - sentences added by style atoms: how many share no content word with the document, and the share
 *   of the most frequent one;
 * - the share of added hashtags made of a stop word or a common (Dale–Chall) word;
 * - for emails, the share of no-learning emails holding a terse note fragment verbatim, and the share of
 *   their sentences with a broken opening: "There is" before a pronoun, a preposition or an arrow
 *   ("There is at the office."), an article before a conjunction ("The but..."), or "and and".
 * With no flags it measures the built-in corpus and the unseen-genre fixtures of
 * test/fixtures/plausible-text (recipes, landlord complaints, match reports, changelogs, appointments).
 * Run: `npm run quality:text` (or `npx tsx scripts/text-quality.ts --corpus c.jsonl --preferences p.json`).
 */
import { loadBuiltinCorpus, loadCorpusFile } from '../src/sim/corpus.js';
import { stopwords } from '../src/sim/lexicon/stop-words.js';
import { OfflineWriter } from '../src/sim/offline-writer.js';
import { loadPreferenceMapFile } from '../src/sim/preference-map.js';
import { getPreferenceSet, preferencesForTask } from '../src/sim/preference-sets.js';
import { simulatedUserFromTexts } from '../src/sim/simulated-user.js';
import { isStockSentence } from '../src/sim/atoms/stock-sentences.js';
import { isCommonWord } from '../src/sim/text/common-words.js';
import { contentWords } from '../src/sim/text/key-terms.js';
import { splitSentences } from '../src/sim/text/sentences.js';
import type { Context } from '../src/spec/index.js';

const brokenProse =
  /^(?:There (?:is|are) (?:I|we|they|you|he|she|at|in|on|with|to|from|by|for|→)\b|The (?:and|but|or|if|so|maybe)\b)|\band and\b/;

const dangling =
  /\b(the|a|an|of|by|to|for|from|at|as|than|and|or|but|nor|its|their|his|our|my|your|is|are|was|were|be|been|that|which|who)[.!]["')\]]*$/i;

/**
 * A sentence cut after a verb that needs what followed it: a reporting or transitive verb ("The bank
 * said.", "The site has.") or "to" and a verb ("the council plans to use.").
 */
const cutAfterVerb =
  /\b(?:said|says|told|tells|has|have|had|includes?|contains?|uses?|offers?|provides?|allows?|requires?|makes?|gives?|takes?|plans|wants|needs|hopes|expects|shows|reports?|announced|added|explained)[.!]["')\]]*$|\bto (?:use|make|take|give|get|keep|find|see|help|buy|pay|build|do|have|be|say|ask|tell|bring|put|send)[.!]["')\]]*$/i;

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

/** Share of texts holding their most repeated sentence of five or more words, and that sentence. */
function mostRepeated(texts: readonly string[]): { share: string; sentence: string } {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const sentence of new Set(sentencesOf(text).filter((line) => line.split(/\s+/).length >= 5)))
      counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
  const [sentence, times] = [...counts.entries()].sort((left, right) => right[1] - left[1])[0] ?? ['', 0];
  return { share: percent(times, texts.length), sentence: sentence.slice(0, 60) };
}

/** Note fragments of three or more words, compared without case or final marks. */
const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/^[-•*]\s+/, '')
    .replace(/[.!?;,]+$/, '')
    .trim();

async function measure(
  label: string,
  task: 'summarization' | 'email',
  contexts: readonly Context[],
  preferences: Record<string, string>,
) {
  const writer = new OfflineWriter({ seed: 0 });
  const user = simulatedUserFromTexts(preferences);
  const kind = { kind: task } as const;
  let written = 0;
  let danglingCount = 0;
  let cutVerbs = 0;
  let tags = 0;
  let stopTags = 0;
  let commonTags = 0;
  let added = 0;
  let unrelated = 0;
  let verbatim = 0;
  let emailSentences = 0;
  let broken = 0;
  const plains: string[] = [];
  const plainEdits: string[] = [];
  const addedSentences: string[] = [];
  for (const context of contexts) {
    // A sentence ending as one of the context's sentences ends ("...dreamed of.") kept the source's
    // ending, whatever other editors changed before it: only endings the world made are counted.
    const copied = new Set(sentencesOf(context.text).map(ending));
    const documentWords = new Set(contentWords(context.text));
    const plain = (await writer.generate({ task: kind, context })).text;
    plains.push(plain);
    const plainEdit = (await user.review({ task: kind, context, output: plain })).edited;
    plainEdits.push(plainEdit);
    if (task === 'email') {
      const sentences = new Set(sentencesOf(plain).map(comparable));
      // A note already written as a sentence (capitalized, with its end mark) may stay as it is.
      const fragments = context.text
        .split(/\n|(?<=[.!?])\s+/)
        .filter((fragment) => !/^["“]?\p{Lu}.*[.!?]["”]?$/u.test(fragment.trim()))
        // A note that opens with its subject ("my flatmate's boyfriend basically lives here now", "the
        // daycare changed its hours") is a sentence written in lower case, not a terse fragment.
        .filter(
          (fragment) =>
            !/^(?:(?:maybe|perhaps) )?(?:i|we|you|he|she|they|it|my|our|his|her|their|the|\d+|two|three)\b/i.test(
              fragment.trim(),
            ),
        )
        .map(comparable)
        .filter((fragment) => fragment.split(' ').length >= 3);
      if (fragments.some((fragment) => sentences.has(fragment))) verbatim += 1;
      for (const sentence of sentencesOf(plain)) {
        emailSentences += 1;
        if (brokenProse.test(sentence)) broken += 1;
      }
    }
    const texts = [plain, plainEdit];
    for (const preference of Object.values(preferences)) {
      const guidance = { kind: 'preference', preference } as const;
      const draft = (await writer.generate({ task: kind, context, guidance })).text;
      texts.push(draft, (await user.review({ task: kind, context, output: draft })).edited);
    }
    for (const text of texts) {
      for (const sentence of sentencesOf(text)) {
        if (isStockSentence(sentence)) {
          added += 1;
          addedSentences.push(sentence);
          if (!contentWords(sentence).some((word) => documentWords.has(word))) unrelated += 1;
        }
        if (copied.has(ending(sentence))) continue;
        written += 1;
        if (dangling.test(sentence)) danglingCount += 1;
        if (cutAfterVerb.test(sentence)) cutVerbs += 1;
      }
      for (const tag of text.match(/#[\p{L}\p{N}_]+/gu) ?? []) {
        if (context.text.includes(tag)) continue;
        tags += 1;
        if (stopwords.has(tag.slice(1).toLowerCase())) stopTags += 1;
        if (isCommonWord(tag.slice(1))) commonTags += 1;
      }
    }
  }
  const plainTop = mostRepeated(plains);
  const editTop = mostRepeated(plainEdits);
  const addedCounts = new Map<string, number>();
  for (const sentence of addedSentences) addedCounts.set(sentence, (addedCounts.get(sentence) ?? 0) + 1);
  const [addedTop, addedTimes] = [...addedCounts.entries()].sort((left, right) => right[1] - left[1])[0] ?? [
    '',
    0,
  ];
  process.stdout.write(
    `${label} ${task}: ${contexts.length} contexts\n` +
      `  sentences written (drafts and edits) ending on a dangling function word: ${percent(danglingCount, written)} of ${written}\n` +
      `  sentences written cut after a verb that needs its object ("The bank said."): ${percent(cutVerbs, written)}\n` +
      `  most repeated sentence (>= 5 words) in no-learning drafts: ${plainTop.share} ("${plainTop.sentence}")\n` +
      `  most repeated sentence (>= 5 words) in the user's edits of no-learning drafts: ${editTop.share} ("${editTop.sentence}")\n` +
      `  added sentences: ${added}; sharing no content word with the document: ${percent(unrelated, added)}; most frequent one: ${percent(addedTimes, added)} ("${addedTop.slice(0, 50)}")\n` +
      `  added hashtags made of a stop word: ${percent(stopTags, tags)}, of a common word: ${percent(commonTags, tags)} (of ${tags})\n` +
      (task === 'email'
        ? `  no-learning emails holding a terse note fragment verbatim: ${percent(verbatim, contexts.length)}\n` +
          `  sentences of no-learning emails with a broken opening ("There is at...", "The but..."): ${percent(broken, emailSentences)} of ${emailSentences}\n`
        : ''),
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
    await measure(corpusFile, task, contexts, await loadPreferenceMapFile(preferencesFile));
    return;
  }
  for (const task of ['summarization', 'email'] as const) {
    const preferences = Object.fromEntries(
      Object.entries(preferencesForTask(getPreferenceSet('prelude'), { kind: task })).map(
        ([source, latent]) => [source, latent.text],
      ),
    );
    await measure('built-in', task, await loadBuiltinCorpus(task), preferences);
  }
  // Genres, notes and users the project has never seen (test fixtures written for this check).
  for (const task of ['summarization', 'email'] as const) {
    const folder = 'test/fixtures/plausible-text';
    const preferences = await loadPreferenceMapFile(`${folder}/${task}-preferences.json`);
    await measure('unseen', task, await loadCorpusFile(`${folder}/${task}.jsonl`), preferences);
  }
}

await main();
