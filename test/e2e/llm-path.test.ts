import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLearner } from '../../src/core/learner-registry.js';
import { wordEditDistance } from '../../src/core/metrics/word-edit-distance.js';
import {
  CallPolicy,
  ResponseCache,
  createEmbedderFromSpec,
  createReviewerFromSpec,
  createWriterFromSpec,
} from '../../src/providers/index.js';
import { addUsage, noUsage, type Context, type Task } from '../../src/spec/index.js';
import { InMemoryMemory } from '../../src/store/in-memory-memory.js';
import {
  messagesRequestText,
  startAnthropicServer,
  type FakeAnthropicServer,
} from '../fake-servers/anthropic-server.js';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../../src/testing/openai-compatible-server.js';

// The whole real LLM path: CIPHER-5 with the LLM writer and the AI SDK embedder against a fake
// OpenAI server, and the LLM-simulated user against a fake Anthropic server, all over HTTP. The fake
// models follow a tiny script (bullets when asked for them), so the test checks plumbing, not quality.
const bulleted = '- Libraries open in spring\n- Three of them';
const plain = 'The council will open three libraries in spring.';

function agentModel(request: { body: unknown }) {
  const prompt = chatRequestText(request.body);
  if (prompt.includes('What generic preference'))
    return { type: 'text', text: 'Preference: bullet points.' } as const;
  if (prompt.includes('Combine them')) return { type: 'text', text: 'bullet points' } as const;
  return {
    type: 'text',
    text: prompt.includes('preferred writing style: bullet points') ? bulleted : plain,
  } as const;
}

function userModel(request: { body: unknown }) {
  const prompt = messagesRequestText(request.body);
  if (prompt.includes('Answer yes or no'))
    return { type: 'text', text: prompt.includes('- Three') ? 'Yes.' : 'No.' } as const;
  return { type: 'text', text: bulleted } as const;
}

const task: Task = { kind: 'summarization' };
const contexts: Context[] = Array.from({ length: 5 }, (_, index) => ({
  id: `news-${index}`,
  source: 'news',
  text: `The city council voted on day ${index} to open three new public libraries next spring.`,
}));

describe('the real LLM path end to end over HTTP', () => {
  let agent: FakeOpenAiCompatibleServer;
  let user: FakeAnthropicServer;
  let folder: string;
  beforeEach(async () => {
    agent = await startOpenAiCompatibleServer({ respond: agentModel });
    user = await startAnthropicServer({ respond: userModel });
    folder = mkdtempSync(join(tmpdir(), 'tailor-e2e-'));
  });
  afterEach(async () => {
    await agent.close();
    await user.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function run(cache: ResponseCache | false) {
    const env = {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: agent.baseURL,
      ANTHROPIC_API_KEY: 'anthropic-test',
      ANTHROPIC_BASE_URL: user.baseURL,
    };
    const callPolicy = new CallPolicy({ concurrency: 2, initialDelayMs: 1 });
    const writer = createWriterFromSpec('openai:gpt-4o', { env, callPolicy, cache });
    const embedder = createEmbedderFromSpec('openai:text-embedding-3-small', { env, callPolicy, cache });
    const reviewer = createReviewerFromSpec('anthropic:claude-sonnet-4-5', {
      env,
      callPolicy,
      cache,
      preferenceOf: () => 'bullet points, brief',
    });
    const learner = createLearner('cipher-5', { writer, embedder, memory: new InMemoryMemory() });
    const scope = { tenant: 't', user: 'u', task: 'summarization' };
    const rounds = [];
    for (const context of contexts) {
      const proposal = await learner.propose({ scope, task, context });
      const review = await reviewer.review({ task, context, output: proposal.text });
      const pair = { original: proposal.text, edited: review.edited };
      const learned = await learner.learn({ scope, task, context, proposal, pair });
      rounds.push({
        cost: wordEditDistance(proposal.text, review.edited),
        preferenceUsed: proposal.preferenceUsed,
        preferenceInferred: learned.preferenceInferred,
        agentUsage: addUsage(proposal.usage, learned.usage),
      });
    }
    return rounds;
  }

  it('learns the preference from the first edit and replays a second run from the cache', async () => {
    const first = await run(ResponseCache.open(join(folder, 'cache.sqlite')));
    expect(first[0]).toMatchObject({ preferenceUsed: null, preferenceInferred: 'bullet points' });
    expect(first[0]!.cost).toBeGreaterThan(0);
    for (const round of first.slice(1))
      expect(round).toMatchObject({ preferenceUsed: 'bullet points', cost: 0 });
    const total = addUsage(noUsage, ...first.map((round) => round.agentUsage));
    expect(total.inputTokens).toBeGreaterThan(0);
    const agentRequests = agent.requests.length;
    const userRequests = user.requests.length;
    expect(agent.requestsTo('/v1/embeddings').length).toBeGreaterThan(0);
    expect(user.requestsTo('/v1/messages')).toHaveLength(contexts.length + 1); // judge every round, one edit

    const second = await run(ResponseCache.open(join(folder, 'cache.sqlite')));
    expect(second).toEqual(first);
    expect(agent.requests.length).toBe(agentRequests);
    expect(user.requests.length).toBe(userRequests);
  });
});
