import { randomUUID } from 'node:crypto';
import type { Interaction, InteractionStore, NewInteraction } from '../spec/index.js';
import { ConflictError, NotFoundError, taskKey } from '../spec/index.js';
import { maxErrorLength } from './interaction-row.js';

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

  async create(interaction: NewInteraction): Promise<Interaction> {
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
    return structuredClone(stored);
  }

  async get(options: { readonly tenant: string; readonly id: string }): Promise<Interaction | undefined> {
    const found = this.interactions.get(options.id);
    return found === undefined || found.tenant !== options.tenant ? undefined : structuredClone(found);
  }

  async recordEdit(options: {
    readonly tenant: string;
    readonly id: string;
    readonly edited: string;
    readonly cost: number;
  }): Promise<Interaction> {
    const current = this.require(options);
    if (current.edited !== null) {
      throw new ConflictError({ message: `interaction ${JSON.stringify(options.id)} already has an edit` });
    }
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
    const current = this.require(options);
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
  }): Promise<Interaction> {
    const current = this.require(options);
    return this.replace({
      ...current,
      learnAttempts: current.learnAttempts + 1,
      lastError: options.error.slice(0, maxErrorLength),
    });
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
    const matching = [...this.interactions.values()].filter(
      (interaction) =>
        interaction.tenant === options.tenant &&
        interaction.user === options.user &&
        (options.task === undefined || taskKey(interaction.task) === options.task),
    );
    return matching.slice(0, options.limit).map((interaction) => structuredClone(interaction));
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    let removed = 0;
    for (const [id, interaction] of this.interactions) {
      if (interaction.tenant === options.tenant && interaction.user === options.user) {
        this.interactions.delete(id);
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
