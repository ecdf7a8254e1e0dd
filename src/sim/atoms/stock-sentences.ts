import { BoundedCache } from '../text/bounded-cache.js';
import { fnvHash } from '../text/fnv-hash.js';
import { isEmotionWord, isNegativeWord } from '../lexicon/sentiment.js';
import { bodySentences } from '../text/body-edits.js';
import { isNoun, wordTags } from '../lexicon/word-classes.js';
import { keyTerms } from '../text/key-terms.js';
import { personTitle, salientTopics } from '../text/salient-names.js';
import { withoutTrailingMarks } from '../text/sentences.js';
import { readDocument } from '../text/text-document.js';
import { complexWords, formalWords, negativeWords, slangWords } from './word-tables.js';

/**
 * The sentences editors add, as templates around the text's own topic (`{topic}`, or `{Topic}` at the
 * start of a sentence), so that an added sentence draws on the document ("There is real hope for the
 * Tamm River.") rather than one line pasted everywhere. Each template holds its atom's marker words,
 * has at most eight words besides the topic, no contraction, no "and", no first-person pronoun and no
 * complex, negative, slang or US-only word, so adding one never breaks an atom applied earlier.
 * Variants are chosen by a hash of the topic: different documents read differently, the same
 * document always the same.
 */
const templates = {
  positiveSummary: [
    'This is good news for {topic}, a hopeful sign.',
    'Great hope surrounds {topic}.',
    'Things look good for {topic}, a hopeful sign.',
  ],
  positiveEmail: [
    'Overall, {topic} looks great, a welcome step.',
    'The news on {topic} is good, a welcome step.',
  ],
  emotions: ['{Topic} stirs strong feelings.', 'Feelings about {topic} run high.'],
  reflection: ['Take a moment to reflect on {topic}.', 'Ask yourself what {topic} means to you.'],
  interactive: ['What do you think about {topic}?', 'What would you do about {topic}?'],
  callToAction: [
    'Please reply with your thoughts on {topic} by Friday.',
    'Please share your view on {topic} by Friday.',
  ],
  respectful: [
    'Your time on {topic} is greatly appreciated.',
    'Any thoughts on {topic} are greatly appreciated.',
  ],
  playful: ['Wow, what a ride for {topic}!', 'Wow, {topic} is a real adventure!'],
  storytelling: ['This is the story of {topic}.', 'Once upon a time, there was {topic}.'],
  childAudience: ['Listen up, kids, this is about {topic}.', 'Young readers, meet {topic}.'],
  immersive: ['Picture yourself right there with {topic}.', 'Step into the world of {topic}.'],
  inquisitive: ['Ever wondered how {topic} works?', 'What makes {topic} so special?'],
  engaging: ['Some exciting news about {topic}!', 'Big news about {topic}!'],
  conversational: ['Honestly, {topic} is worth a look.', 'By the way, {topic} is worth a look.'],
  foreshadowing: ['Stay tuned for more on {topic}.', 'The biggest surprise about {topic} comes last.'],
  personalized: ['{Topic} connects closely to your own work.', 'Your team may find {topic} useful.'],
  yourStory: ['This is your story about {topic}.', 'You are part of the story of {topic}.'],
  remarkable: ['{Topic} is truly remarkable!'],
  moreSoon: ['More on {topic} follows; details soon.'],
} as const satisfies Record<string, readonly string[]>;

/** Which added sentence: one per atom that adds a sentence. */
export type StockSentenceKey = keyof typeof templates;

function normalized(sentence: string): string {
  return sentence
    .replace(/\*\*/g, '')
    .replace(/&/g, 'and')
    .replace(/(\s*(#[\p{L}\p{N}_]+|\p{Extended_Pictographic}|\uFE0F|\u200D))+$/gu, '')
    .replace(/^Key point:\s*/i, '')
    .replace(/;/g, '.')
    .replace(/[.!?]+$/, '')
    .trim()
    .toLowerCase();
}

const slot = '\u0000';
const patterns: readonly RegExp[] = Object.values(templates)
  .flat()
  .map((template) => {
    const [before, after] = normalized(template.replace(/\{topic\}/i, slot)).split(slot);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escape(before ?? '')}.{1,80}?${escape(after ?? '')}$`, 'u');
  });

/** True for a sentence an editor added (whatever later atoms did to its case, marks or topic words). */
export function isStockSentence(sentence: string): boolean {
  return stockSentences.getOrSet(sentence, () => {
    const text = normalized(sentence);
    return patterns.some((pattern) => pattern.test(text));
  });
}

// NOTE: memoized (a pure function of the sentence): detectors ask it of the same draft sentences
// round after round, and a cache hit costs less than the normalisation and the template patterns.
const stockSentences = new BoundedCache<string, boolean>(16_384);

const avoided = new Set(
  [
    ...Object.keys(negativeWords),
    ...Object.keys(complexWords),
    ...Object.keys(slangWords),
    ...Object.keys(formalWords),
    'and',
    'i',
    'me',
    'my',
    'we',
    'us',
    'our',
  ].map((word) => word.toLowerCase()),
);

/** A topic that keeps the templates' promises: one to three words, none of them an avoided word. */
function usable(topic: string | undefined): topic is string {
  if (topic === undefined) return false;
  const words = topic.split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 3 &&
    words.every(
      (word) =>
        /^[\p{L}\p{N}'’-]*\p{L}[\p{L}\p{N}'’-]*$/u.test(word) &&
        !avoided.has(word.toLowerCase()) &&
        !isNegativeWord(word) &&
        !isEmotionWord(word),
    )
  );
}

/**
 * The text's most repeated noun of four letters or more, common or not ("flatmate", "ticket"), that
 * is most likely a noun and not a general one ("time", "things"): what a personal note is about when
 * it names nothing. A sentence may say "the job"; a hashtag may not
 * (`hashtagOf` keeps to salient words).
 */
function repeatedNoun(text: string): string | undefined {
  const frequent = keyTerms(text, 5, 4).filter(
    (word) => (text.toLowerCase().match(new RegExp(`\\b${word}\\b`, 'g')) ?? []).length >= 2,
  );
  return frequent.find(
    (word) =>
      isNoun(word) && /^NNS?$/.test(wordTags(word)[0] ?? 'NN') && !generalNouns.test(word) && usable(word),
  );
}

/** Nouns too general to be what a text is about ("the time", "things"). */
const generalNouns =
  /^(?:everyone|everything|someone|something|anyone|anything|time|times|day|days|week|weeks|month|months|year|years|thing|things|people|person|idea|ideas|way|ways|lot|lots|part|parts|kind|sort|bit|stuff|place|work|point|fact|case|side|end)$/;

/**
 * What a text is about, in a few of its own words (`salientTopics`): a name it repeats ("the Tamm
 * River" stays a name), else the subject of its first sentence ("table tennis"), else a name, else an
 * uncommon content word, else a noun it repeats (`repeatedNoun`); "this" when nothing fits. Added sentences are left out of the reading.
 */
export function topicOf(text: string): string {
  const body = bodySentences(readDocument(text))
    .filter((sentence) => !isStockSentence(sentence))
    .map(withoutAddedLabel)
    .join('\n');
  return bodyTopics.getOrSet(body, () => topicOfBody(body));
}

// NOTE: memoized per body (a pure function of it): drafts that differ only by the sentences editors
// added, or by marks and layout, share their body, and with it their topic.
const bodyTopics = new BoundedCache<string, string>(8192);

function topicOfBody(body: string): string {
  // NOTE: a person ("Ms Okafor") is no topic for these templates ("how Ms Okafor works").
  const topic =
    salientTopics(body).find((candidate) => usable(candidate) && !personTitle.test(candidate)) ??
    repeatedNoun(body);
  if (topic === undefined) return 'this';
  // A common noun in the singular reads with its article ("how the ankle works").
  return /^\p{Ll}/u.test(topic) && !/s$/.test(topic) ? `the ${topic}` : topic;
}

/**
 * The sentence an editor adds to `text`: a template of `key` around the text's topic (`topicOf`),
 * the variant chosen by a hash of key and topic (`offset` picks the next ones, for a second sentence).
 *
 * @example
 * stockSentence('interactive', 'Engineers closed the Halvers Crossing bridge on Tuesday.');
 * // 'What do you think about Halvers Crossing?' (or the other variant)
 */
export function stockSentence(key: StockSentenceKey, text: string, offset = 0): string {
  const topic = topicOf(text);
  const variants: readonly string[] = templates[key];
  const template =
    variants[(fnvHash(`${key}\u0000${topic}`) + offset) % variants.length] ?? variants[0] ?? '';
  return template
    .replace('{Topic}', topic.charAt(0).toUpperCase() + topic.slice(1))
    .replace('{topic}', topic);
}

/** A sentence without a "Key point: " label (the label parallel-structure adds), for counting words. */
export function withoutAddedLabel(sentence: string): string {
  return sentence.replace(/^(\*\*)?Key point(\*\*)?:\s*/i, '');
}

/**
 * A sentence's own words: without an added "Key point: " label, trailing hashtags and emojis, or a
 * "; more soon" / " & more" fragment.
 */
export function ownWords(sentence: string): string {
  return withoutTrailingMarks(withoutAddedLabel(sentence)).replace(
    /(;\s*more soon|\s&\s*more)(?=[.!?]?$)/i,
    '',
  );
}
