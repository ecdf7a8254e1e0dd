import { embedText, preferenceLimits, sanitizePreference } from '../core/index.js';
import type { Embedder, InteractionStore, Memory, MemoryEntry, MemoryScope, Page } from '../spec/index.js';
import { InvalidInputError, NotFoundError } from '../spec/index.js';
import type { PreferenceView } from './preference-view.js';
import { preferenceView } from './preference-view.js';

/**
 * A preference a person wrote, as it is stored: too long is refused (400 naming the limits) rather than
 * cut; control text is stripped (`sanitizePreference`), and nothing left is refused too.
 */
function checkedPreference(value: string): string {
  const { componentChars, components, totalChars } = preferenceLimits;
  const accepted = `a non-empty text of at most ${totalChars} characters, ${components} comma-separated phrases of at most ${componentChars} characters each`;
  const phrases = value.split(/[,;\n]/).map((phrase) => phrase.trim());
  if (
    value.trim().length > totalChars ||
    phrases.filter((phrase) => phrase !== '').length > components ||
    phrases.some((phrase) => phrase.length > componentChars)
  ) {
    throw new InvalidInputError({ field: 'preference', value: `${value.slice(0, 80)}…`, accepted });
  }
  const preference = sanitizePreference(value).text;
  if (preference === '') throw new InvalidInputError({ field: 'preference', value, accepted });
  return preference;
}

/** The cursor of the page after `entry`: its task and sequence, opaque to callers. */
function preferenceCursor(entry: MemoryEntry): string {
  return `p${Buffer.from(JSON.stringify([entry.scope.task, entry.sequence])).toString('base64url')}`;
}

/** The task and sequence a preference cursor names; InvalidInputError (`cursor`) otherwise. */
function parsePreferenceCursor(cursor: string): { task: string; sequence: number } {
  try {
    if (!cursor.startsWith('p')) throw new Error('no prefix');
    const value: unknown = JSON.parse(Buffer.from(cursor.slice(1), 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      Number.isSafeInteger(value[1])
    ) {
      return { task: value[0], sequence: value[1] as number };
    }
  } catch {
    // NOTE: anything unreadable is the same error below.
  }
  throw new InvalidInputError({
    field: 'cursor',
    value: cursor,
    accepted: 'the nextCursor of an earlier page, as it was returned',
  });
}

/** Task keys every user may have preferences under, besides those of their interactions. */
const knownTaskKeys = ['summarization', 'email', 'custom:chat'];

/**
 * What users can see and correct about what was learned from them (DESIGN.md §1): list, reword, pin,
 * delete and write preferences by hand. Only `preference` entries are shown; the edit pairs that
 * ICL-style learners keep are not preferences.
 */
export class PreferenceBook {
  constructor(
    private readonly memory: Memory,
    private readonly embedder: Embedder,
    private readonly interactions: InteractionStore,
  ) {}

  /** Preferences of one task, or of every task the user has, oldest first within each task. */
  async list(options: { tenant: string; user: string; task?: string }): Promise<PreferenceView[]> {
    const tasks = options.task === undefined ? await this.taskKeysOf(options) : [options.task];
    const lists = await Promise.all(
      tasks.map((task) =>
        this.memory.list({ scope: { tenant: options.tenant, user: options.user, task }, kind: 'preference' }),
      ),
    );
    return lists.flat().map(preferenceView);
  }

  /**
   * One page of `list`: at most `limit` preferences after the page `cursor` ended (task by task, each
   * oldest first), and the cursor of the next page (null on the last). The cursor names the task and
   * the sequence of the last preference returned, so additions and deletions never shift a page.
   */
  async listPage(options: {
    tenant: string;
    user: string;
    task?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<PreferenceView>> {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new InvalidInputError({ field: 'limit', value: options.limit, accepted: 'an integer >= 1' });
    }
    const position = options.cursor === undefined ? undefined : parsePreferenceCursor(options.cursor);
    const tasks = options.task === undefined ? await this.taskKeysOf(options) : [options.task];
    const start = position === undefined ? 0 : tasks.indexOf(position.task);
    // NOTE: up to limit + 1 entries, so a full page knows whether another one follows.
    const found: MemoryEntry[] = [];
    for (let index = Math.max(start, 0); index < tasks.length && found.length <= options.limit; index++) {
      const task = tasks[index]!;
      if (position !== undefined && start < 0) break;
      found.push(
        ...(await this.memory.list({
          scope: { tenant: options.tenant, user: options.user, task },
          kind: 'preference',
          after: position !== undefined && index === start ? position.sequence : undefined,
          limit: options.limit + 1 - found.length,
        })),
      );
    }
    const items = found.slice(0, options.limit);
    const last = items.at(-1);
    return {
      items: items.map(preferenceView),
      next: found.length > options.limit && last !== undefined ? preferenceCursor(last) : null,
    };
  }

  /**
   * Stores a preference the user wrote (origin `user`, pinned unless `pinned` is false). Its embedding
   * is the embedding of its own text, so it is also retrieved for contexts that resemble it; pinned or
   * not, CIPHER always includes user-written preferences in the aggregate.
   */
  async add(options: {
    tenant: string;
    user: string;
    task: string;
    preference: string;
    pinned?: boolean;
  }): Promise<PreferenceView> {
    const preference = checkedPreference(options.preference);
    const embedding = await embedText({ embedder: this.embedder, text: preference });
    const entry = await this.memory.add({
      scope: { tenant: options.tenant, user: options.user, task: options.task },
      kind: 'preference',
      embedding,
      contextId: null,
      contextText: null,
      preference,
      pair: null,
      origin: 'user',
      interactionId: null,
      pinned: options.pinned ?? true,
    });
    return preferenceView(entry);
  }

  /**
   * Rewords and/or (un)pins a preference, wherever its task. Rewording also pins it unless `pinned`
   * is given: a preference the user took the trouble to correct should keep steering drafts.
   */
  async update(options: {
    tenant: string;
    user: string;
    id: string;
    /** The preference's task key, when known (found by search otherwise). */
    task?: string;
    preference?: string;
    pinned?: boolean;
  }): Promise<PreferenceView> {
    const scope = await this.scopeOf(options);
    const pinned = options.pinned ?? (options.preference !== undefined ? true : undefined);
    const updated = await this.memory.update({
      scope,
      id: options.id,
      preference: options.preference === undefined ? undefined : checkedPreference(options.preference),
      pinned,
    });
    return preferenceView(updated);
  }

  /** Deletes a preference; NotFoundError when the user has no such preference. */
  async delete(options: { tenant: string; user: string; id: string; task?: string }): Promise<void> {
    const scope = await this.scopeOf(options);
    await this.memory.delete({ scope, id: options.id });
  }

  /** The scope holding a preference id of this user. */
  private async scopeOf(options: {
    tenant: string;
    user: string;
    id: string;
    task?: string;
  }): Promise<MemoryScope> {
    const tasks = options.task === undefined ? await this.taskKeysOf(options) : [options.task];
    for (const task of tasks) {
      const scope = { tenant: options.tenant, user: options.user, task };
      const entry = await this.memory.get({ scope, id: options.id });
      if (entry !== undefined && entry.kind === 'preference') return scope;
    }
    throw new NotFoundError({ entity: 'preference', id: options.id });
  }

  /** The built-in task keys and those of the user's interactions. */
  private async taskKeysOf(options: { tenant: string; user: string }): Promise<string[]> {
    // NOTE: the keys only, never the interactions (a long-time user's texts would be read on every list).
    const keys = await this.interactions.taskKeys({ tenant: options.tenant, user: options.user });
    return [...new Set([...knownTaskKeys, ...keys])];
  }
}
