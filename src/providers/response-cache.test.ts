import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpenAI } from '@ai-sdk/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import type { Context, Task } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import { LlmReviewer } from './llm-reviewer.js';
import { LlmWriter } from './llm-writer.js';
import { ResponseCache, responseCacheKey } from './response-cache.js';

const parts = {
  namespace: 'openai:gpt-4o',
  system: undefined,
  prompt: 'Summarize.',
  settings: { temperature: 0 },
};

describe('responseCacheKey', () => {
  it('ignores key order and undefined fields, and changes with any part', () => {
    const key = responseCacheKey(parts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(
      responseCacheKey({
        settings: { temperature: 0, seed: undefined },
        prompt: 'Summarize.',
        system: undefined,
        namespace: 'openai:gpt-4o',
      }),
    ).toBe(key);
    expect(responseCacheKey({ ...parts, settings: { temperature: 0.2 } })).not.toBe(key);
    expect(responseCacheKey({ ...parts, system: 'Be brief.' })).not.toBe(key);
    expect(responseCacheKey({ ...parts, namespace: 'openai:gpt-4o-mini' })).not.toBe(key);
    expect(responseCacheKey({ ...parts, prompt: 'Summarize!' })).not.toBe(key);
  });
});

describe('ResponseCache', () => {
  let folder: string;
  let server: FakeOpenAiCompatibleServer;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tailor-cache-'));
    server = await startOpenAiCompatibleServer({
      respond: (request) => ({
        type: 'text',
        text: JSON.stringify(request.body).includes('Answer yes or no')
          ? 'no'
          : `answer ${server.requests.length}`,
        inputTokens: 100,
        outputTokens: 10,
      }),
    });
  });
  afterEach(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('persists text and usage in a SQLite file across openings', () => {
    const path = join(folder, 'nested', 'cache.sqlite');
    const first = ResponseCache.open(path);
    first.set('k1', 'openai:gpt-4o', { text: 'hello', usage: { inputTokens: 5, outputTokens: 2 } });
    first.close();
    const second = ResponseCache.open(path);
    expect(second.get('k1')).toEqual({ text: 'hello', usage: { inputTokens: 5, outputTokens: 2 } });
    expect(second.get('k2')).toBeUndefined();
    expect(second.stats).toEqual({ hits: 1, misses: 1, writes: 0 });
    expect(second.size()).toBe(1);
    second.close();
  });

  it('turns a second identical run into zero HTTP requests reporting the same tokens', async () => {
    const task: Task = { kind: 'summarization' };
    const contexts: Context[] = ['one', 'two', 'three'].map((word) => ({
      id: word,
      source: 'news',
      text: `Article ${word}.`,
    }));
    const model = createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test');
    const run = async (cache: ResponseCache | false) => {
      const writer = new LlmWriter({ model, cache, callPolicy: new CallPolicy() });
      const user = new LlmReviewer({ model, cache, preferenceOf: () => 'bullet points' });
      const rounds = [];
      for (const context of contexts) {
        const draft = await writer.generate({ task, context });
        const review = await user.review({ task, context, output: draft.text });
        rounds.push({ draft, review });
      }
      return rounds;
    };
    const path = join(folder, 'cache.sqlite');
    const first = await run(ResponseCache.open(path));
    const requestsAfterFirstRun = server.requests.length;
    expect(requestsAfterFirstRun).toBe(9); // per round: draft, judge, edit
    const cache = ResponseCache.open(path);
    const second = await run(cache);
    expect(server.requests.length).toBe(requestsAfterFirstRun);
    expect(second).toEqual(first);
    expect(second[0]!.draft.usage).toEqual({ inputTokens: 100, outputTokens: 10 });
    expect(cache.stats.hits).toBe(9);
    await run(false);
    expect(server.requests.length).toBe(2 * requestsAfterFirstRun);
  });

  it('shares one request between identical calls in flight at once', async () => {
    const model = createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test');
    const cache = ResponseCache.open(join(folder, 'cache.sqlite'));
    const writers = [1, 2, 3].map(() => new LlmWriter({ model, cache, callPolicy: new CallPolicy() }));
    const context: Context = { id: 'one', source: 'news', text: 'Article one.' };
    server.enqueueChat({ type: 'text', text: 'shared answer', delayMs: 200 });
    const drafts = await Promise.all(
      writers.map((writer) => writer.generate({ task: { kind: 'summarization' }, context })),
    );
    expect(drafts.map((draft) => draft.text)).toEqual(['shared answer', 'shared answer', 'shared answer']);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(1);
  });

  it('replays an answer whose provider reported no usage as unknown usage, never as 0 tokens', async () => {
    const model = createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test');
    const cache = ResponseCache.open(join(folder, 'cache.sqlite'));
    const context: Context = { id: 'one', source: 'news', text: 'Article one.' };
    server.enqueueChat({ type: 'text', text: 'no usage here', noUsage: true });
    const writer = new LlmWriter({ model, cache, callPolicy: new CallPolicy() });
    const first = await writer.generate({ task: { kind: 'summarization' }, context });
    expect(first.usage).toEqual({ inputTokens: 0, outputTokens: 0, callsWithoutUsage: 1 });
    expect(first.warnings).toEqual([
      'model warning (openai.chat:gpt-test): no token usage reported; the expense is unknown, not 0',
    ]);
    const replayed = await writer.generate({ task: { kind: 'summarization' }, context });
    expect(replayed.usage).toEqual({ inputTokens: 0, outputTokens: 0, callsWithoutUsage: 1 });
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(1);
  });
});
