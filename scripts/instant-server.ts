/**
 * The HTTP service over the instant models (see `instant-model.ts`), for `npm run bench:load --
 * --instant`: serves on a free port of 127.0.0.1 and prints `listening <url> <api key>` on stdout.
 * Request logs go to stderr (the benchmark sends them to /dev/null, as a log file would take them).
 *
 * Usage: tsx scripts/instant-server.ts <sqlite file> [full|normal]
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
const { app, stores } = await openInstantTailor({ storePath, sqliteSynchronous, logDestination: 2 });
const { secret } = await stores.apiKeys.create({ tenant: 'bench', label: 'instant load bench' });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}/ ${secret}\n`);
});
process.once('SIGTERM', () => {
  server.close(() => void stores.close().then(() => process.exit(0)));
});
