import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { createLearner } from '../core/index.js';
import { CallPolicy, type CallPolicyOptions } from '../providers/call-policy.js';
import {
  createEmbedderFromSpec,
  createFollowUpClassifierFromSpec,
  createLanguageModel,
  createWriterFromSpec,
} from '../providers/model-factories.js';
import { parseModelSpec } from '../providers/model-spec.js';
import { rulesFollowUpClassifier } from '../sim/follow-up-rules.js';
import { createLexicalEmbedder } from '../sim/lexical-embedder.js';
import { OfflineWriter } from '../sim/offline-writer.js';
import { warmUpWordClasses } from '../sim/lexicon/word-classes.js';
import { warmUpTokenCounter } from '../sim/writer/token-counter.js';
import type { Stores } from '../store/open-stores.js';
import { openStores } from '../store/open-stores.js';
import { contextCheckingEmbedder } from '../service/context-checking-embedder.js';
import { createApp } from './create-app.js';
import { UserTokens } from './user-tokens.js';
import type { FairUseOptions } from './fair-use.js';
import { defaultFairUse } from './fair-use.js';
import type { RecoveryPolicy } from '../service/pending-recoverer.js';
import { startRecoveryLoop } from '../service/pending-recoverer.js';
import { createSampleCorpus } from './sample-corpus.js';
import { ServiceMetrics } from './service-metrics.js';
import { createTailor } from '../service/tailor.js';

/** How `tailor serve` (and `npm start`) runs the service. */
export interface ServiceOptions {
  /** A SQLite file path or a `postgres://` URL (see `openStores`). */
  readonly store: string;
  /** PostgreSQL schema (default `tailor`). */
  readonly schema?: string;
  /** SQLite commit durability (see `openSqliteDatabase`); default `full`. */
  readonly sqliteSynchronous?: 'full' | 'normal';
  readonly port: number;
  readonly host: string;
  /** The agent's writer: `sim` (the offline writer) or a model spec (see `acceptedSpecs`). */
  readonly model: string;
  /** `lexical` (offline) or an embedding model spec. */
  readonly embedder: string;
  readonly learner: string;
  /** The chat proxy's upstream model spec (default: `model` when it is a remote model). */
  readonly upstream?: string;
  /** Folder of the built UI (default `web/dist`; null: no UI). */
  readonly staticRoot?: string | null;
  readonly recoveryIntervalMs?: number;
  /** Rate limit per key and concurrency cap per tenant, per process (default `defaultFairUse`). */
  readonly fairUse?: FairUseOptions;
  readonly recovery?: Partial<RecoveryPolicy>;
  /**
   * Tenants whose chat follow-ups the proxy learns from ("please, no bullet points"), or `all`;
   * default none. The classifier is the `model`'s (rules for `sim`).
   */
  readonly learnFromFollowUps?: readonly string[] | 'all';
  /**
   * Model calls in flight at once per provider family and per tenant (see `CallPolicyOptions`:
   * `concurrency`, `providerConcurrency`, `tenantConcurrency`); default: the policy's defaults.
   */
  readonly modelCalls?: Pick<CallPolicyOptions, 'concurrency' | 'providerConcurrency' | 'tenantConcurrency'>;
  /** The bearer token `/metrics` requires (none: `/metrics` is off). */
  readonly metricsToken?: string;
  readonly logger?: Logger;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A running service. */
export interface RunningService {
  readonly url: string;
  readonly port: number;
  readonly stores: Stores;
  close(): Promise<void>;
}

/**
 * The service's composition root: opens the stores, builds writer, embedder and learner from their
 * specs, serves the HTTP API (and the UI when built) and starts the pending-edit recoverer (a pass at
 * once, then every `recoveryIntervalMs`).
 *
 * @example
 * const service = await startService({ store: '.tailor/tailor.sqlite', port: 8787, host: '127.0.0.1',
 *   model: 'sim', embedder: 'lexical', learner: 'cipher-5' });
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? pino({ level: env.TAILOR_LOG_LEVEL ?? 'info' });
  // NOTE: parse every spec before opening anything, so a typo fails fast with the accepted forms.
  const modelSpec = parseModelSpec(options.model, { role: 'language', field: '--model' });
  const upstreamSpec =
    options.upstream === undefined
      ? modelSpec.provider === 'sim'
        ? undefined
        : modelSpec
      : parseModelSpec(options.upstream, { role: 'language', field: '--upstream' });
  const metrics = new ServiceMetrics();
  const callPolicy = new CallPolicy({
    timeoutMs: 60_000,
    maxRetries: 2,
    ...options.modelCalls,
    onQueueWait: metrics.observeQueueWait,
  });
  metrics.watchCallPolicy(callPolicy);
  const writer = createWriterFromSpec(modelSpec, {
    env,
    callPolicy,
    field: '--model',
    sim: () => {
      // NOTE: the offline writer counts tokens and reads word classes: its tokenizer and lexicon are
      // loaded before listening, not in the first request (about 0.6 s each).
      warmUpTokenCounter();
      warmUpWordClasses();
      // The demo writer applies every requirement it recognises (no simulated misses): its misses exist
      // to make the bench's oracle imperfect, and in the service, where contexts get fresh ids, they
      // would make a learned preference skip a draft at random.
      return new OfflineWriter({ seed: 0, missRate: 0 });
    },
  });
  const embedder = contextCheckingEmbedder(
    createEmbedderFromSpec(options.embedder, { env, callPolicy, lexical: () => createLexicalEmbedder() }),
  );
  const chatUpstream =
    upstreamSpec === undefined || upstreamSpec.provider === 'sim'
      ? undefined
      : createLanguageModel(upstreamSpec, env, { field: '--upstream' });

  const stores = await openStores(options.store, {
    schema: options.schema,
    sqliteSynchronous: options.sqliteSynchronous,
  });
  const learner = createLearner(options.learner, { writer, embedder, memory: stores.memory });
  const followUps = createFollowUpClassifierFromSpec(modelSpec, {
    env,
    callPolicy,
    field: '--model',
    sim: () => rulesFollowUpClassifier,
  });
  const followUpTenants = options.learnFromFollowUps ?? [];
  const tailor = createTailor({
    followUps,
    writer,
    embedder,
    memory: stores.memory,
    interactions: stores.interactions,
    learner,
    recovery: options.recovery,
    onUsage: (step, usage) => metrics.countTokens(step, usage),
    onLearnError: (error, interaction) => {
      metrics.pending.inc();
      logger.warn(
        { interactionId: interaction.id, attempts: interaction.learnAttempts, err: error },
        interaction.status === 'failed'
          ? 'learning failed and no attempt is left; the edit is failed until retried (POST /v1/interactions/{id}/retry)'
          : 'learning failed; the edit stays pending and is retried',
      );
    },
  });
  const app = createApp({
    tailor,
    apiKeys: stores.apiKeys,
    samples: createSampleCorpus(),
    chatUpstream,
    learnFromFollowUps: (tenant: string) => followUpTenants === 'all' || followUpTenants.includes(tenant),
    logger,
    metrics,
    staticRoot: options.staticRoot,
    metricsToken: options.metricsToken,
    // NOTE: servers sharing a database share TAILOR_TOKEN_SECRET; without it, tokens end with the process.
    userTokens: new UserTokens({ secret: env.TAILOR_TOKEN_SECRET }),
    contentSecurityPolicy: true,
    fairUse: options.fairUse ?? defaultFairUse,
    // NOTE: the writer lets the web UI say when drafts come from the offline rule-based writer.
    health: { store: stores.kind, writer: `${writer.provider}:${writer.modelId}` },
  });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const recovery = startRecoveryLoop({
    recoverer: tailor.recoverer,
    intervalMs: options.recoveryIntervalMs ?? 5_000,
    onPass: (report) => {
      if (report.learned + report.failed > 0) logger.info(report, 'recovered pending edits');
    },
    onError: (error) => logger.error({ err: error }, 'recovery pass failed'),
  });
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}/`,
    port,
    stores,
    async close() {
      await recovery.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}
