import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startService } from './start-service.js';

describe('startService', () => {
  it('reports the writer on /healthz, so the web UI can say drafts come from the offline rules', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tailor-start-service-'));
    const service = await startService({
      store: join(folder, 'tailor.sqlite'),
      port: 0,
      host: '127.0.0.1',
      model: 'sim',
      embedder: 'lexical',
      learner: 'cipher-5',
      staticRoot: null,
      recoveryIntervalMs: 60_000,
      logger: pino({ level: 'silent' }),
    });
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
