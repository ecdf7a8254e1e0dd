import { InvalidInputError } from '../spec/index.js';

/** Environment variables the specs read (pass `process.env`). */
export type ProviderEnvironment = Readonly<Record<string, string | undefined>>;

/** What a model is for: writing/reviewing text, or embedding contexts. */
export type ModelRole = 'language' | 'embedding';

/**
 * A parsed model spec. `sim` (the offline writer or simulated user) and `lexical` (the offline
 * embedder) are markers: the composition root builds those from `src/sim/`.
 */
export type ModelSpec =
  | { readonly provider: 'openai' | 'anthropic' | 'ollama'; readonly modelId: string }
  | { readonly provider: 'openai-compatible'; readonly modelId: string; readonly baseURL: string }
  | { readonly provider: 'sim' }
  | { readonly provider: 'lexical' };

/** A spec that calls a model over HTTP. */
export type RemoteModelSpec = Extract<ModelSpec, { modelId: string }>;

/** Where and how to call a remote spec. */
export interface ResolvedEndpoint {
  readonly spec: RemoteModelSpec;
  /** Base URL ending before `/chat/completions`, `/messages`, `/models`... (no trailing slash). */
  readonly baseURL: string;
  readonly apiKey: string | undefined;
  /** The environment variable the key came from (or would come from). */
  readonly apiKeyVariable: string | undefined;
}

const languageExamples =
  'openai:<model> (e.g. openai:gpt-4o), anthropic:<model> (e.g. anthropic:claude-sonnet-4-5), ' +
  'ollama:<model> (e.g. ollama:llama3.1:8b), openai-compatible:<model>@<baseURL> ' +
  '(e.g. openai-compatible:Qwen/Qwen2.5-7B-Instruct@http://127.0.0.1:8000/v1), or sim (offline)';
const embeddingExamples =
  'openai:text-embedding-3-small, ollama:<model> (e.g. ollama:nomic-embed-text), ' +
  'openai-compatible:<model>@<baseURL>, or lexical (offline)';

/** The accepted spec forms of a role, with examples (for error messages and `--help`). */
export function acceptedSpecs(role: ModelRole): string {
  return role === 'language' ? languageExamples : embeddingExamples;
}

function invalid(spec: string, role: ModelRole, field: string, reason: string): InvalidInputError {
  return new InvalidInputError({
    field,
    value: spec,
    accepted: acceptedSpecs(role),
    message: `invalid ${field} ${JSON.stringify(spec)}: ${reason}; accepted: ${acceptedSpecs(role)}`,
  });
}

function checkBaseURL(url: string, spec: string, role: ModelRole, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(spec, role, field, `${JSON.stringify(url)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid(spec, role, field, `the base URL must be http or https, not ${parsed.protocol}`);
  }
  return url.replace(/\/+$/, '');
}

/**
 * Parse `provider:model` specs (see `acceptedSpecs`). Throws InvalidInputError naming `field` (e.g.
 * `--writer`), the spec and the accepted forms, before any model is called.
 *
 * @example
 * parseModelSpec('openai-compatible:qwen2.5@http://127.0.0.1:8000/v1', { role: 'language' });
 * // { provider: 'openai-compatible', modelId: 'qwen2.5', baseURL: 'http://127.0.0.1:8000/v1' }
 */
export function parseModelSpec(
  spec: string,
  options: { readonly role: ModelRole; readonly field?: string },
): ModelSpec {
  const { role } = options;
  const field = options.field ?? (role === 'language' ? 'model spec' : 'embedder spec');
  const trimmed = spec.trim();
  if (trimmed === 'sim' || trimmed === 'lexical') {
    const expected = role === 'language' ? 'sim' : 'lexical';
    if (trimmed !== expected) throw invalid(spec, role, field, `${trimmed} is not a ${role} model`);
    return { provider: trimmed };
  }
  const colon = trimmed.indexOf(':');
  if (colon <= 0) throw invalid(spec, role, field, 'expected <provider>:<model>');
  const provider = trimmed.slice(0, colon);
  const rest = trimmed.slice(colon + 1);
  if (rest === '') throw invalid(spec, role, field, 'the model name is missing');
  switch (provider) {
    case 'openai':
    case 'ollama':
      return { provider, modelId: rest };
    case 'anthropic':
      if (role === 'embedding') throw invalid(spec, role, field, 'Anthropic offers no embedding models');
      return { provider, modelId: rest };
    case 'openai-compatible': {
      const match = /^(.+?)@(https?:\/\/.+)$/.exec(rest);
      if (match === null) {
        throw invalid(
          spec,
          role,
          field,
          'expected openai-compatible:<model>@<baseURL> with an http(s) base URL',
        );
      }
      return { provider, modelId: match[1]!, baseURL: checkBaseURL(match[2]!, spec, role, field) };
    }
    default:
      throw invalid(spec, role, field, `unknown provider ${JSON.stringify(provider)}`);
  }
}

/** The spec's canonical text, e.g. `openai:gpt-4o`; price tables are keyed by it. */
export function formatModelSpec(spec: ModelSpec): string {
  if (spec.provider === 'sim' || spec.provider === 'lexical') return spec.provider;
  if (spec.provider === 'openai-compatible') return `openai-compatible:${spec.modelId}@${spec.baseURL}`;
  return `${spec.provider}:${spec.modelId}`;
}

/** True for the offline markers (`sim`, `lexical`): their results are not evidence about an LLM. */
export function isOfflineSpec(spec: ModelSpec): spec is Extract<ModelSpec, { provider: 'sim' | 'lexical' }> {
  return spec.provider === 'sim' || spec.provider === 'lexical';
}

/** `OLLAMA_HOST` as Ollama reads it: scheme and port optional (`127.0.0.1`, `host:11434`, `https://h`). */
export function ollamaBaseURL(host: string | undefined): string {
  let value = (host ?? '').trim() || 'http://127.0.0.1:11434';
  if (!/^https?:\/\//.test(value)) {
    value = `http://${value}`;
    if (new URL(value).port === '') value = `${value.replace(/\/+$/, '')}:11434`;
  }
  return `${value.replace(/\/+$/, '')}/v1`;
}

function environmentURL(env: ProviderEnvironment, variable: string, fallback: string): string {
  const value = env[variable]?.trim() || fallback;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new InvalidInputError({ field: variable, value, accepted: `an http(s) URL such as ${fallback}` });
}

function requireKey(env: ProviderEnvironment, variable: string, spec: RemoteModelSpec): string {
  const key = env[variable]?.trim();
  if (key) return key;
  throw new InvalidInputError({
    field: variable,
    message:
      `${formatModelSpec(spec)} needs the environment variable ${variable} ` +
      `(e.g. export ${variable}=<your key>); without a key use an offline spec: sim (writer, reviewer) or lexical (embedder)`,
  });
}

/**
 * Where a remote spec is called and with which key, from the environment: `OPENAI_API_KEY` and
 * optional `OPENAI_BASE_URL`; `ANTHROPIC_API_KEY` and optional `ANTHROPIC_BASE_URL`; `OLLAMA_HOST`
 * (no key); optional `OPENAI_COMPATIBLE_API_KEY`. Throws InvalidInputError naming a missing variable.
 */
export function resolveEndpoint(spec: RemoteModelSpec, env: ProviderEnvironment): ResolvedEndpoint {
  switch (spec.provider) {
    case 'openai':
      return {
        spec,
        baseURL: environmentURL(env, 'OPENAI_BASE_URL', 'https://api.openai.com/v1'),
        apiKey: requireKey(env, 'OPENAI_API_KEY', spec),
        apiKeyVariable: 'OPENAI_API_KEY',
      };
    case 'anthropic':
      return {
        spec,
        baseURL: environmentURL(env, 'ANTHROPIC_BASE_URL', 'https://api.anthropic.com/v1'),
        apiKey: requireKey(env, 'ANTHROPIC_API_KEY', spec),
        apiKeyVariable: 'ANTHROPIC_API_KEY',
      };
    case 'ollama':
      return { spec, baseURL: ollamaBaseURL(env.OLLAMA_HOST), apiKey: undefined, apiKeyVariable: undefined };
    case 'openai-compatible':
      return {
        spec,
        baseURL: spec.baseURL,
        apiKey: env.OPENAI_COMPATIBLE_API_KEY?.trim() || undefined,
        apiKeyVariable: 'OPENAI_COMPATIBLE_API_KEY',
      };
  }
}
