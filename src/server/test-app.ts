import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { InMemoryApiKeyStore } from '../store/in-memory-api-key-store.js';
import type { AppDependencies } from './create-app.js';
import { createApp } from './create-app.js';
import { ServiceMetrics } from './service-metrics.js';
import { startService, type RunningService, type ServiceOptions } from './start-service.js';
import type { TailorOptions } from '../service/tailor.js';
import { createTestTailor } from '../service/test-tailor.js';

/**
 * The HTTP app on a test Tailor (see `createTestTailor`) with two tenants' keys, for route tests:
 * `call(path, init)` sends with tenant A's key unless `key` is given (`null`: no header).
 */
export async function createTestApp(
  options: { tailor?: Partial<TailorOptions>; app?: Partial<AppDependencies> } = {},
) {
  const built = createTestTailor(options.tailor);
  const apiKeys = new InMemoryApiKeyStore();
  const tenantA = await apiKeys.create({ tenant: 'tenant-a' });
  const tenantB = await apiKeys.create({ tenant: 'tenant-b' });
  const metrics = new ServiceMetrics({ processMetrics: false });
  const app = createApp({ tailor: built.tailor, apiKeys, metrics, staticRoot: null, ...options.app });
  const call = (
    path: string,
    init: { method?: string; body?: unknown; key?: string | null; raw?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    const key = init.key === undefined ? tenantA.secret : init.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (init.raw !== undefined || init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = init.raw ?? JSON.stringify(init.body);
    }
    return app.request(path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  };
  return { ...built, app, apiKeys, metrics, call, keyA: tenantA, keyB: tenantB };
}

/**
 * A stand-in for the built web UI (an `index.html` and `assets/app.js`) in a new temporary folder, to
 * serve as `staticRoot`; `remove()` deletes it.
 */
export function createFakeUiRoot(): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'tailor-ui-'));
  mkdirSync(join(path, 'assets'));
  writeFileSync(join(path, 'index.html'), '<!doctype html><title>Tailor UI</title>');
  writeFileSync(join(path, 'assets', 'app.js'), 'console.log(1);');
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** `createTestApp` with an info-level logger whose JSON lines are kept, parsed, in `lines`. */
export async function createLoggedTestApp(options: Parameters<typeof createTestApp>[0] = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const built = await createTestApp({ ...options, app: { logger, ...options.app } });
  return { ...built, lines };
}

/** The metrics token of `createServedTestApp`. */
export const testMetricsToken = 'a-metrics-token-of-enough-length';

/**
 * The app as `tailor serve` runs it: the web UI served from `uiRoot` (see `createFakeUiRoot`), a
 * metrics token (`testMetricsToken`) and the Content-Security-Policy on; log lines kept.
 */
export function createServedTestApp(uiRoot: string) {
  return createLoggedTestApp({
    app: { staticRoot: uiRoot, metricsToken: testMetricsToken, contentSecurityPolicy: true },
  });
}

/**
 * `startService` as `tailor serve` runs it offline (the offline writer, the lexical embedder,
 * cipher-5, a SQLite file in `folder`, 127.0.0.1 on a free port, no UI, quiet logs), with `options`
 * overriding any of these.
 */
export function startOfflineService(
  folder: string,
  options: Partial<ServiceOptions> = {},
): Promise<RunningService> {
  return startService({
    store: join(folder, 'tailor.sqlite'),
    port: 0,
    host: '127.0.0.1',
    model: 'sim',
    embedder: 'lexical',
    learner: 'cipher-5',
    staticRoot: null,
    recoveryIntervalMs: 60_000,
    logger: pino({ level: 'silent' }),
    ...options,
  });
}
