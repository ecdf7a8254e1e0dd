import { randomUUID } from 'node:crypto';
import type { Memory, MemoryEntry, MemoryScope, Neighbour, NewMemoryEntry } from '../spec/index.js';
import { NotFoundError } from '../spec/index.js';
import { encodeEmbedding } from './embedding-codec.js';
import { memoryEntryFromRow } from './memory-row.js';
import {
  dimensionError,
  duplicateInteractionError,
  isUniqueViolation,
  laterTimestamp,
  validateK,
  validateLast,
  validateNewEntry,
  validatePage,
  validateRewording,
} from './memory-validation.js';
import type { SqlDatabase, SqlDialect } from './sql-dialect.js';
import { forgetUser } from './sql-forget-user.js';
import type { SqlQueries } from './sql-schema.js';
import { checkTexts, cleanOptionalText, hygienicEntry, scopeTexts } from './text-hygiene.js';
import { VectorIndex } from './vector-index.js';
import { defaultVectorCacheBytes, VectorIndexCache } from './vector-index-cache.js';

type ScopeKind = readonly [tenant: string, user: string, task: string, kind: string];

/**
 * `Memory` in SQLite or PostgreSQL (see `openSqliteDatabase`, `openPostgresDatabase`). Embeddings are
 * Float32 bytes (a BLOB or a `bytea`); `nearest` ranks the scope's vectors of one kind in this process
 * (exact k-NN, DESIGN.md §3), so the database needs no vector extension. Each (scope, kind)'s vectors
 * stay in a `VectorIndex` held by a `VectorIndexCache`, checked against the table (count and newest
 * sequence) before each query, so processes and servers sharing the database always see each other's
 * writes: new rows are appended, anything else reloads the scope in one query. SQLite skips that check
 * while nothing has been written since the last one (`SqlDialect.changeStamp`).
 *
 * @example
 * const memory = new SqlMemory(await openSqliteDatabase({ path: '.tailor/tailor.sqlite' }));
 */
export class SqlMemory implements Memory {
  private readonly queries: SqlQueries;
  private readonly dialect: SqlDialect;
  private readonly cache: VectorIndexCache;
  /** Refreshes of one (scope, kind)'s index run one at a time (they mutate it across awaits). */
  private readonly refreshes = new Map<string, Promise<unknown>>();
  /** The change stamp each cached index was last checked against the table at. */
  private readonly checkedAt = new WeakMap<VectorIndex, string>();

  /** `vectorCacheBytes`: most bytes of vector indexes kept between queries (default 256 MiB). */
  constructor(database: SqlDatabase, options: { readonly vectorCacheBytes?: number } = {}) {
    this.queries = database.queries;
    this.dialect = database.dialect;
    this.cache = new VectorIndexCache(options.vectorCacheBytes ?? defaultVectorCacheBytes);
  }

  async add(entry: NewMemoryEntry): Promise<MemoryEntry> {
    entry = hygienicEntry(entry);
    validateNewEntry(entry);
    const { scope } = entry;
    const now = new Date().toISOString();
    try {
      const row = await this.dialect.writeTransaction(async (transaction) => {
        // NOTE: the dimension check and the insert are atomic against another writer of the scope.
        await this.dialect.lockKey(transaction, JSON.stringify([scope.tenant, scope.user, scope.task]));
        const stored = await this.scopeDimension(scope, transaction);
        if (stored !== undefined && stored !== entry.embedding.length) {
          throw dimensionError(entry.embedding.length, stored);
        }
        return transaction
          .insertInto('memory_entries')
          .values({
            id: randomUUID(),
            tenant: scope.tenant,
            user_id: scope.user,
            task: scope.task,
            kind: entry.kind,
            embedding: encodeEmbedding(entry.embedding),
            dimension: entry.embedding.length,
            context_id: entry.contextId,
            context_text: entry.contextText,
            preference: entry.preference,
            pair_original: entry.pair?.original ?? null,
            pair_edited: entry.pair?.edited ?? null,
            origin: entry.origin,
            interaction_id: entry.interactionId,
            pinned: entry.pinned === true ? 1 : 0,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return memoryEntryFromRow(row);
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateInteractionError(entry.interactionId, error) : error;
    }
  }

  async nearest(options: Parameters<Memory['nearest']>[0]): Promise<Neighbour[]> {
    checkTexts(scopeTexts(options.scope));
    validateK(options.k);
    const { scope } = options;
    const scopeKind: ScopeKind = [scope.tenant, scope.user, scope.task, options.kind];
    const key = JSON.stringify(scopeKind);
    const index = await this.serialised(key, () => this.currentIndex(key, scopeKind));
    const stored = index === undefined ? await this.scopeDimension(scope) : index.dimension;
    if (stored !== undefined && stored !== options.embedding.length) {
      throw dimensionError(options.embedding.length, stored);
    }
    const best = index === undefined ? [] : index.search(options.embedding, options.k);
    if (best.length === 0) return [];
    const found = await this.queries
      .selectFrom('memory_entries')
      .selectAll()
      .where(
        'sequence',
        'in',
        best.map((candidate) => candidate.sequence),
      )
      .execute();
    const bySequence = new Map(found.map((row) => [Number(row.sequence), row]));
    return best.flatMap((candidate) => {
      const row = bySequence.get(candidate.sequence);
      return row === undefined ? [] : [{ entry: memoryEntryFromRow(row), similarity: candidate.similarity }];
    });
  }

  async list(options: Parameters<Memory['list']>[0]): Promise<MemoryEntry[]> {
    checkTexts(scopeTexts(options.scope));
    validateLast(options.last);
    validatePage(options);
    if (options.last === 0 || options.limit === 0) return [];
    const { kind, pinned, origin, after, last, limit } = options;
    let query = this.inScope(options.scope).selectAll();
    if (kind !== undefined) query = query.where('kind', '=', kind);
    if (pinned !== undefined) query = query.where('pinned', '=', pinned ? 1 : 0);
    if (origin !== undefined) query = query.where('origin', '=', origin);
    if (after !== undefined) query = query.where('sequence', '>', after);
    if (last !== undefined) {
      const newest = await query.orderBy('sequence', 'desc').limit(last).execute();
      return newest.reverse().map(memoryEntryFromRow);
    }
    query = query.orderBy('sequence');
    if (limit !== undefined) query = query.limit(limit);
    return (await query.execute()).map(memoryEntryFromRow);
  }

  async get(options: { readonly scope: MemoryScope; readonly id: string }): Promise<MemoryEntry | undefined> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const row = await this.inScope(options.scope).selectAll().where('id', '=', options.id).executeTakeFirst();
    return row === undefined ? undefined : memoryEntryFromRow(row);
  }

  async update(options: Parameters<Memory['update']>[0]): Promise<MemoryEntry> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const preference = cleanOptionalText(options.preference);
    const row = await this.dialect.writeTransaction(async (transaction) => {
      const current = await this.dialect
        .lockRows(this.inScope(options.scope, transaction).selectAll().where('id', '=', options.id))
        .executeTakeFirst();
      if (current === undefined) throw new NotFoundError({ entity: 'memory entry', id: options.id });
      validateRewording(current.kind, preference);
      return transaction
        .updateTable('memory_entries')
        .set({
          preference: preference ?? current.preference,
          pinned: (options.pinned ?? Boolean(current.pinned)) ? 1 : 0,
          updated_at: laterTimestamp(memoryEntryFromRow(current).updatedAt),
        })
        .where('sequence', '=', current.sequence)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return memoryEntryFromRow(row);
  }

  async delete(options: { readonly scope: MemoryScope; readonly id: string }): Promise<boolean> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const { scope } = options;
    const removed = await this.queries
      .deleteFrom('memory_entries')
      .where('tenant', '=', scope.tenant)
      .where('user_id', '=', scope.user)
      .where('task', '=', scope.task)
      .where('id', '=', options.id)
      .returning(['sequence', 'kind'])
      .execute();
    for (const { sequence, kind } of removed) {
      // NOTE: keeps a cached index current in place; the next query's probe would otherwise reload it.
      const key = JSON.stringify([scope.tenant, scope.user, scope.task, kind]);
      this.cache.peek(key)?.remove(Number(sequence));
      this.cache.resized(key);
    }
    return removed.length > 0;
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    const removed = await forgetUser(this.queries, 'memory_entries', options);
    this.cache.deleteWhere((key) => {
      const [tenant, user] = JSON.parse(key) as string[];
      return tenant === options.tenant && user === options.user;
    });
    return removed;
  }

  /** The scope's rows, as a query to narrow. */
  private inScope(scope: MemoryScope, queries: SqlQueries = this.queries) {
    return queries
      .selectFrom('memory_entries')
      .where('tenant', '=', scope.tenant)
      .where('user_id', '=', scope.user)
      .where('task', '=', scope.task);
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
   * one when nothing was written since it was checked, or when the probe (count and newest sequence)
   * matches; grown by the rows added since; or loaded again in one query.
   */
  private async currentIndex(key: string, scopeKind: ScopeKind): Promise<VectorIndex | undefined> {
    // NOTE: read before the probe, so a stamp is never newer than the table state it vouches for.
    const stamp = this.dialect.changeStamp();
    const held = this.cache.get(key);
    if (held !== undefined && stamp !== undefined && this.checkedAt.get(held) === stamp) return held;
    const probe = await this.probe(scopeKind);
    if (probe.count === 0) {
      this.cache.delete(key);
      return undefined;
    }
    let index = held;
    if (index !== undefined && (index.size !== probe.count || index.maxSequence !== probe.maxSequence)) {
      if (index.size < probe.count && index.maxSequence < probe.maxSequence) {
        const growing = index;
        await this.eachVector(scopeKind, index.maxSequence, probe.maxSequence, (sequence, bytes) =>
          growing.appendBytes(sequence, bytes),
        );
      }
      if (index.size !== probe.count || index.maxSequence !== probe.maxSequence) {
        this.cache.delete(key);
        index = undefined;
      } else this.cache.resized(key);
    }
    index ??= await this.loadIndex(key, scopeKind, probe);
    if (index !== undefined && stamp !== undefined) this.checkedAt.set(index, stamp);
    return index;
  }

  private async probe(
    scopeKind: ScopeKind,
  ): Promise<{ readonly count: number; readonly maxSequence: number }> {
    const row = await this.ofKind(scopeKind)
      .select((builder) => [
        builder.fn.countAll().as('count'),
        builder.fn.coalesce(builder.fn.max('sequence'), builder.lit(0)).as('max_sequence'),
      ])
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), maxSequence: Number(row?.max_sequence ?? 0) };
  }

  private async loadIndex(
    key: string,
    scopeKind: ScopeKind,
    probe: { readonly count: number; readonly maxSequence: number },
  ): Promise<VectorIndex | undefined> {
    let index: VectorIndex | undefined;
    await this.eachVector(scopeKind, 0, probe.maxSequence, (sequence, bytes) => {
      index ??= new VectorIndex(bytes.byteLength / 4, { capacity: probe.count });
      index.appendBytes(sequence, bytes);
    });
    if (index !== undefined) this.cache.set(key, index);
    return index;
  }

  /** Each `[sequence, embedding bytes]` of the (scope, kind) with after < sequence <= upTo, in order, in one query. */
  private eachVector(
    scopeKind: ScopeKind,
    afterSequence: number,
    upToSequence: number,
    onRow: (sequence: number, bytes: Uint8Array) => void,
  ): Promise<void> {
    const query = this.ofKind(scopeKind)
      .select(['sequence', 'embedding'])
      .where('sequence', '>', afterSequence)
      .where('sequence', '<=', upToSequence)
      .orderBy('sequence');
    return this.dialect.eachVector(query, onRow);
  }

  /** The dimension of the scope's stored embeddings; undefined while it holds none. */
  private async scopeDimension(scope: MemoryScope, queries = this.queries): Promise<number | undefined> {
    const row = await this.inScope(scope, queries).select('dimension').limit(1).executeTakeFirst();
    return row?.dimension;
  }

  private ofKind([tenant, user, task, kind]: ScopeKind) {
    return this.inScope({ tenant, user, task }).where('kind', '=', kind);
  }
}
