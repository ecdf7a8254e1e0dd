import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { describe, expect, it } from 'vitest';
import { generatePrompt } from '../../prompts/index.js';
import { sampleDocuments } from '../sample-documents.js';
import { countTokens } from './token-counter.js';

const reference = new Tiktoken(cl100kBase);
const exact = (text: string) => reference.encode(text, [], []).length;

describe('countTokens', () => {
  it('counts cl100k_base tokens exactly, whitespace and line breaks included', () => {
    const samples = [
      '',
      'hello world',
      "Don't   stop!\n\n  <article>\nI'm here 12345 — ok\n \n\n- x\n\t\nyes  \n\n",
      'Q: What happens?\nA: Lisbon: the capital. ✨ #Lisbon\n\nP.S. More details are available on request.',
    ];
    for (const text of samples) expect(countTokens(text), JSON.stringify(text)).toBe(exact(text));
  });

  it('counts exactly across line breaks followed by any kind of space or by a non-space', () => {
    const after = [
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\u3000',
      '\ufeff',
      '\u200b',
      '\u0085',
      'x',
      'É',
      '😀',
      '\n',
    ];
    for (const before of ['\n', '\r', '\r\n']) {
      for (const next of after) {
        const text = `One line.${before}${next}Two lines${before}${before}${next}three.`;
        expect(countTokens(text), JSON.stringify(text)).toBe(exact(text));
      }
    }
  });

  it('matches the tokenizer on whole rendered prompts over the corpus', () => {
    for (const context of [...sampleDocuments('summarization'), ...sampleDocuments('email')].slice(0, 120)) {
      const prompt = generatePrompt({ kind: 'summarization' }, context, {
        kind: 'preference',
        preference: 'brief',
      }).user;
      expect(countTokens(prompt), context.id).toBe(exact(prompt));
      const spaced = context.text.replace(/\. /g, '.\n  - ');
      expect(countTokens(spaced), context.id).toBe(exact(spaced));
    }
  });

  it('stays linear on long runs without spaces: 100,000 characters in well under a second each', () => {
    const runs = [
      'abcdefghij'.repeat(10_000),
      'a'.repeat(100_000),
      '!?'.repeat(50_000),
      ' '.repeat(100_000) + 'x',
      '😀é'.repeat(33_000),
    ];
    for (const text of runs) {
      const started = performance.now();
      const count = countTokens(text);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(2_000);
      expect(count).toBeGreaterThan(0);
    }
  });

  it('estimates a long piece from 64-character chunks: never fewer tokens, at most 30 % more', () => {
    const pieces = ['internationalization'.repeat(60), 'abcdefghij'.repeat(200), '!?'.repeat(1_000)];
    for (const piece of pieces) {
      const expected = exact(piece);
      expect(countTokens(piece), piece.slice(0, 12)).toBeGreaterThanOrEqual(expected);
      expect(countTokens(piece), piece.slice(0, 12)).toBeLessThanOrEqual(Math.ceil(expected * 1.3));
    }
  });
});
