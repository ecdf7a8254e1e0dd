import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Interaction, InteractionStore, NewInteraction } from '../spec/index.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../spec/index.js';
import type { StoreFactory } from './store-factory.js';
import { randomTenant } from './store-factory.js';

/**
 * The behaviour every `InteractionStore` passes (in-memory, SQLite, PostgreSQL): drafts, edits, the
 * learning states and leases, pages, hygiene.
 *
 * @example
 * describeInteractionStoreContract('InMemoryInteractionStore', () => new InMemoryInteractionStore());
 */
export function describeInteractionStoreContract(name: string, create: StoreFactory<InteractionStore>): void {
  describe(`InteractionStore contract: ${name}`, () => {
    let store: InteractionStore, tenant: string;
    beforeEach(async () => void ([store, tenant] = [await create(), randomTenant()]));

    function draft(extra: Partial<NewInteraction> = {}): Promise<Interaction> {
      return store.create({
        tenant,
        user: 'ada',
        task: { kind: 'summarization' },
        contextId: 'doc-1',
        contextText: 'An article about rivers.',
        embedding: [0.6, 0.8],
        output: 'Rivers flow.',
        preferenceUsed: 'brief',
        neighbours: [{ entryId: 'e1', contextId: 'doc-0', similarity: 0.5, preference: 'brief' }],
        learner: 'cipher-5',
        ...extra,
      });
    }

    const mine = (interactions: readonly Interaction[]) =>
      interactions
        .filter((interaction) => interaction.tenant === tenant)
        .map((interaction) => interaction.id);

    it('creates an interaction awaiting an edit, with every field kept', async () => {
      const created = await draft({ task: { kind: 'custom', name: 'post', instruction: 'Write a post 🎉' } });
      expect(created).toMatchObject({
        tenant,
        user: 'ada',
        task: { kind: 'custom', name: 'post', instruction: 'Write a post 🎉' },
        contextId: 'doc-1',
        contextText: 'An article about rivers.',
        output: 'Rivers flow.',
        preferenceUsed: 'brief',
        neighbours: [{ entryId: 'e1', contextId: 'doc-0', similarity: 0.5, preference: 'brief' }],
        learner: 'cipher-5',
        status: 'awaiting-edit',
        learnAttempts: 0,
      });
      for (const field of ['edited', 'editedAt', 'cost', 'preferenceInferred', 'lastError'] as const) {
        expect(created[field]).toBeNull();
      }
      expect(created.embedding?.[0]).toBeCloseTo(0.6, 5);
      expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
      expect(await store.get({ tenant, id: created.id })).toEqual(created);
    });

    it('keeps a missing embedding and context id as null', async () => {
      const created = await draft({ embedding: null, contextId: null, preferenceUsed: null, neighbours: [] });
      const stored = await store.get({ tenant, id: created.id });
      expect(stored).toMatchObject({
        embedding: null,
        contextId: null,
        preferenceUsed: null,
        neighbours: [],
      });
    });

    it('uses an id chosen by the caller and refuses a taken one', async () => {
      const id = randomUUID();
      expect((await draft({ id })).id).toBe(id);
      await expect(draft({ id })).rejects.toSatisfy(ConflictError.isInstance);
    });

    it('never shows an interaction to another tenant', async () => {
      const created = await draft();
      expect(await store.get({ tenant: `${tenant}-other`, id: created.id })).toBeUndefined();
      await expect(
        store.recordEdit({ tenant: `${tenant}-other`, id: created.id, edited: 'x', cost: 1 }),
      ).rejects.toSatisfy(NotFoundError.isInstance);
      expect((await store.get({ tenant, id: created.id }))?.edited).toBeNull();
      expect(await store.list({ tenant: `${tenant}-other`, user: 'ada' })).toEqual([]);
    });

    it('records one edit, then refuses another with ConflictError', async () => {
      const created = await draft();
      const edited = await store.recordEdit({ tenant, id: created.id, edited: 'Rivers flow fast.', cost: 1 });
      expect(edited).toMatchObject({ edited: 'Rivers flow fast.', cost: 1, status: 'pending' });
      expect(Number.isNaN(Date.parse(edited.editedAt ?? ''))).toBe(false);
      await expect(store.recordEdit({ tenant, id: created.id, edited: 'other', cost: 3 })).rejects.toSatisfy(
        ConflictError.isInstance,
      );
      expect((await store.get({ tenant, id: created.id }))?.edited).toBe('Rivers flow fast.');
    });

    it('lets exactly one of concurrent edits win', async () => {
      const created = await draft();
      const attempts = await Promise.allSettled(
        ['a', 'b', 'c', 'd', 'e'].map((edited) =>
          store.recordEdit({ tenant, id: created.id, edited, cost: 1 }),
        ),
      );
      const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const stored = await store.get({ tenant, id: created.id });
      expect(stored?.edited).toBe((won[0] as PromiseFulfilledResult<Interaction>).value.edited);
    });

    it('throws NotFoundError for an unknown id', async () => {
      for (const call of [
        () => store.recordEdit({ tenant, id: 'nope', edited: 'x', cost: 0 }),
        () => store.markLearned({ tenant, id: 'nope', preferenceInferred: null }),
        () => store.markLearnFailed({ tenant, id: 'nope', error: 'x' }),
      ]) {
        const error = await call().catch((caught: unknown) => caught);
        expect(NotFoundError.isInstance(error)).toBe(true);
        expect((error as NotFoundError).id).toBe('nope');
      }
    });

    it('counts failed attempts while pending, then marks learned', async () => {
      const created = await draft();
      await store.recordEdit({ tenant, id: created.id, edited: 'edited', cost: 2 });
      const failed = await store.markLearnFailed({ tenant, id: created.id, error: 'model down' });
      expect(failed).toMatchObject({ status: 'pending', learnAttempts: 1, lastError: 'model down' });
      const again = await store.markLearnFailed({ tenant, id: created.id, error: 'x'.repeat(10_000) });
      expect(again.learnAttempts).toBe(2);
      expect(again.lastError?.length).toBeLessThan(10_000);
      const learned = await store.markLearned({ tenant, id: created.id, preferenceInferred: 'brief' });
      expect(learned).toMatchObject({ status: 'learned', preferenceInferred: 'brief', learnAttempts: 2 });
      expect(await store.get({ tenant, id: created.id })).toEqual(learned);
    });

    it('lists pending interactions of every tenant, oldest edit first, up to the limit', async () => {
      const first = await draft();
      const second = await draft();
      const third = await draft({ tenant: `${tenant}-b` });
      const untouched = await draft();
      const done = await draft();
      await store.recordEdit({ tenant, id: second.id, edited: 's', cost: 1 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.recordEdit({ tenant: `${tenant}-b`, id: third.id, edited: 't', cost: 1 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.recordEdit({ tenant, id: first.id, edited: 'f', cost: 1 });
      await store.recordEdit({ tenant, id: done.id, edited: 'd', cost: 1 });
      await store.markLearned({ tenant, id: done.id, preferenceInferred: null });
      const pending = await store.listPending({ limit: 10_000 });
      const ours = pending.filter((interaction) => interaction.tenant.startsWith(tenant));
      expect(ours.map((interaction) => interaction.id)).toEqual([second.id, third.id, first.id]);
      expect(ours.map((interaction) => interaction.id)).not.toContain(untouched.id);
      expect(await store.listPending({ limit: 1 })).toHaveLength(1);
    });

    /** Leases every due pending row (other tests' leftovers) far into the future, so they stay out of the way. */
    async function drain(now: string): Promise<void> {
      await store.claimPending({
        limit: 100_000,
        lease: { owner: 'drain', until: '2999-01-01T00:00:00.000Z' },
        now,
      });
    }

    async function pending(extra: Partial<NewInteraction> = {}): Promise<Interaction> {
      const created = await draft(extra);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return store.recordEdit({ tenant: created.tenant, id: created.id, edited: 'edited', cost: 1 });
    }

    const lease = (owner: string, until = '2100-01-01T00:00:00.000Z') => ({ owner, until });
    const soon = () => new Date(Date.now() + 1_000).toISOString();

    it('claims due pending edits round-robin across tenants, oldest first, each once while leased', async () => {
      const a = [await pending(), await pending(), await pending()];
      const b = [await pending({ tenant: `${tenant}-b` }), await pending({ tenant: `${tenant}-b` })];
      await drain(soon());
      const [a1, a2, a3] = a.map((interaction) => interaction.id);
      const [b1, b2] = b.map((interaction) => interaction.id);
      // Leased to "drain": nothing is due until the lease ends.
      expect(await store.claimPending({ limit: 10, lease: lease('x'), now: soon() })).toEqual([]);
      const later = '2999-01-01T00:00:01.000Z';
      const first = await store.claimPending({
        limit: 4,
        lease: lease('one', '3000-01-01T00:00:00.000Z'),
        now: later,
      });
      const ours = (claimed: Interaction[]) =>
        claimed
          .filter((interaction) => interaction.tenant.startsWith(tenant))
          .map((interaction) => interaction.id);
      // Other tenants' rows (from other tests on a shared database) may take some of the 4 turns.
      expect(ours(first)).toEqual([a1, b1, a2, b2].slice(0, ours(first).length));
      const rest = await store.claimPending({
        limit: 100_000,
        lease: lease('two', '3000-01-01T00:00:00.000Z'),
        now: later,
      });
      expect(new Set([...ours(first), ...ours(rest)])).toEqual(new Set([a1, a2, a3, b1, b2]));
      expect(ours(rest).filter((id) => ours(first).includes(id))).toEqual([]);
      expect([...first, ...rest].find((interaction) => interaction.id === a1)).toMatchObject({
        status: 'pending',
        edited: 'edited',
      });
    });

    it('keeps an edit leased by the request that recorded it, and a failed attempt until its retry time', async () => {
      const created = await draft();
      const now = soon();
      await drain(now);
      await store.recordEdit({
        tenant,
        id: created.id,
        edited: 'e',
        cost: 1,
        lease: lease('request', '2999-01-01T00:00:00.000Z'),
      });
      const claimIds = async (at: string) =>
        (await store.claimPending({ limit: 100_000, lease: lease('r', at), now: at }))
          .filter((interaction) => interaction.tenant === tenant)
          .map((interaction) => interaction.id);
      expect(await claimIds(now)).toEqual([]);
      const failed = await store.markLearnFailed({
        tenant,
        id: created.id,
        error: 'down',
        retryAt: '2999-06-01T00:00:00.000Z',
      });
      expect(failed).toMatchObject({ status: 'pending', learnAttempts: 1, lastError: 'down' });
      expect(await claimIds('2999-05-31T00:00:00.000Z')).toEqual([]);
      expect(await claimIds('2999-06-01T00:00:00.000Z')).toEqual([created.id]);
    });

    it('marks an edit failed when its attempts run out, and retries it on request', async () => {
      const created = await pending();
      const failed = await store.markLearnFailed({
        tenant,
        id: created.id,
        error: 'ModelCallError: down',
        retryAt: null,
      });
      expect(failed).toMatchObject({
        status: 'failed',
        learnAttempts: 1,
        lastError: 'ModelCallError: down',
        edited: 'edited',
      });
      const claimed = await store.claimPending({
        limit: 100_000,
        lease: lease('r', soon()),
        now: '2999-01-01T00:00:00.000Z',
      });
      expect(claimed.map((interaction) => interaction.id)).not.toContain(created.id);
      const retried = await store.retryFailed({ tenant, id: created.id });
      expect(retried).toMatchObject({ status: 'pending', learnAttempts: 0, edited: 'edited' });
      await expect(store.retryFailed({ tenant, id: created.id })).rejects.toSatisfy(ConflictError.isInstance);
      await expect(store.retryFailed({ tenant: `${tenant}-other`, id: created.id })).rejects.toSatisfy(
        NotFoundError.isInstance,
      );
      const again = await store.claimPending({
        limit: 100_000,
        lease: lease('r'),
        now: '3000-01-02T00:00:00.000Z',
      });
      expect(again.map((interaction) => interaction.id)).toContain(created.id);
    });

    it('lists a user interactions oldest first, by task key, up to a limit', async () => {
      const a = await draft();
      const b = await draft({ task: { kind: 'email' } });
      const c = await draft({ task: { kind: 'custom', name: 'chat', instruction: 'Reply.' } });
      await draft({ user: 'bob' });
      const ids = async (options: { task?: string; limit?: number }) =>
        mine(await store.list({ tenant, user: 'ada', ...options }));
      expect(await ids({})).toEqual([a.id, b.id, c.id]);
      expect(await ids({ task: 'email' })).toEqual([b.id]);
      expect(await ids({ task: 'custom:chat' })).toEqual([c.id]);
      expect(await ids({ task: 'summarization' })).toEqual([a.id]);
      expect(await ids({ limit: 2 })).toEqual([a.id, b.id]);
    });

    it('refuses NUL and unpaired surrogates in identifiers, naming the field; normalises free texts', async () => {
      const rejectedField = async (call: () => Promise<unknown>): Promise<string> => {
        const error = await call().then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
        return (error as InvalidInputError).field;
      };
      const created = await draft();
      for (const bad of ['a\u0000b', 'x\uD800y', '\uDC00']) {
        expect(await rejectedField(() => draft({ user: bad }))).toBe('user');
        expect(await rejectedField(() => draft({ contextId: bad }))).toBe('contextId');
        expect(
          await rejectedField(() => draft({ task: { kind: 'custom', name: bad, instruction: 'Write' } })),
        ).toBe('task.name');
        expect(await rejectedField(() => store.get({ tenant, id: bad }))).toBe('id');
        expect(await rejectedField(() => store.list({ tenant, user: bad }))).toBe('user');
        expect(await rejectedField(() => store.list({ tenant, user: 'ada', task: bad }))).toBe('task');
        expect(await rejectedField(() => store.forget({ tenant: bad, user: 'ada' }))).toBe('tenant');
        expect(
          await rejectedField(() =>
            store.recordEdit({ tenant, id: `${created.id}${bad}`, edited: 'x', cost: 1 }),
          ),
        ).toBe('id');
      }
      expect((await store.get({ tenant, id: created.id }))?.edited).toBeNull();
      expect(mine(await store.list({ tenant, user: 'ada' }))).toEqual([created.id]);

      const pasted = await draft({
        contextText: 'notes\u0000 with \uDC00 stray characters',
        task: { kind: 'custom', name: 'post', instruction: 'Write\u0000 a post' },
      });
      expect(pasted.contextText).toBe('notes with \uFFFD stray characters');
      expect(pasted.task).toEqual({ kind: 'custom', name: 'post', instruction: 'Write a post' });
      const edited = await store.recordEdit({ tenant, id: pasted.id, edited: 'Notes\u0000 \uD800', cost: 1 });
      expect(edited.edited).toBe('Notes \uFFFD');
      expect(await store.get({ tenant, id: pasted.id })).toEqual(edited);

      const modelText = await draft({
        output: 'Draft\u0000 with a NUL and a lone \uD800 surrogate 🎉',
        preferenceUsed: 'brief\u0000',
        neighbours: [{ entryId: 'e1', contextId: null, similarity: 0.5, preference: '\uDC00brief' }],
      });
      expect(modelText.output).toBe('Draft with a NUL and a lone \uFFFD surrogate 🎉');
      expect(modelText.preferenceUsed).toBe('brief');
      expect(modelText.neighbours[0]?.preference).toBe('\uFFFDbrief');
      await store.recordEdit({ tenant, id: modelText.id, edited: 'Fine 🎉', cost: 2 });
      const failed = await store.markLearnFailed({
        tenant,
        id: modelText.id,
        error: 'model said \u0000\uD800',
      });
      expect(failed.lastError).toBe('model said \uFFFD');
      const learned = await store.markLearned({
        tenant,
        id: modelText.id,
        preferenceInferred: 'short\u0000',
      });
      expect(learned.preferenceInferred).toBe('short');
      expect(await store.get({ tenant, id: modelText.id })).toEqual(learned);
    });

    it("reads a user's interactions in pages: limit, then the cursor for the rest, oldest first", async () => {
      const created: string[] = [];
      for (let index = 0; index < 7; index += 1)
        created.push((await draft({ contextText: `text ${index}` })).id);
      await draft({ user: 'bob' });
      const email = await draft({ task: { kind: 'email' } });
      const first = await store.listPage({ tenant, user: 'ada', task: 'summarization', limit: 5 });
      expect(first.items.map((interaction) => interaction.id)).toEqual(created.slice(0, 5));
      expect(first.next).not.toBeNull();
      const rest = await store.listPage({
        tenant,
        user: 'ada',
        task: 'summarization',
        limit: 5,
        cursor: first.next!,
      });
      expect(rest.items.map((interaction) => interaction.id)).toEqual(created.slice(5));
      expect(rest.next).toBeNull();

      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listPage({ tenant, user: 'ada', limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        all.push(...page.items.map((interaction) => interaction.id));
        cursor = page.next ?? undefined;
      } while (cursor !== undefined);
      expect(all).toEqual([...created, email.id]);
      const exact = await store.listPage({ tenant, user: 'ada', task: 'summarization', limit: 7 });
      expect([exact.items.length, exact.next]).toEqual([7, null]);
      expect(await store.listPage({ tenant, user: 'nobody', limit: 5 })).toEqual({ items: [], next: null });
    });

    it('keeps a cursor valid when rows are added or deleted, and refuses a bad cursor or limit', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 4; index += 1) ids.push((await draft()).id);
      const first = await store.listPage({ tenant, user: 'ada', limit: 2 });
      await store.forget({ tenant, user: 'ada' });
      const later = await draft();
      const rest = await store.listPage({ tenant, user: 'ada', limit: 2, cursor: first.next! });
      expect(rest.items.map((interaction) => interaction.id)).toEqual([later.id]);
      for (const [options, field] of [
        [{ limit: 0 }, 'limit'],
        [{ limit: 1.5 }, 'limit'],
        [{ limit: 2, cursor: 'not-a-cursor' }, 'cursor'],
        [{ limit: 2, cursor: '' }, 'cursor'],
      ] as const) {
        const error = await store.listPage({ tenant, user: 'ada', ...options }).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
        expect((error as InvalidInputError).field).toBe(field);
      }
    });

    it("lists a user's task keys once each, in the order of their first interaction", async () => {
      await draft({ task: { kind: 'email' } });
      await draft();
      await draft({ task: { kind: 'custom', name: 'post', instruction: 'Write a post' } });
      await draft({ task: { kind: 'email' } });
      await draft({ user: 'bob', task: { kind: 'custom', name: 'bob-only', instruction: 'x' } });
      expect(await store.taskKeys({ tenant, user: 'ada' })).toEqual([
        'email',
        'summarization',
        'custom:post',
      ]);
      expect(await store.taskKeys({ tenant, user: 'nobody' })).toEqual([]);
    });

    it('forgets one user, leaving other users and tenants', async () => {
      await draft();
      await draft({ task: { kind: 'email' } });
      const bob = await draft({ user: 'bob' });
      const other = await draft({ tenant: `${tenant}-b` });
      expect(await store.forget({ tenant, user: 'ada' })).toBe(2);
      expect(await store.list({ tenant, user: 'ada' })).toEqual([]);
      expect((await store.get({ tenant, id: bob.id }))?.id).toBe(bob.id);
      expect((await store.get({ tenant: `${tenant}-b`, id: other.id }))?.id).toBe(other.id);
      expect(await store.forget({ tenant, user: 'ada' })).toBe(0);
    });
  });
}
