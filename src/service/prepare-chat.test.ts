import { describe, expect, it } from 'vitest';
import type { Learner } from '../core/index.js';
import { noUsage } from '../spec/index.js';
import { createTestTailor } from './test-tailor.js';

const user = { tenant: 'acme', user: 'ada' };

describe("prepareChat (the proxy's preference)", () => {
  it("asks the service's learner for the preference it would write with, in the chat scope", async () => {
    const asked: string[] = [];
    const learner: Learner = {
      name: 'stub-1',
      preferenceFor: async ({ scope, context }) => {
        asked.push(`${scope.task}: ${context.text}`);
        return { preference: 'brief, no emojis', neighbours: [], embedding: null, usage: noUsage };
      },
      propose: async () => {
        throw new Error('the proxy never drafts through the learner');
      },
      learn: async () => ({ preferenceInferred: null, usage: noUsage }),
    };
    const { tailor } = createTestTailor({ learner });
    const prepared = await tailor.prepareChat({ ...user, text: 'plan my week' });
    expect(prepared.preference).toBe('brief, no emojis');
    expect(prepared.embedding.length).toBeGreaterThan(0);
    expect(asked).toEqual(['custom:chat: plan my week']);
  });

  it('uses refine-verify-K components, and falls back to CIPHER retrieval for a learner without a preference step', async () => {
    const verified = createTestTailor({ learnerName: 'refine-verify-5' });
    expect(verified.learner.preferenceFor).toBeDefined();
    expect((await verified.tailor.prepareChat({ ...user, text: 'plan my week' })).preference).toBeNull();
    const examples = createTestTailor({ learnerName: 'icl-edit-5' });
    expect(examples.learner.preferenceFor).toBeUndefined();
    await examples.tailor.preferences.add({ ...user, task: 'custom:chat', preference: 'sign as Ada' });
    expect((await examples.tailor.prepareChat({ ...user, text: 'plan my week' })).preference).toBe(
      'sign as Ada',
    );
  });
});
