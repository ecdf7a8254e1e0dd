import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOfflineService } from './test-app.js';

describe('startService', () => {
  it('drafts with a pinned preference every time: the demo writer does not skip requirements at random', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tailor-start-service-'));
    const service = await startOfflineService(folder);
    try {
      const { secret } = await service.stores.apiKeys.create({ tenant: 'acme' });
      const post = (path: string, body: unknown) =>
        fetch(new URL(path, service.url), {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const pinned = await post('v1/users/ada/preferences', {
        task: 'summarization',
        preference: 'bullet points',
        pinned: true,
      });
      expect(pinned.status).toBe(201);
      const animals = ['red panda', 'snow leopard', 'sea otter', 'barn owl', 'grey heron', 'pine marten'];
      for (const [index, animal] of [...animals, ...animals].entries()) {
        const context =
          `The ${animal} is a mammal or bird of the northern hills, seen ${index + 2} times last year. ` +
          `It has a long tail and eats what the season brings. Most of its life is spent alone.`;
        const draft = (await (
          await post('v1/generate', { user: 'ada', task: 'summarization', context })
        ).json()) as {
          text: string;
        };
        expect(draft.text, context).toMatch(/^- /m);
      }
    } finally {
      await service.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reports the writer on /healthz, so the web UI can say drafts come from the offline rules', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tailor-start-service-'));
    const service = await startOfflineService(folder);
    try {
      const health = await (await fetch(new URL('healthz', service.url))).json();
      expect(health).toMatchObject({
        status: 'ok',
        store: 'sqlite',
        writer: 'tailor-offline:rule-based-writer',
      });
    } finally {
      await service.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
