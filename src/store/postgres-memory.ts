import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type {
  Memory,
  MemoryEntry,
  MemoryEntryKind,
  MemoryOrigin,
  MemoryScope,
  Neighbour,
  NewMemoryEntry,
} from '../spec/index.js';
import { NotFoundError } from '../spec/index.js';
import { encodeEmbedding } from './embedding-codec.js';
import { VectorIndex } from './vector-index.js';
import { defaultVectorCacheBytes, VectorIndexCache } from './vector-index-cache.js';
import type { MemoryRow } from './memory-row.js';
import { memoryEntryFromRow } from './memory-row.js';
import {
  dimensionError,
  duplicateInteractionError,
  laterTimestamp,
  validateK,
  validateLast,
  validatePage,
  validateNewEntry,
  isUniqueViolation,
  validateRewording,
} from './memory-validation.js';
import { withTransaction } from './postgres-transaction.js';
import { checkTexts, cleanOptionalText, hygienicEntry, scopeTexts } from './text-hygiene.js';

const scopeClause = 'tenant = $1 AND user_id = $2 AND task = $3';

/**
 * `Memory` in PostgreSQL (see `openPostgresDatabase`). Embeddings are Float32 `bytea`; `nearest` ranks
 * the scope's vectors of one kind in this process (exact k-NN, DESIGN.md §3), so the database needs no
 * vector extension. Each (scope, kind)'s vectors stay in a `VectorIndex` held by a `VectorIndexCache`,
 * checked against the table (count and newest sequence) on every query, so servers sharing the database
 * always see each other's writes: new rows are appended, anything else reloads the scope in one query.
 */
export class PostgresMemory implements Memory {
  private readonly cache: VectorIndexCache;
  /** Refreshes of one (scope, kind)'s index run one at a time (they mutate it across awaits). */
  private readonly refreshes = new Map<string, Promise<unknown>>();

  /** `vectorCacheBytes`: most bytes of vector indexes kept between queries (default 256 MiB). */
  constructor(
    private readonly pool: Pool,
    options: { readonly vectorCacheBytes?: number } = {},
  ) {
    this.cache = new VectorIndexCache(options.vectorCacheBytes ?? defaultVectorCacheBytes);
  }

  async add(entry: NewMemoryEntry): Promise<MemoryEntry> {
    entry = hygienicEntry(entry);
    validateNewEntry(entry);
    const { scope } = entry;
    return withTransaction(this.pool, async (client) => {
      // NOTE: a transaction-scoped lock on the scope makes the dimension check and the insert atomic
      // against another server adding to the same scope.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        JSON.stringify([scope.tenant, scope.user, scope.task]),
      ]);
      const stored = await scopeDimension(client, scope);
      if (stored !== undefined && stored !== entry.embedding.length) {
        throw dimensionError(entry.embedding.length, stored);
      }
      const now = new Date().toISOString();
      const result = await client
        .query<MemoryRow>(
          `INSERT INTO memory_entries (id, tenant, user_id, task, kind, embedding, dimension, context_id,
           context_text, preference, pair_original, pair_edited, origin, interaction_id, pinned, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING *`,
          [
            randomUUID(),
            scope.tenant,
            scope.user,
            scope.task,
            entry.kind,
            encodeEmbedding(entry.embedding),
            entry.embedding.length,
            entry.contextId,
            entry.contextText,
            entry.preference,
            entry.pair?.original ?? null,
            entry.pair?.edited ?? null,
            entry.origin,
            entry.interactionId,
            entry.pinned === true,
            now,
          ],
        )
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? duplicateInteractionError(entry.interactionId, error) : error;
        });
      return memoryEntryFromRow(result.rows[0]!);
    });
  }

  async nearest(options: {
    readonly scope: MemoryScope;
    readonly embedding: readonly number[];
    readonly k: number;
    readonly kind: MemoryEntryKind;
  }): Promise<Neighbour[]> {
    checkTexts(scopeTexts(options.scope));
    validateK(options.k);
    const { scope } = options;
    const scopeValues = [scope.tenant, scope.user, scope.task, options.kind] as const;
    const index = await this.serialised(JSON.stringify(scopeValues), () => this.currentIndex(scopeValues));
    const stored = index === undefined ? await scopeDimension(this.pool, scope) : index.dimension;
    if (stored !== undefined && stored !== options.embedding.length) {
      throw dimensionError(options.embedding.length, stored);
    }
    const best = index === undefined ? [] : index.search(options.embedding, options.k);
    if (best.length === 0) return [];
    const found = await this.pool.query<MemoryRow>(
      'SELECT * FROM memory_entries WHERE sequence = ANY($1::bigint[])',
      [best.map((candidate) => candidate.sequence)],
    );
    const bySequence = new Map(found.rows.map((row) => [Number(row.sequence), row]));
    return best.flatMap((candidate) => {
      const row = bySequence.get(candidate.sequence);
      return row === undefined ? [] : [{ entry: memoryEntryFromRow(row), similarity: candidate.similarity }];
    });
  }

  async list(options: {
    readonly scope: MemoryScope;
    readonly kind?: MemoryEntryKind;
    readonly pinned?: boolean;
    readonly origin?: MemoryOrigin;
    readonly last?: number;
    readonly after?: number;
    readonly limit?: number;
  }): Promise<MemoryEntry[]> {
    checkTexts(scopeTexts(options.scope));
    validateLast(options.last);
    validatePage(options);
    if (options.last === 0 || options.limit === 0) return [];
    const { scope } = options;
    const conditions = [scopeClause];
    const values: unknown[] = [scope.tenant, scope.user, scope.task];
    const filter = (column: string, value: unknown) => {
      values.push(value);
      conditions.push(`${column} = $${values.length}`);
    };
    if (options.kind !== undefined) filter('kind', options.kind);
    if (options.pinned !== undefined) filter('pinned', options.pinned);
    if (options.origin !== undefined) filter('origin', options.origin);
    if (options.after !== undefined) {
      values.push(options.after);
      conditions.push(`sequence > $${values.length}`);
    }
    const where = conditions.join(' AND ');
    let sql = `SELECT * FROM memory_entries WHERE ${where} ORDER BY sequence`;
    if (options.limit !== undefined) {
      values.push(options.limit);
      sql += ` LIMIT $${values.length}`;
    }
    if (options.last !== undefined) {
      values.push(options.last);
      sql = `SELECT * FROM (SELECT * FROM memory_entries WHERE ${where} ORDER BY sequence DESC LIMIT $${values.length}) AS newest ORDER BY sequence`;
    }
    const result = await this.pool.query<MemoryRow>(sql, values);
    return result.rows.map(memoryEntryFromRow);
  }

  async get(options: { readonly scope: MemoryScope; readonly id: string }): Promise<MemoryEntry | undefined> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const { scope } = options;
    const result = await this.pool.query<MemoryRow>(
      `SELECT * FROM memory_entries WHERE ${scopeClause} AND id = $4`,
      [scope.tenant, scope.user, scope.task, options.id],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : memoryEntryFromRow(row);
  }

  async update(options: {
    readonly scope: MemoryScope;
    readonly id: string;
    readonly preference?: string;
    readonly pinned?: boolean;
  }): Promise<MemoryEntry> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    options = { ...options, preference: cleanOptionalText(options.preference) };
    const { scope } = options;
    return withTransaction(this.pool, async (client) => {
      const current = await client.query<MemoryRow>(
        `SELECT * FROM memory_entries WHERE ${scopeClause} AND id = $4 FOR UPDATE`,
        [scope.tenant, scope.user, scope.task, options.id],
      );
      const row = current.rows[0];
      if (row === undefined) throw new NotFoundError({ entity: 'memory entry', id: options.id });
      validateRewording(row.kind, options.preference);
      const updated = await client.query<MemoryRow>(
        'UPDATE memory_entries SET preference = $1, pinned = $2, updated_at = $3 WHERE sequence = $4 RETURNING *',
        [
          options.preference ?? row.preference,
          options.pinned ?? Boolean(row.pinned),
          laterTimestamp(memoryEntryFromRow(row).updatedAt),
          row.sequence,
        ],
      );
      return memoryEntryFromRow(updated.rows[0]!);
    });
  }

  async delete(options: { readonly scope: MemoryScope; readonly id: string }): Promise<boolean> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const { scope } = options;
    const result = await this.pool.query<{ sequence: string; kind: string }>(
      `DELETE FROM memory_entries WHERE ${scopeClause} AND id = $4 RETURNING sequence, kind`,
      [scope.tenant, scope.user, scope.task, options.id],
    );
    for (const { sequence, kind } of result.rows) {
      // NOTE: keeps a cached index current in place; the next query's probe would otherwise reload it.
      const key = JSON.stringify([scope.tenant, scope.user, scope.task, kind]);
      this.cache.peek(key)?.remove(Number(sequence));
      this.cache.resized(key);
    }
    return result.rows.length > 0;
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const result = await this.pool.query('DELETE FROM memory_entries WHERE tenant = $1 AND user_id = $2', [
      options.tenant,
      options.user,
    ]);
    this.cache.deleteWhere((key) => {
      const [tenant, user] = JSON.parse(key) as string[];
      return tenant === options.tenant && user === options.user;
    });
    return result.rowCount ?? 0;
  }

  /** Runs `refresh` after the previous refresh of the same key has settled. */
  private serialised<T>(key: string, refresh: () => Promise<T>): Promise<T> {
    const next = (this.refreshes.get(key) ?? Promise.resolve()).then(refresh);
    const settled = next.catch(() => undefined);
    this.refreshes.set(key, settled);
    void settled.then(() => {
      if (this.refreshes.get(key) === settled) this.refreshes.delete(key);
    });
    return next;
  }

  /**
   * The (scope, kind)'s index as the table holds it now, undefined when it holds no rows: the cached
   * one when the probe matches, grown by the rows added since, or loaded again in one query.
   */
  private async currentIndex(
    scopeValues: readonly [string, string, string, string],
  ): Promise<VectorIndex | undefined> {
    const key = JSON.stringify(scopeValues);
    const probed = await this.pool.query<{ count: string; max_sequence: string }>(
      `SELECT count(*) AS count, coalesce(max(sequence), 0) AS max_sequence FROM memory_entries
       WHERE ${scopeClause} AND kind = $4`,
      [...scopeValues],
    );
    const count = Number(probed.rows[0]?.count ?? 0);
    const maxSequence = Number(probed.rows[0]?.max_sequence ?? 0);
    if (count === 0) {
      this.cache.delete(key);
      return undefined;
    }
    const cached = this.cache.get(key);
    if (cached !== undefined && (cached.size !== count || cached.maxSequence !== maxSequence)) {
      if (cached.size < count && cached.maxSequence < maxSequence) {
        for (const [sequence, bytes] of await this.vectorRows(scopeValues, cached.maxSequence, maxSequence)) {
          cached.appendBytes(sequence, bytes);
        }
      }
      if (cached.size !== count || cached.maxSequence !== maxSequence) {
        this.cache.delete(key);
        return this.loadIndex(key, scopeValues, count, maxSequence);
      }
      this.cache.resized(key);
    }
    return cached ?? this.loadIndex(key, scopeValues, count, maxSequence);
  }

  private async loadIndex(
    key: string,
    scopeValues: readonly [string, string, string, string],
    count: number,
    maxSequence: number,
  ): Promise<VectorIndex | undefined> {
    let index: VectorIndex | undefined;
    for (const [sequence, bytes] of await this.vectorRows(scopeValues, 0, maxSequence)) {
      index ??= new VectorIndex(bytes.byteLength / 4, { capacity: count });
      index.appendBytes(sequence, bytes);
    }
    if (index !== undefined) this.cache.set(key, index);
    return index;
  }

  /** `[sequence, embedding bytes]` of the (scope, kind) with after < sequence <= upTo, in order. */
  private async vectorRows(
    scopeValues: readonly [string, string, string, string],
    afterSequence: number,
    upToSequence: number,
  ): Promise<(readonly [number, Uint8Array])[]> {
    const result = await this.pool.query<[string, Buffer]>({
      text: `SELECT sequence, embedding FROM memory_entries WHERE ${scopeClause} AND kind = $4
             AND sequence > $5 AND sequence <= $6 ORDER BY sequence`,
      values: [...scopeValues, afterSequence, upToSequence],
      rowMode: 'array',
    });
    return result.rows.map(([sequence, bytes]) => [Number(sequence), bytes] as const);
  }
}

async function scopeDimension(client: Pool | PoolClient, scope: MemoryScope): Promise<number | undefined> {
  const result = await client.query<{ dimension: number }>(
    `SELECT dimension FROM memory_entries WHERE ${scopeClause} LIMIT 1`,
    [scope.tenant, scope.user, scope.task],
  );
  return result.rows[0]?.dimension;
}
