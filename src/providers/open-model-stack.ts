import type { Context, Embedder, Reviewer, Task, Writer } from '../spec/index.js';
import { CallPolicy, type CallPolicyOptions } from './call-policy.js';
import { checkReachable } from './check-reachable.js';
import { createEmbedderFromSpec, createReviewerFromSpec, createWriterFromSpec } from './model-factories.js';
import { isOfflineSpec, parseModelSpec, resolveEndpoint, type ProviderEnvironment } from './model-spec.js';
import { defaultResponseCachePath, ResponseCache } from './response-cache.js';

/** The writer, simulated user and embedder of a run, built from three specs. */
export interface ModelStack {
  readonly writer: Writer;
  readonly reviewer: Reviewer;
  readonly embedder: Embedder;
  /** The open response cache, if caching is on (its `stats` count hits and misses). */
  readonly cache: ResponseCache | undefined;
  /** Which parts are the offline world (their numbers are not evidence about an LLM). */
  readonly offline: { readonly writer: boolean; readonly reviewer: boolean; readonly embedder: boolean };
  /** Non-fatal findings of the reachability checks (e.g. a model a server does not list). */
  readonly warnings: readonly string[];
  /** Close the cache. */
  close(): void;
}

export interface OpenModelStackOptions {
  readonly writer: string;
  readonly reviewer: string;
  readonly embedder: string;
  /** The simulated user's latent preference for a context. */
  readonly preferenceOf: (context: Context, task: Task) => string;
  /** Builders of the offline world (`sim`, `lexical`), from `src/sim/`. */
  readonly offline: {
    readonly writer: () => Writer;
    readonly reviewer: () => Reviewer;
    readonly embedder: () => Embedder;
  };
  /** A cache file path, true for `.tailor/cache.sqlite` (the default), false for no cache (`--no-cache`). */
  readonly cache?: string | boolean;
  readonly env?: ProviderEnvironment;
  readonly fetch?: typeof globalThis.fetch;
  /** One policy shared by all three (so a provider's concurrency limit covers them all). */
  readonly callPolicy?: CallPolicy | CallPolicyOptions;
  /** GET each remote base URL's /models first (default true). */
  readonly checkReachability?: boolean;
  readonly reachabilityTimeoutMs?: number;
}

/**
 * Build a run's writer, simulated user and embedder from `--writer`, `--reviewer` and `--embedder`
 * specs, failing before any round: every spec is parsed and its key resolved first (InvalidInputError
 * naming the flag or the variable), then each distinct remote base URL is checked (ModelCallError when
 * unreachable), then the cache is opened. Writer and reviewer share the cache and one CallPolicy.
 *
 * @example
 * const stack = await openModelStack({ writer: 'openai:gpt-4o', reviewer: 'openai:gpt-4o',
 *   embedder: 'lexical', preferenceOf, offline: { writer: ..., reviewer: ..., embedder: ... } });
 * try { ... } finally { stack.close(); }
 */
export async function openModelStack(options: OpenModelStackOptions): Promise<ModelStack> {
  const env = options.env ?? process.env;
  const specs = [
    { field: '--writer', spec: parseModelSpec(options.writer, { role: 'language', field: '--writer' }) },
    {
      field: '--reviewer',
      spec: parseModelSpec(options.reviewer, { role: 'language', field: '--reviewer' }),
    },
    {
      field: '--embedder',
      spec: parseModelSpec(options.embedder, { role: 'embedding', field: '--embedder' }),
    },
  ];
  const endpoints = specs.flatMap(({ spec }) => (isOfflineSpec(spec) ? [] : [resolveEndpoint(spec, env)]));
  const warnings: string[] = [];
  if (options.checkReachability ?? true) {
    const checked = new Set<string>();
    for (const endpoint of endpoints) {
      if (checked.has(endpoint.baseURL)) continue;
      checked.add(endpoint.baseURL);
      const result = await checkReachable(endpoint.spec, {
        env,
        fetch: options.fetch,
        timeoutMs: options.reachabilityTimeoutMs,
      });
      if (result.warning !== undefined) warnings.push(result.warning);
    }
  }
  const cachePath =
    options.cache === undefined || options.cache === true ? defaultResponseCachePath : options.cache;
  const cache = cachePath === false || endpoints.length === 0 ? undefined : ResponseCache.open(cachePath);
  const callPolicy =
    options.callPolicy instanceof CallPolicy ? options.callPolicy : new CallPolicy(options.callPolicy);
  const shared = { env, fetch: options.fetch, callPolicy, cache: cache ?? (false as const) };
  return {
    writer: createWriterFromSpec(specs[0]!.spec, { ...shared, sim: options.offline.writer }),
    reviewer: createReviewerFromSpec(specs[1]!.spec, {
      ...shared,
      preferenceOf: options.preferenceOf,
      sim: options.offline.reviewer,
    }),
    embedder: createEmbedderFromSpec(specs[2]!.spec, { ...shared, lexical: options.offline.embedder }),
    cache,
    offline: {
      writer: isOfflineSpec(specs[0]!.spec),
      reviewer: isOfflineSpec(specs[1]!.spec),
      embedder: isOfflineSpec(specs[2]!.spec),
    },
    warnings,
    close: () => cache?.close(),
  };
}
