import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/providers/model-factories.js';
import { createTestApp } from '../../src/server/test-app.js';
import { chatRequestText, startOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';
import type { FakeOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';

/**
 * The OpenAI-compatible proxy end to end: the official `openai` client calls the Tailor server over
 * 127.0.0.1, which forwards to a fake OpenAI-compatible upstream, also on 127.0.0.1.
 */
describe('POST /v1/chat/completions', () => {
  let upstream: FakeOpenAiCompatibleServer;
  let server: ReturnType<typeof serve>;
  let baseURL: string;
  let secret: string;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startOpenAiCompatibleServer();
    const model = createLanguageModel(`openai-compatible:fake-model@${upstream.baseURL}`, {});
    const built = await createTestApp({ app: { chatUpstream: model } });
    secret = built.keyA.secret;
    server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    client = new OpenAI({ baseURL, apiKey: secret, maxRetries: 0 });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await upstream.close();
  });

  const learn = async (interactionId: string, edited: string) => {
    const response = await fetch(`${baseURL}/interactions/${interactionId}/learn`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ edited }),
    });
    return (await response.json()) as { status: string; inferredPreference: string | null };
  };
  const lastUpstreamText = () => chatRequestText(upstream.requestsTo('/v1/chat/completions').at(-1)?.body);

  it('forwards, names the interaction, learns from the edit and steers the next reply', async () => {
    upstream.enqueueChat({ type: 'text', text: 'Sure, here is the plan for Monday.' });
    const first = await client.chat.completions
      .create({
        model: 'fake-model',
        user: 'ada',
        messages: [
          { role: 'system', content: 'You are helpful.' },
          { role: 'user', content: 'plan my monday meetings' },
        ],
      })
      .withResponse();
    expect(first.data.object).toBe('chat.completion');
    expect(first.data.choices[0]?.message.content).toBe('Sure, here is the plan for Monday.');
    expect(first.data.usage?.total_tokens).toBeGreaterThan(0);
    const interactionId = first.response.headers.get('x-tailor-interaction-id');
    expect(interactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastUpstreamText()).not.toContain('preferred writing style');

    const learned = await learn(interactionId!, 'Monday: standup 9:00, review 14:00.');
    expect(learned).toMatchObject({ status: 'learned', inferredPreference: 'likes "Monday:"' });

    upstream.enqueueChat({ type: 'text', text: 'Tuesday: planning 10:00.' });
    const second = await client.chat.completions.create({
      model: 'fake-model',
      user: 'ada',
      messages: [{ role: 'user', content: 'plan my tuesday meetings' }],
    });
    expect(second.choices[0]?.message.content).toBe('Tuesday: planning 10:00.');
    const sent = upstream.requestsTo('/v1/chat/completions').at(-1)?.body as {
      messages: { role: string; content: string }[];
    };
    expect(sent.messages[0]).toMatchObject({ role: 'system' });
    expect(sent.messages[0]?.content).toContain('likes "Monday:"');

    // Another end user of the same tenant gets no preference.
    await client.chat.completions.create({
      model: 'fake-model',
      user: 'bob',
      messages: [{ role: 'user', content: 'plan my tuesday meetings' }],
    });
    expect(lastUpstreamText()).not.toContain('likes');
  });

  it('streams chat.completion.chunk events and stores the whole reply', async () => {
    upstream.enqueueChat({ type: 'text', text: 'One two three four five.' });
    const { data: stream, response } = await client.chat.completions
      .create({
        model: 'fake-model',
        user: 'carol',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'count to five' }],
      })
      .withResponse();
    const interactionId = response.headers.get('x-tailor-interaction-id');
    let text = '';
    const kinds = new Set<string>();
    let usage: unknown;
    for await (const chunk of stream) {
      kinds.add(chunk.object);
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(kinds).toEqual(new Set(['chat.completion.chunk']));
    expect(text).toBe('One two three four five.');
    expect(usage).toMatchObject({ total_tokens: expect.any(Number) });
    const stored = await fetch(`${baseURL}/interactions/${interactionId}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(await stored.json()).toMatchObject({
      output: 'One two three four five.',
      user: 'carol',
      status: 'awaiting-edit',
    });
  });

  it('passes upstream failures on as 503 and refuses requests without a user', async () => {
    upstream.enqueueChat({ type: 'error', status: 503 }, { type: 'error', status: 503 });
    const failed = await client.chat.completions
      .create({ model: 'fake-model', user: 'ada', messages: [{ role: 'user', content: 'hello there' }] })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    expect((failed as InstanceType<typeof OpenAI.APIError>).status).toBe(503);

    const anonymous = await client.chat.completions
      .create({ model: 'fake-model', messages: [{ role: 'user', content: 'hello there' }] })
      .catch((error: unknown) => error);
    expect((anonymous as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    expect(JSON.stringify((anonymous as InstanceType<typeof OpenAI.APIError>).error)).toContain('user');

    const unauthorised = new OpenAI({ baseURL, apiKey: 'tailor_sk_wrong', maxRetries: 0 });
    const refused = await unauthorised.chat.completions
      .create({ model: 'fake-model', user: 'ada', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(401);
  });
});
