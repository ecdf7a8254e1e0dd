import { randomUUID } from 'node:crypto';
import type { Memory, MemoryEntry, MemoryScope, Neighbour, NewMemoryEntry } from '../spec/index.js';
import { NotFoundError } from '../spec/index.js';
import { decodeEmbedding, encodeEmbedding } from './embedding-codec.js';
import type { MemoryRow } from './memory-row.js';
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
import type { ScopeKind } from './sql-vector-blocks.js';
import { SqlVectorBlocks } from './sql-vector-blocks.js';
import { checkTexts, cleanOptionalText, hygienicEntry, scopeTexts } from './text-hygiene.js';
import { TopK } from './top-k.js';
import { defaultPrescanFrom, exactDot, VectorIndex } from './vector-index.js';
import { defaultVectorCacheBytes, VectorIndexCache } from './vector-index-cache.js';

/**
 * `Memory` in SQLite or PostgreSQL (see `openSqliteDatabase`, `openPostgresDatabase`). Embeddings are
 * Float32 bytes (a BLOB or a `bytea`); `nearest` ranks the scope's vectors of one kind in this process
 * (exact k-NN, DESIGN.md §3), so the database needs no vector extension. Each (scope, kind)'s vectors
 * stay in a `VectorIndex` held by a `VectorIndexCache`, checked before each query against the (scope,
 * kind)'s row of `memory_versions`, which triggers move on every insert and delete, so processes and
 * servers sharing the database always see each other's writes: new rows are appended, anything else
 * reloads the scope in one query. SQLite skips that check while nothing has been written since the last
 * one (`SqlDialect.changeStamp`).
 *
 * @example
 * const memory = new SqlMemory(await openSqliteDatabase({ path: '.tailor/tailor.sqlite' }));
 */
export class SqlMemory implements Memory {
  private readonly queries: SqlQueries;
  private readonly dialect: SqlDialect;
  private readonly cache: VectorIndexCache;
  private readonly blocks: SqlVectorBlocks;
  /** Refreshes of one (scope, kind)'s index run one at a time (they mutate it across awaits). */
  private readonly refreshes = new Map<string, Promise<unknown>>();
  /** The change stamp each cached index was last checked against the table at. */
  private readonly checkedAt = new WeakMap<VectorIndex, string>();
  /** The `memory_versions` row each cached index holds the rows of. */
  private readonly loadedAt = new WeakMap<VectorIndex, MemoryVersion>();

  /** `vectorCacheBytes`: most bytes of vector indexes kept between queries (default 256 MiB). */
  constructor(database: SqlDatabase, options: { readonly vectorCacheBytes?: number } = {}) {
    this.queries = database.queries;
    this.dialect = database.dialect;
    this.cache = new VectorIndexCache(options.vectorCacheBytes ?? defaultVectorCacheBytes);
    this.blocks = new SqlVectorBlocks(this.queries, this.dialect);
  }

  async add(entry: NewMemoryEntry): Promise<MemoryEntry> {
    entry = hygienicEntry(entry);
    validateNewEntry(entry);
    const { scope } = entry;
    const now = new Date().toISOString();
    try {
      const row = await this.dialect.writeTransaction(
        async (transaction) => {
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
        },
        // NOTE: what was learned from a stored interaction can be learned from it again (it stays
        // pending until marked learned, and a second entry for it is refused), so its commit need
        // not wait for the disk; an entry a person wrote is durable.
        { durable: entry.interactionId === null },
      );
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
    if (index === undefined) return [];
    if (!index.holdsValues) return this.rescored(index, options.embedding, options.k);
    const best = index.search(options.embedding, options.k);
    const bySequence = await this.rowsBySequence(best.map((candidate) => candidate.sequence));
    return best.flatMap((candidate) => {
      const row = bySequence.get(candidate.sequence);
      return row === undefined ? [] : [{ entry: memoryEntryFromRow(row), similarity: candidate.similarity }];
    });
  }

  /**
   * The k best of a large index that holds only its int8 copy: its candidates' embeddings read from
   * the table and scored exactly, as `VectorIndex.search` scores its own rows; then the whole rows of
   * just the k best (a candidate's other columns would be read for nothing).
   */
  private async rescored(index: VectorIndex, embedding: readonly number[], k: number): Promise<Neighbour[]> {
    const query = index.exactQuery(embedding);
    const candidates = index.candidates(embedding, k);
    const best = new TopK(k);
    for (let start = 0; start < candidates.length; start += 500) {
      const found = await this.queries
        .selectFrom('memory_entries')
        .select(['sequence', 'embedding'])
        .where('sequence', 'in', candidates.slice(start, start + 500))
        .execute();
      for (const row of found)
        best.offer(exactDot(decodeEmbedding(row.embedding), 0, query), Number(row.sequence), 0);
    }
    const sorted = best.sorted();
    const bySequence = await this.rowsBySequence(sorted.map((candidate) => candidate.sequence));
    return sorted.flatMap((candidate) => {
      const row = bySequence.get(candidate.sequence);
      return row === undefined ? [] : [{ entry: memoryEntryFromRow(row), similarity: candidate.similarity }];
    });
  }

  /** The rows of `sequences` that still exist, by sequence, read in queries of at most 500. */
  private async rowsBySequence(sequences: readonly number[]): Promise<Map<number, MemoryRow>> {
    const bySequence = new Map<number, MemoryRow>();
    for (let start = 0; start < sequences.length; start += 500) {
      const found = await this.queries
        .selectFrom('memory_entries')
        .selectAll()
        .where('sequence', 'in', sequences.slice(start, start + 500))
        .execute();
      for (const row of found) bySequence.set(Number(row.sequence), row);
    }
    return bySequence;
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
    return this.dialect.writeTransaction(async (transaction) => {
      // NOTE: the versions read before and after the delete are the only change between them (the
      // scope's writers take this lock), so a cached index at the first is at the second once the
      // row is removed from it too, and the next query need not reload it.
      await this.dialect.lockKey(transaction, JSON.stringify([scope.tenant, scope.user, scope.task]));
      const removed = await transaction
        .deleteFrom('memory_entries')
        .where('tenant', '=', scope.tenant)
        .where('user_id', '=', scope.user)
        .where('task', '=', scope.task)
        .where('id', '=', options.id)
        .returning(['sequence', 'kind'])
        .execute();
      for (const { sequence, kind } of removed) {
        const scopeKind: ScopeKind = [scope.tenant, scope.user, scope.task, kind];
        const key = JSON.stringify(scopeKind);
        const held = this.cache.peek(key);
        const loaded = held === undefined ? undefined : this.loadedAt.get(held);
        if (held === undefined || loaded === undefined) continue;
        const now = await this.probe(scopeKind, transaction);
        if (
          now !== undefined &&
          now.version === loaded.version + 1 &&
          now.deletions === loaded.deletions + 1 &&
          held.remove(Number(sequence))
        ) {
          this.blocks.removed(held, Number(sequence));
          this.loadedAt.set(held, now);
          this.cache.resized(key);
        } else this.cache.delete(key);
      }
      return removed.length > 0;
    });
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
   * one when nothing was written since it was checked (SQLite's change stamp) or when its version
   * (`memory_versions`, one primary-key read) is the one it was loaded at; else, in one snapshot, grown
   * by the rows added since (when none was deleted) or loaded again in one query.
   */
  private async currentIndex(key: string, scopeKind: ScopeKind): Promise<VectorIndex | undefined> {
    // NOTE: read before the probe, so a stamp is never newer than the table state it vouches for.
    const stamp = this.dialect.changeStamp();
    const held = this.cache.get(key);
    if (held !== undefined && stamp !== undefined && this.checkedAt.get(held) === stamp) return held;
    const probe = await this.probe(scopeKind, this.queries);
    let index: VectorIndex | undefined;
    if (probe === undefined) this.cache.delete(key);
    else if (held !== undefined && this.loadedAt.get(held)?.version === probe.version) index = held;
    else {
      index = await this.dialect.readSnapshot((snapshot) => this.refresh(snapshot, key, scopeKind, held));
      // NOTE: after the snapshot (SQLite runs both on its one connection): what the index holds beyond
      // its blocks is written as blocks when worth it, so the next cold load reads fewer rows.
      const loaded = index === undefined ? undefined : this.loadedAt.get(index);
      if (index !== undefined && loaded !== undefined)
        await this.blocks.write(scopeKind, index, loaded.version);
    }
    if (index !== undefined && stamp !== undefined) this.checkedAt.set(index, stamp);
    return index;
  }

  /**
   * Inside one snapshot: `held` grown by the rows added since it was loaded when no row was deleted
   * since and the rows then held are the probe's count (so no row was added below its newest
   * sequence), else the (scope, kind) loaded again.
   */
  private async refresh(
    snapshot: SqlQueries,
    key: string,
    scopeKind: ScopeKind,
    held: VectorIndex | undefined,
  ): Promise<VectorIndex | undefined> {
    const probe = await this.probe(scopeKind, snapshot);
    if (probe === undefined) {
      this.cache.delete(key);
      return undefined;
    }
    const loaded = held === undefined ? undefined : this.loadedAt.get(held);
    if (held !== undefined && loaded !== undefined && loaded.deletions === probe.deletions) {
      await this.eachVector(snapshot, scopeKind, held.maxSequence, (sequence, bytes) =>
        held.appendBytes(sequence, bytes),
      );
      if (held.size === probe.count) {
        this.loadedAt.set(held, probe);
        this.cache.resized(key);
        return held;
      }
    }
    this.cache.delete(key);
    let index: VectorIndex | undefined;
    if (probe.count >= defaultPrescanFrom) {
      index = await this.blocks.load(snapshot, scopeKind, probe.count, (after, upTo, onRow) =>
        this.eachVector(snapshot, scopeKind, after, onRow, upTo),
      );
    }
    if (index === undefined) {
      await this.eachVector(snapshot, scopeKind, 0, (sequence, bytes) => {
        // NOTE: a large index keeps only its int8 copy; `rescored` reads its candidates' values.
        index ??= new VectorIndex(bytes.byteLength / 4, { capacity: probe.count, values: 'below-prescan' });
        index.appendBytes(sequence, bytes);
      });
      if (index !== undefined) this.blocks.loadedFromRows(index);
    }
    if (index !== undefined) {
      this.loadedAt.set(index, probe);
      this.cache.set(key, index);
    }
    return index;
  }

  /** The (scope, kind)'s row of `memory_versions`; undefined when it holds no rows. */
  private async probe(scopeKind: ScopeKind, queries: SqlQueries): Promise<MemoryVersion | undefined> {
    const [tenant, user, task, kind] = scopeKind;
    const row = await queries
      .selectFrom('memory_versions')
      .select(['version', 'row_count', 'deletions'])
      .where('tenant', '=', tenant)
      .where('user_id', '=', user)
      .where('task', '=', task)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { version: Number(row.version), count: Number(row.row_count), deletions: Number(row.deletions) };
  }

  /**
   * Each `[sequence, embedding bytes]` of the (scope, kind) after `afterSequence` (and up to `upTo`),
   * in order, in one query.
   */
  private eachVector(
    snapshot: SqlQueries,
    [tenant, user, task, kind]: ScopeKind,
    afterSequence: number,
    onRow: (sequence: number, bytes: Uint8Array) => void,
    upTo?: number,
  ): Promise<void> {
    let query = this.inScope({ tenant, user, task }, snapshot)
      .where('kind', '=', kind)
      .select(['sequence', 'embedding'])
      .where('sequence', '>', afterSequence);
    if (upTo !== undefined) query = query.where('sequence', '<=', upTo);
    return this.dialect.eachVector(snapshot, query.orderBy('sequence'), onRow);
  }

  /** The dimension of the scope's stored embeddings; undefined while it holds none. */
  private async scopeDimension(scope: MemoryScope, queries = this.queries): Promise<number | undefined> {
    const row = await this.inScope(scope, queries).select('dimension').limit(1).executeTakeFirst();
    return row?.dimension;
  }
}

/** A (scope, kind)'s `memory_versions` row: what an index was loaded at. */
interface MemoryVersion {
  readonly version: number;
  readonly count: number;
  readonly deletions: number;
}
