import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  InvalidInputError,
  type Context,
  type Embedder,
  type FollowUpClassifier,
  type Reviewer,
  type Task,
  type Writer,
} from '../spec/index.js';
import { AiSdkEmbedder } from './ai-sdk-embedder.js';
import type { CallPolicy } from './call-policy.js';
import type { DecodingSettings } from './language-model-caller.js';
import { LlmFollowUpClassifier } from './llm-follow-up-classifier.js';
import { LlmReviewer } from './llm-reviewer.js';
import { LlmWriter } from './llm-writer.js';
import {
  acceptedSpecs,
  formatModelSpec,
  parseModelSpec,
  resolveEndpoint,
  type ModelRole,
  type ModelSpec,
  type ProviderEnvironment,
  type RemoteModelSpec,
  type ResolvedEndpoint,
} from './model-spec.js';
import type { ResponseCache } from './response-cache.js';
import type { PromptProtocol } from '../prompts/index.js';

/** What every factory accepts: the environment (default `process.env`) and an injectable fetch. */
export interface SpecFactoryOptions {
  readonly env?: ProviderEnvironment;
  /** Replaces global fetch in the AI SDK providers (tests, proxies, logging). */
  readonly fetch?: typeof globalThis.fetch;
  /** The option the spec came from, for error messages (e.g. `--writer`). */
  readonly field?: string;
}

function toSpec(spec: string | ModelSpec, role: ModelRole, field: string | undefined): ModelSpec {
  return typeof spec === 'string' ? parseModelSpec(spec, { role, field }) : spec;
}

function remote(spec: ModelSpec, role: ModelRole, field: string | undefined): RemoteModelSpec {
  if (spec.provider === 'sim' || spec.provider === 'lexical') {
    throw new InvalidInputError({
      field: field ?? 'model spec',
      value: spec.provider,
      accepted: acceptedSpecs(role),
      message: `${spec.provider} is the offline world, not an AI SDK model; the composition root builds it`,
    });
  }
  return spec;
}

/** The AI SDK provider for an endpoint. OpenAI goes through Chat Completions, like every compatible server. */
function providerFor(endpoint: ResolvedEndpoint, fetch: SpecFactoryOptions['fetch']) {
  const { spec, baseURL, apiKey } = endpoint;
  switch (spec.provider) {
    case 'openai': {
      const provider = createOpenAI({ baseURL, apiKey, fetch });
      return { language: provider.chat(spec.modelId), embedding: () => provider.embedding(spec.modelId) };
    }
    case 'anthropic':
      return { language: createAnthropic({ baseURL, apiKey, fetch })(spec.modelId), embedding: undefined };
    case 'ollama':
    case 'openai-compatible': {
      const provider = createOpenAICompatible({
        name: spec.provider,
        baseURL,
        apiKey,
        fetch,
        includeUsage: true,
      });
      return {
        language: provider.chatModel(spec.modelId),
        embedding: () => provider.embeddingModel(spec.modelId),
      };
    }
  }
}

/** A role's remote spec and its AI SDK provider; errors name `options.field`. */
function remoteProvider(
  spec: string | ModelSpec,
  role: ModelRole,
  env: ProviderEnvironment,
  options: Omit<SpecFactoryOptions, 'env'>,
) {
  const parsed = remote(toSpec(spec, role, options.field), role, options.field);
  return { parsed, provider: providerFor(resolveEndpoint(parsed, env), options.fetch) };
}

/**
 * An AI SDK language model for a remote spec. Throws InvalidInputError for an unparseable spec, a
 * missing key, or `sim`.
 *
 * @example
 * const model = createLanguageModel('anthropic:claude-sonnet-4-5', process.env);
 */
export function createLanguageModel(
  spec: string | ModelSpec,
  env: ProviderEnvironment = process.env,
  options: Omit<SpecFactoryOptions, 'env'> = {},
): LanguageModelV3 {
  return remoteProvider(spec, 'language', env, options).provider.language;
}

/** An AI SDK embedding model for a remote spec (not `anthropic`, not `lexical`). */
export function createEmbeddingModel(
  spec: string | ModelSpec,
  env: ProviderEnvironment = process.env,
  options: Omit<SpecFactoryOptions, 'env'> = {},
): EmbeddingModelV3 {
  const { parsed, provider } = remoteProvider(spec, 'embedding', env, options);
  const embedding = provider.embedding;
  if (embedding === undefined) {
    throw new InvalidInputError({
      field: options.field ?? 'embedder spec',
      value: formatModelSpec(parsed),
      accepted: acceptedSpecs('embedding'),
    });
  }
  return embedding();
}

/** How the LLM writer and reviewer call their model. */
export interface LanguageSpecOptions extends SpecFactoryOptions {
  readonly callPolicy?: CallPolicy;
  /** The response cache, or false/undefined to call the model every time. */
  readonly cache?: ResponseCache | false;
  readonly system?: string;
  readonly settings?: DecodingSettings;
  readonly stream?: boolean;
  /** `tailor` (default) or `paper`: prompt templates and, for `paper`, the paper's settings. */
  readonly protocol?: PromptProtocol;
}

/** The identity of a remote model in the response cache's keys: its spec and base URL. */
export function cacheNamespace(spec: RemoteModelSpec, env: ProviderEnvironment): string {
  // NOTE: the base URL is part of the identity: two servers may serve different weights under one name.
  return `${formatModelSpec(spec)}@${resolveEndpoint(spec, env).baseURL}`;
}

/** How errors name a model: its role and the flag it came from, e.g. `writer --writer openai:gpt-4o`. */
function labelOf(role: string, field: string, spec: RemoteModelSpec): string {
  return `${role} ${field} ${formatModelSpec(spec)}`;
}

function languageOptions(spec: RemoteModelSpec, options: LanguageSpecOptions, role: string, field: string) {
  const env = options.env ?? process.env;
  return {
    label: labelOf(role, field, spec),
    model: createLanguageModel(spec, env, options),
    system: options.system,
    settings: options.settings,
    callPolicy: options.callPolicy,
    cache: options.cache,
    cacheNamespace: cacheNamespace(spec, env),
    stream: options.stream,
    protocol: options.protocol,
  };
}

/**
 * A language role's implementation for a spec: `options.sim()` for `sim`, else `create` given the
 * remote model's call options; errors name `options.field`, else `defaultField`.
 */
function fromLanguageSpec<T>(
  spec: string | ModelSpec,
  options: LanguageSpecOptions & { readonly sim?: () => T },
  role: string,
  defaultField: string,
  create: (llm: ReturnType<typeof languageOptions>) => T,
): T {
  const field = options.field ?? defaultField;
  const parsed = toSpec(spec, 'language', field);
  if (parsed.provider === 'sim') return offline(options.sim, 'sim', field);
  return create(languageOptions(remote(parsed, 'language', field), options, role, field));
}

/**
 * The agent's Writer for a spec: an LlmWriter for remote specs, `options.sim()` for `sim` (the offline
 * writer lives in `src/sim/`, which this layer may not import).
 *
 * @example
 * const writer = createWriterFromSpec('openai:gpt-4o', { cache: ResponseCache.open(), sim: () => new OfflineWriter() });
 */
export function createWriterFromSpec(
  spec: string | ModelSpec,
  options: LanguageSpecOptions & { readonly sim?: () => Writer } = {},
): Writer {
  return fromLanguageSpec(spec, options, 'writer', '--writer', (llm) => new LlmWriter(llm));
}

/**
 * The chat follow-up classifier for a spec: an LlmFollowUpClassifier for remote specs (one prompt,
 * JSON, validated), `options.sim()` (the rule-based classifier) for `sim`.
 */
export function createFollowUpClassifierFromSpec(
  spec: string | ModelSpec,
  options: LanguageSpecOptions & { readonly sim?: () => FollowUpClassifier } = {},
): FollowUpClassifier {
  return fromLanguageSpec(
    spec,
    options,
    'follow-up classifier',
    '--model',
    (llm) => new LlmFollowUpClassifier(llm),
  );
}

/**
 * The simulated user for a spec: an LlmReviewer driven by `preferenceOf` for remote specs,
 * `options.sim()` (the rule-based simulated user) for `sim`.
 */
export function createReviewerFromSpec(
  spec: string | ModelSpec,
  options: LanguageSpecOptions & {
    readonly preferenceOf: (context: Context, task: Task) => string;
    readonly sim?: () => Reviewer;
  },
): Reviewer {
  return fromLanguageSpec(
    spec,
    options,
    'simulated user',
    '--reviewer',
    (llm) => new LlmReviewer({ ...llm, preferenceOf: options.preferenceOf }),
  );
}

/** The Embedder for a spec: an AiSdkEmbedder for remote specs, `options.lexical()` for `lexical`. */
export function createEmbedderFromSpec(
  spec: string | ModelSpec,
  options: SpecFactoryOptions & {
    readonly callPolicy?: CallPolicy;
    readonly cache?: ResponseCache | false;
    readonly batchSize?: number;
    readonly lexical?: () => Embedder;
  } = {},
): Embedder {
  const field = options.field ?? '--embedder';
  const parsed = toSpec(spec, 'embedding', field);
  if (parsed.provider === 'lexical') return offline(options.lexical, 'lexical', field);
  const env = options.env ?? process.env;
  const remoteSpec = remote(parsed, 'embedding', field);
  return new AiSdkEmbedder({
    model: createEmbeddingModel(remoteSpec, env, { ...options, field }),
    callPolicy: options.callPolicy,
    batchSize: options.batchSize,
    cache: options.cache,
    cacheNamespace: cacheNamespace(remoteSpec, env),
    label: labelOf('embedder', field, remoteSpec),
  });
}

function offline<T>(build: (() => T) | undefined, marker: string, field: string): T {
  if (build === undefined) {
    throw new InvalidInputError({
      field,
      value: marker,
      message: `${field} ${marker} needs the offline world: the composition root must pass a builder for it`,
    });
  }
  return build();
}
