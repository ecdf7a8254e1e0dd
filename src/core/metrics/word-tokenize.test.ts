import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './punkt-sentence-split.js';
import { treebankTokenize, wordTokenize, wordTokenSpans } from './word-tokenize.js';

/*
 * Expected tokens follow NLTK 3.8's `word_tokenize` (Punkt sentences, then `NLTKWordTokenizer`); the
 * word rules of each row were checked with Debian's python3-nltk 3.8. The comment names the rule where
 * the outcome is not obvious. The broad check against NLTK is word-tokenize.nltk.test.ts.
 */
const cases: ReadonlyArray<readonly [input: string, expected: readonly string[], rule?: string]> = [
  // NLTK's own docstring example (nltk/tokenize/__init__.py).
  [
    'Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\n\nThanks.',
    [
      'Good',
      'muffins',
      'cost',
      '$',
      '3.88',
      'in',
      'New',
      'York',
      '.',
      'Please',
      'buy',
      'me',
      'two',
      'of',
      'them',
      '.',
      'Thanks',
      '.',
    ],
  ],
  ["They'll save and invest more.", ['They', "'ll", 'save', 'and', 'invest', 'more', '.']],
  [
    "hi, my name can't hello,",
    ['hi', ',', 'my', 'name', 'ca', "n't", 'hello', ','],
    'n\'t splits off: "ca" remains',
  ],
  ["Don't stop, Mr. Smith.", ['Do', "n't", 'stop', ',', 'Mr.', 'Smith', '.'], 'Mr is an abbreviation'],
  ['I met Mr. Smith. He sat.', ['I', 'met', 'Mr.', 'Smith', '.', 'He', 'sat', '.']],
  [
    'Johann S. Bach wrote it. Then he left.',
    ['Johann', 'S.', 'Bach', 'wrote', 'it', '.', 'Then', 'he', 'left', '.'],
    'initial before a name',
  ],
  [
    '"We beat some pretty good teams to get here," Slocum said.',
    [
      '``',
      'We',
      'beat',
      'some',
      'pretty',
      'good',
      'teams',
      'to',
      'get',
      'here',
      ',',
      "''",
      'Slocum',
      'said',
      '.',
    ],
    "a quote at the start opens (``), any other \" closes ('')",
  ],
  [
    'He said "Go." Then he left.',
    ['He', 'said', '``', 'Go', '.', "''", 'Then', 'he', 'left', '.'],
    'closing quote realigned into the first sentence',
  ],
  ['Wait... what?', ['Wait', '...', 'what', '?']],
  [
    'It costs 1,000 dollars, or 2,5 euros.',
    ['It', 'costs', '1,000', 'dollars', ',', 'or', '2,5', 'euros', '.'],
    'a comma before a digit stays',
  ],
  ['The price is 3.14 today.', ['The', 'price', 'is', '3.14', 'today', '.']],
  ['(This is fine.) Next one.', ['(', 'This', 'is', 'fine', '.', ')', 'Next', 'one', '.']],
  [
    'Prices rose 5% at AT&T & co. #1 @home',
    ['Prices', 'rose', '5', '%', 'at', 'AT', '&', 'T', '&', 'co.', '#', '1', '@', 'home'],
    '[;@#$%&] padded',
  ],
  [
    '- item one\n- item two',
    ['-', 'item', 'one', '-', 'item', 'two'],
    'a single hyphen is not padded; whitespace separates',
  ],
  ['Love it 🙂 thanks', ['Love', 'it', '🙂', 'thanks']],
  ['So good🙂', ['So', 'good🙂'], 'no rule pads emoji: glued to a word it stays glued'],
  [
    "I'm sure you're right; we'll see. We've tried and I'd go.",
    [
      'I',
      "'m",
      'sure',
      'you',
      "'re",
      'right',
      ';',
      'we',
      "'ll",
      'see',
      '.',
      'We',
      "'ve",
      'tried',
      'and',
      'I',
      "'d",
      'go',
      '.',
    ],
  ],
  [
    'cannot gonna gotta wanna go',
    ['can', 'not', 'gon', 'na', 'got', 'ta', 'wan', 'na', 'go'],
    'MacIntyre contractions',
  ],
  [
    "'Tis true. 'Twas so.",
    ["'T", 'is', 'true', '.', "'T", 'was', 'so', '.'],
    "NLTK 3.8 keeps ' on a word starting like a clitic, then splits 't|is",
  ],
  [
    "She wrote 'a' and 'b'.",
    ['She', 'wrote', "'", 'a', "'", 'and', "'", 'b', "'", '.'],
    "an opening ' is split from a one-character word",
  ],
  [
    'Pages 10–12 — and more—much more.',
    ['Pages', '10–12', '—', 'and', 'more—much', 'more', '.'],
    'NLTK 3.8 pads no dash but --',
  ],
  [
    "I can't\nsee it. They'd\tcome.",
    ['I', "can't", 'see', 'it', '.', "They'd", 'come', '.'],
    'NLTK 3.8 splits a clitic only before a space, not a newline or tab',
  ],
  ['Use e.g. apples, i.e. fruit.', ['Use', 'e.g.', 'apples', ',', 'i.e.', 'fruit', '.']],
  [
    'In the U.S. economy, growth slowed. The end.',
    ['In', 'the', 'U.S.', 'economy', ',', 'growth', 'slowed', '.', 'The', 'end', '.'],
  ],
  ['He--the man--left.', ['He', '--', 'the', 'man', '--', 'left', '.']],
  ['It was 1999. The year ended.', ['It', 'was', '1999', '.', 'The', 'year', 'ended', '.']],
  ['a) first b) second', ['a', ')', 'first', 'b', ')', 'second']],
  [
    '«Bonjour» — il a dit.',
    ['«', 'Bonjour', '»', '—', 'il', 'a', 'dit', '.'],
    'guillemets and the em dash are padded',
  ],
  [
    '“Curly” quotes and ‘single’ ones.',
    ['“', 'Curly', '”', 'quotes', 'and', '‘', 'single', '’', 'ones', '.'],
  ],
  [
    "The dog's bone and the dogs' bones.",
    ['The', 'dog', "'s", 'bone', 'and', 'the', 'dogs', "'", 'bones', '.'],
  ],
  ['What?! Really!!! Yes.', ['What', '?', '!', 'Really', '!', '!', '!', 'Yes', '.']],
  [
    'etc. The list ends. And so on etc. and more.',
    ['etc', '.', 'The', 'list', 'ends', '.', 'And', 'so', 'on', 'etc.', 'and', 'more', '.'],
    'an abbreviation ends a sentence only before a capitalised common word',
  ],
  ['Call at 10:30, ok: done.', ['Call', 'at', '10:30', ',', 'ok', ':', 'done', '.']],
  ["He said 'hello' to me.", ['He', 'said', "'hello", "'", 'to', 'me', '.'], "' stays on a longer word"],
  [
    'x\n"quoted" line',
    ['x', "''", 'quoted', "''", 'line'],
    'only a space or bracket before " makes it opening, not a newline',
  ],
  ['Plan B. The end.', ['Plan', 'B', '.', 'The', 'end', '.'], 'initial before a common word: sentence break'],
  ["I LOVE IT!!! DON'T YOU?", ['I', 'LOVE', 'IT', '!', '!', '!', 'DO', "N'T", 'YOU', '?']],
  [
    'Stars *bold* and [link](url) {x} <y>',
    ['Stars', '*', 'bold', '*', 'and', '[', 'link', ']', '(', 'url', ')', '{', 'x', '}', '<', 'y', '>'],
  ],
  [
    'It rose 3. then fell.',
    ['It', 'rose', '3.', 'then', 'fell', '.'],
    'a number before a lower-case word: no break',
  ],
  [
    'Over there.Next to it.',
    ['Over', 'there.Next', 'to', 'it', '.'],
    'no space after the period: no candidate break',
  ],
  [
    "I don't know\nwhat you're on about",
    ['I', 'do', "n't", 'know', 'what', 'you', "'re", 'on', 'about'],
    'whitespace is normalised before clitics split',
  ],
  ['', []],
  [' \n\t ', []],
];

describe('wordTokenize', () => {
  const rows = cases.map(([input, expected, rule]) => ({ input, expected, rule: rule ?? '' }));
  it.each(rows)('$input $rule', ({ input, expected }) => {
    expect(wordTokenize(input)).toEqual(expected);
  });

  it('keeps a mid-sentence period that the Treebank rules alone would keep', () => {
    // Without sentence splitting, only the text's last period is split off.
    expect(treebankTokenize('I met Mr. Smith. He sat.')).toEqual([
      'I',
      'met',
      'Mr.',
      'Smith.',
      'He',
      'sat',
      '.',
    ]);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends and keeps closing punctuation with its sentence', () => {
    expect(
      splitSentences('(How does it deal with this?)  "It should be part of the\nprevious sentence." Next.'),
    ).toEqual(['(How does it deal with this?)', '"It should be part of the\nprevious sentence."', 'Next.']);
  });

  it('looks for the word before a sentence end after ASCII whitespace only, as NLTK 3.8 does', () => {
    // With a no-break space, NLTK takes "Fig.\u00a0No." as one word, so only its last period is a candidate.
    expect(splitSentences('See Fig.\u00a0No. gimme.')).toEqual(['See Fig.\u00a0No.', 'gimme.']);
    expect(splitSentences('See Fig. No. gimme.')).toEqual(['See Fig.', 'No.', 'gimme.']);
  });

  it('does not split after abbreviations or initials before names', () => {
    expect(
      splitSentences(
        'Punkt knows that the periods in Mr. Smith and Johann S. Bach do not mark sentence boundaries.  And sometimes sentences can start with non-capitalized words.  i is a good variable name.',
      ),
    ).toEqual([
      'Punkt knows that the periods in Mr. Smith and Johann S. Bach do not mark sentence boundaries.',
      'And sometimes sentences can start with non-capitalized words.',
      'i is a good variable name.',
    ]);
  });
});

describe('wordTokenSpans', () => {
  it('places each token of wordTokenize in the text, a rewritten quote on the quote it stands for', () => {
    const text = 'He said "don\'t" -- twice...\n(really)!';
    const spans = wordTokenSpans(text);
    expect(spans.map((span) => span.token)).toEqual(wordTokenize(text));
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual([
      ...['He', 'said', '"', 'do', "n't", '"', '--', 'twice', '...', '(', 'really', ')', '!'],
    ]);
  });

  it('finds every token, in order and without overlap, in any text', () => {
    const alphabet = fc.constantFrom(...'ab C.,!?"\'- \n\t(:)'.split(''), "n't", 'Mr.', '...', '``');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const spans = wordTokenSpans(text);
        expect(spans.map((span) => span.token)).toEqual(wordTokenize(text));
        let end = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(end, span.start).trim()).toBe('');
          const written = text.slice(span.start, span.end);
          const quote = ['``', "''"].includes(span.token) && ['"', '``', "''"].includes(written);
          expect(written === span.token || quote).toBe(true);
          end = span.end;
        }
        expect(text.slice(end).trim()).toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});
