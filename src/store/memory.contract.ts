import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Memory, MemoryEntry, MemoryScope, NewMemoryEntry } from '../spec/index.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../spec/index.js';
import type { StoreFactory } from './store-factory.js';
import { randomTenant } from './store-factory.js';
import { preferenceEntry } from './test-entries.js';

/**
 * The one behaviour suite every `Memory` implementation passes (in-memory, SQLite, PostgreSQL): scope
 * isolation, ordering, filters, pages, update, delete, forget, exact nearest neighbours, hygiene.
 *
 * @example
 * describeMemoryContract('InMemoryMemory', () => new InMemoryMemory());
 */
export function describeMemoryContract(name: string, create: StoreFactory<Memory>): void {
  describe(`Memory contract: ${name}`, () => {
    let memory: Memory, tenant: string, scope: MemoryScope;
    beforeEach(async () => {
      [memory, tenant] = [await create(), randomTenant()];
      scope = { tenant, user: 'ada', task: 'summarization' };
    });

    function preference(text: string, embedding: readonly number[], extra: Partial<NewMemoryEntry> = {}) {
      return memory.add({ ...preferenceEntry(scope, text, embedding), ...extra });
    }

    function pair(original: string, embedding: readonly number[], extra: Partial<NewMemoryEntry> = {}) {
      return memory.add({
        scope,
        kind: 'pair',
        embedding,
        contextId: null,
        contextText: null,
        preference: null,
        pair: { original, edited: `${original}!` },
        origin: 'observed',
        interactionId: null,
        ...extra,
      });
    }

    describe('add and get', () => {
      it('keeps one entry per interaction: a second one is a ConflictError, other tenants unaffected', async () => {
        await preference('brief', [1, 0], { interactionId: 'interaction-1' });
        await expect(pair('again', [1, 0], { interactionId: 'interaction-1' })).rejects.toSatisfy(
          (error: unknown) =>
            ConflictError.isInstance(error) && /interaction-1/.test((error as Error).message),
        );
        await expect(
          preference('other task', [0, 1], {
            interactionId: 'interaction-1',
            scope: { ...scope, task: 'email' },
          }),
        ).rejects.toSatisfy(ConflictError.isInstance);
        await preference('other tenant', [1, 0], {
          interactionId: 'interaction-1',
          scope: { ...scope, tenant: `${tenant}-other` },
        });
        await preference('no interaction', [1, 0]);
        await preference('no interaction either', [1, 0]);
        expect(await memory.list({ scope })).toHaveLength(3);
      });

      it('stores every field and assigns id, sequence, pinned and timestamps', async () => {
        const added = await memory.add({
          scope,
          kind: 'preference',
          embedding: [0.6, 0.8],
          contextId: 'doc-1',
          contextText: 'An article',
          preference: 'bullet points, brief',
          pair: { original: 'A long text.', edited: '- short' },
          origin: 'inferred',
          interactionId: 'interaction-1',
        });
        expect(added.id).toEqual(expect.any(String));
        expect(added.pinned).toBe(false);
        expect(added.scope).toEqual(scope);
        expect(added.kind).toBe('preference');
        expect(added.contextId).toBe('doc-1');
        expect(added.contextText).toBe('An article');
        expect(added.preference).toBe('bullet points, brief');
        expect(added.pair).toEqual({ original: 'A long text.', edited: '- short' });
        expect(added.origin).toBe('inferred');
        expect(added.interactionId).toBe('interaction-1');
        expect(added.embedding[0]).toBeCloseTo(0.6, 5);
        expect(added.embedding[1]).toBeCloseTo(0.8, 5);
        expect(Number.isNaN(Date.parse(added.createdAt))).toBe(false);
        expect(added.updatedAt).toBe(added.createdAt);
        expect(await memory.get({ scope, id: added.id })).toEqual(added);
      });

      it('keeps the pinned flag given on add', async () => {
        const added = await preference('formal', [1, 0], { pinned: true, origin: 'user' });
        expect(added.pinned).toBe(true);
        expect((await memory.get({ scope, id: added.id }))?.origin).toBe('user');
      });

      it('round-trips unicode text exactly', async () => {
        const texts = [
          'émojis 🎉👩‍💻 and CJK 日本語の要約',
          'right-to-left: مرحبا بالعالم',
          'quotes \' " ` and backslash \\ and newline\nand tab\t.',
          'combining e\u0301 and line separator \u2028 end',
        ];
        for (const text of texts) {
          const added = await memory.add({
            scope,
            kind: 'preference',
            embedding: [1, 0],
            contextId: text,
            contextText: text,
            preference: text,
            pair: { original: text, edited: `${text}✓` },
            origin: 'inferred',
            interactionId: null,
          });
          const stored = await memory.get({ scope, id: added.id });
          expect(stored?.preference).toBe(text);
          expect(stored?.contextText).toBe(text);
          expect(stored?.contextId).toBe(text);
          expect(stored?.pair).toEqual({ original: text, edited: `${text}✓` });
        }
      });

      it('gives strictly increasing sequences and distinct ids', async () => {
        const first = await preference('a', [1, 0]);
        const second = await pair('b', [0, 1]);
        const third = await preference('c', [1, 0]);
        expect(second.sequence).toBeGreaterThan(first.sequence);
        expect(third.sequence).toBeGreaterThan(second.sequence);
        expect(new Set([first.id, second.id, third.id]).size).toBe(3);
      });

      it('does not reuse a deleted entry sequence', async () => {
        await preference('a', [1, 0]);
        const second = await preference('b', [1, 0]);
        await memory.delete({ scope, id: second.id });
        const third = await preference('c', [1, 0]);
        expect(third.sequence).toBeGreaterThan(second.sequence);
      });

      it('copies the embedding it was given', async () => {
        const embedding = [1, 0];
        const added = await preference('a', embedding);
        embedding[0] = 0;
        expect((await memory.get({ scope, id: added.id }))?.embedding[0]).toBeCloseTo(1, 5);
      });

      it('returns undefined for an unknown id', async () => {
        expect(await memory.get({ scope, id: randomUUID() })).toBeUndefined();
      });

      it('rejects malformed entries with InvalidInputError', async () => {
        await expect(preference('a', [])).rejects.toSatisfy(InvalidInputError.isInstance);
        await expect(preference('a', [1, Number.NaN])).rejects.toSatisfy(InvalidInputError.isInstance);
        await expect(preference('', [1, 0])).rejects.toSatisfy(InvalidInputError.isInstance);
        await expect(preference('a', [1, 0], { preference: null })).rejects.toSatisfy(
          InvalidInputError.isInstance,
        );
        await expect(pair('a', [1, 0], { pair: null })).rejects.toSatisfy(InvalidInputError.isInstance);
        expect(await memory.list({ scope })).toEqual([]);
      });

      it('rejects an embedding whose dimension differs from the scope', async () => {
        await preference('a', [1, 0]);
        const error = await preference('b', [1, 0, 0]).catch((caught: unknown) => caught);
        expect(InvalidInputError.isInstance(error)).toBe(true);
        expect((error as InvalidInputError).field).toBe('embedding');
        expect(await memory.list({ scope })).toHaveLength(1);
      });
    });

    describe('scope isolation', () => {
      it('keeps tenants, users and tasks apart in list, get, nearest, update and delete', async () => {
        const otherTenant = { ...scope, tenant: `${tenant}-other` };
        const otherUser = { ...scope, user: 'bob' };
        const otherTask = { ...scope, task: 'email' };
        const mine = await preference('mine', [1, 0]);
        for (const other of [otherTenant, otherUser, otherTask]) {
          await preference(`theirs ${other.tenant} ${other.user} ${other.task}`, [1, 0], { scope: other });
        }
        expect((await memory.list({ scope })).map((entry) => entry.preference)).toEqual(['mine']);
        const nearest = await memory.nearest({ scope, embedding: [1, 0], k: 10, kind: 'preference' });
        expect(nearest.map((neighbour) => neighbour.entry.id)).toEqual([mine.id]);
        for (const other of [otherTenant, otherUser, otherTask]) {
          expect(await memory.get({ scope: other, id: mine.id })).toBeUndefined();
          expect(await memory.delete({ scope: other, id: mine.id })).toBe(false);
          await expect(memory.update({ scope: other, id: mine.id, pinned: true })).rejects.toSatisfy(
            NotFoundError.isInstance,
          );
          expect(await memory.list({ scope: other })).toHaveLength(1);
        }
        expect(await memory.get({ scope, id: mine.id })).toEqual(mine);
      });

      it('lets different scopes hold different embedding dimensions', async () => {
        const otherTask = { ...scope, task: 'email' };
        await preference('two', [1, 0]);
        await preference('three', [0, 0, 1], { scope: otherTask });
        const nearest = await memory.nearest({
          scope: otherTask,
          embedding: [0, 0, 1],
          k: 1,
          kind: 'preference',
        });
        expect(nearest[0]?.entry.preference).toBe('three');
      });
    });

    describe('list', () => {
      it('returns entries oldest first, filtered by kind, pinned and origin', async () => {
        const a = await preference('a', [1, 0]);
        const b = await pair('b', [1, 0]);
        const c = await preference('c', [1, 0], { pinned: true, origin: 'user' });
        const d = await preference('d', [1, 0], { origin: 'kept' });
        const ids = async (options: Omit<Parameters<Memory['list']>[0], 'scope'>) =>
          (await memory.list({ scope, ...options })).map((entry) => entry.id);
        expect(await ids({})).toEqual([a.id, b.id, c.id, d.id]);
        expect(await ids({ kind: 'preference' })).toEqual([a.id, c.id, d.id]);
        expect(await ids({ kind: 'pair' })).toEqual([b.id]);
        expect(await ids({ pinned: true })).toEqual([c.id]);
        expect(await ids({ pinned: false })).toEqual([a.id, b.id, d.id]);
        expect(await ids({ origin: 'user' })).toEqual([c.id]);
        expect(await ids({ origin: 'kept', kind: 'preference' })).toEqual([d.id]);
        expect(await ids({ origin: 'kept', kind: 'pair' })).toEqual([]);
      });

      it('keeps the newest n matching entries, still oldest first', async () => {
        const entries = [];
        for (const text of ['p1', 'p2', 'p3', 'p4', 'p5']) entries.push(await pair(text, [1, 0]));
        await preference('newest, other kind', [1, 0]);
        const last = await memory.list({ scope, kind: 'pair', last: 3 });
        expect(last.map((entry) => entry.pair?.original)).toEqual(['p3', 'p4', 'p5']);
        expect(await memory.list({ scope, kind: 'pair', last: 50 })).toHaveLength(5);
        expect(await memory.list({ scope, last: 0 })).toEqual([]);
        const all = await memory.list({ scope, last: 1 });
        expect(all.map((entry) => entry.preference)).toEqual(['newest, other kind']);
      });

      it('rejects a negative or fractional last', async () => {
        await expect(memory.list({ scope, last: -1 })).rejects.toSatisfy(InvalidInputError.isInstance);
        await expect(memory.list({ scope, last: 1.5 })).rejects.toSatisfy(InvalidInputError.isInstance);
      });

      it('returns an empty list for an empty scope', async () => {
        expect(await memory.list({ scope })).toEqual([]);
      });

      it('reads in pages: after a sequence, the oldest limit entries; never limit with last', async () => {
        const added = [];
        for (const text of ['a', 'b', 'c', 'd', 'e']) added.push(await preference(text, [1, 0]));
        await pair('p', [1, 0]);
        const page = (options: { readonly after?: number; readonly limit?: number }) =>
          memory.list({ scope, kind: 'preference', ...options });
        const texts = (entries: readonly MemoryEntry[]) => entries.map((entry) => entry.preference);
        const first = await page({ limit: 2 });
        expect(texts(first)).toEqual(['a', 'b']);
        const second = await page({ after: first.at(-1)!.sequence, limit: 2 });
        expect(texts(second)).toEqual(['c', 'd']);
        expect(texts(await page({ after: second.at(-1)!.sequence }))).toEqual(['e']);
        expect(await page({ limit: 0 })).toEqual([]);
        await memory.delete({ scope, id: added[2]!.id });
        expect(texts(await page({ after: first.at(-1)!.sequence, limit: 2 }))).toEqual(['d', 'e']);
        for (const [options, field] of [
          [{ limit: -1 }, 'limit'],
          [{ after: 1.5 }, 'after'],
          [{ limit: 1, last: 1 }, 'limit'],
        ] as const) {
          const error = await memory.list({ scope, ...options }).then(
            () => undefined,
            (thrown: unknown) => thrown,
          );
          expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
          expect((error as InvalidInputError).field).toBe(field);
        }
      });
    });

    describe('nearest', () => {
      it('orders by descending dot product and reports it as the similarity', async () => {
        const far = await preference('far', [0, 1]);
        const close = await preference('close', [0.8, 0.6]);
        const middle = await preference('middle', [0.6, 0.8]);
        const opposite = await preference('opposite', [-1, 0]);
        const neighbours = await memory.nearest({ scope, embedding: [1, 0], k: 4, kind: 'preference' });
        expect(neighbours.map((neighbour) => neighbour.entry.id)).toEqual([
          close.id,
          middle.id,
          far.id,
          opposite.id,
        ]);
        const similarities = neighbours.map((neighbour) => neighbour.similarity);
        [0.8, 0.6, 0, -1].forEach((expected, index) => expect(similarities[index]).toBeCloseTo(expected, 5));
        expect(neighbours[0]?.entry).toEqual(close);
      });

      it('returns at most k, and fewer when the scope holds fewer', async () => {
        for (const [index, text] of ['a', 'b', 'c'].entries()) {
          await preference(text, [Math.cos(index / 3), Math.sin(index / 3)]);
        }
        expect(await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' })).toHaveLength(2);
        expect(await memory.nearest({ scope, embedding: [1, 0], k: 9, kind: 'preference' })).toHaveLength(3);
      });

      it('breaks ties in favour of the earlier entry', async () => {
        const first = await preference('first', [0.6, 0.8]);
        const second = await preference('second', [0.6, 0.8]);
        const third = await preference('third', [0.6, 0.8]);
        const one = await memory.nearest({ scope, embedding: [0.6, 0.8], k: 1, kind: 'preference' });
        expect(one.map((neighbour) => neighbour.entry.id)).toEqual([first.id]);
        const all = await memory.nearest({ scope, embedding: [0.6, 0.8], k: 3, kind: 'preference' });
        expect(all.map((neighbour) => neighbour.entry.id)).toEqual([first.id, second.id, third.id]);
      });

      it('considers only entries of the requested kind', async () => {
        await pair('pair', [1, 0]);
        const stored = await preference('preference', [0, 1]);
        const neighbours = await memory.nearest({ scope, embedding: [1, 0], k: 5, kind: 'preference' });
        expect(neighbours.map((neighbour) => neighbour.entry.id)).toEqual([stored.id]);
        const pairs = await memory.nearest({ scope, embedding: [1, 0], k: 5, kind: 'pair' });
        expect(pairs.map((neighbour) => neighbour.entry.pair?.original)).toEqual(['pair']);
      });

      it('returns nothing for an empty scope', async () => {
        expect(await memory.nearest({ scope, embedding: [1, 0, 0], k: 3, kind: 'pair' })).toEqual([]);
      });

      it('rejects k below 1 or fractional, naming k', async () => {
        await preference('a', [1, 0]);
        for (const k of [0, -2, 1.5]) {
          const error = await memory
            .nearest({ scope, embedding: [1, 0], k, kind: 'preference' })
            .catch((caught: unknown) => caught);
          expect(InvalidInputError.isInstance(error)).toBe(true);
          expect((error as InvalidInputError).field).toBe('k');
        }
      });

      it('rejects a query whose dimension differs from the stored embeddings', async () => {
        await preference('a', [1, 0]);
        const error = await memory
          .nearest({ scope, embedding: [1, 0, 0], k: 1, kind: 'preference' })
          .catch((caught: unknown) => caught);
        expect(InvalidInputError.isInstance(error)).toBe(true);
        expect((error as InvalidInputError).field).toBe('embedding');
      });

      it('no longer returns a deleted entry', async () => {
        const gone = await preference('gone', [1, 0]);
        const kept = await preference('kept', [0.6, 0.8]);
        await memory.delete({ scope, id: gone.id });
        const neighbours = await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' });
        expect(neighbours.map((neighbour) => neighbour.entry.id)).toEqual([kept.id]);
      });

      it('sees an entry added after a query (no stale vectors)', async () => {
        const older = await preference('older', [0.6, 0.8]);
        await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' });
        const newer = await preference('newer', [1, 0]);
        await pair('a pair', [1, 0]);
        const neighbours = await memory.nearest({ scope, embedding: [1, 0], k: 3, kind: 'preference' });
        expect(neighbours.map((neighbour) => neighbour.entry.id)).toEqual([newer.id, older.id]);
        const pairs = await memory.nearest({ scope, embedding: [1, 0], k: 3, kind: 'pair' });
        expect(pairs.map((neighbour) => neighbour.entry.pair?.original)).toEqual(['a pair']);
      });

      it('drops an entry deleted after a query, and one forgotten', async () => {
        const best = await preference('best', [1, 0]);
        const next = await preference('next', [0.8, 0.6]);
        await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' });
        await memory.delete({ scope, id: best.id });
        const afterDelete = await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' });
        expect(afterDelete.map((neighbour) => neighbour.entry.id)).toEqual([next.id]);
        await memory.forget({ tenant, user: scope.user });
        expect(await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' })).toEqual([]);
        const again = await preference('again', [0, 1]);
        const afterForget = await memory.nearest({ scope, embedding: [1, 0], k: 2, kind: 'preference' });
        expect(afterForget.map((neighbour) => neighbour.entry.id)).toEqual([again.id]);
      });

      it('answers as a full scan would through interleaved adds, deletes and queries', async () => {
        let state = 7;
        const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
        const held: { id: string; embedding: readonly number[] }[] = [];
        for (let step = 0; step < 60; step++) {
          const embedding = [random(), random(), random()];
          if (step % 5 === 3 && held.length > 0) {
            const [removed] = held.splice(Math.floor(((random() + 1) / 2) * held.length), 1);
            await memory.delete({ scope, id: removed!.id });
          } else if (step % 3 === 2) {
            const found = await memory.nearest({ scope, embedding, k: 4, kind: 'preference' });
            const expected = held
              .map((entry, order) => ({
                id: entry.id,
                order,
                score: entry.embedding.reduce((sum, value, index) => sum + value * embedding[index]!, 0),
              }))
              .sort((left, right) => right.score - left.score || left.order - right.order)
              .slice(0, 4);
            expect(found.map((neighbour) => neighbour.entry.id)).toEqual(expected.map((entry) => entry.id));
          } else {
            const added = await preference(`entry ${step}`, embedding);
            held.push({ id: added.id, embedding: added.embedding });
          }
        }
      });
    });

    describe('update', () => {
      it('rewords and (un)pins, keeping the sequence and moving updatedAt', async () => {
        const added = await preference('brief', [1, 0]);
        const reworded = await memory.update({ scope, id: added.id, preference: 'very brief' });
        expect(reworded.preference).toBe('very brief');
        expect(reworded.pinned).toBe(false);
        expect(reworded.sequence).toBe(added.sequence);
        expect(reworded.createdAt).toBe(added.createdAt);
        expect(Date.parse(reworded.updatedAt)).toBeGreaterThanOrEqual(Date.parse(added.createdAt));
        const pinned = await memory.update({ scope, id: added.id, pinned: true });
        expect(pinned.pinned).toBe(true);
        expect(pinned.preference).toBe('very brief');
        expect(await memory.get({ scope, id: added.id })).toEqual(pinned);
        const unpinned = await memory.update({ scope, id: added.id, pinned: false });
        expect(unpinned.pinned).toBe(false);
        expect((await memory.list({ scope, pinned: true })).length).toBe(0);
      });

      it('throws NotFoundError for an unknown id', async () => {
        const error = await memory
          .update({ scope, id: 'no-such-entry', pinned: true })
          .catch((caught: unknown) => caught);
        expect(NotFoundError.isInstance(error)).toBe(true);
        expect((error as NotFoundError).id).toBe('no-such-entry');
      });

      it('refuses to reword a pair or to set an empty preference', async () => {
        const stored = await pair('p', [1, 0]);
        await expect(memory.update({ scope, id: stored.id, preference: 'x' })).rejects.toSatisfy(
          InvalidInputError.isInstance,
        );
        const kept = await preference('kept', [1, 0]);
        await expect(memory.update({ scope, id: kept.id, preference: '  ' })).rejects.toSatisfy(
          InvalidInputError.isInstance,
        );
        expect((await memory.get({ scope, id: kept.id }))?.preference).toBe('kept');
      });
    });

    describe('text hygiene', () => {
      const nul = 'a\u0000b';
      const lone = 'x\uD800y';

      /** The field of the InvalidInputError a call rejects with. */
      async function rejectedField(call: () => Promise<unknown>): Promise<string> {
        const error = await call().then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
        return (error as InvalidInputError).field;
      }

      it('refuses NUL and unpaired surrogates in identifiers, naming the field, and stores nothing', async () => {
        for (const bad of [nul, lone]) {
          expect(await rejectedField(() => preference('ok', [1, 0], { contextId: bad }))).toBe('contextId');
          expect(await rejectedField(() => preference('ok', [1, 0], { interactionId: bad }))).toBe(
            'interactionId',
          );
          expect(
            await rejectedField(() => preference('ok', [1, 0], { scope: { ...scope, user: bad } })),
          ).toBe('scope.user');
          expect(
            await rejectedField(() => preference('ok', [1, 0], { scope: { ...scope, task: bad } })),
          ).toBe('scope.task');
          expect(await rejectedField(() => memory.list({ scope: { ...scope, user: bad } }))).toBe(
            'scope.user',
          );
          expect(await rejectedField(() => memory.get({ scope, id: bad }))).toBe('id');
          expect(await rejectedField(() => memory.delete({ scope, id: bad }))).toBe('id');
          expect(await rejectedField(() => memory.forget({ tenant, user: bad }))).toBe('user');
          expect(
            await rejectedField(() =>
              memory.nearest({
                scope: { ...scope, tenant: bad },
                embedding: [1, 0],
                k: 1,
                kind: 'preference',
              }),
            ),
          ).toBe('scope.tenant');
        }
        expect(await memory.list({ scope })).toEqual([]);
      });

      it('normalises free texts: NUL dropped, an unpaired surrogate made U+FFFD', async () => {
        const added = await preference(`brief ${nul} ${lone}`, [1, 0], { contextText: `${lone}${nul}` });
        expect(added.preference).toBe('brief ab x\uFFFDy');
        expect(added.contextText).toBe('x\uFFFDyab');
        const stored = await pair(`${nul}`, [1, 0]);
        expect(stored.pair).toEqual({ original: 'ab', edited: 'ab!' });
        const updated = await memory.update({ scope, id: added.id, preference: `short${nul}` });
        expect(updated.preference).toBe('shortab');
        expect((await memory.get({ scope, id: added.id }))?.preference).toBe('shortab');
        expect(await rejectedField(() => preference('\u0000', [1, 0]))).toBe('preference');
      });

      it('keeps well-formed text byte for byte: emoji, other planes, controls but NUL', async () => {
        const text = 'emoji 🎉, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, tab\tand \u0001 and \uFFFD';
        const added = await preference(text, [1, 0], { contextText: text });
        const stored = await memory.get({ scope, id: added.id });
        expect(stored?.preference).toBe(text);
        expect(stored?.contextText).toBe(text);
      });
    });

    describe('delete and forget', () => {
      it('deletes once, then reports false', async () => {
        const added = await preference('a', [1, 0]);
        const other = await preference('b', [1, 0]);
        expect(await memory.delete({ scope, id: added.id })).toBe(true);
        expect(await memory.delete({ scope, id: added.id })).toBe(false);
        expect(await memory.get({ scope, id: added.id })).toBeUndefined();
        expect((await memory.list({ scope })).map((entry) => entry.id)).toEqual([other.id]);
      });

      it('forgets one user across tasks, leaving other users and tenants', async () => {
        const emailScope = { ...scope, task: 'email' };
        const bob = { ...scope, user: 'bob' };
        const otherTenant = { ...scope, tenant: `${tenant}-other` };
        await preference('a', [1, 0]);
        await pair('b', [1, 0]);
        await preference('c', [0, 0, 1], { scope: emailScope });
        await preference('bob', [1, 0], { scope: bob });
        await preference('other tenant', [1, 0], { scope: otherTenant });
        expect(await memory.forget({ tenant, user: 'ada' })).toBe(3);
        expect(await memory.list({ scope })).toEqual([]);
        expect(await memory.list({ scope: emailScope })).toEqual([]);
        expect(await memory.list({ scope: bob })).toHaveLength(1);
        expect(await memory.list({ scope: otherTenant })).toHaveLength(1);
        expect(await memory.forget({ tenant, user: 'ada' })).toBe(0);
        // A forgotten user starts afresh, with any embedding dimension.
        await preference('again', [0, 0, 0, 1]);
        expect(await memory.list({ scope })).toHaveLength(1);
      });
    });
  });
}
