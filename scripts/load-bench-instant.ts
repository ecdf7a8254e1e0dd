/**
 * `npm run bench:load -- --instant`: the service's own cost, with a language model and an embedder that
 * answer at once in process (`instant-model.ts`). For each number of connections, calls/s and p50/p99
 * of generate and learn over HTTP (server and load generator in two processes, SQLite store) and the
 * same operations through the library in one process; the difference of the p50s is what HTTP adds.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { withModelCallTenant } from '../src/providers/model-call-tenant.js';
import { openInstantTailor, type SlotWaits } from './instant-model.js';
import { runLoadClients, type LoadReport } from './load-clients.js';

const root = join(import.meta.dirname, '..');

export interface InstantOptions {
  readonly seconds: number;
  readonly connections: readonly number[];
  readonly warmUpSeconds: number;
  readonly users: number;
  /** SQLite commit durability of both paths (full: an fsync per commit, what the disk costs). */
  readonly sqliteSynchronous: 'full' | 'normal';
  /** Model calls in flight per tenant (the bench is one tenant); undefined: the service's default. */
  readonly tenantConcurrency?: number;
}

/** One row of the result: a path (http or library) at some connections. */
export interface InstantRow {
  readonly path: 'http' | 'library';
  readonly connections: number;
  /**
   * CPU time of the serving process per call (HTTP: the server's; library: this process's, the
   * clients' loop included): what a call costs whatever else shares the machine.
   */
  readonly cpuMsPerCall: number;
  /**
   * HTTP only: CPU time of the load generator (a second process on the same cores) per call; the
   * library's clients run in its own process and are counted in `cpuMsPerCall`.
   */
  readonly clientCpuMsPerCall?: number;
  /** Model calls made (warm-up included), and those that queued for a slot, with their mean wait. */
  readonly modelCalls?: { calls: number; queued: number; meanWaitMs: number };
  readonly generate: { perSecond: number; p50: number; p99: number; errors: number };
  readonly learn: { perSecond: number; p50: number; p99: number; errors: number };
}

/** User + system CPU time of a process so far, in ms, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // NOTE: utime and stime are fields 14 and 15 of the line (11 and 12 after the name); ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Measured {
  readonly report: LoadReport;
  readonly cpuMs: number;
  readonly clientCpuMs?: number;
  readonly slotWaits?: SlotWaits;
}

function row(path: InstantRow['path'], { report, cpuMs, clientCpuMs, slotWaits }: Measured): InstantRow {
  const pick = (summary: LoadReport['generate']) => ({
    perSecond: summary.perSecond,
    p50: summary.p50,
    p99: summary.p99,
    errors: summary.errors,
  });
  return {
    path,
    connections: report.connections,
    cpuMsPerCall: cpuMs / Math.max(1, report.allCalls),
    ...(clientCpuMs === undefined ? {} : { clientCpuMsPerCall: clientCpuMs / Math.max(1, report.allCalls) }),
    ...(slotWaits === undefined
      ? {}
      : {
          modelCalls: {
            calls: slotWaits.calls,
            queued: slotWaits.queued,
            meanWaitMs: slotWaits.waitedMs / Math.max(1, slotWaits.queued),
          },
        }),
    generate: pick(report.generate),
    learn: pick(report.learn),
  };
}

async function overHttp(options: InstantOptions, connections: number, work: string): Promise<Measured> {
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/instant-server.ts'),
      join(work, `http-${connections}.sqlite`),
      options.sqliteSynchronous,
      ...(options.tenantConcurrency === undefined ? [] : [String(options.tenantConcurrency)]),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const lines = createInterface({ input: server.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  // NOTE: on SIGTERM the server prints its model calls' slot waits (see instant-server.ts).
  const slotWaits = new Promise<SlotWaits | undefined>((resolve) => {
    lines.on('line', (next: string) => {
      if (next.startsWith('slots ')) resolve(JSON.parse(next.slice('slots '.length)) as SlotWaits);
    });
    lines.once('close', () => resolve(undefined));
  });
  const [, url, key] = line.split(' ');
  const cpuBefore = processCpuMs(server.pid!);
  const generator = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts/load-generator.ts'),
      url!,
      key!,
      String(options.seconds),
      String(connections),
      String(options.users),
      '0',
      String(options.warmUpSeconds),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  generator.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await once(generator, 'exit');
  const cpuMs = processCpuMs(server.pid!) - cpuBefore;
  server.kill('SIGTERM');
  await once(server, 'exit');
  const report = JSON.parse(output) as LoadReport & { clientCpuMs: number };
  return { report, cpuMs, clientCpuMs: report.clientCpuMs, slotWaits: await slotWaits };
}

async function inLibrary(options: InstantOptions, connections: number, work: string): Promise<Measured> {
  const { tailor, stores, slotWaits } = await openInstantTailor({
    storePath: join(work, `library-${connections}.sqlite`),
    sqliteSynchronous: options.sqliteSynchronous,
    callPolicy:
      options.tenantConcurrency === undefined ? undefined : { tenantConcurrency: options.tenantConcurrency },
  });
  try {
    const cpuBefore = process.cpuUsage();
    const report = await runLoadClients({
      seconds: options.seconds,
      connections,
      users: options.users,
      heavyShare: 0,
      warmUpSeconds: options.warmUpSeconds,
      operations: {
        // NOTE: each call counts against the tenant's model-call slots, as the service's /v1 routes do.
        async generate(request) {
          const draft = await withModelCallTenant('bench', () =>
            tailor.generate({ tenant: 'bench', ...request, task: { kind: 'email' } }),
          );
          return { interactionId: draft.interactionId, text: draft.text };
        },
        async learn(request) {
          await withModelCallTenant('bench', () => tailor.learn({ tenant: 'bench', ...request }));
          return undefined;
        },
      },
    });
    const cpu = process.cpuUsage(cpuBefore);
    return { report, cpuMs: (cpu.user + cpu.system) / 1000, slotWaits: { ...slotWaits } };
  } finally {
    await stores.close();
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** `2.1% (0.4 ms)`: the share of model calls that queued for a slot and their mean wait. */
export function queuedText(row: InstantRow): string {
  if (row.modelCalls === undefined) return 'n/a';
  const { calls, queued, meanWaitMs } = row.modelCalls;
  const share = `${((100 * queued) / Math.max(1, calls)).toFixed(1)}%`;
  return queued === 0 ? share : `${share} (${meanWaitMs.toFixed(1)} ms)`;
}

/** Runs every path at every number of connections, prints the table and returns the rows. */
export async function runInstantBench(options: InstantOptions): Promise<InstantRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'tailor-instant-'));
  const rows: InstantRow[] = [];
  try {
    console.log(
      `instant model: ${options.seconds} s per run after ${options.warmUpSeconds} s warm-up, ${options.users} users, SQLite (synchronous ${options.sqliteSynchronous}), cipher-5, model calls in flight per tenant: ${options.tenantConcurrency ?? 'the default'}`,
    );
    for (const connections of options.connections) {
      rows.push(row('http', await overHttp(options, connections, work)));
      console.log(`  http, ${connections} connections: done`);
      rows.push(row('library', await inLibrary(options, connections, work)));
      console.log(`  library, ${connections} connections: done`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    '\n| path | connections | generate calls/s | generate p50 / p99 (ms) | learn calls/s | learn p50 / p99 (ms) | CPU ms per call | load generator CPU ms per call | model calls queued for a slot | errors |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const entry of rows) {
    const client = entry.clientCpuMsPerCall === undefined ? 'in process' : fixed(entry.clientCpuMsPerCall, 2);
    const queued = queuedText(entry);
    console.log(
      `| ${entry.path} | ${entry.connections} | ${fixed(entry.generate.perSecond, 0)} | ${fixed(entry.generate.p50)} / ${fixed(entry.generate.p99)} | ${fixed(entry.learn.perSecond, 0)} | ${fixed(entry.learn.p50)} / ${fixed(entry.learn.p99)} | ${fixed(entry.cpuMsPerCall, 2)} | ${client} | ${queued} | ${entry.generate.errors + entry.learn.errors} |`,
    );
  }
  console.log(
    '\n| connections | HTTP overhead, generate p50 (ms) | HTTP overhead, learn p50 (ms) | HTTP overhead, CPU per call (ms) |',
  );
  console.log('|---|---|---|---|');
  for (const connections of options.connections) {
    const http = rows.find((entry) => entry.path === 'http' && entry.connections === connections)!;
    const library = rows.find((entry) => entry.path === 'library' && entry.connections === connections)!;
    console.log(
      `| ${connections} | ${fixed(http.generate.p50 - library.generate.p50)} | ${fixed(http.learn.p50 - library.learn.p50)} | ${fixed(http.cpuMsPerCall - library.cpuMsPerCall, 2)} |`,
    );
  }
  console.log(
    JSON.stringify({
      instant: rows,
      seconds: options.seconds,
      sqliteSynchronous: options.sqliteSynchronous,
      tenantConcurrency: options.tenantConcurrency ?? null,
      loadAverage: loadavg()[0],
    }),
  );
  return rows;
}
