/**
 * What reading large `bytea` values from PostgreSQL costs through `pg`, three ways, in one run: an
 * ordinary query (the server encodes them as hex text, `pg` decodes it), `encode(data, 'base64')`
 * decoded here, and a binary COPY (`src/store/postgres-copy-out.ts`, how the SQL store reads its vector
 * blocks). Blobs of random bytes, by default 25 of 3,276,800 bytes (the blocks of 100,000 entries of
 * 768 dimensions), in a schema of its own, dropped at the end. Prints the median of each over the
 * rounds, their ratios to the COPY, then one JSON line; asserts nothing.
 *
 *   TAILOR_BENCH_POSTGRES_URL=postgres://... npm run bench:bytea [-- --blobs 25 --bytes 3276800 --rounds 5]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { copyOutBinary } from '../src/store/postgres-copy-out.js';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const url = process.env.TAILOR_BENCH_POSTGRES_URL;
if (!url) throw new Error('set TAILOR_BENCH_POSTGRES_URL');
const blobs = flag('blobs', 25);
const bytes = flag('bytes', 3_276_800);
const rounds = flag('rounds', 5);
const schema = `tailor_bench_${randomBytes(6).toString('hex')}`;
const client = new pg.Client({ connectionString: url });
await client.connect();

const median = (values: number[]) =>
  [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;

try {
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE TABLE ${schema}.blobs (n INTEGER PRIMARY KEY, data BYTEA NOT NULL)`);
  await client.query(`ALTER TABLE ${schema}.blobs ALTER COLUMN data SET STORAGE EXTERNAL`);
  const written: Buffer[] = [];
  for (let n = 0; n < blobs; n++) {
    written.push(randomBytes(bytes));
    await client.query(`INSERT INTO ${schema}.blobs VALUES ($1, $2)`, [n, written[n]]);
  }
  const select = `SELECT data FROM ${schema}.blobs ORDER BY n`;
  const same = (read: Uint8Array[]) =>
    read.length === blobs && read.every((blob, n) => Buffer.compare(Buffer.from(blob), written[n]!) === 0);
  const ways: Record<string, () => Promise<Uint8Array[]>> = {
    'hex (a query)': async () => (await client.query<{ data: Buffer }>(select)).rows.map((row) => row.data),
    'base64 (encode)': async () =>
      (
        await client.query<{ data: string }>(
          `SELECT encode(data, 'base64') AS data FROM ${schema}.blobs ORDER BY n`,
        )
      ).rows.map((row) => Buffer.from(row.data, 'base64')),
    'binary COPY': async () => {
      const read: Uint8Array[] = [];
      await copyOutBinary(client, select, (blob) => read.push(Uint8Array.from(blob)));
      return read;
    },
  };
  const times: Record<string, number[]> = {};
  let correct = true;
  for (let round = 0; round < rounds; round++) {
    for (const [name, read] of Object.entries(ways)) {
      const started = performance.now();
      const result = await read();
      (times[name] ??= []).push(performance.now() - started);
      if (round === 0 && !same(result)) correct = false;
    }
  }
  const copy = median(times['binary COPY']!);
  console.log(`${blobs} blobs of ${bytes.toLocaleString('en-US')} bytes, median of ${rounds} rounds`);
  const results = Object.entries(times).map(([way, values]) => ({ way, medianMs: median(values) }));
  for (const { way, medianMs } of results) {
    console.log(
      `${way.padEnd(16)} ${medianMs.toFixed(0).padStart(7)} ms  ${(medianMs / copy).toFixed(2)}× the COPY`,
    );
  }
  console.log(JSON.stringify({ blobs, bytes, rounds, correct, loadAverage: loadavg()[0], results }));
} finally {
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
