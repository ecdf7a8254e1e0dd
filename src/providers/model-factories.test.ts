import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicServer, type FakeAnthropicServer } from '../../test/fake-servers/anthropic-server.js';
import {
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { InvalidInputError, type Embedder, type Reviewer, type Writer } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import {
  createEmbedderFromSpec,
  createLanguageModel,
  createReviewerFromSpec,
  createWriterFromSpec,
} from './model-factories.js';

let openai: FakeOpenAiCompatibleServer;
let anthropic: FakeAnthropicServer;
beforeAll(async () => {
  openai = await startOpenAiCompatibleServer({
    respond: () => ({ type: 'text', text: 'from openai-compatible' }),
  });
  anthropic = await startAnthropicServer({ respond: () => ({ type: 'text', text: 'from anthropic' }) });
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

const task = { kind: 'summarization' } as const;
const context = { id: 'c1', source: 'news', text: 'A short article.' };
const callPolicy = new CallPolicy({ initialDelayMs: 1 });

describe('spec factories', () => {
  it('builds a working writer for every remote provider family from spec and environment', async () => {
    const env = {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      ANTHROPIC_API_KEY: 'anthropic-test',
      ANTHROPIC_BASE_URL: anthropic.baseURL,
      OLLAMA_HOST: openai.url.replace('http://', ''),
    };
    const specs = {
      'openai:gpt-4o': 'from openai-compatible',
      'anthropic:claude-sonnet-4-5': 'from anthropic',
      'ollama:llama3.1:8b': 'from openai-compatible',
      [`openai-compatible:Qwen/Qwen2.5-7B-Instruct@${openai.baseURL}`]: 'from openai-compatible',
    };
    for (const [spec, expected] of Object.entries(specs)) {
      const writer = createWriterFromSpec(spec, { env, callPolicy });
      expect((await writer.generate({ task, context })).text).toBe(expected);
    }
    const models = openai
      .requestsTo('/v1/chat/completions')
      .map((request) => (request.body as { model: string }).model);
    expect(models).toEqual(['gpt-4o', 'llama3.1:8b', 'Qwen/Qwen2.5-7B-Instruct']);
    expect(openai.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(openai.requests[1]!.headers.authorization).toBeUndefined();
    expect(anthropic.requests[0]!.headers['x-api-key']).toBe('anthropic-test');
  });

  it('builds a reviewer and an embedder from specs', async () => {
    const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL };
    openai.enqueueChat({ type: 'text', text: 'yes' });
    const reviewer = createReviewerFromSpec('openai:gpt-4o', {
      env,
      callPolicy,
      preferenceOf: () => 'brief',
    });
    expect(await reviewer.review({ task, context, output: 'Short.' })).toMatchObject({ accepted: true });
    const embedder = createEmbedderFromSpec('openai:text-embedding-3-small', { env, callPolicy });
    expect((await embedder.embed({ values: ['a text'] })).embeddings).toHaveLength(1);
    expect(embedder).toMatchObject({ provider: 'openai.embedding', modelId: 'text-embedding-3-small' });
  });

  it('hands sim and lexical to the injected builders', () => {
    const writer = { provider: 'sim' } as Writer;
    const reviewer = {} as Reviewer;
    const embedder = { provider: 'lexical' } as Embedder;
    expect(createWriterFromSpec('sim', { sim: () => writer })).toBe(writer);
    expect(createReviewerFromSpec('sim', { preferenceOf: () => '', sim: () => reviewer })).toBe(reviewer);
    expect(createEmbedderFromSpec('lexical', { lexical: () => embedder })).toBe(embedder);
    expect(() => createWriterFromSpec('sim')).toThrow(/needs the offline world/);
    expect(() => createLanguageModel('sim', {})).toThrow(InvalidInputError);
  });

  it('fails before any call on a bad spec or a missing key, naming the option or variable', () => {
    const requestsBefore = openai.requests.length + anthropic.requests.length;
    const noKey = (() => {
      try {
        createWriterFromSpec('openai:gpt-4o', { env: {} });
      } catch (error) {
        return error as InvalidInputError;
      }
    })();
    expect(noKey).toMatchObject({ field: 'OPENAI_API_KEY' });
    expect(() => createReviewerFromSpec('mistral:large', { env: {}, preferenceOf: () => '' })).toThrow(
      /invalid --reviewer "mistral:large": unknown provider/,
    );
    expect(() => createEmbedderFromSpec('anthropic:claude-sonnet-4-5', { env: {} })).toThrow(/--embedder/);
    expect(openai.requests.length + anthropic.requests.length).toBe(requestsBefore);
  });
});
