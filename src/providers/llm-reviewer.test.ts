import { createOpenAI } from '@ai-sdk/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import type { Context, Task } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import { LlmReviewer, readVerdict } from './llm-reviewer.js';

const task: Task = { kind: 'email' };
const context: Context = { id: 'review-3', source: 'paper-review', text: 'Reviewer 2 liked the ablations.' };
const output = 'Dear colleague, the reviewer liked the ablations. Best regards.';
const preferences: Record<string, string> = {
  'paper-review': 'casual tone, positive, clear, call to action',
};

let server: FakeOpenAiCompatibleServer;
beforeEach(async () => {
  server = await startOpenAiCompatibleServer();
});
afterEach(() => server.close());

function reviewer() {
  return new LlmReviewer({
    model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-user'),
    callPolicy: new CallPolicy({ initialDelayMs: 1 }),
    preferenceOf: (item) => preferences[item.source]!,
  });
}

describe('readVerdict', () => {
  it('finds yes as a word anywhere, else no, else unclear', () => {
    expect(readVerdict('Yes.')).toBe('yes');
    expect(readVerdict('I would say yes, it does')).toBe('yes');
    expect(readVerdict('No')).toBe('no');
    expect(readVerdict('The eyes have it')).toBe('unclear');
    expect(readVerdict('')).toBe('unclear');
  });
});

describe('LlmReviewer', () => {
  it('accepts on "yes" after one judge call that carries context, output and latent preference', async () => {
    server.enqueueChat({ type: 'text', text: 'Yes', inputTokens: 80, outputTokens: 1 });
    const result = await reviewer().review({ task, context, output });
    expect(result).toEqual({ accepted: true, edited: output, usage: { inputTokens: 80, outputTokens: 1 } });
    const [judge] = server.requests;
    expect(server.requests).toHaveLength(1);
    const text = chatRequestText(judge!.body);
    for (const part of [context.text, output, preferences['paper-review']!]) expect(text).toContain(part);
    expect((judge!.body as { temperature: number }).temperature).toBe(0);
  });

  it('edits on "no": the second call asks for a revision and its answer is the edit', async () => {
    server.enqueueChat(
      { type: 'text', text: 'No.', inputTokens: 80, outputTokens: 1 },
      {
        type: 'text',
        text: 'Hey! Great news on the ablations. Can you reply by Friday?',
        inputTokens: 60,
        outputTokens: 12,
      },
    );
    const result = await reviewer().review({ task, context, output });
    expect(result).toEqual({
      accepted: false,
      edited: 'Hey! Great news on the ablations. Can you reply by Friday?',
      usage: { inputTokens: 140, outputTokens: 13 },
    });
    const editText = chatRequestText(server.requests[1]!.body);
    expect(editText).toContain(output);
    expect(editText).toContain(preferences['paper-review']!);
    expect(editText).not.toContain(context.text);
  });

  it('treats a garbled verdict as "edit" and says so in warnings', async () => {
    server.enqueueChat(
      { type: 'text', text: 'Hmm, partially.' },
      { type: 'text', text: 'Hi! Ablations rock.' },
    );
    const result = await reviewer().review({ task, context, output });
    expect(result.accepted).toBe(false);
    expect(result.edited).toBe('Hi! Ablations rock.');
    expect(result.warnings?.[0]).toMatch(/neither yes nor no/);
  });

  it('counts an empty revision as acceptance, with a warning', async () => {
    server.enqueueChat({ type: 'text', text: 'no' }, { type: 'text', text: '```\n```' });
    const result = await reviewer().review({ task, context, output });
    expect(result.accepted).toBe(true);
    expect(result.edited).toBe(output);
    expect(result.warnings).toEqual(['the simulated user returned an empty revision; counted as acceptance']);
  });

  it('counts a revision identical to the output as acceptance', async () => {
    server.enqueueChat({ type: 'text', text: 'no' }, { type: 'text', text: `"${output}"` });
    const result = await reviewer().review({ task, context, output });
    expect(result).toMatchObject({ accepted: true, edited: output });
  });
});
