import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Task, UsedNeighbour } from '../spec/index.js';

/**
 * The tables of the SQL stores as Kysely types (what `sql-migrations.ts` creates). One description for
 * both dialects: where the drivers return a column differently, its type says both (a PostgreSQL
 * `bigint` comes back as text, a `timestamptz` as a Date, `jsonb` parsed, a boolean as a boolean; SQLite
 * keeps ISO text, JSON text and 0/1). Values are written in the form both accept: ISO text for times,
 * JSON text for JSON, 0/1 for booleans, Float32 bytes for embeddings (`embedding-codec.ts`).
 */
export interface SqlSchema {
  readonly memory_entries: MemoryEntriesTable;
  readonly memory_versions: MemoryVersionsTable;
  readonly memory_vector_blocks: MemoryVectorBlocksTable;
  readonly interactions: InteractionsTable;
  readonly api_keys: ApiKeysTable;
  readonly migrations: MigrationsTable;
}

/** The Kysely instance every SQL store queries through. */
export type SqlQueries = Kysely<SqlSchema>;

/** A sequence column: generated, a number in SQLite and a bigint's text from `pg`. */
type Sequence = ColumnType<number | string, never, never>;
/** A time column: ISO 8601 text in, text (SQLite) or Date (PostgreSQL) out. */
type Time = ColumnType<string | Date, string, string>;
/** A boolean column, written as 0 or 1 (SQLite has no booleans; PostgreSQL reads '1' as true). */
type Flag = ColumnType<number | boolean, number, number>;
/** A JSON column, written as JSON text (PostgreSQL casts it to jsonb, which `pg` returns parsed). */
type Json<T> = ColumnType<string | T, string, string>;

export interface MemoryEntriesTable {
  sequence: Sequence;
  id: string;
  tenant: string;
  user_id: string;
  task: string;
  kind: string;
  dimension: number;
  context_id: string | null;
  context_text: string | null;
  preference: string | null;
  pair_original: string | null;
  pair_edited: string | null;
  origin: string;
  interaction_id: string | null;
  pinned: Flag;
  created_at: Time;
  updated_at: Time;
  embedding: Uint8Array;
}

/** The columns naming one (tenant, user, task, kind) of memory entries, which several tables key by. */
interface ScopeKindColumns {
  tenant: string;
  user_id: string;
  task: string;
  kind: string;
}

/**
 * One row per (tenant, user, task, kind) holding memory entries, kept by triggers on `memory_entries`
 * (`sql-migrations.ts`, version 3): `version` moves on every insert and delete (from a random start),
 * `row_count` counts the rows, `deletions` the rows deleted. A `bigint` comes back as text from `pg`.
 */
export interface MemoryVersionsTable extends ScopeKindColumns {
  version: ColumnType<number | string, never, never>;
  row_count: ColumnType<number | string, never, never>;
  deletions: ColumnType<number | string, never, never>;
}

/**
 * Blocks of a large (tenant, user, task, kind)'s vectors, quantised as its `VectorIndex` holds them
 * (`vector-block.ts`; `sql-migrations.ts`, version 4): a block holds exactly the (scope, kind)'s rows
 * with `after_sequence < sequence <= last_sequence`; deleting any of those rows deletes the block
 * (a trigger). Written by readers (`sql-vector-blocks.ts`), never by `add`.
 */
export interface MemoryVectorBlocksTable extends ScopeKindColumns {
  last_sequence: ColumnType<number | string, number, never>;
  after_sequence: ColumnType<number | string, number, never>;
  row_count: number;
  data: Uint8Array;
}

export interface InteractionsTable {
  sequence: Sequence;
  id: string;
  tenant: string;
  user_id: string;
  task_key: string;
  task: Json<Task>;
  context_id: string | null;
  context_text: string;
  output: string;
  preference_used: string | null;
  neighbours: Json<UsedNeighbour[]>;
  learner: string;
  created_at: Time;
  edited: string | null;
  edited_at: ColumnType<string | Date | null, string | null, string | null>;
  cost: number | null;
  status: string;
  preference_inferred: string | null;
  learn_attempts: Generated<number>;
  last_error: string | null;
  retry_at: ColumnType<string | Date | null, string | null, string | null>;
  lease_owner: string | null;
  lease_until: ColumnType<string | Date | null, string | null, string | null>;
  embedding: Uint8Array | null;
}

export interface ApiKeysTable {
  id: string;
  tenant: string;
  label: string | null;
  secret_hash: string;
  created_at: Time;
  revoked_at: ColumnType<string | Date | null, string | null, string | null>;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: Time;
}
