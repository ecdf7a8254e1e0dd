import { bodyLines, isQuestionLine, messageText, tidyBody } from '../text/body-edits.js';
import { countWords, splitClauses, splitSentences } from '../text/sentences.js';
import { shortenSentence, splitLongSentence } from '../text/split-long-sentence.js';
import { editDocument, readDocument } from '../text/text-document.js';
import type { TextDocument } from '../text/text-document.js';
import { isStockSentence, ownWords } from './stock-sentences.js';
import { defineAtom } from './style-atom.js';

// NOTE: length editors cut below their detector's limit (hysteresis), so that atoms applied after
// them (stock sentences, labels, list markers) keep the text within the limit.

const fillerSentence =
  /^(I hope (this|that|the) (email|message|note) finds you well|I hope (you are|you're|you’re|all is) (doing )?well|I hope you had a (good|great|nice)|I am writing to|I'm writing to|I’m writing to|I wanted to (reach out|share|let you know|write|touch base)|I just wanted to|Just (a quick note|wanted to|writing to)|As you (may|might) (already )?know)\b/i;
const fillerWords = /\s*\b(just|basically|actually|really|very|quite|simply|literally|kind of|sort of)\b/gi;

function hasFiller(document: TextDocument): boolean {
  return bodyLines(document).some((line) =>
    line.sentences.some(
      (sentence) => fillerSentence.test(sentence) || new RegExp(fillerWords.source, 'i').test(sentence),
    ),
  );
}

/** Keep the leading body sentences while the body so far `fits`; the first content sentence is always kept. */
function keepLeading(document: TextDocument, fits: (document: TextDocument) => boolean): void {
  const lines = bodyLines(document);
  const originals = lines.map((line) => line.sentences);
  for (const line of lines) line.sentences = [];
  let first = true;
  filling: for (const [index, line] of lines.entries()) {
    for (const sentence of originals[index] ?? []) {
      line.sentences.push(sentence);
      if (first) {
        first = isQuestionLine(line);
        continue;
      }
      if (!fits(document)) {
        line.sentences.pop();
        break filling;
      }
    }
  }
}

/**
 * Words of the body's own content: stock sentences and fragments, Q/A questions and added labels are
 * not counted (later atoms add them, so counting them would break a length atom that already held).
 */
function bodyWordCount(document: TextDocument): number {
  return bodyLines(document)
    .filter((line) => !isQuestionLine(line))
    .reduce(
      (total, line) =>
        total +
        line.sentences
          .filter((sentence) => !isStockSentence(sentence))
          .reduce((sum, sentence) => sum + countWords(ownWords(sentence)), 0),
      0,
    );
}

/** Clauses of the body, counted on their own words (`ownWords`). */
function allClauses(document: TextDocument): string[] {
  return bodyLines(document).flatMap((line) =>
    line.sentences.flatMap((sentence) => splitClauses(ownWords(sentence))),
  );
}

/**
 * True when a clause is over `limit` words and the splitting editor (to `target` words) can do
 * something about it; a clause with no clause boundary and no phrase to drop is left as it is, and a
 * user asking for short sentences accepts it (cutting it would leave a fragment).
 */
function tooLong(clause: string, limit: number, target: number): boolean {
  if (countWords(clause) <= limit) return false;
  const pieces = splitLongSentence(clause, target);
  return pieces.length > 1 || countWords(pieces[0] ?? '') < countWords(clause);
}

/** Split sentences with a clause (or, `wholeSentences`, the sentence itself) over `maxWords` words. */
function splitSentencesLongerThan(document: TextDocument, maxWords: number, wholeSentences = false): void {
  for (const line of bodyLines(document)) {
    line.sentences = line.sentences.flatMap((sentence) =>
      (wholeSentences ? [sentence] : splitClauses(sentence)).some((clause) => countWords(clause) > maxWords)
        ? splitLongSentence(sentence.replace(/\s*(;|\s—\s)\s*/gu, ', '), maxWords)
        : [sentence],
    );
  }
}

const briefLimit = 60;
const briefBudget = 30;
const tweetLimit = 50;
const tweetBudget = 22;

/** Atoms about length and economy, applied first (they may drop content). */
export const lengthAtoms = [
  defineAtom('straight-to-the-point', {
    unwanted: { when: 'never', why: 'Getting to the point sooner is not a feature a reader objects to.' },
    phrases: [
      'straight to the point',
      'straight to the points',
      'to the point',
      'direct',
      'no filler',
      'concise',
      'no fluff',
    ],
    meaning:
      'No pleasantry or throat-clearing sentence ("I hope this email finds you well", "I am writing to...", "I just wanted to...") and no filler words (just, basically, actually, really, very, quite, simply). The editor deletes those sentences and words.',
    detect: (text) => !hasFiller(readDocument(text)),
    edit: (text) =>
      editDocument(text, (document) => {
        for (const line of bodyLines(document)) {
          line.sentences = line.sentences
            .filter((sentence) => !fillerSentence.test(sentence))
            .map((sentence) =>
              sentence
                .replace(fillerWords, '')
                .replace(/^\s*(\p{Ll})/u, (letter) => letter.toUpperCase())
                .trim(),
            );
        }
        tidyBody(document);
      }),
  }),
  defineAtom('brief', {
    unwanted: { when: 'never', why: 'A shorter text is not a marked feature.' },
    phrases: ['brief', 'short', 'concise summary', 'succinct', 'keep it short', 'shorter'],
    meaning: `The body has at most ${briefLimit} words of its own (stock sentences added by other atoms, Q/A questions and "Key point:" labels are not counted). The editor keeps the leading sentences that fit in ${briefBudget} words (at least one, cut if needed), keeping the layout.`,
    detect: (text) => bodyWordCount(readDocument(text)) <= briefLimit,
    edit: (text) =>
      editDocument(text, (document) => {
        splitSentencesLongerThan(document, briefBudget, true);
        keepLeading(document, (draft) => bodyWordCount(draft) <= briefBudget);
        tidyBody(document);
      }),
  }),
  defineAtom('tweet-style', {
    unwanted: {
      when: 'never',
      why: 'Length alone is not objected to; its hashtags are judged on their own.',
    },
    phrases: ['tweet length', 'tweet style', 'tweet', 'like a tweet', 'twitter style', 'social media post'],
    meaning: `Fits in a tweet (about 280 characters): the body's own content is at most ${tweetLimit} words (counted as for brief). The editor keeps the leading sentences whose content fits in ${tweetBudget} words (the first one shortened to fit if needed, by its trailing phrases first). Hashtags are a separate atom.`,
    conflicts: ['qa-format', 'structured'],
    detect: (text) => bodyWordCount(readDocument(text)) <= tweetLimit,
    edit: (text) =>
      editDocument(text, (document) => {
        splitSentencesLongerThan(document, 18);
        keepLeading(document, (draft) => bodyWordCount(draft) <= tweetBudget);
        tidyBody(document);
        const line = bodyLines(document)[0];
        while (line !== undefined && bodyWordCount(document) > tweetBudget) {
          const sentence = line.sentences[0] ?? '';
          const words = countWords(sentence);
          if (words <= 3) break;
          const shorter = shortenSentence(sentence, words - 1);
          if (countWords(shorter) >= words) break;
          line.sentences[0] = shorter;
        }
      }),
  }),
  defineAtom('clear', {
    unwanted: { when: 'never', why: 'Plainer wording is not a marked feature.' },
    phrases: ['clear', 'clarity', 'easy to follow', 'plain'],
    meaning:
      'Every sentence (or semicolon clause) of the body has at most 20 words (an added "Key point:" label not counted; a sentence with no clause boundary and no phrase to drop is let be) and there is no parenthesis in the message. The editor removes "(...)" asides (and any stray parenthesis) and splits long sentences at clause boundaries into sentences of at most 16 words.',
    detect: (text) =>
      !/[()]/.test(messageText(readDocument(text))) &&
      allClauses(readDocument(text)).every((clause) => !tooLong(clause, 20, 16)),
    edit: (text) =>
      editDocument(text, (document) => {
        const withoutAsides = (part: string) =>
          part
            .replace(/\s*\([^()]*\)/g, '')
            .replace(/[()]/g, '')
            .trim();
        for (const line of bodyLines(document)) {
          line.sentences = splitSentences(withoutAsides(line.sentences.join(' ')));
        }
        if (document.tldr !== null) document.tldr = withoutAsides(document.tldr);
        if (document.postscript !== null) document.postscript = withoutAsides(document.postscript);
        splitSentencesLongerThan(document, 16);
        tidyBody(document);
      }),
  }),
  defineAtom('short-sentences', {
    unwanted: { when: 'never', why: 'Sentence length is not a marked feature.' },
    phrases: ['short sentences', 'shorter sentences', 'simple sentences', 'brief sentences'],
    meaning:
      'Every sentence (or semicolon clause) of the body has at most 12 words (an added "Key point:" label not counted; a sentence with no clause boundary and no phrase to drop is let be: cutting it would leave a fragment). The editor splits longer ones at clause boundaries into sentences of at most 10 words, and shortens a clause that is still longer by dropping its trailing phrases (never leaving a fragment or a dangling "by." or "the.").',
    detect: (text) => allClauses(readDocument(text)).every((clause) => !tooLong(clause, 12, 10)),
    edit: (text) =>
      editDocument(text, (document) => {
        splitSentencesLongerThan(document, 10);
        tidyBody(document);
      }),
  }),
];
