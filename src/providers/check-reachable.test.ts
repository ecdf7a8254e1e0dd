import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicServer, type FakeAnthropicServer } from '../../test/fake-servers/anthropic-server.js';
import {
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../testing/openai-compatible-server.js';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import { checkReachable } from './check-reachable.js';

let openai: FakeOpenAiCompatibleServer;
let anthropic: FakeAnthropicServer;
beforeAll(async () => {
  openai = await startOpenAiCompatibleServer({ models: ['llama3.1:8b', 'nomic-embed-text'] });
  anthropic = await startAnthropicServer({ models: ['claude-sonnet-4-5'] });
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

async function closedPortURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

describe('checkReachable', () => {
  it('GETs /models with the key and warns when the model is not listed', async () => {
    const env = { OLLAMA_HOST: openai.url };
    expect(await checkReachable('ollama:llama3.1:8b', { env })).toMatchObject({
      checked: true,
      status: 200,
      url: `${openai.baseURL}/models`,
    });
    const missing = await checkReachable('ollama:mistral', { env });
    expect(missing.warning).toMatch(/does not list mistral \(it lists llama3.1:8b, nomic-embed-text\)/);
    const claude = await checkReachable('anthropic:claude-sonnet-4-5', {
      env: { ANTHROPIC_API_KEY: 'a-key', ANTHROPIC_BASE_URL: anthropic.baseURL },
    });
    expect(claude).toMatchObject({ checked: true, status: 200 });
    expect(claude.warning).toBeUndefined();
    expect(anthropic.requests.at(-1)!.headers).toMatchObject({
      'x-api-key': 'a-key',
      'anthropic-version': '2023-06-01',
    });
  });

  it('skips the offline markers', async () => {
    expect(await checkReachable('sim')).toEqual({ checked: false });
    expect(await checkReachable('lexical', { role: 'embedding' })).toEqual({ checked: false });
  });

  it('reports a refused connection as a retryable ModelCallError naming the URL, quickly', async () => {
    const url = await closedPortURL();
    const started = Date.now();
    const error = await checkReachable(`openai-compatible:qwen@${url}`).catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`cannot reach ${url}/models`);
  });

  it('reports a server that does not answer within the timeout', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    const error = await checkReachable(`openai-compatible:m@http://127.0.0.1:${port}/v1`, {
      timeoutMs: 200,
    }).catch((thrown: unknown) => thrown);
    hanging.closeAllConnections();
    hanging.close();
    expect((error as Error).message).toMatch(/no answer within 200 ms/);
  });

  it('turns 401 into an InvalidInputError naming the key variable', async () => {
    const rejecting = createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}');
    });
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
    const { port } = rejecting.address() as AddressInfo;
    const error = await checkReachable('openai:gpt-4o', {
      env: { OPENAI_API_KEY: 'wrong', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` },
    }).catch((thrown: unknown) => thrown);
    rejecting.close();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'OPENAI_API_KEY' });
  });
});
