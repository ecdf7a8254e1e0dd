/**
 * `npm run bench:load`: how fast the HTTP service is under loopback load. Prints figures; it is a
 * measurement, not a test.
 *
 * - default: throughput, latency, errors and memory on SQLite and PostgreSQL with the offline writer
 *   and lexical embedder, plus exact k-NN time (see `load-bench-stores.ts` for its flags);
 * - `--instant`: the service's own cost, over a language model and embedder that answer at once in
 *   process: calls/s and p50/p99 of generate and learn over HTTP and through the library at
 *   `--instant-connections` (default 1,10,50), `--seconds` each (default 10), SQLite with
 *   `--sqlite-synchronous normal` (default; `full` adds an fsync per commit), model calls in flight
 *   per tenant at the service's default unless `--tenant-model-concurrency N`; it also counts the
 *   model calls that queued for a slot; last line JSON (see `load-bench-instant.ts`).
 */
const argv = process.argv.slice(2);
if (argv.includes('--instant')) {
  const { runInstantBench } = await import('./load-bench-instant.js');
  const value = (name: string, fallback: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1]! : fallback;
  };
  await runInstantBench({
    seconds: Number(value('seconds', '10')),
    connections: value('instant-connections', '1,10,50').split(',').map(Number),
    warmUpSeconds: 2,
    users: 1000,
    sqliteSynchronous: value('sqlite-synchronous', 'normal') === 'full' ? 'full' : 'normal',
    tenantConcurrency: argv.includes('--tenant-model-concurrency')
      ? Number(value('tenant-model-concurrency', '16'))
      : undefined,
  });
} else {
  // NOTE: imported only here, so the instant mode loads none of the store-seeding code.
  await import('./load-bench-stores.js');
}
