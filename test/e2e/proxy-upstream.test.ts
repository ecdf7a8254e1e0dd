import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CallPolicy } from '../../src/providers/call-policy.js';
import { createLanguageModel } from '../../src/providers/model-factories.js';
import { createTestApp } from '../../src/server/test-app.js';
import { startOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';
import type { FakeOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';

/**
 * The proxy's upstream calls go through a call policy (timeouts, retries, Retry-After passed on), and a
 * field it cannot honour is refused with a 400 naming it, never dropped. The official `openai` client
 * talks to the Tailor server, which talks to a fake OpenAI-compatible upstream, all over 127.0.0.1.
 */
describe('the proxy and its upstream', () => {
  let upstream: FakeOpenAiCompatibleServer;
  let server: ReturnType<typeof serve>;
  let baseURL: string;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startOpenAiCompatibleServer();
    const model = createLanguageModel(`openai-compatible:fake-model@${upstream.baseURL}`, {});
    const callPolicy = new CallPolicy({
      timeoutMs: 800,
      idleTimeoutMs: 800,
      maxRetries: 1,
      initialDelayMs: 10,
      maxRetryAfterMs: 5_000,
    });
    const built = await createTestApp({ app: { chatUpstream: model, chatCallPolicy: callPolicy } });
    server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    client = new OpenAI({ baseURL, apiKey: built.keyA.secret, maxRetries: 0 });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await upstream.close();
  });

  const ask = (extra: Record<string, unknown> = {}) =>
    client.chat.completions
      .create({
        model: 'fake-model',
        user: 'ada',
        messages: [{ role: 'user', content: 'plan my week' }],
        ...extra,
      } as never)
      .withResponse()
      .catch((error: unknown) => error as InstanceType<typeof OpenAI.APIError>);

  it.each([
    ['response_format', { response_format: { type: 'json_object' } }],
    ['logprobs', { logprobs: true }],
    ['logit_bias', { logit_bias: { '50256': -100 } }],
  ])('refuses %s with a 400 naming it, never dropping it', async (field, extra) => {
    const failed = await ask(extra);
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    expect((failed as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    expect(JSON.stringify((failed as InstanceType<typeof OpenAI.APIError>).error)).toContain(field);
  });

  it('forwards the penalties it accepts', async () => {
    upstream.enqueueChat({ type: 'text', text: 'Monday: gym.' });
    const answer = await ask({ presence_penalty: 0.5, frequency_penalty: 0.25 });
    expect(answer).not.toBeInstanceOf(Error);
    expect(upstream.requestsTo('/v1/chat/completions').at(-1)?.body).toMatchObject({
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
    });
  });

  it("passes the upstream's Retry-After on when it asks for a long wait", async () => {
    const before = upstream.requestsTo('/v1/chat/completions').length;
    upstream.enqueueChat({ type: 'error', status: 429, headers: { 'retry-after': '60' } });
    const failed = (await ask()) as InstanceType<typeof OpenAI.APIError>;
    expect(failed.status).toBe(429);
    expect(failed.headers?.get('retry-after')).toBe('60');
    // No retry: the upstream asked for more than the proxy waits.
    expect(upstream.requestsTo('/v1/chat/completions').length - before).toBe(1);
  });

  it('retries a stream that fails before its first text, as the call policy says, and streams the reply', async () => {
    const before = upstream.requestsTo('/v1/chat/completions').length;
    upstream.enqueueChat({ type: 'error', status: 503 }, { type: 'text', text: 'Monday: gym.' });
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      user: 'ada',
      stream: true,
      messages: [{ role: 'user', content: 'plan my week' }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Monday: gym.');
    expect(upstream.requestsTo('/v1/chat/completions').length - before).toBe(2);
  });

  it('times out a stream that never starts, retrying once as the call policy says', async () => {
    const before = upstream.requestsTo('/v1/chat/completions').length;
    upstream.enqueueChat({ type: 'hang' }, { type: 'hang' });
    const started = performance.now();
    const failed = await client.chat.completions
      .create({ model: 'fake-model', user: 'ada', stream: true, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error as InstanceType<typeof OpenAI.APIError>);
    expect((failed as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    expect(upstream.requestsTo('/v1/chat/completions').length - before).toBe(2);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('times out a hanging upstream (one retry) and a stalled stream', async () => {
    upstream.enqueueChat({ type: 'hang' }, { type: 'hang' });
    const started = performance.now();
    const failed = (await ask()) as InstanceType<typeof OpenAI.APIError>;
    expect(failed.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(5_000);

    upstream.enqueueChat({ type: 'stall-stream', text: 'Monday: gym. Tuesday: ' });
    const stalled = performance.now();
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      user: 'ada',
      stream: true,
      messages: [{ role: 'user', content: 'plan my week' }],
    });
    let text = '';
    const ended = await (async () => {
      try {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        return 'done';
      } catch (error) {
        return String(error);
      }
    })();
    expect(text.length).toBeGreaterThan(0);
    expect(ended).toMatch(/sent nothing|model-call-failed|error/i);
    expect(performance.now() - stalled).toBeLessThan(5_000);
  });
});

describe('the proxy in /metrics', () => {
  it("counts the proxy's upstream calls in flight beside the agent's", async () => {
    const upstream = await startOpenAiCompatibleServer();
    const metricsToken = 'a-metrics-token-of-enough-length';
    try {
      const model = createLanguageModel(`openai-compatible:fake-model@${upstream.baseURL}`, {});
      const built = await createTestApp({
        app: { chatUpstream: model, chatCallPolicy: new CallPolicy({ maxRetries: 0 }), metricsToken },
      });
      upstream.enqueueChat({ type: 'text', text: 'Monday: gym.', delayMs: 400 });
      const answer = built.call('/v1/chat/completions', {
        body: { model: 'fake-model', user: 'ada', messages: [{ role: 'user', content: 'plan my week' }] },
      });
      await vi.waitFor(() => expect(upstream.requestsTo('/v1/chat/completions')).toHaveLength(1));
      const during = await (await built.call('/metrics', { key: metricsToken })).text();
      const inFlight = during
        .split('\n')
        .filter((line) => line.startsWith('tailor_model_calls_in_flight{'))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
      expect(inFlight).toBe(1);
      expect((await answer).status).toBe(200);
    } finally {
      await upstream.close();
    }
  });
});
