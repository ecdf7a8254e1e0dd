import { describe, expect, it } from 'vitest';
import { splitSentences } from './punkt-sentence-split.js';

describe('splitSentences options', () => {
  it('splits as NLTK by default: tags open the next sentence, every ? and ! ends one', () => {
    expect(splitSentences('Done! #win 🎉 Next one.')).toEqual(['Done!', '#win 🎉 Next one.']);
    expect(splitSentences('Reviewing "Why?" — a study. Good.')).toEqual([
      'Reviewing "Why?"',
      '— a study.',
      'Good.',
    ]);
    expect(splitSentences('I need time (2 weeks?) and a reply.')).toEqual([
      'I need time (2 weeks?)',
      'and a reply.',
    ]);
  });

  it('keeps trailing hashtags and emojis with the sentence they follow', () => {
    const keep = { keepTrailingMarks: true };
    expect(splitSentences('Done! #win 🎉 Next one.', keep)).toEqual(['Done! #win 🎉', 'Next one.']);
    expect(splitSentences('Big news. #science #health', keep)).toEqual(['Big news. #science #health']);
    expect(splitSentences('Big news.  🎉\u200d Then more.', keep)).toEqual([
      'Big news.  🎉\u200d',
      'Then more.',
    ]);
    expect(splitSentences('Mr. Smith arrived. He sat.', keep)).toEqual(['Mr. Smith arrived.', 'He sat.']);
  });

  it('keeps a quoted or bracketed question inside its sentence when a lower-case word or a dash follows', () => {
    const keep = { keepInnerQuestions: true };
    expect(splitSentences('Reviewing "Why?" — a study. Good.', keep)).toEqual([
      'Reviewing "Why?" — a study.',
      'Good.',
    ]);
    expect(splitSentences('I need time (2 weeks?) and a reply.', keep)).toEqual([
      'I need time (2 weeks?) and a reply.',
    ]);
    expect(splitSentences('She asked "why?" He left.', keep)).toEqual(['She asked "why?"', 'He left.']);
    expect(splitSentences('Is it ready? not sure.', keep)).toEqual(['Is it ready?', 'not sure.']);
  });

  it('returns slices of the text, so the sentences joined by what lies between them give it back', () => {
    const text = 'One. #a  Two (why?) and three! "Four?" — five.';
    const sentences = splitSentences(text, { keepTrailingMarks: true, keepInnerQuestions: true });
    expect(sentences).toEqual(['One. #a', 'Two (why?) and three!', '"Four?" — five.']);
    let position = 0;
    for (const sentence of sentences) {
      position = text.indexOf(sentence, position);
      expect(position).toBeGreaterThanOrEqual(0);
      position += sentence.length;
    }
  });
});
