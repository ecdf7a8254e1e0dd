import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { UpdateObject, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Interaction, InteractionStore, NewInteraction, Page } from '../spec/index.js';
import { ConflictError, NotFoundError } from '../spec/index.js';
import { interactionFromRow, maxErrorLength, newInteractionRow } from './interaction-row.js';
import { isUniqueViolation } from './memory-validation.js';
import { afterSequence, pageOf, validatePageLimit } from './page-cursor.js';
import type { SqlDatabase } from './sql-dialect.js';
import { forgetUser } from './sql-forget-user.js';
import type { SqlQueries, SqlSchema } from './sql-schema.js';
import { checkTexts, cleanNullableText, cleanText, hygienicInteraction } from './text-hygiene.js';

type Key = { readonly tenant: string; readonly id: string };
type InteractionUpdate = UpdateQueryBuilder<SqlSchema, 'interactions', 'interactions', UpdateResult>;

/**
 * `InteractionStore` in SQLite or PostgreSQL (see `openSqliteDatabase`, `openPostgresDatabase`).
 * `recordEdit` is one conditional UPDATE, so of two concurrent edits of one interaction (two servers,
 * two processes) exactly one wins and the other gets a ConflictError; with SQLite's `synchronous =
 * FULL` the edit is on disk when the promise resolves. `claimPending` leases under the dialect's
 * locks: SQLite's one writer, PostgreSQL's FOR UPDATE SKIP LOCKED.
 */
export class SqlInteractionStore implements InteractionStore {
  constructor(private readonly database: SqlDatabase) {}

  async create(interaction: NewInteraction): Promise<Interaction> {
    interaction = hygienicInteraction(interaction);
    const id = interaction.id ?? randomUUID();
    try {
      const row = await this.database.queries
        .insertInto('interactions')
        .values(newInteractionRow(interaction, id, new Date().toISOString()))
        .returningAll()
        .executeTakeFirstOrThrow();
      return interactionFromRow(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictError({ message: `interaction ${JSON.stringify(id)} already exists`, cause: error });
    }
  }

  async get(options: Key): Promise<Interaction | undefined> {
    checkTexts({ tenant: options.tenant, id: options.id });
    const row = await this.database.queries
      .selectFrom('interactions')
      .selectAll()
      .where('tenant', '=', options.tenant)
      .where('id', '=', options.id)
      .executeTakeFirst();
    return row === undefined ? undefined : interactionFromRow(row);
  }

  async recordEdit(options: Parameters<InteractionStore['recordEdit']>[0]): Promise<Interaction> {
    const updated = await this.update(
      options,
      {
        edited: cleanText(options.edited),
        edited_at: this.database.dialect.now(),
        cost: options.cost,
        status: 'pending',
        lease_owner: options.lease?.owner ?? null,
        lease_until: options.lease?.until ?? null,
      },
      (query) => query.where('edited', 'is', null),
    );
    if (updated !== undefined) return updated;
    await this.require(options);
    throw new ConflictError({ message: `interaction ${JSON.stringify(options.id)} already has an edit` });
  }

  async markLearned(options: Parameters<InteractionStore['markLearned']>[0]): Promise<Interaction> {
    const updated = await this.updateDerived(options, {
      status: 'learned',
      preference_inferred: cleanNullableText(options.preferenceInferred),
      last_error: null,
      retry_at: null,
      lease_owner: null,
      lease_until: null,
    });
    if (updated === undefined) throw new NotFoundError({ entity: 'interaction', id: options.id });
    return updated;
  }

  async markLearnFailed(options: Parameters<InteractionStore['markLearnFailed']>[0]): Promise<Interaction> {
    const updated = await this.updateDerived(options, {
      learn_attempts: sql<number>`learn_attempts + 1`,
      last_error: cleanText(options.error).slice(0, maxErrorLength),
      retry_at: options.retryAt ?? null,
      lease_owner: null,
      lease_until: null,
      // NOTE: out of attempts (retryAt null): a pending interaction fails; any other keeps its status.
      ...(options.retryAt === null
        ? { status: sql<string>`CASE WHEN status = 'pending' THEN 'failed' ELSE status END` }
        : {}),
    });
    if (updated === undefined) throw new NotFoundError({ entity: 'interaction', id: options.id });
    return updated;
  }

  async retryFailed(options: Key): Promise<Interaction> {
    const updated = await this.update(
      options,
      { status: 'pending', learn_attempts: 0, retry_at: null, lease_owner: null, lease_until: null },
      (query) => query.where('status', '=', 'failed'),
    );
    if (updated !== undefined) return updated;
    const current = await this.require(options);
    throw new ConflictError({
      message: `interaction ${JSON.stringify(options.id)} is ${current.status}, not failed; only a failed one can be retried`,
    });
  }

  async claimPending(options: Parameters<InteractionStore['claimPending']>[0]): Promise<Interaction[]> {
    const { now } = options;
    const claimed = await this.database.dialect.writeTransaction(async (transaction) => {
      // Round-robin: each tenant's oldest due edit first, then each tenant's second, and so on.
      const due = transaction
        .selectFrom('interactions')
        .select(['sequence', 'edited_at'])
        .select(sql<number>`ROW_NUMBER() OVER (PARTITION BY tenant ORDER BY edited_at, sequence)`.as('turn'))
        .where('status', '=', 'pending')
        .where((builder) =>
          builder.or([builder('lease_until', 'is', null), builder('lease_until', '<=', now)]),
        )
        .where((builder) => builder.or([builder('retry_at', 'is', null), builder('retry_at', '<=', now)]));
      const chosen = await transaction
        .selectFrom(due.as('due'))
        .select('sequence')
        .orderBy('turn')
        .orderBy('edited_at')
        .orderBy('sequence')
        .limit(options.limit)
        .execute();
      if (chosen.length === 0) return [];
      // NOTE: PostgreSQL: a row another server is claiming right now is skipped, not waited for; one it
      // has just claimed fails the lease test when read again under the lock. SQLite: the write lock.
      const locked = await this.database.dialect
        .lockRows(
          transaction
            .selectFrom('interactions')
            .select('sequence')
            .where(
              'sequence',
              'in',
              chosen.map((row) => row.sequence),
            )
            .where('status', '=', 'pending')
            .where((builder) =>
              builder.or([builder('lease_until', 'is', null), builder('lease_until', '<=', now)]),
            ),
          { skipLocked: true },
        )
        .execute();
      if (locked.length === 0) return [];
      const rows = await transaction
        .updateTable('interactions')
        .set({ lease_owner: options.lease.owner, lease_until: options.lease.until })
        .where(
          'sequence',
          'in',
          locked.map((row) => row.sequence),
        )
        .returningAll()
        .execute();
      // NOTE: RETURNING has no order: the rows come back in the order they were chosen.
      const order = new Map(chosen.map((row, index) => [Number(row.sequence), index]));
      return rows.sort(
        (left, right) => order.get(Number(left.sequence))! - order.get(Number(right.sequence))!,
      );
    });
    return claimed.map(interactionFromRow);
  }

  async listPending(options: { readonly limit: number }): Promise<Interaction[]> {
    const rows = await this.database.queries
      .selectFrom('interactions')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('edited_at')
      .orderBy('sequence')
      .limit(options.limit)
      .execute();
    return rows.map(interactionFromRow);
  }

  async list(options: Parameters<InteractionStore['list']>[0]): Promise<Interaction[]> {
    checkTexts({ tenant: options.tenant, user: options.user, task: options.task });
    let query = this.ofUser(options);
    if (options.limit !== undefined) query = query.limit(options.limit);
    return (await query.execute()).map(interactionFromRow);
  }

  async listPage(options: Parameters<InteractionStore['listPage']>[0]): Promise<Page<Interaction>> {
    checkTexts({ tenant: options.tenant, user: options.user, task: options.task, cursor: options.cursor });
    validatePageLimit(options.limit);
    const after = afterSequence(options.cursor);
    let query = this.ofUser(options).limit(options.limit + 1);
    if (after !== undefined) query = query.where('sequence', '>', after);
    const rows = await query.execute();
    return pageOf(rows, options.limit, (row) => Number(row.sequence), interactionFromRow);
  }

  async taskKeys(options: { readonly tenant: string; readonly user: string }): Promise<string[]> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const rows = await this.database.queries
      .selectFrom('interactions')
      .select('task_key')
      .where('tenant', '=', options.tenant)
      .where('user_id', '=', options.user)
      .groupBy('task_key')
      .orderBy((builder) => builder.fn.min('sequence'))
      .execute();
    return rows.map((row) => row.task_key);
  }

  forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    return forgetUser(this.database.queries, 'interactions', options);
  }

  /** A user's interactions (of one task key when given), oldest first. */
  private ofUser(options: { readonly tenant: string; readonly user: string; readonly task?: string }) {
    let query = this.database.queries
      .selectFrom('interactions')
      .selectAll()
      .where('tenant', '=', options.tenant)
      .where('user_id', '=', options.user);
    if (options.task !== undefined) query = query.where('task_key', '=', options.task);
    return query.orderBy('sequence');
  }

  /**
   * One UPDATE of the interaction `key` (narrowed by `condition`), returning it; undefined when no row
   * matched (unknown, or the condition failed).
   */
  private async update(
    key: Key,
    values: UpdateObject<SqlSchema, 'interactions'>,
    condition: (query: InteractionUpdate) => InteractionUpdate = (query) => query,
    queries: SqlQueries = this.database.queries,
  ): Promise<Interaction | undefined> {
    checkTexts({ tenant: key.tenant, id: key.id });
    const query = queries
      .updateTable('interactions')
      .set(values)
      .where('tenant', '=', key.tenant)
      .where('id', '=', key.id);
    const row = await condition(query).returningAll().executeTakeFirst();
    return row === undefined ? undefined : interactionFromRow(row);
  }

  /**
   * `update` for an outcome of learning, which the recoverer can reach again from the pending edit
   * if a power cut rolls it back: committed without waiting for the disk (`writeTransaction`'s
   * `durable: false`).
   */
  private updateDerived(
    key: Key,
    values: UpdateObject<SqlSchema, 'interactions'>,
  ): Promise<Interaction | undefined> {
    return this.database.dialect.writeTransaction(
      (transaction) => this.update(key, values, undefined, transaction),
      { durable: false },
    );
  }

  private async require(key: Key): Promise<Interaction> {
    const interaction = await this.get(key);
    if (interaction === undefined) throw new NotFoundError({ entity: 'interaction', id: key.id });
    return interaction;
  }
}
