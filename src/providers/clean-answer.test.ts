import { describe, expect, it } from 'vitest';
import { cleanAnswer } from './clean-answer.js';

describe('cleanAnswer', () => {
  it('strips preference labels, quotes and the final period from phrases', () => {
    expect(cleanAnswer('Preference: "bullet points, brief".', 'phrase')).toBe('bullet points, brief');
    expect(cleanAnswer("The user's preferences: tweet style, emojis", 'phrase')).toBe('tweet style, emojis');
    expect(cleanAnswer('  \u201cquestion answering style\u201d  ', 'phrase')).toBe(
      'question answering style',
    );
    expect(cleanAnswer('- casual tone, positive', 'phrase')).toBe('casual tone, positive');
    expect(cleanAnswer('Style: short sentences', 'phrase')).toBe('short sentences');
  });

  it('unwraps code fences and keeps inner quotes of texts', () => {
    expect(cleanAnswer('```markdown\n- one\n- two\n```', 'text')).toBe('- one\n- two');
    expect(cleanAnswer('"He said "hi" to me"', 'text')).toBe('"He said "hi" to me"');
    expect(cleanAnswer('"A short summary."', 'text')).toBe('A short summary.');
  });

  it('drops a "here is" preamble line before the content, but not content that merely starts so', () => {
    expect(cleanAnswer("Sure! Here's the summary:\n\nThe cat sat.", 'text')).toBe('The cat sat.');
    expect(cleanAnswer('Here is what happened: the cat sat.', 'text')).toBe(
      'Here is what happened: the cat sat.',
    );
  });

  it('cleans noise to the empty string instead of inventing text', () => {
    expect(cleanAnswer('   ', 'text')).toBe('');
    expect(cleanAnswer('""', 'phrase')).toBe('');
    expect(cleanAnswer('Preference:', 'phrase')).toBe('');
  });
});
