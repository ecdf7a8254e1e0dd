import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hashedBagOfWords,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { ModelCallError } from '../spec/index.js';
import { describeEmbedderContract } from '../testing/embedder.contract.js';
import { AiSdkEmbedder, l2Normalise } from './ai-sdk-embedder.js';
import { CallPolicy } from './call-policy.js';
import { ResponseCache } from './response-cache.js';

let server: FakeOpenAiCompatibleServer;
beforeEach(async () => {
  server = await startOpenAiCompatibleServer();
});
afterEach(() => server.close());

const embedder = (batchSize?: number) =>
  new AiSdkEmbedder({
    model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).embedding('text-embedding-3-small'),
    callPolicy: new CallPolicy({ initialDelayMs: 1 }),
    batchSize,
  });
describeEmbedderContract('AI SDK embedder over a fake OpenAI server', () => embedder());
describeEmbedderContract(
  'AI SDK embedder over a fake OpenAI-compatible server, cached, batches of 2',
  () =>
    new AiSdkEmbedder({
      model: createOpenAICompatible({ name: 'ollama', baseURL: server.baseURL }).embeddingModel(
        'nomic-embed-text',
      ),
      batchSize: 2,
      cache: ResponseCache.open(':memory:'),
    }),
);

const dot = (left: readonly number[], right: readonly number[]) =>
  left.reduce((sum, value, index) => sum + value * right[index]!, 0);

describe('AiSdkEmbedder', () => {
  it('returns L2-normalised vectors in input order, batched, with summed tokens', async () => {
    const values = [
      'cats purr softly',
      'dogs bark loudly',
      'cats purr',
      'stock markets fell',
      'rain in spain',
    ];
    const result = await embedder(2).embed({ values });
    expect(
      server.requestsTo('/v1/embeddings').map((request) => (request.body as { input: string[] }).input),
    ).toEqual([values.slice(0, 2), values.slice(2, 4), values.slice(4)]);
    expect(result.embeddings).toHaveLength(5);
    result.embeddings.forEach((vector, index) => {
      expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
      expect(vector).toEqual(l2Normalise(hashedBagOfWords(values[index]!)));
    });
    expect(result.usage.tokens).toBe(3 + 3 + 2 + 3 + 3); // the fake server counts words
    expect(dot(result.embeddings[0]!, result.embeddings[2]!)).toBeGreaterThan(
      dot(result.embeddings[0]!, result.embeddings[3]!),
    );
  });

  it('keeps the zero vector at zero and embeds nothing without a request', async () => {
    expect(l2Normalise([0, 0, 0])).toEqual([0, 0, 0]);
    expect(await embedder().embed({ values: [] })).toEqual({ embeddings: [], usage: { tokens: 0 } });
    expect(server.requests).toHaveLength(0);
  });

  it('retries a 503 and maps a persistent 401 to a non-retryable ModelCallError', async () => {
    server.enqueueEmbeddings({ type: 'error', status: 503 });
    expect((await embedder().embed({ values: ['one'] })).embeddings).toHaveLength(1);
    server.enqueueEmbeddings({ type: 'error', status: 401, message: 'Incorrect API key provided' });
    const error = await embedder()
      .embed({ values: ['two'] })
      .catch((thrown: unknown) => thrown);
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false });
  });

  it('answers a repeated request from the cache with the same vectors and tokens', async () => {
    const cache = ResponseCache.open(':memory:');
    const cached = new AiSdkEmbedder({
      model: createOpenAI({ baseURL: server.baseURL, apiKey: 'test-key' }).embedding(
        'text-embedding-3-small',
      ),
      cache,
    });
    const first = await cached.embed({ values: ['alpha beta', 'gamma'] });
    const second = await cached.embed({ values: ['alpha beta', 'gamma'] });
    expect(second).toEqual(first);
    expect(first.usage.tokens).toBe(3);
    expect(server.requests).toHaveLength(1);
    await cached.embed({ values: ['gamma'] });
    expect(server.requests).toHaveLength(2);
    cache.close();
  });
});
