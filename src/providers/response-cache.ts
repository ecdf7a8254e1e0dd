import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { TokenUsage } from '../spec/index.js';

/** Where the response cache lives unless told otherwise. */
export const defaultResponseCachePath = '.tailor/cache.sqlite';

/** What identifies a model call: same parts, same answer (at temperature 0). */
export interface ResponseCacheKeyParts {
  /** Provider identity, e.g. `openai:gpt-4o` or `openai-compatible:qwen@http://host:8000/v1`. */
  readonly namespace: string;
  readonly system: string | undefined;
  readonly prompt: string;
  /** Decoding settings (temperature, max tokens, ...). */
  readonly settings: object;
}

/** A stored answer with the tokens it cost when it was first produced. */
export interface CachedResponse {
  readonly text: string;
  readonly usage: TokenUsage;
}

/** Stored vectors of one embedding request, with the tokens it cost. */
export interface CachedEmbeddings {
  readonly embeddings: readonly (readonly number[])[];
  readonly tokens: number;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
        .map(([name, entry]) => [name, canonical(entry)]),
    );
  }
  return value;
}

/** sha256 (hex) of the canonical JSON of the key parts; key order and undefined fields do not matter. */
export function responseCacheKey(parts: ResponseCacheKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical({ version: 1, ...parts })))
    .digest('hex');
}

/**
 * Content-addressed cache of model answers and embedding requests in one SQLite file (WAL, safe for
 * several processes). Re-running a bench with the same specs replays finished calls without any HTTP
 * request and still reports the tokens they stood for, which is also how an interrupted run resumes
 * cheaply; caching embeddings too keeps the replayed neighbours identical.
 *
 * @example
 * const cache = ResponseCache.open(); // .tailor/cache.sqlite
 * const key = responseCacheKey({ namespace: 'openai:gpt-4o', system: undefined, prompt, settings: { temperature: 0 } });
 * if (cache.get(key) === undefined) cache.set(key, 'openai:gpt-4o', { text, usage });
 */
export class ResponseCache {
  /** Hits, misses and writes since opening. */
  readonly stats = { hits: 0, misses: 0, writes: 0 };
  private readonly database: Database.Database;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly selectStatement: Database.Statement<
    [string],
    { text: string; input: number; output: number }
  >;
  private readonly insertStatement: Database.Statement<[string, string, string, number, number, string]>;
  private readonly selectEmbeddings: Database.Statement<[string], { vectors: string; tokens: number }>;
  private readonly insertEmbeddings: Database.Statement<[string, string, string, number, string]>;

  private constructor(database: Database.Database) {
    this.database = database;
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.exec(
      `CREATE TABLE IF NOT EXISTS model_responses (
        key TEXT PRIMARY KEY,
        namespace TEXT NOT NULL,
        text TEXT NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS embedding_responses (
        key TEXT PRIMARY KEY,
        namespace TEXT NOT NULL,
        vectors TEXT NOT NULL,
        tokens INTEGER NOT NULL,
        created_at TEXT NOT NULL
      )`,
    );
    this.selectStatement = database.prepare(
      'SELECT text, input_tokens AS input, output_tokens AS output FROM model_responses WHERE key = ?',
    );
    this.insertStatement = database.prepare(
      'INSERT OR REPLACE INTO model_responses (key, namespace, text, input_tokens, output_tokens, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectEmbeddings = database.prepare('SELECT vectors, tokens FROM embedding_responses WHERE key = ?');
    this.insertEmbeddings = database.prepare(
      'INSERT OR REPLACE INTO embedding_responses (key, namespace, vectors, tokens, created_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** Open (creating the file and its folder if needed) a cache; `:memory:` for a throwaway one. */
  static open(path: string = defaultResponseCachePath): ResponseCache {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new ResponseCache(new Database(path));
  }

  /** A looked-up row, counted as a hit or (undefined) a miss. */
  private counted<Row>(row: Row | undefined): Row | undefined {
    if (row === undefined) this.stats.misses += 1;
    else this.stats.hits += 1;
    return row;
  }

  get(key: string): CachedResponse | undefined {
    const row = this.counted(this.selectStatement.get(key));
    if (row === undefined) return undefined;
    // NOTE: -1 marks an answer whose provider reported no usage: replayed as unknown, never as 0.
    const usage =
      row.input < 0
        ? { inputTokens: 0, outputTokens: 0, callsWithoutUsage: 1 }
        : { inputTokens: row.input, outputTokens: row.output };
    return { text: row.text, usage };
  }

  set(key: string, namespace: string, response: CachedResponse): void {
    const unknown = (response.usage.callsWithoutUsage ?? 0) > 0;
    this.insertStatement.run(
      key,
      namespace,
      response.text,
      unknown ? -1 : response.usage.inputTokens,
      unknown ? -1 : response.usage.outputTokens,
      new Date().toISOString(),
    );
    this.stats.writes += 1;
  }

  /** The vectors of an embedding request (key from `responseCacheKey` with the values as prompt). */
  getEmbeddings(key: string): CachedEmbeddings | undefined {
    const row = this.counted(this.selectEmbeddings.get(key));
    if (row === undefined) return undefined;
    return { embeddings: JSON.parse(row.vectors) as number[][], tokens: row.tokens };
  }

  setEmbeddings(key: string, namespace: string, response: CachedEmbeddings): void {
    this.insertEmbeddings.run(
      key,
      namespace,
      JSON.stringify(response.embeddings),
      response.tokens,
      new Date().toISOString(),
    );
    this.stats.writes += 1;
  }

  /**
   * Run `call` for a key unless a call for the same key is already in flight, in which case its
   * promise is shared: identical concurrent calls (two runs drafting for one context) send one request.
   */
  share<T>(key: string, call: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key) as Promise<T> | undefined;
    if (running !== undefined) return running;
    const started = call().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** True when some answer or embedding request of this namespace (a model's identity) is stored. */
  hasNamespace(namespace: string): boolean {
    const stored = (table: string) =>
      this.database.prepare(`SELECT 1 FROM ${table} WHERE namespace = ? LIMIT 1`).get(namespace) !==
      undefined;
    return stored('model_responses') || stored('embedding_responses');
  }

  /** Number of stored answers and embedding requests. */
  size(): number {
    const count = (table: string) =>
      (this.database.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get() as { count: number }).count;
    return count('model_responses') + count('embedding_responses');
  }

  close(): void {
    this.database.close();
  }
}
