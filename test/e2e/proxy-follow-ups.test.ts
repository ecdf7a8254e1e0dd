import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/providers/model-factories.js';
import { createTestApp } from '../../src/server/test-app.js';
import { rulesFollowUpClassifier } from '../../src/sim/follow-up-rules.js';
import { chatRequestText, startOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';
import type { FakeOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';

/**
 * Learning from chat follow-ups through the proxy, with the official `openai` client over 127.0.0.1:
 * "please, no bullet points" in one conversation steers the reply of a new conversation on a similar
 * topic, and is listed with its provenance. Tenant A has learning from follow-ups switched on; tenant B
 * does not.
 */
describe('the proxy learns from chat follow-ups', () => {
  let upstream: FakeOpenAiCompatibleServer;
  let server: ReturnType<typeof serve>;
  let baseURL: string;
  let secrets: { a: string; b: string };

  beforeAll(async () => {
    upstream = await startOpenAiCompatibleServer();
    const model = createLanguageModel(`openai-compatible:fake-model@${upstream.baseURL}`, {});
    const built = await createTestApp({
      tailor: { followUps: rulesFollowUpClassifier },
      app: { chatUpstream: model, learnFromFollowUps: (tenant) => tenant === 'tenant-a' },
    });
    secrets = { a: built.keyA.secret, b: built.keyB.secret };
    server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await upstream.close();
  });

  const client = (secret: string) => new OpenAI({ baseURL, apiKey: secret, maxRetries: 0 });
  const lastUpstreamText = () => chatRequestText(upstream.requestsTo('/v1/chat/completions').at(-1)?.body);
  const preferences = async (secret: string, user: string) => {
    const response = await fetch(`${baseURL}/users/${user}/preferences?task=custom:chat`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { preferences: { preference: string; origin: string }[] }).preferences;
  };
  const conversation = [
    { role: 'user' as const, content: 'summarise the quarterly sales report for the team' },
    { role: 'assistant' as const, content: '- Sales rose 5%\n- Costs stayed flat' },
    { role: 'user' as const, content: 'please, no bullet points' },
  ];

  it('stores "no bullet points" as a follow-up preference and uses it in a new conversation', async () => {
    upstream.enqueueChat({ type: 'text', text: 'Sales rose 5% while costs stayed flat.' });
    const redo = await client(secrets.a).chat.completions.create({
      model: 'fake-model',
      user: 'dana',
      messages: conversation,
    });
    expect(redo.choices[0]?.message.content).toBe('Sales rose 5% while costs stayed flat.');
    // The reply to the follow-up itself is already written with what it asked for.
    expect(lastUpstreamText()).toContain('no bullet points');
    expect(await preferences(secrets.a, 'dana')).toEqual([
      expect.objectContaining({ preference: 'no bullet points', origin: 'follow-up' }),
    ]);

    upstream.enqueueChat({ type: 'text', text: 'Revenue grew and margins held.' });
    await client(secrets.a).chat.completions.create({
      model: 'fake-model',
      user: 'dana',
      messages: [{ role: 'user', content: 'summarise the monthly sales report for the board' }],
    });
    expect(lastUpstreamText()).toContain('no bullet points');
  });

  it('learns nothing from thanks, a new question, or a tenant that did not switch it on', async () => {
    for (const followUp of ['thanks, that is perfect', 'and what about the marketing budget?']) {
      upstream.enqueueChat({ type: 'text', text: 'Glad it helps.' });
      await client(secrets.a).chat.completions.create({
        model: 'fake-model',
        user: 'erin',
        messages: [...conversation.slice(0, 2), { role: 'user', content: followUp }],
      });
    }
    expect(await preferences(secrets.a, 'erin')).toEqual([]);

    upstream.enqueueChat({ type: 'text', text: 'Sales rose 5% while costs stayed flat.' });
    await client(secrets.b).chat.completions.create({
      model: 'fake-model',
      user: 'dana',
      messages: conversation,
    });
    expect(await preferences(secrets.b, 'dana')).toEqual([]);
    expect(lastUpstreamText()).not.toContain('preferred writing style');
  });
});
