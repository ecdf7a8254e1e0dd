import { InvalidInputError, ModelCallError } from '../spec/index.js';
import {
  formatModelSpec,
  isOfflineSpec,
  parseModelSpec,
  resolveEndpoint,
  type ModelRole,
  type ModelSpec,
  type ProviderEnvironment,
} from './model-spec.js';

/** What a reachability check found. */
export interface Reachability {
  /** False for the offline markers (`sim`, `lexical`), which need no server. */
  readonly checked: boolean;
  readonly url?: string;
  readonly status?: number;
  readonly latencyMs?: number;
  /** Set when the server lists its models and this one is not among them (e.g. not pulled in Ollama). */
  readonly warning?: string;
}

function listedIds(body: unknown): string[] | undefined {
  const data = (body as { data?: unknown; models?: unknown } | null)?.data;
  if (!Array.isArray(data)) return undefined;
  return data.flatMap((entry: { id?: unknown }) => (typeof entry?.id === 'string' ? [entry.id] : []));
}

/**
 * A cheap `GET <baseURL>/models` with a short timeout, so the CLI can stop before round 1 when a base
 * URL is wrong or a server is down. Throws ModelCallError (`retryable: true`) when nothing answers and
 * InvalidInputError naming the key variable on 401/403; any other answer counts as reachable.
 *
 * @example
 * await checkReachable('ollama:llama3.1:8b', { env: process.env }); // throws if Ollama is not running
 */
export async function checkReachable(
  spec: string | ModelSpec,
  options: {
    readonly role?: ModelRole;
    readonly env?: ProviderEnvironment;
    readonly fetch?: typeof globalThis.fetch;
    readonly timeoutMs?: number;
  } = {},
): Promise<Reachability> {
  const parsed = typeof spec === 'string' ? parseModelSpec(spec, { role: options.role ?? 'language' }) : spec;
  if (isOfflineSpec(parsed)) return { checked: false };
  const endpoint = resolveEndpoint(parsed, options.env ?? process.env);
  const url = `${endpoint.baseURL}/models`;
  const headers: Record<string, string> = {};
  if (parsed.provider === 'anthropic') {
    headers['x-api-key'] = endpoint.apiKey ?? '';
    headers['anthropic-version'] = '2023-06-01';
  } else if (endpoint.apiKey !== undefined) {
    headers.authorization = `Bearer ${endpoint.apiKey}`;
  }
  const timeoutMs = options.timeoutMs ?? 5000;
  const started = Date.now();
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : String((error as Error).cause ?? (error as Error).message);
    throw new ModelCallError({
      provider: parsed.provider,
      modelId: parsed.modelId,
      message: `cannot reach ${url} for ${formatModelSpec(parsed)}: ${reason}. Is the server running and the base URL right?`,
      retryable: true,
      cause: error,
    });
  }
  const latencyMs = Date.now() - started;
  if ((response.status === 401 || response.status === 403) && endpoint.apiKeyVariable !== undefined) {
    throw new InvalidInputError({
      field: endpoint.apiKeyVariable,
      message: `${url} rejected the key in ${endpoint.apiKeyVariable} (HTTP ${response.status}) for ${formatModelSpec(parsed)}`,
    });
  }
  const ids = response.ok ? listedIds(await response.json().catch(() => undefined)) : undefined;
  await response.body?.cancel().catch(() => {});
  const warning =
    ids !== undefined && ids.length > 0 && !ids.includes(parsed.modelId)
      ? `${url} does not list ${parsed.modelId} (it lists ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''})`
      : undefined;
  return { checked: true, url, status: response.status, latencyMs, ...(warning ? { warning } : {}) };
}
