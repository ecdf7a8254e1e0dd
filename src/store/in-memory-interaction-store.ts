import { randomUUID } from 'node:crypto';
import type { Interaction, InteractionStore, NewInteraction, Page, PendingLease } from '../spec/index.js';
import { ConflictError, NotFoundError, taskKey } from '../spec/index.js';
import { maxErrorLength } from './interaction-row.js';
import { afterSequence, pageOf, validatePageLimit } from './page-cursor.js';
import { checkTexts, cleanNullableText, cleanText, hygienicInteraction } from './text-hygiene.js';

/**
 * `InteractionStore` held in process memory, for tests and demos: nothing survives a restart, so a
 * real service uses the SQLite or PostgreSQL store.
 *
 * @example
 * const interactions = new InMemoryInteractionStore();
 * const created = await interactions.create({ tenant: 'acme', user: 'ada', ... });
 */
export class InMemoryInteractionStore implements InteractionStore {
  /** Interactions in creation order. */
  private readonly interactions = new Map<string, Interaction>();
  /** Scheduling of pending learning, by interaction id (not part of the interaction as shown). */
  private readonly schedule = new Map<string, { leaseUntil?: string; retryAt?: string }>();
  /** Creation order, by interaction id: the keyset of `listPage`, as the SQL stores' sequence column. */
  private readonly sequences = new Map<string, number>();
  private nextSequence = 1;

  async create(interaction: NewInteraction): Promise<Interaction> {
    interaction = hygienicInteraction(interaction);
    const id = interaction.id ?? randomUUID();
    if (this.interactions.has(id)) {
      throw new ConflictError({ message: `interaction ${JSON.stringify(id)} already exists` });
    }
    const stored: Interaction = structuredClone({
      ...interaction,
      id,
      createdAt: new Date().toISOString(),
      edited: null,
      editedAt: null,
      cost: null,
      status: 'awaiting-edit',
      preferenceInferred: null,
      learnAttempts: 0,
      lastError: null,
    });
    this.interactions.set(id, stored);
    this.sequences.set(id, this.nextSequence++);
    return structuredClone(stored);
  }

  async get(options: { readonly tenant: string; readonly id: string }): Promise<Interaction | undefined> {
    checkTexts({ tenant: options.tenant, id: options.id });
    const found = this.interactions.get(options.id);
    return found === undefined || found.tenant !== options.tenant ? undefined : structuredClone(found);
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
    const current = this.require(options);
    if (current.edited !== null) {
      throw new ConflictError({ message: `interaction ${JSON.stringify(options.id)} already has an edit` });
    }
    if (options.lease !== undefined) this.schedule.set(current.id, { leaseUntil: options.lease.until });
    return this.replace({
      ...current,
      edited: options.edited,
      editedAt: new Date().toISOString(),
      cost: options.cost,
      status: 'pending',
    });
  }

  async markLearned(options: {
    readonly tenant: string;
    readonly id: string;
    readonly preferenceInferred: string | null;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, preferenceInferred: cleanNullableText(options.preferenceInferred) };
    const current = this.require(options);
    this.schedule.delete(options.id);
    return this.replace({
      ...current,
      status: 'learned',
      preferenceInferred: options.preferenceInferred,
      lastError: null,
    });
  }

  async markLearnFailed(options: {
    readonly tenant: string;
    readonly id: string;
    readonly error: string;
    readonly retryAt?: string | null;
  }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    options = { ...options, error: cleanText(options.error) };
    const current = this.require(options);
    if (typeof options.retryAt === 'string') this.schedule.set(options.id, { retryAt: options.retryAt });
    else this.schedule.delete(options.id);
    return this.replace({
      ...current,
      status: options.retryAt === null && current.status === 'pending' ? 'failed' : current.status,
      learnAttempts: current.learnAttempts + 1,
      lastError: options.error.slice(0, maxErrorLength),
    });
  }

  async retryFailed(options: { readonly tenant: string; readonly id: string }): Promise<Interaction> {
    checkTexts({ tenant: options.tenant, id: options.id });
    const current = this.require(options);
    if (current.status !== 'failed') {
      throw new ConflictError({
        message: `interaction ${JSON.stringify(options.id)} is ${current.status}, not failed; only a failed one can be retried`,
      });
    }
    this.schedule.delete(options.id);
    return this.replace({ ...current, status: 'pending', learnAttempts: 0 });
  }

  async claimPending(options: {
    readonly limit: number;
    readonly lease: PendingLease;
    readonly now: string;
  }): Promise<Interaction[]> {
    const due = [...this.interactions.values()].filter((interaction) => {
      if (interaction.status !== 'pending') return false;
      const plan = this.schedule.get(interaction.id);
      return (
        (plan?.leaseUntil === undefined || plan.leaseUntil <= options.now) &&
        (plan?.retryAt === undefined || plan.retryAt <= options.now)
      );
    });
    due.sort((left, right) => (left.editedAt ?? '').localeCompare(right.editedAt ?? ''));
    const turns = new Map<string, number>();
    const ranked = due.map((interaction) => {
      const turn = (turns.get(interaction.tenant) ?? 0) + 1;
      turns.set(interaction.tenant, turn);
      return { interaction, turn };
    });
    // NOTE: sort is stable: within a turn, the older edit first.
    ranked.sort((left, right) => left.turn - right.turn);
    const claimed = ranked.slice(0, options.limit).map(({ interaction }) => interaction);
    for (const interaction of claimed) this.schedule.set(interaction.id, { leaseUntil: options.lease.until });
    return claimed.map((interaction) => structuredClone(interaction));
  }

  async listPending(options: { readonly limit: number }): Promise<Interaction[]> {
    const pending = [...this.interactions.values()].filter((interaction) => interaction.status === 'pending');
    // NOTE: sort is stable, so equal edit times keep creation order, as the SQL stores do.
    pending.sort((left, right) => (left.editedAt ?? '').localeCompare(right.editedAt ?? ''));
    return pending.slice(0, options.limit).map((interaction) => structuredClone(interaction));
  }

  async list(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit?: number;
  }): Promise<Interaction[]> {
    checkTexts({ tenant: options.tenant, user: options.user, task: options.task });
    const matching = [...this.interactions.values()].filter(
      (interaction) =>
        interaction.tenant === options.tenant &&
        interaction.user === options.user &&
        (options.task === undefined || taskKey(interaction.task) === options.task),
    );
    return matching.slice(0, options.limit).map((interaction) => structuredClone(interaction));
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
    const after = afterSequence(options.cursor) ?? 0;
    const rows: { interaction: Interaction; sequence: number }[] = [];
    for (const interaction of this.interactions.values()) {
      const sequence = this.sequences.get(interaction.id) ?? 0;
      if (
        sequence > after &&
        interaction.tenant === options.tenant &&
        interaction.user === options.user &&
        (options.task === undefined || taskKey(interaction.task) === options.task)
      ) {
        rows.push({ interaction, sequence });
        if (rows.length > options.limit) break;
      }
    }
    return pageOf(
      rows,
      options.limit,
      (row) => row.sequence,
      (row) => structuredClone(row.interaction),
    );
  }

  async taskKeys(options: { readonly tenant: string; readonly user: string }): Promise<string[]> {
    checkTexts({ tenant: options.tenant, user: options.user });
    const keys = new Set<string>();
    for (const interaction of this.interactions.values()) {
      if (interaction.tenant === options.tenant && interaction.user === options.user) {
        keys.add(taskKey(interaction.task));
      }
    }
    return [...keys];
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    let removed = 0;
    for (const [id, interaction] of this.interactions) {
      if (interaction.tenant === options.tenant && interaction.user === options.user) {
        this.interactions.delete(id);
        this.schedule.delete(id);
        this.sequences.delete(id);
        removed++;
      }
    }
    return removed;
  }

  private require(options: { readonly tenant: string; readonly id: string }): Interaction {
    const found = this.interactions.get(options.id);
    if (found === undefined || found.tenant !== options.tenant) {
      throw new NotFoundError({ entity: 'interaction', id: options.id });
    }
    return found;
  }

  private replace(interaction: Interaction): Interaction {
    this.interactions.set(interaction.id, interaction);
    return structuredClone(interaction);
  }
}
