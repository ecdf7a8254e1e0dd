import type { MemoryEntry, MemoryEntryKind, MemoryOrigin } from '../spec/index.js';
import { embeddingToArray } from './embedding-codec.js';

/** A `memory_entries` row as SQLite or PostgreSQL returns it (the drivers differ in a few types). */
export interface MemoryRow {
  readonly sequence: number | string;
  readonly id: string;
  readonly tenant: string;
  readonly user_id: string;
  readonly task: string;
  readonly kind: string;
  readonly embedding: Uint8Array;
  readonly context_id: string | null;
  readonly context_text: string | null;
  readonly preference: string | null;
  readonly pair_original: string | null;
  readonly pair_edited: string | null;
  readonly origin: string;
  readonly interaction_id: string | null;
  readonly pinned: number | boolean;
  readonly created_at: string | Date;
  readonly updated_at: string | Date;
}

/** The columns of `memory_entries`, in the order `memoryRowValues` lists them. */
export const memoryInsertColumns = [
  'id',
  'tenant',
  'user_id',
  'task',
  'kind',
  'embedding',
  'dimension',
  'context_id',
  'context_text',
  'preference',
  'pair_original',
  'pair_edited',
  'origin',
  'interaction_id',
  'pinned',
  'created_at',
  'updated_at',
] as const;

/** An ISO 8601 text from a driver's timestamp (SQLite stores text, PostgreSQL returns a Date). */
export function isoTime(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString();
}

/** The port's entry from a stored row. */
export function memoryEntryFromRow(row: MemoryRow): MemoryEntry {
  return {
    id: row.id,
    scope: { tenant: row.tenant, user: row.user_id, task: row.task },
    kind: row.kind as MemoryEntryKind,
    embedding: embeddingToArray(row.embedding),
    contextId: row.context_id,
    contextText: row.context_text,
    preference: row.preference,
    pair:
      row.pair_original === null || row.pair_edited === null
        ? null
        : { original: row.pair_original, edited: row.pair_edited },
    origin: row.origin as MemoryOrigin,
    interactionId: row.interaction_id,
    pinned: Boolean(row.pinned),
    sequence: Number(row.sequence),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}
