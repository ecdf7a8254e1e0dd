import { describe, expect, it } from 'vitest';
import type { Interaction } from '../spec/index.js';
import { ConflictError, ModelCallError, NotFoundError } from '../spec/index.js';
import { InMemoryInteractionStore } from '../store/in-memory-interaction-store.js';
import { ScriptedWriter } from '../testing/index.js';
import { createTestTailor, serviceTestWriter } from './test-tailor.js';

const email = { kind: 'email' } as const;
const tenant = 'acme';

function modelDown(): ModelCallError {
  return new ModelCallError({ provider: 'fake', modelId: 'm', message: 'model down', retryable: true });
}

describe('createTailor', () => {
  it('drafts, learns from the edit and uses what it learned on a similar context', async () => {
    const { tailor, interactions } = createTestTailor();
    const draftFor = (user: string, context: string) =>
      tailor.generate({ tenant, user, task: email, context });
    const first = await draftFor('ada', 'meeting notes monday');
    expect(first.text).toBe('Draft of: meeting notes monday');
    expect(first.preferenceUsed).toBeNull();
    expect((await interactions.get({ tenant, id: first.interactionId }))?.status).toBe('awaiting-edit');

    const outcome = await tailor.learn({
      tenant,
      interactionId: first.interactionId,
      edited: 'Hi team, notes',
    });
    expect(outcome).toEqual({
      interactionId: first.interactionId,
      cost: expect.any(Number),
      accepted: false,
      status: 'learned',
      inferredPreference: 'likes "Hi"',
    });
    expect(outcome.cost).toBeGreaterThan(0);

    const second = await draftFor('ada', 'meeting notes tuesday');
    expect(second.preferenceUsed).toBe('likes "Hi"');
    expect(second.text).toContain('[likes "Hi"]');
    expect(second.neighbours).toEqual([
      expect.objectContaining({ contextPreview: 'meeting notes monday', preference: 'likes "Hi"' }),
    ]);
    // Another user of the same tenant starts from nothing.
    const bob = await draftFor('bob', 'meeting notes tuesday');
    expect(bob.preferenceUsed).toBeNull();
  });

  it('commits the edit before the learner calls the model', async () => {
    const interactions = new InMemoryInteractionStore();
    let seenByTheModel: Interaction | undefined;
    let draftId = '';
    const writer = new ScriptedWriter({
      generate: 'draft',
      inferPreference: async () => {
        seenByTheModel = await interactions.get({ tenant, id: draftId });
        return 'brief';
      },
    });
    const { tailor } = createTestTailor({ writer, interactions });
    draftId = (await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes' })).interactionId;
    await tailor.learn({ tenant, interactionId: draftId, edited: 'short' });
    expect(seenByTheModel).toMatchObject({ status: 'pending', edited: 'short' });
  });

  it('keeps a failed learning pending and learns it on recovery', async () => {
    let down = true;
    const base = serviceTestWriter();
    const writer = new ScriptedWriter({
      generate: 'the draft',
      inferPreference: async (options) => {
        if (down) throw modelDown();
        return (await base.inferPreference(options)).text;
      },
    });
    const errors: unknown[] = [];
    const { tailor, interactions, memory } = createTestTailor({
      writer,
      onLearnError: (error) => errors.push(error),
      recovery: { baseDelayMs: 0 },
    });
    const draft = await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes' });
    const outcome = await tailor.learn({ tenant, interactionId: draft.interactionId, edited: 'Dear all' });
    expect(outcome.status).toBe('pending');
    expect(outcome.inferredPreference).toBeNull();
    expect(errors).toHaveLength(1);
    const stored = await interactions.get({ tenant, id: draft.interactionId });
    expect(stored).toMatchObject({ status: 'pending', edited: 'Dear all', learnAttempts: 1 });
    expect(stored?.lastError).toContain('model down');

    expect(await tailor.recoverPending()).toEqual({ learned: 0, failed: 1, gaveUp: 0, waiting: 0 });
    down = false;
    expect(await tailor.recoverPending()).toEqual({ learned: 1, failed: 0, gaveUp: 0, waiting: 0 });
    expect(await interactions.get({ tenant, id: draft.interactionId })).toMatchObject({
      status: 'learned',
      preferenceInferred: 'likes "Dear"',
    });
    const learned = await memory.list({ scope: { tenant, user: 'ada', task: 'email' } });
    expect(learned.map((entry) => entry.preference)).toEqual(['likes "Dear"']);
    // A second learn of the same interaction is refused, and nothing is stored twice.
    await expect(tailor.learn({ tenant, interactionId: draft.interactionId, edited: 'x' })).rejects.toSatisfy(
      ConflictError.isInstance,
    );
  });

  it('answers NotFoundError for an unknown interaction and for another tenant', async () => {
    const { tailor } = createTestTailor();
    const draft = await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes' });
    for (const request of [
      { tenant, interactionId: 'nope', edited: 'x' },
      { tenant: 'other', interactionId: draft.interactionId, edited: 'x' },
    ]) {
      await expect(tailor.learn(request)).rejects.toSatisfy(NotFoundError.isInstance);
    }
    await expect(tailor.getInteraction({ tenant: 'other', id: draft.interactionId })).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
    expect((await tailor.getInteraction({ tenant, id: draft.interactionId })).status).toBe('awaiting-edit');
  });

  it('counts an unchanged draft as accepted, at cost 0', async () => {
    const { tailor } = createTestTailor();
    const draft = await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes' });
    const outcome = await tailor.learn({ tenant, interactionId: draft.interactionId, edited: draft.text });
    expect(outcome).toMatchObject({ accepted: true, cost: 0, status: 'learned' });
  });

  it('always joins a hand-written preference to the aggregate, and lets users correct preferences', async () => {
    const { tailor } = createTestTailor();
    const user = { tenant, user: 'ada' };
    const written = await tailor.preferences.add({ ...user, task: 'email', preference: ' sign as Ada ' });
    expect(written).toMatchObject({ origin: 'user', pinned: true, preference: 'sign as Ada', task: 'email' });
    const draft = await tailor.generate({ ...user, task: email, context: 'zebra quantum' });
    expect(draft.preferenceUsed).toBe('sign as Ada');
    await tailor.learn({ tenant, interactionId: draft.interactionId, edited: 'Cheers, Ada' });

    const listed = await tailor.preferences.list({ ...user, task: 'email' });
    expect(listed.map((preference) => [preference.origin, preference.preference])).toEqual([
      ['user', 'sign as Ada'],
      ['inferred', 'likes "Cheers,"'],
    ]);
    const inferred = listed[1]!;
    expect(inferred.pair).toEqual({ original: draft.text, edited: 'Cheers, Ada' });
    expect(inferred.interactionId).toBe(draft.interactionId);

    const reworded = await tailor.preferences.update({
      ...user,
      id: inferred.id,
      preference: 'warm closing',
    });
    expect(reworded).toMatchObject({ preference: 'warm closing', pinned: true });
    await tailor.preferences.delete({ ...user, id: written.id });
    const next = await tailor.generate({ ...user, task: email, context: 'unrelated words entirely' });
    expect(next.preferenceUsed).toBe('warm closing');
    await expect(tailor.preferences.delete({ ...user, id: written.id })).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
    await expect(
      tailor.preferences.update({ tenant: 'other', user: 'ada', id: inferred.id, pinned: false }),
    ).rejects.toSatisfy(NotFoundError.isInstance);
  });

  it('forgets a user entirely', async () => {
    const { tailor } = createTestTailor();
    const draft = await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes' });
    await tailor.learn({ tenant, interactionId: draft.interactionId, edited: 'Hello there' });
    await tailor.generate({ tenant, user: 'bob', task: email, context: 'notes' });
    expect(await tailor.forget({ tenant, user: 'ada' })).toEqual({ deleted: 2 });
    expect(await tailor.listInteractions({ tenant, user: 'ada' })).toEqual([]);
    expect(await tailor.preferences.list({ tenant, user: 'ada' })).toEqual([]);
    expect(await tailor.listInteractions({ tenant, user: 'bob' })).toHaveLength(1);
  });

  it('exports edited drafts as preference pairs', async () => {
    const { tailor } = createTestTailor();
    const edited = await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes about lunch' });
    await tailor.learn({ tenant, interactionId: edited.interactionId, edited: 'Lunch at noon?' });
    const accepted = await tailor.generate({ tenant, user: 'ada', task: email, context: 'notes' });
    await tailor.learn({ tenant, interactionId: accepted.interactionId, edited: accepted.text });
    await tailor.generate({ tenant, user: 'ada', task: email, context: 'unanswered' });
    const pairs = await tailor.exportPairs({ tenant, user: 'ada' });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({
      interactionId: edited.interactionId,
      task: 'email',
      chosen: 'Lunch at noon?',
      rejected: 'Draft of: notes about lunch',
      rationale: 'likes "Lunch"',
    });
    expect(pairs[0]?.prompt).toContain('notes about lunch');
    expect(pairs[0]?.strength).toBeGreaterThan(0);
    expect(pairs[0]?.strength).toBeLessThanOrEqual(1);
  });
});
