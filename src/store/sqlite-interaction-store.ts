import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
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
 * `InteractionStore` in a SQLite file (see `openSqliteDatabase`). `recordEdit` is one conditional
 * UPDATE, so of two concurrent edits of one interaction exactly one wins and the other gets a
 * ConflictError; with `synchronous = FULL` the edit is on disk when the promise resolves.
 */
export class SqliteInteractionStore implements InteractionStore {
  constructor(private readonly database: Database) {}

  async create(interaction: NewInteraction): Promise<Interaction> {
    interaction = hygienicInteraction(interaction);
    const id = interaction.id ?? randomUUID();
    const values = newInteractionValues(interaction, id, new Date().toISOString(), taskKey(interaction.task));
    try {
      const row = this.database
        .prepare(
          `INSERT INTO interactions (${interactionInsertColumns}) VALUES (${values.map(() => '?').join(', ')}) RETURNING *`,
        )
        .get(...values) as InteractionRow;
      return interactionFromRow(row);
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
    const row = this.database
      .prepare('SELECT * FROM interactions WHERE tenant = ? AND id = ?')
      .get(options.tenant, options.id) as InteractionRow | undefined;
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
    const row = this.database
      .prepare(
        `UPDATE interactions SET edited = ?, edited_at = ?, cost = ?, status = 'pending',
           lease_owner = ?, lease_until = ?
         WHERE tenant = ? AND id = ? AND edited IS NULL RETURNING *`,
      )
      .get(
        options.edited,
        new Date().toISOString(),
        options.cost,
        options.lease?.owner ?? null,
        options.lease?.until ?? null,
        options.tenant,
        options.id,
      ) as InteractionRow | undefined;
    if (row !== undefined) return interactionFromRow(row);
    await this.require(options);
    throw new ConflictError({ message: `interaction ${JSON.stringify(options.id)} already has an edit` });
  }

  async markLearned(options: {
    readonly tenant: string;
    readonly id: string;
    readonly preferenceInferred: string | null;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, preferenceInferred: cleanNullableText(options.preferenceInferred) };
    const row = this.database
      .prepare(
        `UPDATE interactions SET status = 'learned', preference_inferred = ?, last_error = NULL,
           retry_at = NULL, lease_owner = NULL, lease_until = NULL
         WHERE tenant = ? AND id = ? RETURNING *`,
      )
      .get(options.preferenceInferred, options.tenant, options.id) as InteractionRow | undefined;
    if (row === undefined) throw new NotFoundError({ entity: 'interaction', id: options.id });
    return interactionFromRow(row);
  }

  async markLearnFailed(options: {
    readonly tenant: string;
    readonly id: string;
    readonly error: string;
    readonly retryAt?: string | null;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, error: cleanText(options.error) };
    const row = this.database
      .prepare(
        `UPDATE interactions SET learn_attempts = learn_attempts + 1, last_error = ?, retry_at = ?,
           lease_owner = NULL, lease_until = NULL,
           status = CASE WHEN ? = 1 AND status = 'pending' THEN 'failed' ELSE status END
         WHERE tenant = ? AND id = ? RETURNING *`,
      )
      .get(
        options.error.slice(0, maxErrorLength),
        options.retryAt ?? null,
        options.retryAt === null ? 1 : 0,
        options.tenant,
        options.id,
      ) as InteractionRow | undefined;
    if (row === undefined) throw new NotFoundError({ entity: 'interaction', id: options.id });
    return interactionFromRow(row);
  }

  async retryFailed(options: { readonly tenant: string; readonly id: string }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    const row = this.database
      .prepare(
        `UPDATE interactions SET status = 'pending', learn_attempts = 0, retry_at = NULL,
           lease_owner = NULL, lease_until = NULL
         WHERE tenant = ? AND id = ? AND status = 'failed' RETURNING *`,
      )
      .get(options.tenant, options.id) as InteractionRow | undefined;
    if (row !== undefined) return interactionFromRow(row);
    const current = await this.require(options);
    throw new ConflictError({
      message: `interaction ${JSON.stringify(options.id)} is ${current.status}, not failed; only a failed one can be retried`,
    });
  }

  async claimPending(options: {
    readonly limit: number;
    readonly lease: PendingLease;
    readonly now: string;
  }): Promise<Interaction[]> {
    // NOTE: one IMMEDIATE transaction: SQLite has one writer, so no other connection (or process) can
    // claim between the choice and the lease.
    const claim = this.database.transaction(() => {
      const chosen = this.database
        .prepare(
          `SELECT sequence FROM (
             SELECT sequence, edited_at,
               ROW_NUMBER() OVER (PARTITION BY tenant ORDER BY edited_at, sequence) AS turn
             FROM interactions
             WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)
               AND (retry_at IS NULL OR retry_at <= ?)
           ) ORDER BY turn, edited_at, sequence LIMIT ?`,
        )
        .all(options.now, options.now, options.limit) as { sequence: number }[];
      if (chosen.length === 0) return [];
      const rows = this.database
        .prepare(
          `UPDATE interactions SET lease_owner = ?, lease_until = ?
           WHERE sequence IN (${chosen.map(() => '?').join(', ')}) RETURNING *`,
        )
        .all(
          options.lease.owner,
          options.lease.until,
          ...chosen.map((row) => row.sequence),
        ) as (InteractionRow & {
        sequence: number;
      })[];
      const order = new Map(chosen.map((row, index) => [row.sequence, index]));
      return rows.sort((left, right) => order.get(left.sequence)! - order.get(right.sequence)!);
    });
    return claim.immediate().map(interactionFromRow);
  }

  async listPending(options: { readonly limit: number }): Promise<Interaction[]> {
    const rows = this.database
      .prepare(`SELECT * FROM interactions WHERE status = 'pending' ORDER BY edited_at, sequence LIMIT ?`)
      .all(options.limit) as InteractionRow[];
    return rows.map(interactionFromRow);
  }

  async list(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit?: number;
  }): Promise<Interaction[]> {
    checkTexts({ tenant: options.tenant, user: options.user, task: options.task });
    const conditions = ['tenant = ?', 'user_id = ?'];
    const values: unknown[] = [options.tenant, options.user];
    if (options.task !== undefined) {
      conditions.push('task_key = ?');
      values.push(options.task);
    }
    values.push(options.limit ?? -1);
    const rows = this.database
      .prepare(`SELECT * FROM interactions WHERE ${conditions.join(' AND ')} ORDER BY sequence LIMIT ?`)
      .all(...values) as InteractionRow[];
    return rows.map(interactionFromRow);
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
    const conditions = ['tenant = ?', 'user_id = ?'];
    const values: unknown[] = [options.tenant, options.user];
    if (options.task !== undefined) {
      conditions.push('task_key = ?');
      values.push(options.task);
    }
    if (after !== undefined) {
      conditions.push('sequence > ?');
      values.push(after);
    }
    const rows = this.database
      .prepare(`SELECT * FROM interactions WHERE ${conditions.join(' AND ')} ORDER BY sequence LIMIT ?`)
      .all(...values, options.limit + 1) as (InteractionRow & { sequence: number })[];
    return pageOf(rows, options.limit, (row) => row.sequence, interactionFromRow);
  }

  async taskKeys(options: { readonly tenant: string; readonly user: string }): Promise<string[]> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const rows = this.database
      .prepare(
        'SELECT task_key FROM interactions WHERE tenant = ? AND user_id = ? GROUP BY task_key ORDER BY MIN(sequence)',
      )
      .all(options.tenant, options.user) as { task_key: string }[];
    return rows.map((row) => row.task_key);
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    return this.database
      .prepare('DELETE FROM interactions WHERE tenant = ? AND user_id = ?')
      .run(options.tenant, options.user).changes;
  }

  private async require(options: { readonly tenant: string; readonly id: string }): Promise<Interaction> {
    const interaction = await this.get(options);
    if (interaction === undefined) throw new NotFoundError({ entity: 'interaction', id: options.id });
    return interaction;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}
