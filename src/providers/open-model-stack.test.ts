import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicServer, type FakeAnthropicServer } from '../../test/fake-servers/anthropic-server.js';
import {
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import {
  InvalidInputError,
  ModelCallError,
  type Embedder,
  type Reviewer,
  type Writer,
} from '../spec/index.js';
import { openModelStack } from './open-model-stack.js';

let openai: FakeOpenAiCompatibleServer;
let anthropic: FakeAnthropicServer;
let folder: string;
beforeAll(async () => {
  openai = await startOpenAiCompatibleServer({ models: ['gpt-4o', 'text-embedding-3-small'] });
  anthropic = await startAnthropicServer({ models: ['claude-sonnet-4-5'] });
  folder = mkdtempSync(join(tmpdir(), 'tailor-stack-'));
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
  rmSync(folder, { recursive: true, force: true });
});

const offline = {
  writer: () => ({ provider: 'sim', modelId: 'offline-writer' }) as Writer,
  reviewer: () => ({ review: async () => ({}) }) as unknown as Reviewer,
  embedder: () => ({ provider: 'lexical', modelId: 'tf-idf' }) as Embedder,
};
const env = {
  OPENAI_API_KEY: 'sk-test',
  ANTHROPIC_API_KEY: 'a-test',
  get OPENAI_BASE_URL() {
    return openai.baseURL;
  },
  get ANTHROPIC_BASE_URL() {
    return anthropic.baseURL;
  },
};

/** `openModelStack` for writer, reviewer and embedder specs, with the offline builders and the test env. */
function stackOf(
  writer: string,
  reviewer: string,
  embedder: string,
  extra: Partial<Parameters<typeof openModelStack>[0]> = {},
) {
  return openModelStack({ writer, reviewer, embedder, preferenceOf: () => '', offline, env, ...extra });
}

describe('openModelStack', () => {
  it('checks each distinct base URL once, then builds the parts with one cache', async () => {
    const before = openai.requestsTo('/v1/models').length;
    const stack = await stackOf(
      'openai:gpt-4o',
      'anthropic:claude-sonnet-4-5',
      'openai:text-embedding-3-small',
      { preferenceOf: () => 'brief', cache: join(folder, 'cache.sqlite') },
    );
    expect(openai.requestsTo('/v1/models').length - before).toBe(1);
    expect(anthropic.requestsTo('/v1/models')).toHaveLength(1);
    expect(stack.offline).toEqual({ writer: false, reviewer: false, embedder: false });
    expect(stack.writer).toMatchObject({ provider: 'openai.chat', modelId: 'gpt-4o' });
    expect(stack.cache?.size()).toBe(0);
    expect(stack.warnings).toEqual([]);
    const draft = await stack.writer.generate({
      task: { kind: 'email' },
      context: { id: 'n', source: 's', text: 'Notes.' },
    });
    expect(draft.text).toBe('fake reply');
    expect(stack.cache?.size()).toBe(1);
    stack.close();
  });

  it('uses the offline builders for sim and lexical, without cache or network', async () => {
    const requests = openai.requests.length + anthropic.requests.length;
    const stack = await stackOf('sim', 'sim', 'lexical', { env: {} });
    expect(stack.offline).toEqual({ writer: true, reviewer: true, embedder: true });
    expect(stack.writer.modelId).toBe('offline-writer');
    expect(stack.cache).toBeUndefined();
    expect(openai.requests.length + anthropic.requests.length).toBe(requests);
  });

  it('fails before any request on a bad spec or a missing key', async () => {
    const requests = openai.requests.length;
    const bad = await stackOf('openai:gpt-4o', 'sim', 'bert').catch((error: unknown) => error);
    expect(InvalidInputError.isInstance(bad)).toBe(true);
    expect(bad).toMatchObject({ field: '--embedder', value: 'bert' });
    const noKey = await stackOf('sim', 'anthropic:claude-sonnet-4-5', 'lexical', { env: {} }).catch(
      (error: unknown) => error,
    );
    expect(noKey).toMatchObject({ field: 'ANTHROPIC_API_KEY' });
    expect(openai.requests.length).toBe(requests);
  });

  it('fails early on an unreachable base URL, and warns about a model the server does not list', async () => {
    const down = await stackOf('openai-compatible:m@http://127.0.0.1:9/v1', 'sim', 'lexical', {
      env: undefined,
      cache: false,
    }).catch((error: unknown) => error);
    expect(ModelCallError.isInstance(down)).toBe(true);
    const stack = await stackOf('openai:gpt-5-imaginary', 'sim', 'lexical', { cache: false });
    expect(stack.warnings[0]).toMatch(/does not list gpt-5-imaginary/);
    expect(stack.cache).toBeUndefined();
  });
});
