import type { Insertable } from 'kysely';
import type { Interaction, LearnStatus, NewInteraction, Task, UsedNeighbour } from '../spec/index.js';
import { taskKey } from '../spec/index.js';
import { embeddingToArray, encodeEmbedding } from './embedding-codec.js';
import { isoTime } from './memory-row.js';
import type { InteractionsTable } from './sql-schema.js';

/** An `interactions` row as SQLite or PostgreSQL returns it (JSON columns are text in SQLite). */
export interface InteractionRow {
  readonly id: string;
  readonly tenant: string;
  readonly user_id: string;
  readonly task: string | Task;
  readonly context_id: string | null;
  readonly context_text: string;
  readonly embedding: Uint8Array | null;
  readonly output: string;
  readonly preference_used: string | null;
  readonly neighbours: string | UsedNeighbour[];
  readonly learner: string;
  readonly created_at: string | Date;
  readonly edited: string | null;
  readonly edited_at: string | Date | null;
  readonly cost: number | null;
  readonly status: string;
  readonly preference_inferred: string | null;
  readonly learn_attempts: number;
  readonly last_error: string | null;
}

/** The port's interaction from a stored row. */
export function interactionFromRow(row: InteractionRow): Interaction {
  return {
    id: row.id,
    tenant: row.tenant,
    user: row.user_id,
    task: typeof row.task === 'string' ? (JSON.parse(row.task) as Task) : row.task,
    contextId: row.context_id,
    contextText: row.context_text,
    embedding: row.embedding === null ? null : embeddingToArray(row.embedding),
    output: row.output,
    preferenceUsed: row.preference_used,
    neighbours:
      typeof row.neighbours === 'string' ? (JSON.parse(row.neighbours) as UsedNeighbour[]) : row.neighbours,
    learner: row.learner,
    createdAt: isoTime(row.created_at),
    edited: row.edited,
    editedAt: row.edited_at === null ? null : isoTime(row.edited_at),
    cost: row.cost,
    status: row.status as LearnStatus,
    preferenceInferred: row.preference_inferred,
    learnAttempts: row.learn_attempts,
    lastError: row.last_error,
  };
}

/** A new row (JSON columns as text: SQLite stores it, PostgreSQL casts it to jsonb). */
export function newInteractionRow(
  interaction: NewInteraction,
  id: string,
  createdAt: string,
): Insertable<InteractionsTable> {
  return {
    id,
    tenant: interaction.tenant,
    user_id: interaction.user,
    task_key: taskKey(interaction.task),
    task: JSON.stringify(interaction.task),
    context_id: interaction.contextId,
    context_text: interaction.contextText,
    embedding: interaction.embedding === null ? null : encodeEmbedding(interaction.embedding),
    output: interaction.output,
    preference_used: interaction.preferenceUsed,
    neighbours: JSON.stringify(interaction.neighbours),
    learner: interaction.learner,
    created_at: createdAt,
    status: 'awaiting-edit',
  };
}

/** Longest `last_error` kept: enough to diagnose, bounded so a huge message cannot bloat rows. */
export const maxErrorLength = 2_000;
