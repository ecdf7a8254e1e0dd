import { createOpenAI } from '@ai-sdk/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { ModelCallError } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import { LlmFollowUpClassifier } from './llm-follow-up-classifier.js';

describe('LlmFollowUpClassifier over an OpenAI-compatible server', () => {
  let server: FakeOpenAiCompatibleServer;
  beforeEach(async () => {
    server = await startOpenAiCompatibleServer();
  });
  afterEach(() => server.close());
  const classifier = () =>
    new LlmFollowUpClassifier({
      model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).chat('gpt-test'),
      callPolicy: new CallPolicy({ initialDelayMs: 1, timeoutMs: 5000 }),
    });
  const answer = 'Here are the quarterly numbers:\n- revenue up 4%\n- costs flat';

  it('sends the answer and the reply in delimiters and reads the JSON verdict', async () => {
    server.enqueueChat(
      {
        type: 'text',
        text: '{"kind": "feedback", "components": ["no bullet points", "brief"]}',
        inputTokens: 80,
        outputTokens: 14,
      },
      {
        type: 'text',
        text: '```json\n{"kind": "satisfaction", "components": ["ignored"]}\n```',
        inputTokens: 70,
        outputTokens: 9,
      },
    );
    const feedback = await classifier().classify({
      answer,
      followUp: 'please, no bullet points, and shorter',
    });
    expect(feedback).toEqual({
      kind: 'feedback',
      components: ['no bullet points', 'brief'],
      usage: { inputTokens: 80, outputTokens: 14 },
    });
    const body = server.requestsTo('/v1/chat/completions')[0]!.body as Parameters<typeof chatRequestText>[0];
    expect(chatRequestText(body)).toContain('<reply>\nplease, no bullet points, and shorter\n</reply>');
    expect(chatRequestText(body)).toContain('- revenue up 4%');
    const thanks = await classifier().classify({ answer, followUp: 'perfect, thanks' });
    expect(thanks.kind).toBe('satisfaction');
    expect(thanks.components).toEqual([]);
  });

  it('asks again once after a malformed answer, then fails with a typed error naming the model', async () => {
    server.enqueueChat(
      { type: 'text', text: 'It is feedback.', inputTokens: 50, outputTokens: 4 },
      { type: 'text', text: '{"kind": "neither"}', inputTokens: 50, outputTokens: 5 },
      { type: 'text', text: '{"kind": "angry"}', inputTokens: 50, outputTokens: 5 },
      { type: 'text', text: 'no idea', inputTokens: 50, outputTokens: 2 },
    );
    expect(await classifier().classify({ answer, followUp: 'and the costs?' })).toEqual({
      kind: 'neither',
      components: [],
      usage: { inputTokens: 100, outputTokens: 9 },
    });
    const retry = server.requestsTo('/v1/chat/completions')[1]!.body as Parameters<typeof chatRequestText>[0];
    expect(chatRequestText(retry)).toContain('It is feedback.');
    const failure = await classifier()
      .classify({ answer, followUp: 'hmm' })
      .catch((error: unknown) => error);
    expect(ModelCallError.isInstance(failure)).toBe(true);
    expect((failure as ModelCallError).message).toMatch(/gpt-test.*malformed JSON twice/);
  });
});
