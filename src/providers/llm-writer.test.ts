import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicServer, type FakeAnthropicServer } from '../../test/fake-servers/anthropic-server.js';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { generatePrompt, paperSystemPrompt } from '../prompts/index.js';
import { ModelCallError, type Context, type Task } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import { LlmReviewer } from './llm-reviewer.js';
import { LlmWriter } from './llm-writer.js';
import { ResponseCache } from './response-cache.js';

const task: Task = { kind: 'summarization' };
const context: Context = {
  id: 'news-7',
  source: 'news',
  text: 'The city council voted on Tuesday to open three new public libraries next spring.',
};
const quickPolicy = () => new CallPolicy({ initialDelayMs: 1, timeoutMs: 5000 });

describe('LlmWriter over an OpenAI-compatible server', () => {
  let server: FakeOpenAiCompatibleServer;
  beforeEach(async () => {
    server = await startOpenAiCompatibleServer();
  });
  afterEach(() => server.close());
  const writer = (options: { system?: string; temperature?: number; callPolicy?: CallPolicy } = {}) =>
    new LlmWriter({
      model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test'),
      callPolicy: options.callPolicy ?? quickPolicy(),
      system: options.system,
      settings: options.temperature === undefined ? undefined : { temperature: options.temperature },
    });

  it('sends the rendered task prompt with the preference at temperature 0 and reports usage', async () => {
    server.enqueueChat({
      type: 'text',
      text: 'Three libraries open next spring!',
      inputTokens: 321,
      outputTokens: 7,
    });
    const guidance = { kind: 'preference', preference: 'storytelling, short sentences' } as const;
    const result = await writer({ system: 'You write for Tailor.' }).generate({ task, context, guidance });
    expect(result).toEqual({
      text: 'Three libraries open next spring!',
      usage: { inputTokens: 321, outputTokens: 7 },
    });
    const [request] = server.requestsTo('/v1/chat/completions');
    const body = request!.body as {
      temperature: number;
      model: string;
      messages: { role: string; content: string }[];
    };
    expect(body.temperature).toBe(0);
    expect(body.model).toBe('gpt-test');
    expect(body.messages[0]).toEqual({ role: 'system', content: 'You write for Tailor.' });
    expect(body.messages[1]!.content).toBe(generatePrompt(task, context, guidance).user);
    expect(chatRequestText(body)).toContain('storytelling, short sentences');
    expect(chatRequestText(body)).toContain(context.text);
    expect(request!.headers.authorization).toBe('Bearer test-key');
  });

  it('streams over SSE from an OpenAI-compatible server and reads usage from the final chunk', async () => {
    server.enqueueChat({
      type: 'text',
      text: 'Three libraries, next spring.',
      inputTokens: 90,
      outputTokens: 5,
    });
    const streaming = new LlmWriter({
      model: createOpenAICompatible({
        name: 'ollama',
        baseURL: server.baseURL,
        includeUsage: true,
      }).chatModel('llama3.1:8b'),
      callPolicy: quickPolicy(),
      stream: true,
    });
    const result = await streaming.generate({ task, context });
    expect(result).toEqual({
      text: 'Three libraries, next spring.',
      usage: { inputTokens: 90, outputTokens: 5 },
    });
    expect(server.requests[0]!.body).toMatchObject({ stream: true, temperature: 0, model: 'llama3.1:8b' });
  });

  it('honours a configured temperature', async () => {
    await writer({ temperature: 0.7 }).generate({ task, context });
    expect((server.requests[0]!.body as { temperature: number }).temperature).toBe(0.7);
  });

  it('puts ICL examples and inference pairs into the prompt', async () => {
    const pairs = [{ original: 'A long dull summary.', edited: '- short\n- bullets' }];
    await writer().generate({ task, context, guidance: { kind: 'examples', examples: pairs } });
    server.enqueueChat({ type: 'text', text: 'Preference: "bullet points, brief".' });
    const inferred = await writer().inferPreference({ task, pairs });
    expect(inferred.text).toBe('bullet points, brief');
    for (const request of server.requests) {
      expect(chatRequestText(request.body)).toContain('- short\n- bullets');
      expect(chatRequestText(request.body)).toContain('A long dull summary.');
    }
  });

  it('cleans fences and quotes from drafts', async () => {
    server.enqueueChat({ type: 'text', text: '```\n"Libraries are coming."\n```' });
    expect((await writer().generate({ task, context })).text).toBe('Libraries are coming.');
  });

  it('checks preference components against texts with one JSON prompt, validated, asking again when malformed', async () => {
    server.enqueueChat(
      {
        type: 'text',
        text: '```json\n{"shows": [[true, false], [true, null]]}\n```',
        inputTokens: 90,
        outputTokens: 12,
      },
      { type: 'text', text: 'Sure! Text 1 follows both.', inputTokens: 90, outputTokens: 6 },
      { type: 'text', text: '{"shows": [[true, true], [false, false]]}', inputTokens: 90, outputTokens: 12 },
      { type: 'text', text: '{"shows": [[true]]}', inputTokens: 90, outputTokens: 5 },
      { type: 'text', text: 'not json at all', inputTokens: 90, outputTokens: 4 },
    );
    const components = ['bullet points', 'no emojis'];
    const texts = ['- one\n- two', 'One. Two ✨'];
    const checked = await writer().checkPreference({ task, components, texts });
    expect(checked.shows).toEqual([
      [true, false],
      [true, null],
    ]);
    expect(checked.usage).toEqual({ inputTokens: 90, outputTokens: 12 });
    const body = server.requestsTo('/v1/chat/completions')[0]!.body as Parameters<typeof chatRequestText>[0];
    for (const part of [...components, ...texts]) expect(chatRequestText(body)).toContain(part);
    // Prose instead of JSON: asked once more, both calls counted, a warning says why.
    const retried = await writer().checkPreference({ task, components, texts });
    expect(retried.shows).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(retried.usage).toEqual({ inputTokens: 180, outputTokens: 18 });
    expect(retried.warnings?.some((warning) => /malformed/.test(warning))).toBe(true);
    // The wrong shape twice: a typed, non-retryable error naming the model.
    const failure = await writer()
      .checkPreference({ task, components, texts })
      .catch((error: unknown) => error);
    expect(ModelCallError.isInstance(failure)).toBe(true);
    expect((failure as ModelCallError).message).toMatch(/gpt-test.*malformed JSON twice/);
  });

  it('asks again with the malformed answer quoted, so a response cache or temperature 0 cannot repeat it', async () => {
    server.enqueueChat(
      { type: 'text', text: 'Text 1 follows it.', inputTokens: 80, outputTokens: 5 },
      { type: 'text', text: '{"shows": [[true], [false]]}', inputTokens: 95, outputTokens: 9 },
    );
    const cached = new LlmWriter({
      model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test'),
      callPolicy: quickPolicy(),
      cache: ResponseCache.open(':memory:'),
    });
    const options = { task, components: ['bullet points'], texts: ['- one', 'One.'] };
    const checked = await cached.checkPreference(options);
    expect(checked.shows).toEqual([[true], [false]]);
    const [first, second] = server
      .requestsTo('/v1/chat/completions')
      .map((request) => chatRequestText(request.body as Parameters<typeof chatRequestText>[0]));
    expect(second).not.toBe(first);
    expect(second).toContain('Text 1 follows it.');
    // Asked again later: both answers come from the cache, no request is sent, the result is the same.
    const again = await cached.checkPreference(options);
    expect(again.shows).toEqual([[true], [false]]);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(2);
  });

  it('asks again for an empty draft, telling onRetry, and throws an unusable ModelCallError after 3 requests', async () => {
    server.enqueueChat({ type: 'text', text: '' }, { type: 'text', text: 'A draft.' });
    const retries: string[] = [];
    const callPolicy = new CallPolicy({ onRetry: (event) => retries.push(event.error.message) });
    const recovered = await writer({ callPolicy }).generate({ task, context });
    expect(recovered.text).toBe('A draft.');
    expect(recovered.warnings).toEqual(['the model returned an empty draft for context news-7; asked again']);
    expect(retries).toEqual(['openai.chat:gpt-test: empty draft for context news-7']);

    server.enqueueChat(...Array.from({ length: 3 }, () => ({ type: 'text', text: '  \n ' }) as const));
    const before = server.requests.length;
    const error = await writer()
      .generate({ task, context })
      .catch((thrown: unknown) => thrown);
    expect(server.requests.length - before).toBe(3);
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false, unusable: true });
    expect((error as Error).message).toMatch(/empty draft for context news-7 \(3 attempts\)/);
  });

  it('aborts a stream that stalls between chunks after the idle timeout and asks again', async () => {
    server.enqueueChat(
      { type: 'stall-stream', text: 'Three libraries open next spring, the council said.' },
      { type: 'text', text: 'Three libraries open next spring.' },
    );
    const retries: string[] = [];
    const callPolicy = new CallPolicy({
      initialDelayMs: 1,
      timeoutMs: 20_000,
      idleTimeoutMs: 300,
      onRetry: (event) => retries.push(event.error.message),
    });
    const started = Date.now();
    const result = await new LlmWriter({
      model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test'),
      callPolicy,
      stream: true,
      label: 'writer --writer openai:gpt-test',
    }).generate({ task, context });
    expect(result.text).toBe('Three libraries open next spring.');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(retries).toEqual(['writer --writer openai:gpt-test: the stream stalled (no part for 300 ms)']);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(2);
  });

  it('sends the paper protocol: its system prompt, temperature 0, top_p 0.95, max_tokens 4000', async () => {
    server.enqueueChat(
      { type: 'text', text: 'A summary.' },
      { type: 'text', text: 'no' },
      { type: 'text', text: 'Revised.' },
    );
    const model = createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test');
    const paper = { model, callPolicy: quickPolicy(), protocol: 'paper' as const };
    await new LlmWriter(paper).generate({ task, context });
    await new LlmReviewer({ ...paper, preferenceOf: () => 'brief' }).review({
      task,
      context,
      output: 'A summary.',
    });
    const bodies = server.requestsTo('/v1/chat/completions').map((request) => request.body);
    expect(bodies).toHaveLength(3);
    for (const body of bodies) {
      expect(body).toMatchObject({
        temperature: 0,
        top_p: 0.95,
        max_tokens: 4000,
        messages: [{ role: 'system', content: paperSystemPrompt }, { role: 'user' }],
      });
      expect(chatRequestText(body)).not.toMatch(/no more than needed|Reply with/);
    }
  });

  it('warns on an empty inferred preference and falls back to the nearest one on an empty aggregate', async () => {
    server.enqueueChat({ type: 'text', text: 'Preference:' }, { type: 'text', text: '""' });
    const inferred = await writer().inferPreference({ task, pairs: [{ original: 'a', edited: 'b' }] });
    expect(inferred.text).toBe('');
    expect(inferred.warnings).toEqual(['the model inferred an empty preference']);
    const aggregated = await writer().aggregatePreferences({
      task,
      preferences: ['emojis, brief', 'tweet style'],
    });
    expect(aggregated.text).toBe('emojis, brief');
    expect(aggregated.warnings?.[0]).toMatch(/kept the nearest preference/);
    expect(chatRequestText(server.requests[1]!.body)).toContain('1. emojis, brief\n2. tweet style');
  });
});

describe('LlmWriter over the Anthropic Messages API', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startAnthropicServer();
  });
  afterEach(() => server.close());

  it.each([false, true])('drafts, infers and aggregates end to end (stream: %s)', async (stream) => {
    const writer = new LlmWriter({
      model: createAnthropic({ baseURL: server.baseURL, apiKey: 'anthropic-test-key' })('claude-sonnet-4-5'),
      callPolicy: quickPolicy(),
      settings: { maxOutputTokens: 400 },
      stream,
    });
    server.enqueueMessages(
      { type: 'error', status: 529 },
      { type: 'text', text: 'Three new libraries will open.', inputTokens: 120, outputTokens: 6 },
      { type: 'text', text: 'Preferences: short sentences.', inputTokens: 50, outputTokens: 4 },
      { type: 'text', text: 'short sentences, playful', inputTokens: 30, outputTokens: 3 },
    );
    const draft = await writer.generate({ task, context });
    const inferred = await writer.inferPreference({
      task,
      pairs: [{ original: draft.text, edited: 'Books! Soon!' }],
    });
    const aggregated = await writer.aggregatePreferences({ task, preferences: [inferred.text, 'playful'] });
    expect([draft.text, inferred.text, aggregated.text]).toEqual([
      'Three new libraries will open.',
      'short sentences',
      'short sentences, playful',
    ]);
    expect(draft.usage).toEqual({ inputTokens: 120, outputTokens: 6 });
    expect(aggregated.usage).toEqual({ inputTokens: 30, outputTokens: 3 });
    const requests = server.requestsTo('/v1/messages');
    expect(requests).toHaveLength(4);
    const body = requests[1]!.body as { temperature: number; max_tokens: number; messages: unknown[] };
    expect(body).toMatchObject({ model: 'claude-sonnet-4-5', temperature: 0, max_tokens: 400 });
    expect(JSON.stringify(body.messages)).toContain('three new public libraries');
    expect(requests[1]!.headers['x-api-key']).toBe('anthropic-test-key');
  });
});
