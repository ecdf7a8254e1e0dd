/**
 * A language model and an embedding model that answer at once, in process (AI SDK v3 model objects,
 * so the real writer, embedder and call policy run around them): the load and peer benchmarks use them
 * so only Tailor's own cost shows. Not a test double for behaviour: the answer is always the same.
 */
import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import { pino } from 'pino';
import { createLearner } from '../src/core/index.js';
import { AiSdkEmbedder } from '../src/providers/ai-sdk-embedder.js';
import { CallPolicy, type CallPolicyOptions } from '../src/providers/call-policy.js';
import { LlmWriter } from '../src/providers/llm-writer.js';
import { createApp } from '../src/server/create-app.js';
import { ServiceMetrics } from '../src/server/service-metrics.js';
import { createTailor } from '../src/service/tailor.js';
import { openStores } from '../src/store/open-stores.js';

/** The one answer of the instant language model: short enough for a draft, a preference or an aggregate. */
export const instantAnswer = 'Short, direct sentences with a warm greeting.';

const usage = {
  inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

/** A chat model that returns `instantAnswer` at once (streaming too). */
export function instantLanguageModel(): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'instant.chat',
    modelId: 'instant',
    supportedUrls: {},
    doGenerate: async () => ({
      content: [{ type: 'text', text: instantAnswer }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    }),
    doStream: async () => ({
      stream: new ReadableStream({
        start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: '0' });
          controller.enqueue({ type: 'text-delta', id: '0', delta: instantAnswer });
          controller.enqueue({ type: 'text-end', id: '0' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
          controller.close();
        },
      }),
    }),
  };
}

/** A deterministic bag-of-words vector of `dimensions` (hashed words, never zero). */
export function hashedVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  vector[0] = 0.01;
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 2166136261;
    for (let index = 0; index < word.length; index++)
      hash = Math.imul(hash ^ word.charCodeAt(index), 16777619);
    vector[1 + ((hash >>> 0) % (dimensions - 1))]! += 1;
  }
  return vector;
}

/** An embedding model that answers at once with `hashedVector`s. */
export function instantEmbeddingModel(dimensions = 256): EmbeddingModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'instant.embedding',
    modelId: `instant-${dimensions}`,
    maxEmbeddingsPerCall: 2048,
    supportsParallelCalls: true,
    doEmbed: async ({ values }) => ({
      embeddings: values.map((value) => hashedVector(value, dimensions)),
      usage: { tokens: values.length * 10 },
      warnings: [],
    }),
  };
}

/** Model calls made, and how many of them queued for a slot (per tenant or per provider) and how long. */
export interface SlotWaits {
  calls: number;
  queued: number;
  waitedMs: number;
}

/**
 * Tailor as `tailor serve` builds it (SQLite at `storePath`, one call policy with its defaults, the
 * CIPHER-5 learner) over the instant models, and its HTTP app (no fair-use limits: the clients are
 * the benchmark). Logs at `TAILOR_LOG_LEVEL` (default info, as the service) to `logDestination`.
 * `slotWaits` counts the model calls and those that queued for a slot.
 */
export async function openInstantTailor(options: {
  readonly storePath: string;
  readonly learner?: string;
  readonly callPolicy?: CallPolicyOptions;
  readonly logDestination?: number;
  /** SQLite commit durability (`tailor serve --sqlite-synchronous`; default full). */
  readonly sqliteSynchronous?: 'full' | 'normal';
}) {
  const stores = await openStores(options.storePath, {
    sqliteSynchronous: options.sqliteSynchronous ?? 'full',
  });
  const metrics = new ServiceMetrics();
  const slotWaits: SlotWaits = { calls: 0, queued: 0, waitedMs: 0 };
  const callPolicy = new CallPolicy({
    timeoutMs: 60_000,
    maxRetries: 2,
    ...options.callPolicy,
    onQueueWait: (event) => {
      metrics.observeQueueWait(event);
      slotWaits.calls += 1;
      if (event.queued) {
        slotWaits.queued += 1;
        slotWaits.waitedMs += event.waitedMs;
      }
    },
  });
  metrics.watchCallPolicy(callPolicy);
  const writer = new LlmWriter({ model: instantLanguageModel(), callPolicy });
  const embedder = new AiSdkEmbedder({ model: instantEmbeddingModel(), callPolicy });
  const learner = createLearner(options.learner ?? 'cipher-5', { writer, embedder, memory: stores.memory });
  const tailor = createTailor({
    writer,
    embedder,
    memory: stores.memory,
    interactions: stores.interactions,
    learner,
    onUsage: (step, stepUsage) => metrics.countTokens(step, stepUsage),
  });
  const logger = pino(
    { level: process.env.TAILOR_LOG_LEVEL ?? 'info' },
    pino.destination(options.logDestination ?? 1),
  );
  const app = createApp({
    tailor,
    apiKeys: stores.apiKeys,
    metrics,
    logger,
    staticRoot: null,
    contentSecurityPolicy: true,
  });
  return { tailor, stores, app, callPolicy, slotWaits };
}
