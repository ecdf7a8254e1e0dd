/**
 * The HTTP service over the instant models (see `instant-model.ts`), for `npm run bench:load --
 * --instant`: serves on a free port of 127.0.0.1 and prints `listening <url> <api key>` on stdout.
 * Request logs go to stderr (the benchmark sends them to /dev/null, as a log file would take them). On
 * SIGTERM it prints `slots {"calls":..,"queued":..,"waitedMs":..}`: model calls that queued for a slot.
 *
 * Usage: tsx scripts/instant-server.ts <sqlite file> [full|normal] [model calls in flight per tenant]
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openInstantTailor } from './instant-model.js';

const storePath = process.argv[2];
if (storePath === undefined) {
  process.stderr.write('usage: instant-server.ts <sqlite file>\n');
  process.exit(2);
}
const sqliteSynchronous = process.argv[3] === 'normal' ? 'normal' : 'full';
const tenantConcurrency = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const { app, stores, slotWaits } = await openInstantTailor({
  storePath,
  sqliteSynchronous,
  logDestination: 2,
  callPolicy: tenantConcurrency === undefined ? undefined : { tenantConcurrency },
});
const { secret } = await stores.apiKeys.create({ tenant: 'bench', label: 'instant load bench' });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}/ ${secret}\n`);
});
process.once('SIGTERM', () => {
  // NOTE: the model calls' slot waits, for the benchmark (its second line of this process's output).
  process.stdout.write(`slots ${JSON.stringify(slotWaits)}\n`);
  server.close(() => void stores.close().then(() => process.exit(0)));
});
