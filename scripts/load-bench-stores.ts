/**
 * `npm run bench:load` on real stores: throughput, latency, errors and memory of the HTTP service under loopback load,
 * on SQLite and on PostgreSQL, plus exact k-NN retrieval time at 1k, 10k and 100k rows per user.
 * Prints figures; it is a measurement, not a test. Offline writer and lexical embedder: the numbers
 * say how fast the service and its stores are, nothing about any LLM.
 *
 * Flags: --seconds N (20) --connections N (50) --stores sqlite,sqlite-normal,postgres
 *        --knn-rows 1000,10000,100000
 *        --knn-dimensions 768,4096 --skip-load --skip-knn
 * PostgreSQL: TAILOR_BENCH_POSTGRES_URL or TAILOR_TEST_POSTGRES_URL (skipped, saying so, when unset).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createLexicalEmbedder } from '../src/sim/lexical-embedder.js';
import { loadBuiltinCorpus } from '../src/sim/corpus.js';
import type { ApiKeyStore, InteractionStore, Memory } from '../src/spec/index.js';
import { encodeEmbedding } from '../src/store/embedding-codec.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';
import { SqlApiKeyStore } from '../src/store/sql-api-key-store.js';
import { SqlInteractionStore } from '../src/store/sql-interaction-store.js';
import { SqlMemory } from '../src/store/sql-memory.js';
import { openSqliteDatabase } from '../src/store/sqlite-database.js';
import type { LoadReport } from './load-clients.js';

const root = join(import.meta.dirname, '..');
const flags = parseFlags(process.argv.slice(2));
const postgresUrl =
  process.env.TAILOR_BENCH_POSTGRES_URL || process.env.TAILOR_TEST_POSTGRES_URL || undefined;
const work = mkdtempSync(join(tmpdir(), 'tailor-load-bench-'));

function parseFlags(argv: readonly string[]) {
  const value = (name: string, fallback: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1]! : fallback;
  };
  const numbers = (text: string) => text.split(',').map(Number);
  return {
    seconds: Number(value('seconds', '20')),
    connections: Number(value('connections', '50')),
    stores: value('stores', 'sqlite,sqlite-normal,postgres').split(','),
    knnRows: numbers(value('knn-rows', '1000,10000,100000')),
    knnDimensions: numbers(value('knn-dimensions', '768,4096')),
    load: !argv.includes('--skip-load'),
    knn: !argv.includes('--skip-knn'),
  };
}

type StoreName = 'sqlite' | 'sqlite-normal' | 'postgres';

/** A store to benchmark: where it is, its three stores for seeding, and how to clean up. */
interface BenchStore {
  readonly name: StoreName;
  readonly location: string;
  readonly schema?: string;
  readonly memory: Memory;
  readonly interactions: InteractionStore;
  readonly apiKeys: ApiKeyStore;
  /** Runs seeding writes in bulk (one SQLite transaction; PostgreSQL: as they come). */
  bulk<T>(work: () => Promise<T>): Promise<T>;
  /** Inserts bare preference entries straight into the table (k-NN seeding, far faster than add). */
  insertVectors(
    scope: { tenant: string; user: string; task: string },
    vectors: readonly number[][],
  ): Promise<void>;
  close(): Promise<void>;
}

async function openBenchStore(name: StoreName): Promise<BenchStore | undefined> {
  if (name === 'sqlite' || name === 'sqlite-normal') {
    const location = join(work, `load-${randomBytes(4).toString('hex')}.sqlite`);
    const opened = await openSqliteDatabase({ path: location, synchronous: 'normal' });
    const database = opened.native;
    return {
      name,
      location,
      memory: new SqlMemory(opened),
      interactions: new SqlInteractionStore(opened),
      apiKeys: new SqlApiKeyStore(opened),
      async bulk(work) {
        database.exec('BEGIN');
        try {
          const result = await work();
          database.exec('COMMIT');
          return result;
        } catch (error) {
          database.exec('ROLLBACK');
          throw error;
        }
      },
      async insertVectors(scope, vectors) {
        const insert = database.prepare(
          `INSERT INTO memory_entries (id, tenant, user_id, task, kind, dimension, preference, origin, pinned, created_at, updated_at, embedding)
           VALUES (?, ?, ?, ?, 'preference', ?, 'short sentences', 'inferred', 0, ?, ?, ?)`,
        );
        const now = new Date().toISOString();
        database.transaction(() => {
          for (const vector of vectors) {
            insert.run(
              randomUUID(),
              scope.tenant,
              scope.user,
              scope.task,
              vector.length,
              now,
              now,
              encodeEmbedding(vector),
            );
          }
        })();
      },
      close: () => opened.close(),
    };
  }
  if (postgresUrl === undefined) {
    console.log('PostgreSQL: skipped (set TAILOR_BENCH_POSTGRES_URL or TAILOR_TEST_POSTGRES_URL)');
    return undefined;
  }
  const schema = `tailor_bench_${randomBytes(4).toString('hex')}`;
  const database = await openPostgresDatabase({ connectionString: postgresUrl, schema, maxConnections: 16 });
  return {
    name,
    location: postgresUrl,
    schema,
    memory: new SqlMemory(database),
    interactions: new SqlInteractionStore(database),
    apiKeys: new SqlApiKeyStore(database),
    bulk: (work) => work(),
    async insertVectors(scope, vectors) {
      for (let start = 0; start < vectors.length; start += 500) {
        const batch = vectors.slice(start, start + 500);
        const values: unknown[] = [];
        const rows = batch.map((vector) => {
          values.push(
            randomUUID(),
            scope.tenant,
            scope.user,
            scope.task,
            vector.length,
            encodeEmbedding(vector),
          );
          const at = values.length - 6;
          return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, 'preference', $${at + 5}, 'short sentences', 'inferred', false, now(), now(), $${at + 6})`;
        });
        await database.pool.query(
          `INSERT INTO memory_entries (id, tenant, user_id, task, kind, dimension, preference, origin, pinned, created_at, updated_at, embedding)
           VALUES ${rows.join(', ')}`,
          values,
        );
      }
    },
    async close() {
      await database.close();
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** Runs `task` over `items` with at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/**
 * 10,000 learned interactions (and their CIPHER preference entries) for the user `heavy`, and 10 for
 * each of 1,000 users `user-0000`..`user-0999`, all in tenant `bench`, on contexts of the built-in
 * email corpus embedded with the service's lexical embedder.
 */
async function seed(store: BenchStore): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const contexts = await loadBuiltinCorpus('email');
  const embedder = createLexicalEmbedder();
  const { embeddings } = await embedder.embed({ values: contexts.map((context) => context.text) });
  const preferences = [
    'short sentences',
    'informal, no closing',
    'bullet points',
    'warm greeting, thankful closing',
  ];
  const jobs: { user: string; index: number }[] = [];
  for (let index = 0; index < 10_000; index++) jobs.push({ user: 'heavy', index });
  for (let user = 0; user < 1_000; user++) {
    for (let index = 0; index < 10; index++)
      jobs.push({ user: `user-${String(user).padStart(4, '0')}`, index });
  }
  await store.bulk(() =>
    inParallel(jobs, store.name === 'postgres' ? 12 : 1, async ({ user, index }) => {
      const context = contexts[index % contexts.length]!;
      const embedding = embeddings[index % embeddings.length]!;
      const preference = preferences[index % preferences.length]!;
      const output = `Hi,\n\n${context.text.slice(0, 300)}\n\nBest,`;
      const edited = `${context.text.slice(0, 200)}\nThanks!`;
      const created = await store.interactions.create({
        tenant: 'bench',
        user,
        task: { kind: 'email' },
        contextId: context.id,
        contextText: context.text,
        embedding,
        output,
        preferenceUsed: null,
        neighbours: [],
        learner: 'cipher-5',
      });
      await store.interactions.recordEdit({ tenant: 'bench', id: created.id, edited, cost: 12 });
      await store.interactions.markLearned({
        tenant: 'bench',
        id: created.id,
        preferenceInferred: preference,
      });
      await store.memory.add({
        scope: { tenant: 'bench', user, task: 'email' },
        kind: 'preference',
        embedding,
        contextId: context.id,
        contextText: context.text,
        preference,
        pair: { original: output, edited },
        origin: 'inferred',
        interactionId: created.id,
      });
    }),
  );
  return { rows: jobs.length, seconds: (performance.now() - started) / 1000 };
}

/** The largest resident set size of a process, in MiB, read from /proc. */
function residentMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]) / 1024;
  } catch {
    return 0;
  }
}

/** `tailor serve` as a child process on a free port; resolves with its URL. */
async function startServer(store: BenchStore) {
  const args = [
    '--import',
    'tsx',
    join(root, 'src/cli/main.ts'),
    'serve',
    '--store',
    store.location,
    '--port',
    '0',
  ];
  // NOTE: 50 clients on one key measure the service, not the fair-use limits.
  args.push(
    '--no-ui',
    '--key-file',
    join(work, 'unused-key'),
    '--rate-limit',
    '0',
    '--tenant-concurrency',
    '0',
  );
  if (store.schema !== undefined) args.push('--schema', store.schema);
  if (store.name === 'sqlite-normal') args.push('--sqlite-synchronous', 'normal');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, TAILOR_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function loadRun(store: BenchStore) {
  const seeded = await seed(store);
  const { secret } = await store.apiKeys.create({ tenant: 'bench', label: 'load bench' });
  const server = await startServer(store);
  const pid = server.child.pid!;
  const idle = residentMiB(pid);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMiB(pid))), 250);
  const generator = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/load-generator.ts'),
      server.url,
      secret,
      String(flags.seconds),
      String(flags.connections),
      '1000',
      '0.1',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let report = '';
  generator.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
  await once(generator, 'exit');
  clearInterval(sampler);
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
  return { seeded, idle, peak, result: JSON.parse(report) as LoadReport };
}

function randomUnitVector(dimensions: number): number[] {
  const vector = Array.from({ length: dimensions }, () => Math.random() * 2 - 1);
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return vector.map((value) => value / norm);
}

/** Median time of `Memory.nearest` (k = 5) over one user's rows, growing the user to each size. */
async function knnRun(store: BenchStore) {
  const results: { dimensions: number; rows: number; coldMs: number; medianMs: number }[] = [];
  for (const dimensions of flags.knnDimensions) {
    const scope = { tenant: 'knn', user: `user-${dimensions}`, task: 'email' };
    let count = 0;
    for (const rows of flags.knnRows) {
      for (let done = count; done < rows; done += 5_000) {
        const batch = Array.from({ length: Math.min(5_000, rows - done) }, () =>
          randomUnitVector(dimensions),
        );
        await store.insertVectors(scope, batch);
      }
      count = rows;
      const times: number[] = [];
      let coldMs = 0;
      // NOTE: the first query reads the scope from the database (cold); later ones find its vectors in
      // the store's cache and only check that the scope did not change (warm). Big scopes get fewer runs.
      const runs = rows >= 100_000 ? 4 : 8;
      for (let run = 0; run < runs; run++) {
        const query = randomUnitVector(dimensions);
        const begin = performance.now();
        await store.memory.nearest({ scope, embedding: query, k: 5, kind: 'preference' });
        if (run === 0) coldMs = performance.now() - begin;
        else times.push(performance.now() - begin);
      }
      times.sort((left, right) => left - right);
      results.push({ dimensions, rows, coldMs, medianMs: times[Math.floor(times.length / 2)]! });
      console.log(
        `  ${store.name} k-NN ${dimensions}-d, ${rows} rows: cold ${coldMs.toFixed(1)} ms, warm ${results.at(-1)!.medianMs.toFixed(1)} ms`,
      );
    }
  }
  return results;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
try {
  console.log(
    `load bench: ${flags.seconds} s, ${flags.connections} connections, offline writer + lexical embedder`,
  );
  const loadRows: string[] = [];
  const knnRows: string[] = [];
  for (const name of flags.stores as StoreName[]) {
    if (flags.load) {
      const store = await openBenchStore(name);
      if (store !== undefined) {
        console.log(`${name}: seeding 20,000 interactions (heavy user: 10,000; 1,000 users: 10 each)...`);
        const run = await loadRun(store);
        const { all, generate, learn } = run.result;
        console.log(
          `  seeded ${run.seeded.rows} in ${fixed(run.seeded.seconds, 1)} s`,
          run.result.errorMessages,
        );
        loadRows.push(
          `| ${name} | ${fixed(all.perSecond)} | ${fixed(generate.p50)} / ${fixed(generate.p99)} | ${fixed(learn.p50)} / ${fixed(learn.p99)} | ${all.requests} | ${all.errors} | ${fixed(run.idle)} → ${fixed(run.peak)} |`,
        );
        console.log(loadRows.at(-1));
        await store.close();
      }
    }
    if (flags.knn && name !== 'sqlite-normal') {
      const store = await openBenchStore(name);
      if (store !== undefined) {
        for (const result of await knnRun(store)) {
          knnRows.push(
            `| ${name} | ${result.dimensions} | ${result.rows} | ${fixed(result.coldMs, 1)} | ${fixed(result.medianMs, 1)} |`,
          );
        }
        await store.close();
      }
    }
  }
  if (loadRows.length > 0) {
    console.log(
      '\n| store | requests/s | generate p50 / p99 (ms) | learn p50 / p99 (ms) | requests | errors | server RSS idle → peak (MiB) |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const row of loadRows) console.log(row);
  }
  if (knnRows.length > 0) {
    console.log('\n| store | dimensions | rows in the user | k-NN (k = 5) cold ms | warm median ms |');
    console.log('|---|---|---|---|---|');
    for (const row of knnRows) console.log(row);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
