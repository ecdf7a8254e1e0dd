import { bodyLines, bodySentences, isQuestionLine } from '../text/body-edits.js';
import { keyTerms } from '../text/key-terms.js';
import { escapeRegExp } from '../text/replace-words.js';
import { editDocument, readDocument, renderBody } from '../text/text-document.js';
import { hasAmericanSpelling, toBritishSpelling } from './british-spellings.js';
import { isStockSentence, withoutAddedLabel } from './stock-sentences.js';
import { defineAtom } from './style-atom.js';

const andWord = /(?<![\p{L}\p{N}])and(?![\p{L}\p{N}])/giu;
const capsWord = /(?<![\p{L}\p{N}#])\p{Lu}{5,}(?![\p{L}\p{N}])/gu;
const boldSpan = /\*\*[^*\n]+\*\*/;

function distinctCapsWords(text: string): number {
  return new Set(renderBody(readDocument(text).body).match(capsWord) ?? []).size;
}

/** Key terms of the body for emphasis: two most frequent content words (5+ letters, else 3+). */
function emphasisTerms(text: string, count: number): string[] {
  const content = bodySentences(readDocument(text))
    .filter((sentence) => !isStockSentence(sentence))
    .map(withoutAddedLabel)
    .join(' ');
  const terms = keyTerms(content, count);
  return terms.length >= count
    ? terms
    : [...new Set([...terms, ...keyTerms(content, count, 3)])].slice(0, count);
}

/** Spelling and typography, applied after everything that adds words. */
export const surfaceAtoms = [
  defineAtom({
    id: 'british-spelling',
    phrases: ['British spelling', 'British English', 'UK spelling', 'British spellings'],
    meaning:
      'No American spelling that has a British form (color, center, organize, analyze, traveled...; hashtags excepted). The editor respells them (colour, centre, organise, analyse, travelled).',
    detect: (text) => !hasAmericanSpelling(text),
    edit: (text) => toBritishSpelling(text),
  }),
  defineAtom({
    id: 'ampersands',
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
      'Uses "&" and never the word "and". The editor replaces every "and" with "&" (and, when there was none, ends the last sentence with " & more"); removing writes "and" for every "&".',
    detect: (text) => text.includes('&') && !new RegExp(andWord.source, 'iu').test(text),
    edit: (text) => {
      const replaced = text.replace(andWord, '&');
      if (replaced.includes('&')) return replaced;
      return editDocument(replaced, (document) => {
        const lines = bodyLines(document).filter((line) => !isQuestionLine(line));
        const line = lines[lines.length - 1];
        if (line === undefined) return;
        const index = line.sentences.length - 1;
        line.sentences[index] = (line.sentences[index] ?? '').replace(
          /([.!?]?)((?:\s*(?:#\S+|\p{Extended_Pictographic}\uFE0F?))*)$/u,
          ' & more$1$2',
        );
      });
    },
    strip: (text) => text.replace(/\s&\s/g, ' and '),
  }),
  defineAtom({
    id: 'caps-emphasis',
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
      "At least two distinct words of five or more letters are written in ALL CAPS in the body. The editor capitalizes every occurrence of the body's two most frequent content words; removing lower-cases such words.",
    detect: (text) => distinctCapsWords(text) >= 2,
    edit: (text) =>
      editDocument(text, (document) => {
        const terms = emphasisTerms(text, 2);
        const pattern = new RegExp(`(?<![\\p{L}#])(${terms.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'giu');
        for (const line of bodyLines(document)) {
          line.sentences = line.sentences.map((sentence) =>
            sentence.replace(pattern, (word) => word.toUpperCase()),
          );
        }
      }),
    strip: (text) =>
      editDocument(text, (document) => {
        for (const line of bodyLines(document)) {
          line.sentences = line.sentences.map((sentence, index) =>
            sentence.replace(capsWord, (word, offset: number) =>
              index === 0 && offset === 0 ? word.charAt(0) + word.slice(1).toLowerCase() : word.toLowerCase(),
            ),
          );
        }
      }),
  }),
  defineAtom({
    id: 'bold-key-terms',
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
