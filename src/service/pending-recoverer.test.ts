import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Interaction } from '../spec/index.js';
import { noUsage } from '../spec/index.js';
import { InMemoryInteractionStore } from '../store/in-memory-interaction-store.js';
import { newInteraction } from '../store/test-entries.js';
import type { LearnAttempt } from './learn-interaction.js';
import type { RecoveryPolicy } from './pending-recoverer.js';
import { PendingRecoverer, startRecoveryLoop } from './pending-recoverer.js';

const tenant = 'acme';

async function pendingInteraction(store: InMemoryInteractionStore, owner = tenant): Promise<Interaction> {
  const created = await store.create(newInteraction(owner));
  return store.recordEdit({ tenant: owner, id: created.id, edited: 'edited', cost: 1 });
}

/** A learnOne that fails while `failing` is true (for `failingTenant` only, when set), recording ids. */
function scriptedLearning(
  store: InMemoryInteractionStore,
  state: { failing: boolean; seen: string[]; failingTenant?: string },
  retryAt: (attempts: number) => string | null,
) {
  return async (interaction: Interaction): Promise<LearnAttempt> => {
    state.seen.push(interaction.id);
    if (state.failing && (state.failingTenant === undefined || interaction.tenant === state.failingTenant)) {
      const failed = await store.markLearnFailed({
        tenant: interaction.tenant,
        id: interaction.id,
        error: 'Error: down',
        retryAt: retryAt(interaction.learnAttempts + 1),
      });
      return { ok: false, interaction: failed, error: new Error('down') };
    }
    return {
      ok: true,
      interaction: await store.markLearned({
        tenant: interaction.tenant,
        id: interaction.id,
        preferenceInferred: 'p',
      }),
      usage: noUsage,
    };
  };
}

/** A recoverer over `store` whose learning is `scriptedLearning`, on a clock the test moves. */
function recovererFor(
  store: InMemoryInteractionStore,
  state: { failing: boolean; seen: string[]; failingTenant?: string },
  policy: Partial<RecoveryPolicy>,
  clock: () => number,
) {
  const holder: { recoverer?: PendingRecoverer } = {};
  const learn = scriptedLearning(store, state, (attempts) => holder.recoverer!.retryAt(attempts));
  holder.recoverer = new PendingRecoverer(store, learn, policy, clock);
  return holder.recoverer;
}

/**
 * A store holding one edit to learn, and a recoverer whose learning fails while `state.failing` is
 * true, on a clock (`clock.now`) that starts just after the edit and moves only when the test says.
 */
async function oneFailingEdit(policy: Partial<RecoveryPolicy>) {
  const store = new InMemoryInteractionStore();
  const interaction = await pendingInteraction(store);
  const clock = { now: Date.parse(interaction.editedAt!) + 1 };
  const state = { failing: true, seen: [] as string[] };
  const recoverer = recovererFor(store, state, policy, () => clock.now);
  return { store, interaction, clock, state, recoverer };
}

describe('PendingRecoverer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries with doubling delays after failures, kept in the store', async () => {
    const { store, interaction, clock, state, recoverer } = await oneFailingEdit({
      baseDelayMs: 1_000,
      maxDelayMs: 3_000,
      graceMs: 0,
    });
    expect(await recoverer.recoverPending()).toEqual({ learned: 0, failed: 1, gaveUp: 0, waiting: 0 });
    clock.now += 999;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 0, learned: 0 });
    clock.now += 1;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 1 }); // 2nd failure: next in 2 s
    clock.now += 1_999;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 0 });
    clock.now += 1;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 1 }); // 3rd: capped at 3 s
    clock.now += 3_000;
    state.failing = false;
    // A restarted process (a new recoverer) honours the same schedule: it is in the store.
    const restarted = recovererFor(store, state, { graceMs: 0 }, () => clock.now);
    expect(await restarted.recoverPending()).toEqual({ learned: 1, failed: 0, gaveUp: 0, waiting: 0 });
    expect(await restarted.recoverPending()).toEqual({ learned: 0, failed: 0, gaveUp: 0, waiting: 0 });
    expect(state.seen).toHaveLength(4);
    expect((await store.get({ tenant, id: interaction.id }))?.learnAttempts).toBe(3);
  });

  it('gives up after maxAttempts: the edit is failed with its error until retried on request', async () => {
    const { store, interaction, clock, state, recoverer } = await oneFailingEdit({
      baseDelayMs: 10,
      maxDelayMs: 10,
      graceMs: 0,
      maxAttempts: 3,
    });
    const reports = [];
    for (let pass = 0; pass < 6; pass += 1) {
      reports.push(await recoverer.recoverPending());
      clock.now += 10;
    }
    expect(reports.map((report) => report.failed)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(reports[2]).toMatchObject({ gaveUp: 1 });
    expect(await store.get({ tenant, id: interaction.id })).toMatchObject({
      status: 'failed',
      learnAttempts: 3,
      lastError: 'Error: down',
      edited: 'edited',
    });
    state.failing = false;
    await store.retryFailed({ tenant, id: interaction.id });
    expect(await recoverer.recoverPending()).toMatchObject({ learned: 1 });
    expect(await store.get({ tenant, id: interaction.id })).toMatchObject({ status: 'learned' });
  });

  it("is fair across tenants: 110 always-failing edits of one tenant do not starve another's 5", async () => {
    vi.useFakeTimers();
    const store = new InMemoryInteractionStore();
    for (let index = 0; index < 110; index += 1) await pendingInteraction(store, 'flooder');
    vi.advanceTimersByTime(2);
    const others: Interaction[] = [];
    for (let index = 0; index < 5; index += 1) others.push(await pendingInteraction(store, 'quiet'));
    let now = Date.now() + 1_000;
    const state = { failing: true, seen: [] as string[], failingTenant: 'flooder' };
    const recoverer = recovererFor(store, state, { graceMs: 0, batchSize: 100, baseDelayMs: 1 }, () => now);
    const report = await recoverer.recoverPending();
    expect(report).toMatchObject({ learned: 5, failed: 95 });
    for (const other of others) {
      expect((await store.get({ tenant: 'quiet', id: other.id }))?.status).toBe('learned');
    }
    // the flooder's first five and the quiet tenant's five came first, alternating
    expect(
      state.seen.slice(0, 10).map((id) => (others.some((other) => other.id === id) ? 'q' : 'f')),
    ).toEqual(['f', 'q', 'f', 'q', 'f', 'q', 'f', 'q', 'f', 'q']);
    now += 10_000;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 100 });
  });

  it('leaves an edit alone while the request that recorded it holds its lease (the grace period)', async () => {
    const store = new InMemoryInteractionStore();
    let now = Date.now();
    const state = { failing: false, seen: [] as string[] };
    const recoverer = recovererFor(store, state, { graceMs: 60_000 }, () => now);
    const created = await pendingInteraction(store);
    const leased = await store.create({ ...created, id: undefined });
    await store.recordEdit({ tenant, id: leased.id, edited: 'e', cost: 1, lease: recoverer.requestLease() });
    now += 100;
    expect(await recoverer.recoverPending()).toMatchObject({ learned: 1 });
    expect(state.seen).toEqual([created.id]);
    now += 60_000;
    expect(await recoverer.recoverPending()).toMatchObject({ learned: 1 });
    expect(state.seen).toEqual([created.id, leased.id]);
  });

  it('skips an interaction a request of this process is learning right now', async () => {
    const store = new InMemoryInteractionStore();
    const interaction = await pendingInteraction(store);
    const state = { failing: false, seen: [] as string[] };
    const recoverer = recovererFor(store, state, { graceMs: 0, leaseMs: 0 }, Date.now);
    expect(recoverer.claim(interaction.id)).toBe(true);
    expect(recoverer.claim(interaction.id)).toBe(false);
    expect(await recoverer.recoverPending()).toEqual({ learned: 0, failed: 0, gaveUp: 0, waiting: 1 });
    recoverer.release(interaction.id);
    expect(await recoverer.recoverPending()).toEqual({ learned: 1, failed: 0, gaveUp: 0, waiting: 0 });
  });

  it('runs passes at start and on an interval until stopped', async () => {
    const store = new InMemoryInteractionStore();
    await pendingInteraction(store);
    const state = { failing: false, seen: [] as string[] };
    const reports: unknown[] = [];
    vi.useFakeTimers();
    const loop = startRecoveryLoop({
      recoverer: recovererFor(store, state, { graceMs: 0 }, Date.now),
      intervalMs: 10,
      onPass: (report) => reports.push(report),
    });
    await vi.advanceTimersByTimeAsync(60);
    await loop.stop();
    // One pass at start, then one every 10 ms.
    expect(reports).toHaveLength(7);
    expect(reports[0]).toEqual({ learned: 1, failed: 0, gaveUp: 0, waiting: 0 });
    expect(reports[1]).toEqual({ learned: 0, failed: 0, gaveUp: 0, waiting: 0 });
    await vi.advanceTimersByTimeAsync(30);
    expect(reports).toHaveLength(7);
  });
});
