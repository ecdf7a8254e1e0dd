import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
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
import { checkTexts, cleanOptionalText, hygienicEntry, scopeTexts } from './text-hygiene.js';

const scopeClause = 'tenant = ? AND user_id = ? AND task = ?';

/**
 * `Memory` in a SQLite file (see `openSqliteDatabase`). Embeddings are Float32 BLOBs; `nearest` ranks
 * all of the scope's vectors of one kind in process (exact k-NN, DESIGN.md §3) with a `VectorIndex`
 * per (scope, kind), kept in a `VectorIndexCache` and checked against the table (count and newest
 * sequence) on every query, so writes of other processes are seen: new rows are appended, anything
 * else reloads the scope in one query.
 *
 * @example
 * const memory = new SqliteMemory(openSqliteDatabase({ path: '.tailor/tailor.sqlite' }));
 */
export class SqliteMemory implements Memory {
  private readonly statements: {
    readonly insert: Statement;
    readonly scopeDimension: Statement;
    readonly probe: Statement;
    readonly vectorsAfter: Statement;
    readonly byId: Statement;
    readonly delete: Statement;
    readonly forget: Statement;
  };

  private readonly cache: VectorIndexCache;
  /** `PRAGMA data_version` and `total_changes()`: both unchanged means no write anywhere since. */
  private readonly changeStamp: () => string;
  /** The change stamp each cached index was last checked against the table at. */
  private readonly checkedAt = new WeakMap<VectorIndex, string>();

  /** `vectorCacheBytes`: most bytes of vector indexes kept between queries (default 256 MiB). */
  constructor(
    private readonly database: Database,
    options: { readonly vectorCacheBytes?: number } = {},
  ) {
    this.cache = new VectorIndexCache(options.vectorCacheBytes ?? defaultVectorCacheBytes);
    const dataVersion = database.prepare('PRAGMA data_version').pluck();
    const totalChanges = database.prepare('SELECT total_changes()').pluck();
    this.changeStamp = () => `${String(dataVersion.get())}:${String(totalChanges.get())}`;
    this.statements = {
      insert: database.prepare(
        `INSERT INTO memory_entries (id, tenant, user_id, task, kind, embedding, dimension, context_id,
           context_text, preference, pair_original, pair_edited, origin, interaction_id, pinned, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ),
      scopeDimension: database.prepare(`SELECT dimension FROM memory_entries WHERE ${scopeClause} LIMIT 1`),
      probe: database.prepare(
        `SELECT count(*) AS count, coalesce(max(sequence), 0) AS maxSequence FROM memory_entries
         WHERE ${scopeClause} AND kind = ?`,
      ),
      vectorsAfter: database
        .prepare(
          `SELECT sequence, embedding FROM memory_entries WHERE ${scopeClause} AND kind = ?
           AND sequence > ? AND sequence <= ? ORDER BY sequence`,
        )
        .raw(true),
      byId: database.prepare(`SELECT * FROM memory_entries WHERE ${scopeClause} AND id = ?`),
      delete: database.prepare(
        `DELETE FROM memory_entries WHERE ${scopeClause} AND id = ? RETURNING sequence, kind`,
      ),
      forget: database.prepare('DELETE FROM memory_entries WHERE tenant = ? AND user_id = ?'),
    };
  }

  async add(entry: NewMemoryEntry): Promise<MemoryEntry> {
    entry = hygienicEntry(entry);
    validateNewEntry(entry);
    const now = new Date().toISOString();
    const insert = this.database.transaction(() => {
      const stored = this.scopeDimension(entry.scope);
      if (stored !== undefined && stored !== entry.embedding.length) {
        throw dimensionError(entry.embedding.length, stored);
      }
      return this.statements.insert.get(
        randomUUID(),
        entry.scope.tenant,
        entry.scope.user,
        entry.scope.task,
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
        entry.pinned === true ? 1 : 0,
        now,
        now,
      ) as MemoryRow;
    });
    try {
      return memoryEntryFromRow(insert.immediate());
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateInteractionError(entry.interactionId, error) : error;
    }
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
    const index = this.currentIndex(scopeValues);
    const stored = index === undefined ? this.scopeDimension(scope) : index.dimension;
    if (stored !== undefined && stored !== options.embedding.length) {
      throw dimensionError(options.embedding.length, stored);
    }
    const best = index === undefined ? [] : index.search(options.embedding, options.k);
    if (best.length === 0) return [];
    const placeholders = best.map(() => '?').join(', ');
    const found = this.database
      .prepare(`SELECT * FROM memory_entries WHERE sequence IN (${placeholders})`)
      .all(...best.map((candidate) => candidate.sequence)) as MemoryRow[];
    const bySequence = new Map(found.map((row) => [Number(row.sequence), row]));
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
    if (options.kind !== undefined) {
      conditions.push('kind = ?');
      values.push(options.kind);
    }
    if (options.pinned !== undefined) {
      conditions.push('pinned = ?');
      values.push(options.pinned ? 1 : 0);
    }
    if (options.origin !== undefined) {
      conditions.push('origin = ?');
      values.push(options.origin);
    }
    if (options.after !== undefined) {
      conditions.push('sequence > ?');
      values.push(options.after);
    }
    const where = conditions.join(' AND ');
    const sql =
      options.last === undefined
        ? `SELECT * FROM memory_entries WHERE ${where} ORDER BY sequence${options.limit === undefined ? '' : ' LIMIT ?'}`
        : `SELECT * FROM (SELECT * FROM memory_entries WHERE ${where} ORDER BY sequence DESC LIMIT ?) ORDER BY sequence`;
    if (options.last !== undefined) values.push(options.last);
    if (options.limit !== undefined) values.push(options.limit);
    const rows = this.database.prepare(sql).all(...values) as MemoryRow[];
    return rows.map(memoryEntryFromRow);
  }

  async get(options: { readonly scope: MemoryScope; readonly id: string }): Promise<MemoryEntry | undefined> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const { scope } = options;
    const row = this.statements.byId.get(scope.tenant, scope.user, scope.task, options.id) as
      MemoryRow | undefined;
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
    const update = this.database.transaction(() => {
      const row = this.statements.byId.get(scope.tenant, scope.user, scope.task, options.id) as
        MemoryRow | undefined;
      if (row === undefined) throw new NotFoundError({ entity: 'memory entry', id: options.id });
      validateRewording(row.kind, options.preference);
      return this.database
        .prepare(
          `UPDATE memory_entries SET preference = ?, pinned = ?, updated_at = ? WHERE sequence = ? RETURNING *`,
        )
        .get(
          options.preference ?? row.preference,
          (options.pinned ?? Boolean(row.pinned)) ? 1 : 0,
          laterTimestamp(String(row.updated_at)),
          row.sequence,
        ) as MemoryRow;
    });
    return memoryEntryFromRow(update.immediate());
  }

  async delete(options: { readonly scope: MemoryScope; readonly id: string }): Promise<boolean> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const { scope } = options;
    const removed = this.statements.delete.all(scope.tenant, scope.user, scope.task, options.id) as {
      sequence: number;
      kind: string;
    }[];
    for (const { sequence, kind } of removed) {
      // NOTE: keeps a cached index current in place; the next query's probe would otherwise reload it.
      const key = JSON.stringify([scope.tenant, scope.user, scope.task, kind]);
      this.cache.peek(key)?.remove(sequence);
      this.cache.resized(key);
    }
    return removed.length > 0;
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const removed = this.statements.forget.run(options.tenant, options.user).changes;
    this.cache.deleteWhere((key) => {
      const [tenant, user] = JSON.parse(key) as string[];
      return tenant === options.tenant && user === options.user;
    });
    return removed;
  }

  /**
   * The (scope, kind)'s index as the table holds it now, undefined when it holds no rows: the cached
   * one when the probe matches, grown by the rows added since, or loaded again in one query.
   */
  private currentIndex(scopeValues: readonly [string, string, string, string]): VectorIndex | undefined {
    const key = JSON.stringify(scopeValues);
    // NOTE: data_version moves when another connection commits, total_changes when this one writes;
    // when neither moved since the index was last checked, the table cannot differ from it.
    const stamp = this.changeStamp();
    const held = this.cache.get(key);
    if (held !== undefined && this.checkedAt.get(held) === stamp) return held;
    const probe = this.statements.probe.get(...scopeValues) as { count: number; maxSequence: number };
    if (probe.count === 0) {
      this.cache.delete(key);
      return undefined;
    }
    const cached = held;
    if (cached !== undefined && (cached.size !== probe.count || cached.maxSequence !== probe.maxSequence)) {
      if (cached.size < probe.count && cached.maxSequence < probe.maxSequence) {
        for (const [sequence, bytes] of this.vectorRows(scopeValues, cached.maxSequence, probe.maxSequence)) {
          cached.appendBytes(sequence, bytes);
        }
      }
      if (cached.size !== probe.count || cached.maxSequence !== probe.maxSequence) {
        this.cache.delete(key);
        return this.checked(this.loadIndex(key, scopeValues, probe), stamp);
      }
      this.cache.resized(key);
    }
    return this.checked(cached ?? this.loadIndex(key, scopeValues, probe), stamp);
  }

  /** Records that `index` matched the table at `stamp` (read before the probe, so never too new). */
  private checked(index: VectorIndex | undefined, stamp: string): VectorIndex | undefined {
    if (index !== undefined) this.checkedAt.set(index, stamp);
    return index;
  }

  private loadIndex(
    key: string,
    scopeValues: readonly [string, string, string, string],
    probe: { readonly count: number; readonly maxSequence: number },
  ): VectorIndex | undefined {
    let index: VectorIndex | undefined;
    for (const [sequence, bytes] of this.vectorRows(scopeValues, 0, probe.maxSequence)) {
      index ??= new VectorIndex(bytes.byteLength / 4, { capacity: probe.count });
      index.appendBytes(sequence, bytes);
    }
    if (index !== undefined) this.cache.set(key, index);
    return index;
  }

  /** `[sequence, embedding bytes]` of the (scope, kind) with after < sequence <= upTo, streamed in order. */
  private vectorRows(
    scopeValues: readonly [string, string, string, string],
    afterSequence: number,
    upToSequence: number,
  ): IterableIterator<[number, Uint8Array]> {
    return this.statements.vectorsAfter.iterate(
      ...scopeValues,
      afterSequence,
      upToSequence,
    ) as IterableIterator<[number, Uint8Array]>;
  }

  private scopeDimension(scope: MemoryScope): number | undefined {
    const row = this.statements.scopeDimension.get(scope.tenant, scope.user, scope.task) as
      { dimension: number } | undefined;
    return row?.dimension;
  }
}
