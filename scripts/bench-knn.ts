/**
 * k-nearest-neighbour retrieval speed of the `Memory` stores for one user: entries 1k / 10k / 100k ×
 * dimensions 256 / 768 × stores (in memory, SQLite, and PostgreSQL when TAILOR_BENCH_POSTGRES_URL is
 * set). Each case runs in a child process of its own, so its cold query and RSS are not coloured by
 * the others: seed the user's entries (random unit vectors, seeded), time the first query of three
 * fresh store instances over them (cold: vectors loaded from the database; the median, and the
 * process's very first query apart), then warm queries (p50 / p99), and check every cold answer and a
 * few warm ones against a plain float scan done here. A SQL store's first instance reads the rows
 * (seeding writes no vector blocks) and writes the blocks the next two load from. Then the bare int8
 * pre-scan of the same vectors, as many times as the warm queries (scan p50 / p99: the part of a warm
 * p99 the machine's scheduling adds shows there too), and the time to make fresh memory the size of
 * the int8 codes resident (touch: the floor under a cold load into a new index). Prints a table, then
 * one JSON line. Prints figures; asserts nothing (machines are shared and noisy).
 *
 *   npm run bench:knn [-- --sizes 1000,10000 --dimensions 256 --stores memory,sqlite --k 10]
 *
 * `scripts/update-readme-knn.ts` writes the README's table from its output.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Memory, MemoryScope, NewMemoryEntry } from '../src/spec/index.js';
import { encodeEmbedding } from '../src/store/embedding-codec.js';
import { InMemoryMemory } from '../src/store/in-memory-memory.js';
import { openPostgresDatabase } from '../src/store/postgres-database.js';
import { SqlMemory } from '../src/store/sql-memory.js';
import { VectorIndex } from '../src/store/vector-index.js';
import { openSqliteDatabase } from '../src/store/sqlite-database.js';

type StoreName = 'memory' | 'sqlite' | 'postgres';

interface CaseResult {
  readonly store: StoreName;
  readonly entries: number;
  readonly dimension: number;
  readonly k: number;
  readonly queries: number;
  /** Median of the first query over three fresh store instances (the first in this process included). */
  readonly coldMs: number;
  /** The very first query in a fresh process (code not yet optimised). */
  readonly coldFirstMs: number;
  readonly warmP50Ms: number;
  readonly warmP99Ms: number;
  /** The bare int8 pre-scan of the same vectors in this process, as many queries: what noise adds. */
  readonly scanP50Ms: number;
  readonly scanP99Ms: number;
  /**
   * Median time to write every byte of fresh memory the size of the int8 codes once (3 tries): what
   * the machine charges to make that memory resident, a floor under any cold load into a new index.
   */
  readonly firstTouchMs: number;
  readonly rssMb: number;
  readonly seedSeconds: number;
  readonly sameTopK: boolean;
}

const scope: MemoryScope = { tenant: 'bench', user: 'ada', task: 'email' };
const warmBudgetMs = 4_000;
const maxWarmQueries = 200;
const minWarmQueries = 20;

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

function numbers(text: string): number[] {
  return text.split(',').map(Number);
}

/** mulberry32: a small seeded generator, so every run and store sees the same vectors. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A random unit vector (Gaussian components, normalised). */
function unitVector(random: () => number, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  let norm = 0;
  for (let index = 0; index < dimension; index++) {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    vector[index] = gaussian;
    norm += gaussian * gaussian;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let index = 0; index < dimension; index++) vector[index]! *= scale;
  return vector;
}

function entryOf(index: number, vector: Float32Array): NewMemoryEntry {
  return {
    scope,
    kind: 'preference',
    embedding: Array.from(vector),
    contextId: null,
    contextText: null,
    preference: `preference ${index}`,
    pair: null,
    origin: 'inferred',
    interactionId: null,
  };
}

/** The reference: indices of the k best by a plain float scan, ties to the earlier entry. */
function referenceTopK(vectors: readonly Float32Array[], query: Float32Array, k: number): number[] {
  const scored = vectors.map((vector, index) => {
    let sum = 0;
    for (let position = 0; position < vector.length; position++) sum += vector[position]! * query[position]!;
    return { index, sum };
  });
  scored.sort((left, right) => right.sum - left.sum || left.index - right.index);
  return scored.slice(0, k).map((scored) => scored.index);
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** A fresh store over the seeded entries (the seeding store is another instance, so caches start empty). */
interface Opened {
  readonly seed: (entries: readonly NewMemoryEntry[]) => Promise<void>;
  readonly fresh: () => Memory;
  readonly close: () => Promise<void>;
}

async function openStore(store: StoreName): Promise<Opened> {
  if (store === 'memory') {
    const memory = new InMemoryMemory();
    return {
      seed: async (entries) => {
        for (const entry of entries) await memory.add(entry);
      },
      // NOTE: an in-memory store has nothing to load: "cold" is its first query.
      fresh: () => memory,
      close: async () => {},
    };
  }
  if (store === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'tailor-bench-knn-'));
    const database = await openSqliteDatabase({ path: join(directory, 'knn.sqlite'), synchronous: 'normal' });
    return {
      seed: async (entries) => {
        const seeding = new SqlMemory(database);
        for (const entry of entries) await seeding.add(entry);
      },
      fresh: () => new SqlMemory(database),
      close: async () => {
        await database.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TAILOR_BENCH_POSTGRES_URL!;
  const schema = `tailor_bench_${randomBytes(6).toString('hex')}`;
  const database = await openPostgresDatabase({ connectionString: url, schema, maxConnections: 4 });
  return {
    // NOTE: one INSERT per 500 rows (add() would take minutes at 100k); the same columns add() writes.
    // Then VACUUM ANALYZE, as autovacuum would soon: a freshly loaded table has no visibility map, so
    // every indexed count would also read the table's pages.
    seed: async (entries) => {
      for (let start = 0; start < entries.length; start += 500) {
        const batch = entries.slice(start, start + 500);
        const now = new Date().toISOString();
        await database.pool.query(
          `INSERT INTO memory_entries (id, tenant, user_id, task, kind, embedding, dimension, preference,
             origin, pinned, created_at, updated_at)
           SELECT gen_random_uuid()::text, $1, $2, $3, 'preference', e, $4, p, 'inferred', false, $5, $5
           FROM unnest($6::bytea[], $7::text[]) WITH ORDINALITY AS t(e, p, n) ORDER BY n`,
          [
            scope.tenant,
            scope.user,
            scope.task,
            batch[0]!.embedding.length,
            now,
            batch.map((entry) => encodeEmbedding(entry.embedding)),
            batch.map((entry) => entry.preference),
          ],
        );
      }
      await database.pool.query('VACUUM ANALYZE memory_entries');
    },
    fresh: () => new SqlMemory(database),
    close: async () => {
      await database.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function runCase(store: StoreName, entries: number, dimension: number, k: number): Promise<CaseResult> {
  const random = seededRandom(entries * 7919 + dimension);
  const vectors = Array.from({ length: entries }, () => unitVector(random, dimension));
  const opened = await openStore(store);
  try {
    const seedStarted = performance.now();
    await opened.seed(vectors.map((vector, index) => entryOf(index, vector)));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    let memory = opened.fresh();
    const ask = (query: Float32Array) =>
      memory.nearest({ scope, embedding: Array.from(query), k, kind: 'preference' });
    const indexOf = (text: string | null) => Number((text ?? '').replace('preference ', ''));

    let sameTopK = true;
    const check = async (query: Float32Array, found?: Awaited<ReturnType<typeof ask>>) => {
      const got = (found ?? (await ask(query))).map((neighbour) => indexOf(neighbour.entry.preference));
      const expected = referenceTopK(vectors, query, k);
      if (got.join(',') !== expected.join(',')) sameTopK = false;
    };

    const colds: number[] = [];
    // NOTE: a fresh instance has an empty vector cache; the in-memory store has nothing to load, so
    // only its first query counts as cold.
    for (let round = 0; round < (store === 'memory' ? 1 : 3); round++) {
      memory = opened.fresh();
      const coldQuery = unitVector(random, dimension);
      const coldStarted = performance.now();
      const coldAnswer = await ask(coldQuery);
      colds.push(performance.now() - coldStarted);
      await check(coldQuery, coldAnswer);
    }
    const coldFirstMs = colds[0]!;
    colds.sort((left, right) => left - right);
    const coldMs = percentile(colds, 0.5);

    const times: number[] = [];
    const warmStarted = performance.now();
    while (
      times.length < minWarmQueries ||
      (times.length < maxWarmQueries && performance.now() - warmStarted < warmBudgetMs)
    ) {
      const query = unitVector(random, dimension);
      const started = performance.now();
      await ask(query);
      times.push(performance.now() - started);
    }
    for (let checked = 0; checked < 5; checked++) await check(unitVector(random, dimension));
    times.sort((left, right) => left - right);
    const scans = bareScanTimes(vectors, times.length, random, k);
    const touches = [0, 1, 2].map(() => firstTouchMs(entries, dimension)).sort((left, right) => left - right);
    return {
      store,
      entries,
      dimension,
      k,
      queries: times.length,
      coldMs,
      coldFirstMs,
      warmP50Ms: percentile(times, 0.5),
      warmP99Ms: percentile(times, 0.99),
      scanP50Ms: percentile(scans, 0.5),
      scanP99Ms: percentile(scans, 0.99),
      firstTouchMs: touches[1]!,
      rssMb: process.memoryUsage().rss / 2 ** 20,
      seedSeconds,
      sameTopK,
    };
  } finally {
    await opened.close();
  }
}

/**
 * `queries` timings of the bare int8 pre-scan over the vectors (`VectorIndex.candidates`, what every
 * large query does; no store, no I/O), sorted: its p99 over its p50 is the scheduling noise of the
 * machine at that moment, beside the stores' warm p99.
 */
function bareScanTimes(
  vectors: readonly Float32Array[],
  queries: number,
  random: () => number,
  k: number,
): number[] {
  const dimension = vectors[0]!.length;
  const index = new VectorIndex(dimension, {
    capacity: Math.max(vectors.length, 2_048),
    values: 'below-prescan',
  });
  vectors.forEach((vector, position) => index.append(position + 1, vector));
  const times: number[] = [];
  for (let query = 0; query < queries; query++) {
    const vector = unitVector(random, dimension);
    const started = performance.now();
    index.candidates(vector, k);
    times.push(performance.now() - started);
  }
  return times.sort((left, right) => left - right);
}

/**
 * Milliseconds to make fresh memory for the int8 codes of `entries` rows resident: a new WebAssembly
 * memory (where an index keeps its codes) of their size, every byte written once. Memory the process
 * never touched costs a page fault per page, so a cold load that builds its index in new memory can
 * take no less, whatever it reads from.
 */
function firstTouchMs(entries: number, dimension: number): number {
  const bytes = entries * Math.ceil(dimension / 16) * 16;
  const started = performance.now();
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65_536) });
  new Uint8Array(memory.buffer, 0, bytes).fill(1);
  return performance.now() - started;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

async function main(): Promise<void> {
  const one = flag('one');
  const k = Number(flag('k') ?? 10);
  if (one !== undefined) {
    const [store, entries, dimension] = one.split(':');
    const result = await runCase(store as StoreName, Number(entries), Number(dimension), k);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = numbers(flag('sizes') ?? '1000,10000,100000');
  const dimensions = numbers(flag('dimensions') ?? '256,768');
  const postgres = process.env.TAILOR_BENCH_POSTGRES_URL;
  const stores = (flag('stores')?.split(',') ?? [
    'memory',
    'sqlite',
    ...(postgres ? ['postgres'] : []),
  ]) as StoreName[];
  if (stores.includes('postgres') && !postgres) throw new Error('postgres needs TAILOR_BENCH_POSTGRES_URL');
  if (!postgres) console.log('(PostgreSQL skipped: set TAILOR_BENCH_POSTGRES_URL to include it)');
  const script = fileURLToPath(import.meta.url);
  const results: CaseResult[] = [];
  const header = [
    'store',
    'entries',
    'dim',
    'cold ms',
    'first ms',
    'warm p50 ms',
    'warm p99 ms',
    'scan p50 ms',
    'scan p99 ms',
    'touch ms',
    'RSS MB',
    'same top k',
  ];
  const widths = [8, 8, 5, 9, 9, 12, 12, 12, 12, 9, 8, 11];
  console.log(header.map((cell, index) => pad(cell, widths[index]!)).join(' '));
  for (const store of stores) {
    for (const dimension of dimensions) {
      for (const entries of sizes) {
        const child = spawnSync(
          process.execPath,
          [...process.execArgv, script, '--one', `${store}:${entries}:${dimension}`, '--k', String(k)],
          { encoding: 'utf8', maxBuffer: 2 ** 26, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        if (child.status !== 0) throw new Error(`case ${store} ${entries}×${dimension} failed`);
        const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as CaseResult;
        results.push(result);
        const row = [
          store,
          String(entries),
          String(dimension),
          result.coldMs.toFixed(1),
          result.coldFirstMs.toFixed(1),
          result.warmP50Ms.toFixed(2),
          result.warmP99Ms.toFixed(2),
          result.scanP50Ms.toFixed(2),
          result.scanP99Ms.toFixed(2),
          result.firstTouchMs.toFixed(1),
          result.rssMb.toFixed(0),
          result.sameTopK ? 'yes' : 'NO',
        ];
        console.log(row.map((cell, index) => pad(cell, widths[index]!)).join(' '));
      }
    }
  }
  console.log(JSON.stringify({ k, node: process.version, loadAverage: loadavg()[0], results }));
}

await main();
