import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Interaction, InteractionStore, NewInteraction, Page, PendingLease } from '../spec/index.js';
import { ConflictError, NotFoundError, taskKey } from '../spec/index.js';
import type { InteractionRow } from './interaction-row.js';
import {
  interactionFromRow,
  interactionInsertColumns,
  maxErrorLength,
  newInteractionValues,
} from './interaction-row.js';
import { afterSequence, pageOf, validatePageLimit } from './page-cursor.js';
import { checkTexts, cleanNullableText, cleanText, hygienicInteraction } from './text-hygiene.js';

/**
 * `InteractionStore` in PostgreSQL (see `openPostgresDatabase`). `recordEdit` is one conditional
 * UPDATE, so of two servers receiving an edit of the same interaction exactly one wins.
 */
export class PostgresInteractionStore implements InteractionStore {
  constructor(private readonly pool: Pool) {}

  async create(interaction: NewInteraction): Promise<Interaction> {
    interaction = hygienicInteraction(interaction);
    const id = interaction.id ?? randomUUID();
    const values = newInteractionValues(interaction, id, new Date().toISOString(), taskKey(interaction.task));
    const placeholders = values.map((_value, index) => `$${index + 1}`).join(', ');
    try {
      const result = await this.pool.query<InteractionRow>(
        `INSERT INTO interactions (${interactionInsertColumns}) VALUES (${placeholders}) RETURNING *`,
        values,
      );
      return interactionFromRow(result.rows[0]!);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError({
          message: `interaction ${JSON.stringify(id)} already exists`,
          cause: error,
        });
      }
      throw error;
    }
  }

  async get(options: { readonly tenant: string; readonly id: string }): Promise<Interaction | undefined> {
    checkTexts({ tenant: options.tenant, id: options.id });
    const result = await this.pool.query<InteractionRow>(
      'SELECT * FROM interactions WHERE tenant = $1 AND id = $2',
      [options.tenant, options.id],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : interactionFromRow(row);
  }

  async recordEdit(options: {
    readonly tenant: string;
    readonly id: string;
    readonly edited: string;
    readonly cost: number;
    readonly lease?: PendingLease;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, edited: cleanText(options.edited) };
    const result = await this.pool.query<InteractionRow>(
      `UPDATE interactions SET edited = $1, edited_at = now(), cost = $2, status = 'pending',
         lease_owner = $5, lease_until = $6
       WHERE tenant = $3 AND id = $4 AND edited IS NULL RETURNING *`,
      [
        options.edited,
        options.cost,
        options.tenant,
        options.id,
        options.lease?.owner ?? null,
        options.lease?.until ?? null,
      ],
    );
    const row = result.rows[0];
    if (row !== undefined) return interactionFromRow(row);
    if ((await this.get(options)) === undefined)
      throw new NotFoundError({ entity: 'interaction', id: options.id });
    throw new ConflictError({ message: `interaction ${JSON.stringify(options.id)} already has an edit` });
  }

  async markLearned(options: {
    readonly tenant: string;
    readonly id: string;
    readonly preferenceInferred: string | null;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, preferenceInferred: cleanNullableText(options.preferenceInferred) };
    return this.updateOne(
      `UPDATE interactions SET status = 'learned', preference_inferred = $1, last_error = NULL,
         retry_at = NULL, lease_owner = NULL, lease_until = NULL
       WHERE tenant = $2 AND id = $3 RETURNING *`,
      [options.preferenceInferred, options.tenant, options.id],
      options.id,
    );
  }

  async markLearnFailed(options: {
    readonly tenant: string;
    readonly id: string;
    readonly error: string;
    readonly retryAt?: string | null;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, error: cleanText(options.error) };
    return this.updateOne(
      `UPDATE interactions SET learn_attempts = learn_attempts + 1, last_error = $1, retry_at = $4,
         lease_owner = NULL, lease_until = NULL,
         status = CASE WHEN $5 AND status = 'pending' THEN 'failed' ELSE status END
       WHERE tenant = $2 AND id = $3 RETURNING *`,
      [
        options.error.slice(0, maxErrorLength),
        options.tenant,
        options.id,
        options.retryAt ?? null,
        options.retryAt === null,
      ],
      options.id,
    );
  }

  async retryFailed(options: { readonly tenant: string; readonly id: string }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    const result = await this.pool.query<InteractionRow>(
      `UPDATE interactions SET status = 'pending', learn_attempts = 0, retry_at = NULL,
         lease_owner = NULL, lease_until = NULL
       WHERE tenant = $1 AND id = $2 AND status = 'failed' RETURNING *`,
      [options.tenant, options.id],
    );
    const row = result.rows[0];
    if (row !== undefined) return interactionFromRow(row);
    const current = await this.get(options);
    if (current === undefined) throw new NotFoundError({ entity: 'interaction', id: options.id });
    throw new ConflictError({
      message: `interaction ${JSON.stringify(options.id)} is ${current.status}, not failed; only a failed one can be retried`,
    });
  }

  async claimPending(options: {
    readonly limit: number;
    readonly lease: PendingLease;
    readonly now: string;
  }): Promise<Interaction[]> {
    // NOTE: FOR UPDATE SKIP LOCKED: a row another server is claiming right now is skipped, not waited
    // for; a row it has just claimed fails the lease test when re-read under the lock.
    const result = await this.pool.query<InteractionRow & { sequence: string }>(
      `WITH ranked AS (
         SELECT sequence, edited_at,
           ROW_NUMBER() OVER (PARTITION BY tenant ORDER BY edited_at, sequence) AS turn
         FROM interactions
         WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= $1)
           AND (retry_at IS NULL OR retry_at <= $1)
       ), chosen AS (
         SELECT sequence, turn, edited_at FROM ranked ORDER BY turn, edited_at, sequence LIMIT $2
       ), locked AS (
         SELECT sequence FROM interactions
         WHERE sequence IN (SELECT sequence FROM chosen) AND status = 'pending'
           AND (lease_until IS NULL OR lease_until <= $1)
         FOR UPDATE SKIP LOCKED
       )
       UPDATE interactions SET lease_owner = $3, lease_until = $4
       FROM locked WHERE interactions.sequence = locked.sequence
       RETURNING interactions.*`,
      [options.now, options.limit, options.lease.owner, options.lease.until],
    );
    const claimed = result.rows.map(interactionFromRow);
    // NOTE: RETURNING has no order: restore the round-robin one (by turn within the tenant, then age).
    const turns = new Map<string, number>();
    const turnOf = new Map<string, number>();
    const byAge = [...claimed].sort(
      (left, right) => (left.editedAt ?? '').localeCompare(right.editedAt ?? '') || 0,
    );
    for (const interaction of byAge) {
      const turn = (turns.get(interaction.tenant) ?? 0) + 1;
      turns.set(interaction.tenant, turn);
      turnOf.set(interaction.id, turn);
    }
    return byAge.sort((left, right) => turnOf.get(left.id)! - turnOf.get(right.id)!);
  }

  async listPending(options: { readonly limit: number }): Promise<Interaction[]> {
    const result = await this.pool.query<InteractionRow>(
      `SELECT * FROM interactions WHERE status = 'pending' ORDER BY edited_at, sequence LIMIT $1`,
      [options.limit],
    );
    return result.rows.map(interactionFromRow);
  }

  async list(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit?: number;
  }): Promise<Interaction[]> {
    checkTexts({ tenant: options.tenant, user: options.user, task: options.task });
    const values: unknown[] = [options.tenant, options.user];
    let sql = 'SELECT * FROM interactions WHERE tenant = $1 AND user_id = $2';
    if (options.task !== undefined) {
      values.push(options.task);
      sql += ` AND task_key = $${values.length}`;
    }
    sql += ' ORDER BY sequence';
    if (options.limit !== undefined) {
      values.push(options.limit);
      sql += ` LIMIT $${values.length}`;
    }
    const result = await this.pool.query<InteractionRow>(sql, values);
    return result.rows.map(interactionFromRow);
  }

  async listPage(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<Interaction>> {
    checkTexts({ tenant: options.tenant, user: options.user, task: options.task, cursor: options.cursor });
    validatePageLimit(options.limit);
    const after = afterSequence(options.cursor);
    const values: unknown[] = [options.tenant, options.user];
    let sql = 'SELECT * FROM interactions WHERE tenant = $1 AND user_id = $2';
    if (options.task !== undefined) {
      values.push(options.task);
      sql += ` AND task_key = $${values.length}`;
    }
    if (after !== undefined) {
      values.push(after);
      sql += ` AND sequence > $${values.length}`;
    }
    values.push(options.limit + 1);
    sql += ` ORDER BY sequence LIMIT $${values.length}`;
    const result = await this.pool.query<InteractionRow & { sequence: string }>(sql, values);
    return pageOf(result.rows, options.limit, (row) => Number(row.sequence), interactionFromRow);
  }

  async taskKeys(options: { readonly tenant: string; readonly user: string }): Promise<string[]> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const result = await this.pool.query<{ task_key: string }>(
      'SELECT task_key FROM interactions WHERE tenant = $1 AND user_id = $2 GROUP BY task_key ORDER BY MIN(sequence)',
      [options.tenant, options.user],
    );
    return result.rows.map((row) => row.task_key);
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const result = await this.pool.query('DELETE FROM interactions WHERE tenant = $1 AND user_id = $2', [
      options.tenant,
      options.user,
    ]);
    return result.rowCount ?? 0;
  }

  private async updateOne(sql: string, values: unknown[], id: string): Promise<Interaction> {
    const result = await this.pool.query<InteractionRow>(sql, values);
    const row = result.rows[0];
    if (row === undefined) throw new NotFoundError({ entity: 'interaction', id });
    return interactionFromRow(row);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
