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
});
