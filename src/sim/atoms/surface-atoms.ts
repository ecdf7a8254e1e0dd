import { bodyLines, bodySentences, contentLines, mapBodySentences } from '../text/body-edits.js';
import { keyTerms } from '../text/key-terms.js';
import { escapeRegExp } from '../text/replace-words.js';
import { editDocument, readDocument, renderBody } from '../text/text-document.js';
import { hasAmericanSpelling, toBritishSpelling } from './british-spellings.js';
import { isStockSentence, withoutAddedLabel } from './stock-sentences.js';
import { defineAtom } from './style-atom.js';

const andWord = /(?<![\p{L}\p{N}])and(?![\p{L}\p{N}])/giu;
const capsWord = /(?<![\p{L}\p{N}#])\p{Lu}{3,}(?![\p{L}\p{N}])/gu;
const boldSpan = /\*\*[^*\n]+\*\*/;

/** Whole-word, case-insensitive matcher of the given terms (not inside hashtags). */
function termPattern(terms: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}#])(${terms.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'giu');
}

/** True when the term occurs in ALL CAPS at least once in the text. */
function capsOccurrence(text: string, term: string): boolean {
  // NOTE: an all-caps occurrence contains the upper-case term: most texts have none, and the
  // case-insensitive Unicode search below is slow (measured: the bench's most expensive detector).
  if (!text.includes(term.toUpperCase())) return false;
  for (const match of text.matchAll(termPattern([term])))
    if (match[0] === match[0].toUpperCase()) return true;
  return false;
}

/** Key terms of the body for emphasis: two most frequent content words (5+ letters, else 3+). */
function emphasisTerms(text: string, count: number): string[] {
  const content = bodySentences(readDocument(text))
    .filter((sentence) => !isStockSentence(sentence))
    .map((sentence) => withoutAddedLabel(sentence).replace(/#[\p{L}\p{N}_]+/gu, ''))
    .join(' ');
  const terms = keyTerms(content, count);
  return terms.length >= count
    ? terms
    : [...new Set([...terms, ...keyTerms(content, count, 3)])].slice(0, count);
}

/** Spelling and typography, applied after everything that adds words. */
export const surfaceAtoms = [
  defineAtom('british-spelling', {
    unwanted: { when: 'never', why: 'Spelling variants go unnoticed unless asked for.' },
    phrases: ['British spelling', 'British English', 'UK spelling', 'British spellings'],
    meaning:
      'No American spelling that has a British form (color, center, organize, analyze, traveled...; hashtags excepted). The editor respells them (colour, centre, organise, analyse, travelled).',
    detect: (text) => !hasAmericanSpelling(text),
    edit: (text) => toBritishSpelling(text),
  }),
  defineAtom('ampersands', {
    unwanted: { when: 'unrequested', why: 'Ampersands in running text are a marked feature.' },
    phrases: [
      'ampersands instead of "and"',
      "ampersands instead of 'and'",
      'ampersands instead of and',
      'ampersands',
      'ampersand',
      '& instead of and',
    ],
    avoidPhrase: 'no ampersands',
    meaning:
      'Uses "&" and never the word "and". The editor replaces every "and" with "&" (and, when there was none, ends the last sentence of its own with " & more"); removing writes "and" for every "&".',
    detect: (text) => text.includes('&') && !new RegExp(andWord.source, 'iu').test(text),
    edit: (text) => {
      const replaced = text.replace(andWord, '&');
      if (replaced.includes('&')) return replaced;
      return editDocument(replaced, (document) => {
        const lines = contentLines(document);
        const sentences = lines.flatMap((line) =>
          line.sentences.map((sentence, index) => ({ line, index, sentence })),
        );
        const target =
          [...sentences].reverse().find((entry) => !isStockSentence(entry.sentence)) ??
          sentences[sentences.length - 1];
        if (target === undefined) return;
        target.line.sentences[target.index] = target.sentence.replace(
          /([.!?]?)((?:\s*(?:#\S+|\p{Extended_Pictographic}\uFE0F?))*)$/u,
          ' & more$1$2',
        );
      });
    },
    strip: (text) => text.replace(/\s&\s/g, ' and '),
  }),
  defineAtom('caps-emphasis', {
    unwanted: { when: 'unrequested', why: 'ALL-CAPS words are a marked feature.' },
    phrases: [
      'ALL-CAPS emphasis of key terms',
      'all caps emphasis',
      'all-caps key terms',
      'ALL CAPS key terms',
      'capitalized key terms',
      'all caps',
    ],
    avoidPhrase: 'no all caps',
    meaning:
      "The body's two key terms (its most frequent content words of five or more letters, else three or more) are written in ALL CAPS at least once. The editor capitalizes every occurrence of them; removing lower-cases every all-caps word of three or more letters.",
    detect: (text) => {
      const body = renderBody(readDocument(text).body);
      const terms = emphasisTerms(text, 2);
      return terms.length > 0 && terms.every((term) => capsOccurrence(body, term));
    },
    edit: (text) =>
      editDocument(text, (document) => {
        const pattern = termPattern(emphasisTerms(text, 2));
        mapBodySentences(document, (sentence) => sentence.replace(pattern, (word) => word.toUpperCase()));
      }),
    strip: (text) =>
      editDocument(text, (document) =>
        mapBodySentences(document, (sentence, index) =>
          sentence.replace(capsWord, (word, offset: number) =>
            index === 0 && offset === 0 ? word.charAt(0) + word.slice(1).toLowerCase() : word.toLowerCase(),
          ),
        ),
      ),
  }),
  defineAtom('bold-key-terms', {
    unwanted: { when: 'unrequested', why: 'Bold markup is a marked feature.' },
    phrases: ['bold key terms', 'bold', 'bolded key terms', 'bold text'],
    avoidPhrase: 'no bold text',
    meaning:
      "The body marks a key term in Markdown bold (**term**). The editor bolds the first occurrence of the body's most frequent content word (not inside a hashtag); removing deletes the bold markers.",
    detect: (text) => boldSpan.test(renderBody(readDocument(text).body)),
    edit: (text) =>
      editDocument(text, (document) => {
        const [term] = emphasisTerms(text, 1);
        if (term === undefined) return;
        const pattern = new RegExp(`(?<![\\p{L}#*])(${escapeRegExp(term)})(?![\\p{L}*])`, 'iu');
        for (const line of bodyLines(document)) {
          const index = line.sentences.findIndex((sentence) => pattern.test(sentence));
          if (index >= 0) {
            line.sentences[index] = (line.sentences[index] ?? '').replace(pattern, '**$1**');
            return;
          }
        }
      }),
    strip: (text) => text.replace(/\*\*/g, ''),
  }),
];
