import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createLearner } from '../../src/core/index.js';
import { createApp } from '../../src/server/create-app.js';
import { createSampleCorpus, type Sample, type SampleTask } from '../../src/server/sample-corpus.js';
import { contextCheckingEmbedder } from '../../src/service/context-checking-embedder.js';
import { createTailor } from '../../src/service/tailor.js';
import { createLexicalEmbedder, OfflineWriter } from '../../src/sim/index.js';
import { ModelCallError, type Writer } from '../../src/spec/index.js';
import { openStores } from '../../src/store/open-stores.js';

/** Which writer calls fail with a ModelCallError (as a model outage would), switched by the tests. */
export interface ModelOutage {
  generate: boolean;
  learn: boolean;
}

/** The offline writer, failing the calls the outage switches on. */
function switchableWriter(writer: Writer, outage: ModelOutage): Writer {
  const fail = (): never => {
    throw new ModelCallError({
      provider: writer.provider,
      modelId: writer.modelId,
      message: 'the model did not answer (simulated outage)',
      status: 503,
      retryable: true,
    });
  };
  return {
    provider: writer.provider,
    modelId: writer.modelId,
    generate: (options) => (outage.generate ? fail() : writer.generate(options)),
    inferPreference: (options) => (outage.learn ? fail() : writer.inferPreference(options)),
    aggregatePreferences: (options) => (outage.generate ? fail() : writer.aggregatePreferences(options)),
    ...(writer.checkPreference === undefined
      ? {}
      : {
          checkPreference: (options: Parameters<NonNullable<Writer['checkPreference']>>[0]) =>
            outage.generate ? fail() : writer.checkPreference!(options),
        }),
  };
}

/** A Tailor server on 127.0.0.1 for the UI tests, with handles to stop, restart and inspect it. */
export interface RunningTailor {
  readonly url: string;
  readonly apiKey: string;
  /** Switch model failures on and off. */
  readonly outage: ModelOutage;
  /** Stop listening (the page then cannot reach the server); the data stays. */
  stop(): Promise<void>;
  /** Listen again on the same port, with the same data (nothing to do when listening). */
  start(): Promise<void>;
  samples(task: SampleTask): Promise<Sample[]>;
  /** The ids of the built-in samples of one source (e.g. `encyclopedia`), in corpus order. */
  sampleIds(task: SampleTask, source: string): Promise<string[]>;
  /** `GET` an API path with the test key and return the JSON. */
  get<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Start the real service in process: `createApp` over `createTailor` with the offline writer, the
 * lexical embedder, the refine-verify-5 learner (the service's default), SQLite stores in a temporary folder, the built-in sample
 * corpus and the built UI in `webRoot`, on a free port of 127.0.0.1.
 */
export async function startTailor(options: { webRoot: string }): Promise<RunningTailor> {
  const folder = await mkdtemp(join(tmpdir(), 'tailor-ui-test-'));
  const stores = await openStores(join(folder, 'tailor.sqlite'));
  const outage: ModelOutage = { generate: false, learn: false };
  const writer = switchableWriter(new OfflineWriter({ seed: 0 }), outage);
  const embedder = contextCheckingEmbedder(createLexicalEmbedder());
  const learner = createLearner('refine-verify-5', { writer, embedder, memory: stores.memory });
  const tailor = createTailor({
    writer,
    embedder,
    memory: stores.memory,
    interactions: stores.interactions,
    learner,
  });
  const { secret } = await stores.apiKeys.create({ tenant: 'ui-test', label: 'ui e2e' });
  const samples = createSampleCorpus();
  const app = createApp({
    tailor,
    apiKeys: stores.apiKeys,
    samples,
    staticRoot: options.webRoot,
    // NOTE: as start-service reports it, so the page shows its offline-writer banner.
    health: { writer: `${writer.provider}:${writer.modelId}` },
  });

  let server: Server | undefined;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const starting = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      }) as Server;
      starting.once('error', reject);
      server = starting;
    });
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      const running = server;
      server = undefined;
      if (!running) return resolve();
      running.close((error) => (error ? reject(error) : resolve()));
      running.closeAllConnections();
    });
  await start();
  const url = `http://127.0.0.1:${port}`;

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${secret}` } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    url,
    apiKey: secret,
    outage,
    stop,
    start,
    samples: (task) => samples(task),
    sampleIds: async (task, source) =>
      (await samples(task)).filter((sample) => sample.source === source).map((sample) => sample.id),
    get,
    close: async () => {
      await stop();
      await stores.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
