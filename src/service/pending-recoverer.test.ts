import { describe, expect, it } from 'vitest';
import type { Interaction } from '../spec/index.js';
import { noUsage } from '../spec/index.js';
import { InMemoryInteractionStore } from '../store/in-memory-interaction-store.js';
import type { LearnAttempt } from './learn-interaction.js';
import { PendingRecoverer, startRecoveryLoop } from './pending-recoverer.js';

const tenant = 'acme';

async function pendingInteraction(store: InMemoryInteractionStore): Promise<Interaction> {
  const created = await store.create({
    tenant,
    user: 'ada',
    task: { kind: 'email' },
    contextId: null,
    contextText: 'notes',
    embedding: null,
    output: 'draft',
    preferenceUsed: null,
    neighbours: [],
    learner: 'cipher-5',
  });
  return store.recordEdit({ tenant, id: created.id, edited: 'edited', cost: 1 });
}

/** A learnOne that fails while `failing` is true, recording the ids it was given. */
function scriptedLearning(store: InMemoryInteractionStore, state: { failing: boolean; seen: string[] }) {
  return async (interaction: Interaction): Promise<LearnAttempt> => {
    state.seen.push(interaction.id);
    if (state.failing) {
      const failed = await store.markLearnFailed({ tenant, id: interaction.id, error: 'down' });
      return { ok: false, interaction: failed, error: new Error('down') };
    }
    return {
      ok: true,
      interaction: await store.markLearned({ tenant, id: interaction.id, preferenceInferred: 'p' }),
      usage: noUsage,
    };
  };
}

describe('PendingRecoverer', () => {
  it('retries with doubling delays after failures', async () => {
    const store = new InMemoryInteractionStore();
    const interaction = await pendingInteraction(store);
    let now = Date.parse(interaction.editedAt!) + 1;
    const state = { failing: true, seen: [] as string[] };
    const recoverer = new PendingRecoverer(
      store,
      scriptedLearning(store, state),
      { baseDelayMs: 1_000, maxDelayMs: 3_000, graceMs: 0 },
      () => now,
    );
    expect(await recoverer.recoverPending()).toEqual({ learned: 0, failed: 1, waiting: 0 });
    now += 999;
    expect(await recoverer.recoverPending()).toEqual({ learned: 0, failed: 0, waiting: 1 });
    now += 1;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 1 }); // 2nd failure: next in 2 s
    now += 1_999;
    expect(await recoverer.recoverPending()).toMatchObject({ waiting: 1 });
    now += 1;
    expect(await recoverer.recoverPending()).toMatchObject({ failed: 1 }); // 3rd: capped at 3 s
    now += 3_000;
    state.failing = false;
    expect(await recoverer.recoverPending()).toEqual({ learned: 1, failed: 0, waiting: 0 });
    expect(await recoverer.recoverPending()).toEqual({ learned: 0, failed: 0, waiting: 0 });
    expect(state.seen).toHaveLength(4);
    expect((await store.get({ tenant, id: interaction.id }))?.learnAttempts).toBe(3);
  });

  it('leaves fresh edits made after start-up alone for the grace period, but not older ones', async () => {
    const store = new InMemoryInteractionStore();
    const before = await pendingInteraction(store);
    let now = Date.parse(before.editedAt!) + 1; // start-up: just after the first edit
    const state = { failing: false, seen: [] as string[] };
    const recoverer = new PendingRecoverer(
      store,
      scriptedLearning(store, state),
      { graceMs: 60_000 },
      () => now,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await pendingInteraction(store);
    now = Date.parse(fresh.editedAt!) + 100;
    expect(await recoverer.recoverPending()).toEqual({ learned: 1, failed: 0, waiting: 1 });
    expect(state.seen).toEqual([before.id]);
    now += 60_000;
    expect(await recoverer.recoverPending()).toEqual({ learned: 1, failed: 0, waiting: 0 });
  });

  it('skips an interaction a request is learning right now', async () => {
    const store = new InMemoryInteractionStore();
    const interaction = await pendingInteraction(store);
    const state = { failing: false, seen: [] as string[] };
    const recoverer = new PendingRecoverer(store, scriptedLearning(store, state), { graceMs: 0 });
    expect(recoverer.claim(interaction.id)).toBe(true);
    expect(recoverer.claim(interaction.id)).toBe(false);
    expect(await recoverer.recoverPending()).toEqual({ learned: 0, failed: 0, waiting: 1 });
    recoverer.release(interaction.id, { ok: true, attempts: 0 });
    expect(await recoverer.recoverPending()).toEqual({ learned: 1, failed: 0, waiting: 0 });
  });

  it('runs passes at start and on an interval until stopped', async () => {
    const store = new InMemoryInteractionStore();
    await pendingInteraction(store);
    const state = { failing: false, seen: [] as string[] };
    const reports: unknown[] = [];
    const loop = startRecoveryLoop({
      recoverer: new PendingRecoverer(store, scriptedLearning(store, state), { graceMs: 0 }),
      intervalMs: 10,
      onPass: (report) => reports.push(report),
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await loop.stop();
    const count = reports.length;
    expect(count).toBeGreaterThan(1);
    expect(reports[0]).toEqual({ learned: 1, failed: 0, waiting: 0 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reports).toHaveLength(count);
  });
});
