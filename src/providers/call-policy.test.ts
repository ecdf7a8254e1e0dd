import { createOpenAI } from '@ai-sdk/openai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import { rejectionOf } from '../testing/rejection-of.js';
import { CallPolicy, type RetryEvent } from './call-policy.js';
import { LanguageModelCaller } from './language-model-caller.js';

// Every test goes over real HTTP to a scripted server on 127.0.0.1, through the real AI SDK provider.
let server: FakeOpenAiCompatibleServer;
beforeEach(async () => {
  server = await startOpenAiCompatibleServer({ respond: () => ({ type: 'text', text: 'fine' }) });
});
afterEach(() => server.close());

function caller(policy: CallPolicy, stream = false) {
  const model = createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test');
  return new LanguageModelCaller({ model, callPolicy: policy, stream });
}
const prompt = { user: 'Summarize the article below.' };

function failure(promise: Promise<unknown>): Promise<ModelCallError> {
  return rejectionOf(promise, ModelCallError.isInstance);
}

describe('CallPolicy over HTTP', () => {
  it('waits the Retry-After of a 429 before retrying, then succeeds', async () => {
    server.enqueueChat({ type: 'error', status: 429, headers: { 'retry-after': '1' } });
    const retries: RetryEvent[] = [];
    const policy = new CallPolicy({ initialDelayMs: 1, onRetry: (event) => retries.push(event) });
    const result = await caller(policy).call({ prompt });
    expect(result.text).toBe('fine');
    const [first, second] = server.requestsTo('/v1/chat/completions');
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(1000);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.error.status).toBe(429);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('retries 500s with backoff and succeeds', async () => {
    server.enqueueChat({ type: 'error', status: 500 }, { type: 'error', status: 503 });
    const result = await caller(new CallPolicy({ initialDelayMs: 5 })).call({ prompt });
    expect(result.text).toBe('fine');
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(3);
  });

  it('gives up after the last retry with a retryable ModelCallError carrying the status', async () => {
    server.enqueueChat(...Array.from({ length: 3 }, () => ({ type: 'error', status: 502 }) as const));
    const error = await failure(
      caller(new CallPolicy({ maxRetries: 2, initialDelayMs: 1 })).call({ prompt }),
    );
    expect(error).toMatchObject({
      status: 502,
      retryable: true,
      provider: 'openai.chat',
      modelId: 'gpt-test',
    });
    expect(error.message).toMatch(/gave up after 3 attempts/);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(3);
  });

  it('does not retry a 400 and reports it as not retryable', async () => {
    server.enqueueChat({ type: 'error', status: 400, message: 'bad temperature' });
    const error = await failure(caller(new CallPolicy({ initialDelayMs: 1 })).call({ prompt }));
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toMatch(/bad temperature/);
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once when the server asks to wait longer than maxRetryAfterMs', async () => {
    server.enqueueChat({ type: 'error', status: 429, headers: { 'retry-after': '3600' } });
    const started = Date.now();
    const error = await failure(caller(new CallPolicy({ maxRetryAfterMs: 10_000 })).call({ prompt }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ status: 429, retryable: true });
    expect(error.message).toMatch(/asked to wait 3600000 ms/);
  });

  it('times out a hanging server per attempt and ends with a retryable error in bounded time', async () => {
    server.enqueueChat({ type: 'hang' }, { type: 'hang' });
    const started = Date.now();
    const policy = new CallPolicy({ timeoutMs: 300, maxRetries: 1, initialDelayMs: 10 });
    const error = await failure(caller(policy).call({ prompt }));
    const elapsed = Date.now() - started;
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/no answer within 300 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(6000);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(2);
  });

  it('retries a malformed JSON body, and reports it as a retryable ModelCallError if it persists', async () => {
    server.enqueueChat({ type: 'malformed' });
    const survived = await caller(new CallPolicy({ initialDelayMs: 1 })).call({ prompt });
    expect(survived.text).toBe('fine');
    server.enqueueChat({ type: 'malformed' }, { type: 'malformed' });
    const error = await failure(
      caller(new CallPolicy({ maxRetries: 1, initialDelayMs: 1 })).call({ prompt }),
    );
    expect(error).toMatchObject({ retryable: true, status: 200 });
    expect(error.message).toMatch(/Invalid JSON response/);
  });

  it.each([false, true])('retries a cut connection (stream: %s) and survives it', async (stream) => {
    server.enqueueChat({ type: 'cut-stream', text: 'one two three four five six' });
    const result = await caller(new CallPolicy({ initialDelayMs: 1 }), stream).call({ prompt });
    expect(result.text).toBe('fine');
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(2);
  });

  it('reports a cut stream that keeps failing as a retryable ModelCallError', async () => {
    server.enqueueChat({ type: 'cut-stream', text: 'a b c d' }, { type: 'cut-stream', text: 'a b c d' });
    const error = await failure(
      caller(new CallPolicy({ maxRetries: 1, initialDelayMs: 1 }), true).call({ prompt }),
    );
    expect(error.retryable).toBe(true);
  });

  it('reports a malformed SSE stream as a retryable ModelCallError', async () => {
    server.enqueueChat({ type: 'malformed' });
    const error = await failure(caller(new CallPolicy({ maxRetries: 0 }), true).call({ prompt }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/malformed|JSON/);
  });

  it('keeps at most `concurrency` calls in flight per provider, as observed by the server', async () => {
    const slow = Array.from(
      { length: 8 },
      (_, index) => ({ type: 'text', text: `answer ${index}`, delayMs: 250 }) as const,
    );
    server.enqueueChat(...slow);
    const policy = new CallPolicy({ concurrency: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => caller(policy).call({ prompt: { user: `question ${index}` } })),
    );
    expect(results.map((result) => result.text).sort()).toEqual(slow.map((reply) => reply.text).sort());
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThanOrEqual(2); // the calls did overlap
  });

  it('cancels through the caller signal without retrying', async () => {
    server.enqueueChat({ type: 'hang' });
    const controller = new AbortController();
    const pending = failure(
      caller(new CallPolicy({ timeoutMs: 20_000 })).call({ prompt, abortSignal: controller.signal }),
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 10_000 });
    const started = Date.now();
    controller.abort(new Error('user pressed ctrl-c'));
    const error = await pending;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/cancelled/);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new CallPolicy({ concurrency: 0 })).toThrow(InvalidInputError);
    expect(() => new CallPolicy({ timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});
