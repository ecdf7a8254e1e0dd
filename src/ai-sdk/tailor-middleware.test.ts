import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { createTestTailor } from '../service/test-tailor.js';
import { InvalidInputError, type FollowUpClassifier } from '../spec/index.js';
import { tailorMiddleware, tailorMetadataKey } from './tailor-middleware.js';

/**
 * The AI SDK middleware end to end: `wrapLanguageModel` around a real AI SDK provider talking HTTP to
 * the fake OpenAI-compatible server, and a Tailor on in-memory stores (CIPHER-5; the service test writer
 * infers `likes "<first word of the edit>"`).
 */
let server: FakeOpenAiCompatibleServer;
beforeAll(async () => {
  server = await startOpenAiCompatibleServer();
});
afterAll(() => server.close());
beforeEach(() => server.requests.splice(0));

function fakeModel() {
  return createOpenAICompatible({ name: 'fake', baseURL: server.baseURL, includeUsage: true }).chatModel(
    'fake-model',
  );
}

interface ChatBody {
  readonly messages: readonly { readonly role: string; readonly content: unknown }[];
}

function chatBodies(): ChatBody[] {
  return server.requestsTo('/v1/chat/completions').map((request) => request.body as ChatBody);
}

describe('tailorMiddleware (AI SDK 6)', () => {
  it('learns from an edit sent back, and the next call carries the preference (generate, then stream)', async () => {
    const { tailor, interactions } = createTestTailor();
    const middleware = tailorMiddleware({ tailor, tenant: 'acme', user: 'ada' });
    const model = wrapLanguageModel({ model: fakeModel(), middleware });

    server.enqueueChat({ type: 'text', text: 'Dear team, the picnic is on Saturday at noon in the park.' });
    const first = await generateText({
      model,
      system: 'You write short notes.',
      prompt: 'Write a note to the team about the picnic on Saturday',
    });
    expect(first.text).toBe('Dear team, the picnic is on Saturday at noon in the park.');
    // Nothing learned yet: the request is the caller's own.
    expect(chatBodies()[0]?.messages.map((message) => message.role)).toEqual(['system', 'user']);
    const firstDraft = first.providerMetadata?.[tailorMetadataKey] as { interactionId: string };
    expect(firstDraft.interactionId).toBe(middleware.lastDraft?.interactionId);
    expect(await interactions.get({ tenant: 'acme', id: firstDraft.interactionId })).toMatchObject({
      user: 'ada',
      output: first.text,
      contextText: 'Write a note to the team about the picnic on Saturday',
    });

    const learned = await middleware.sendEdit('Picnic: Saturday, noon, the park.');
    expect(learned).toMatchObject({
      status: 'learned',
      accepted: false,
      inferredPreference: 'likes "Picnic:"',
    });

    server.enqueueChat({ type: 'text', text: 'Picnic: Sunday, noon.' });
    const second = streamText({ model, prompt: 'Write a note to the team about the picnic on Sunday' });
    expect(await second.text).toBe('Picnic: Sunday, noon.');
    const body = chatBodies()[1];
    expect(body?.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(chatRequestText(body)).toContain('likes "Picnic:"');
    expect(chatRequestText(body)).toContain('<preference>');
    const secondDraft = (await second.providerMetadata)?.[tailorMetadataKey] as {
      interactionId: string;
      preferenceUsed: string;
    };
    expect(secondDraft.preferenceUsed).toBe('likes "Picnic:"');
    expect(await interactions.get({ tenant: 'acme', id: secondDraft.interactionId })).toMatchObject({
      output: 'Picnic: Sunday, noon.',
      preferenceUsed: 'likes "Picnic:"',
    });
    expect(await middleware.sendEdit('Picnic: Sunday, noon.', secondDraft.interactionId)).toMatchObject({
      status: 'learned',
      accepted: true,
      cost: 0,
    });
  });

  it("keeps the caller's system messages first, and users apart", async () => {
    const { tailor } = createTestTailor();
    await tailor.preferences.add({
      tenant: 'default',
      user: 'ada',
      task: 'custom:chat',
      preference: 'brief',
    });
    const ada = wrapLanguageModel({
      model: fakeModel(),
      middleware: tailorMiddleware({ tailor, user: 'ada' }),
    });
    const bob = wrapLanguageModel({
      model: fakeModel(),
      middleware: tailorMiddleware({ tailor, user: 'bob' }),
    });
    await generateText({
      model: ada,
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Plan my week' },
      ],
    });
    await generateText({ model: bob, prompt: 'Plan my week' });
    const [forAda, forBob] = chatBodies();
    expect(forAda?.messages.map((message) => message.role)).toEqual(['system', 'system', 'user']);
    expect(forAda?.messages[0]?.content).toBe('You are a helpful assistant.');
    expect(String(forAda?.messages[1]?.content)).toContain('brief');
    expect(forBob?.messages.map((message) => message.role)).toEqual(['user']);
  });

  it('goes on untailored when Tailor fails, and refuses an edit before any draft', async () => {
    const { tailor } = createTestTailor({
      embedder: {
        provider: 'broken',
        modelId: 'down',
        embed: async () => {
          throw new Error('embedder down');
        },
      },
    });
    const errors: unknown[] = [];
    const middleware = tailorMiddleware({ tailor, user: 'ada', onError: (error) => errors.push(error) });
    await expect(middleware.sendEdit('anything')).rejects.toBeInstanceOf(InvalidInputError);
    server.enqueueChat({ type: 'text', text: 'An answer.' });
    const result = await generateText({
      model: wrapLanguageModel({ model: fakeModel(), middleware }),
      prompt: 'Plan my week',
    });
    expect(result.text).toBe('An answer.');
    expect(result.providerMetadata?.[tailorMetadataKey]).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(middleware.lastDraft).toBeUndefined();
  });

  it('learns from a follow-up in the prompt when asked to, and tailors that call to the earlier request', async () => {
    const classifier: FollowUpClassifier = {
      classify: async ({ followUp }) => ({
        kind: /no bullet points/.test(followUp) ? 'feedback' : 'neither',
        components: /no bullet points/.test(followUp) ? ['no bullet points'] : [],
        usage: { inputTokens: 0, outputTokens: 0 },
      }),
    };
    const { tailor } = createTestTailor({ followUps: classifier });
    const middleware = tailorMiddleware({ tailor, tenant: 'acme', user: 'ada', learnFromFollowUps: true });
    const model = wrapLanguageModel({ model: fakeModel(), middleware });
    server.enqueueChat({ type: 'text', text: 'Sales rose 5% while costs stayed flat.' });
    await generateText({
      model,
      messages: [
        { role: 'user', content: 'summarise the quarterly sales report' },
        { role: 'assistant', content: '- Sales rose 5%\n- Costs stayed flat' },
        { role: 'user', content: 'please, no bullet points' },
      ],
    });
    expect(chatRequestText(server.requestsTo('/v1/chat/completions').at(-1)?.body)).toContain(
      'no bullet points',
    );
    const listed = await tailor.preferences.list({ tenant: 'acme', user: 'ada', task: 'custom:chat' });
    expect(listed.map((preference) => [preference.preference, preference.origin])).toEqual([
      ['no bullet points', 'follow-up'],
    ]);
  });
});
