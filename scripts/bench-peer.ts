/**
 * `npm run bench:peer`: Tailor and mem0's open-source `Memory` (npm `mem0ai`, `mem0ai/oss`) side by
 * side, as libraries in this process, against the same OpenAI-compatible server that answers at once
 * (`instant-openai-server.ts`, its own process; chat and embeddings over HTTP), each on SQLite with its
 * defaults, so only their own cost shows. mem0 is installed by this script into `.cache/peer` (not a
 * dependency of the project). Prints each operation's figures and the Tailor/mem0 ratio (time per call;
 * below 1: Tailor is faster); last line JSON.
 *
 * Operations: learn (Tailor `learn` on a draft / mem0 `add` of the same exchange), retrieve (embed +
 * 5 nearest of a user with the learned entries / mem0 `search`), retrieve at `--items` stored entries of
 * one user, and `--callers` concurrent callers doing full interactions for `--seconds` (Tailor:
 * generate + learn, which includes writing the draft; mem0: search + add, no draft).
 *
 * One-caller figures take turns call by call (Tailor, then mem0), so both see the same load of a shared
 * machine; the two throughput runs follow each other.
 *
 * Flags: --items N (100000) --callers N (50) --seconds N (10) --calls N (100) --dimensions N (256)
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createLearner } from '../src/core/index.js';
import { CallPolicy } from '../src/providers/call-policy.js';
import { createEmbedderFromSpec, createWriterFromSpec } from '../src/providers/model-factories.js';
import { createTailor, type GenerateResult } from '../src/service/tailor.js';
import { openStores } from '../src/store/open-stores.js';
import { hashedVector } from './instant-model.js';

/** The mem0 version measured (exact, so runs compare). */
const mem0Version = '3.3.1';
const root = join(import.meta.dirname, '..');
const cacheDir = join(root, '.cache', 'peer');

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const flags = {
  items: flag('items', 100_000),
  callers: flag('callers', 50),
  seconds: flag('seconds', 10),
  calls: flag('calls', 100),
  dimensions: flag('dimensions', 256),
};

/** The part of mem0's `Memory` used here. */
interface Mem0Memory {
  add(
    messages: { role: string; content: string }[],
    options: { userId: string },
  ): Promise<{ results: unknown[] }>;
  search(
    query: string,
    options: { filters: { user_id: string }; topK?: number },
  ): Promise<{ results: unknown[] }>;
  vectorStore: {
    insert(vectors: number[][], ids: string[], payloads: Record<string, unknown>[]): Promise<void>;
  };
}
type Mem0Constructor = new (config: Record<string, unknown>) => Mem0Memory;

/** Installs mem0ai into `.cache/peer` when it is not there; throws saying why it could not. */
function loadMem0(): Mem0Constructor {
  const installed = join(cacheDir, 'node_modules', 'mem0ai', 'package.json');
  if (!existsSync(installed)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'package.json'), '{ "name": "tailor-peer-bench", "private": true }\n');
    console.log(`installing mem0ai@${mem0Version} into ${cacheDir} ...`);
    // NOTE: its ~40 optional peers (vector databases, other providers) are not needed for the
    // in-process SQLite store; better-sqlite3 resolves to this project's copy.
    const result = spawnSync(
      'npm',
      ['install', `mem0ai@${mem0Version}`, '--legacy-peer-deps', '--no-audit', '--no-fund', '--no-save'],
      { cwd: cacheDir, encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(`npm install mem0ai@${mem0Version} failed: ${result.stderr || result.error?.message}`);
    }
  }
  const require = createRequire(join(cacheDir, 'package.json'));
  return (require('mem0ai/oss') as { Memory: Mem0Constructor }).Memory;
}

async function startModelServer(): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/instant-openai-server.ts'), String(flags.dimensions)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return {
    baseURL: line.split(' ')[1]!,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function modelCalls(baseURL: string): Promise<{ chat: number; embeddings: number }> {
  const response = await fetch(baseURL.replace(/\/v1$/, '/stats'));
  return (await response.json()) as { chat: number; embeddings: number };
}

/** Median and p99 in ms of `times`. */
function stats(times: number[]) {
  const sorted = [...times].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), calls: sorted.length };
}

/** Times `first(i)` and `second(i)` alternately, `count` of each, so both see the same machine load. */
async function timeInTurn(
  count: number,
  first: (index: number) => Promise<unknown>,
  second: (index: number) => Promise<unknown>,
): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let index = 0; index < count; index++) {
    for (const [side, work] of [first, second].entries()) {
      const started = performance.now();
      await work(index);
      times[side]!.push(performance.now() - started);
    }
  }
  return times;
}

/** Model calls (chat and embeddings requests) per call of `work`, over `count` calls. */
async function modelCallsPer(baseURL: string, count: number, work: (index: number) => Promise<unknown>) {
  const before = await modelCalls(baseURL);
  for (let index = 0; index < count; index++) await work(index);
  const after = await modelCalls(baseURL);
  return (after.chat + after.embeddings - before.chat - before.embeddings) / count;
}

/** Completed `work` calls per second with `callers` callers for `seconds`. */
async function throughput(work: (caller: number, round: number) => Promise<unknown>): Promise<number> {
  const deadline = performance.now() + flags.seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: flags.callers }, async (_unused, caller) => {
      for (let round = 0; performance.now() < deadline; round++) {
        await work(caller, round);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const topics = ['budget review', 'bike lane', 'paper review', 'family call', 'product launch', 'hiring plan'];
const contextOf = (index: number) =>
  `Notes ${index}: the ${topics[index % topics.length]} moved to Thursday; bring the figures and the plan for item ${index}.`;
const editOf = (draft: string) => `${draft}\nThanks!`;

function unitVector(text: string): number[] {
  const vector = hashedVector(text, flags.dimensions);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const work = mkdtempSync(join(tmpdir(), 'tailor-peer-'));
const model = await startModelServer();
try {
  // NOTE: read when mem0 loads; off, it sends nothing anywhere (its telemetry would try posthog.com).
  process.env.MEM0_TELEMETRY = 'false';
  const Memory = loadMem0();
  const mem0 = new Memory({
    embedder: {
      provider: 'openai',
      config: { apiKey: 'bench', baseURL: model.baseURL, model: 'instant-embedding' },
    },
    vectorStore: {
      provider: 'memory',
      config: { collectionName: 'bench', dimension: flags.dimensions, dbPath: join(work, 'mem0-vectors.db') },
    },
    llm: { provider: 'openai', config: { apiKey: 'bench', baseURL: model.baseURL, model: 'instant' } },
    historyDbPath: join(work, 'mem0-history.db'),
  });

  const storePath = join(work, 'tailor.sqlite');
  const stores = await openStores(storePath);
  const callPolicy = new CallPolicy();
  const writer = createWriterFromSpec(`openai-compatible:instant@${model.baseURL}`, { callPolicy });
  const embedder = createEmbedderFromSpec(`openai-compatible:instant-embedding@${model.baseURL}`, {
    callPolicy,
  });
  const tailor = createTailor({
    writer,
    embedder,
    memory: stores.memory,
    interactions: stores.interactions,
    learner: createLearner('cipher-5', { writer, embedder, memory: stores.memory }),
  });
  const tenant = 'bench';
  const retrieveTailor = async (user: string, text: string) => {
    const { embeddings } = await embedder.embed({ values: [text] });
    return stores.memory.nearest({
      scope: { tenant, user, task: 'email' },
      embedding: embeddings[0]!,
      k: 5,
      kind: 'preference',
    });
  };
  const results: Record<string, { tailor: number; mem0: number; unit: string; note?: string }> = {};
  const report = (name: string, tailorValue: number, mem0Value: number, unit: string, note?: string) => {
    results[name] = { tailor: tailorValue, mem0: mem0Value, unit, ...(note === undefined ? {} : { note }) };
    console.log(
      `${name.padEnd(34)} Tailor ${tailorValue.toFixed(2).padStart(9)} ${unit}   mem0 ${mem0Value.toFixed(2).padStart(9)} ${unit}`,
    );
  };

  // Warm both (first calls load modules and open connections).
  const warm = await tailor.generate({
    tenant,
    user: 'warm',
    task: { kind: 'email' },
    context: contextOf(0),
  });
  await tailor.learn({ tenant, interactionId: warm.interactionId, edited: editOf(warm.text) });
  await mem0.add([{ role: 'user', content: contextOf(0) }], { userId: 'warm' });
  await mem0.search(contextOf(0), { filters: { user_id: 'warm' }, topK: 5 });

  // Learn, one caller; Tailor and mem0 take turns call by call, so both see the same machine load.
  const counted = 10;
  const drafts: GenerateResult[] = [];
  for (let index = 0; index < flags.calls + counted; index++) {
    drafts.push(
      await tailor.generate({ tenant, user: 'ana', task: { kind: 'email' }, context: contextOf(index) }),
    );
  }
  const learnTailor = (index: number) =>
    tailor.learn({
      tenant,
      interactionId: drafts[index]!.interactionId,
      edited: editOf(drafts[index]!.text),
    });
  const learnMem0 = (index: number) =>
    mem0.add(
      [
        { role: 'user', content: `Write an email from these notes: ${contextOf(index)}` },
        { role: 'assistant', content: drafts[index]!.text },
        { role: 'user', content: `My version: ${editOf(drafts[index]!.text)}` },
      ],
      { userId: 'ana' },
    );
  const [tailorLearnTimes, mem0LearnTimes] = await timeInTurn(flags.calls, learnTailor, learnMem0);
  const tailorLearn = stats(tailorLearnTimes);
  const mem0Learn = stats(mem0LearnTimes);
  const tailorCallsPerLearn = await modelCallsPer(model.baseURL, counted, (index) =>
    learnTailor(flags.calls + index),
  );
  const mem0CallsPerLearn = await modelCallsPer(model.baseURL, counted, (index) =>
    learnMem0(flags.calls + index),
  );
  console.log(`\n${flags.calls} calls each, one caller, in turns; p50 per call:`);
  report('learn p50', tailorLearn.p50, mem0Learn.p50, 'ms');
  report('learn: model calls per learn', tailorCallsPerLearn, mem0CallsPerLearn, 'calls');

  // Retrieve, one caller, over what was just learned.
  const [tailorRetrieveTimes, mem0RetrieveTimes] = await timeInTurn(
    flags.calls,
    (index) => retrieveTailor('ana', contextOf(index + 7)),
    (index) => mem0.search(contextOf(index + 7), { filters: { user_id: 'ana' }, topK: 5 }),
  );
  const tailorRetrieve = stats(tailorRetrieveTimes);
  const mem0Retrieve = stats(mem0RetrieveTimes);
  report(`retrieve p50 (${flags.calls} entries)`, tailorRetrieve.p50, mem0Retrieve.p50, 'ms');

  // Full interactions with many callers.
  console.log(`\n${flags.callers} callers for ${flags.seconds} s each (1,000 users):`);
  const userOf = (caller: number, round: number) => `user-${(caller * 7919 + round * 104_729) % 1000}`;
  const tailorRate = await throughput(async (caller, round) => {
    const context = contextOf(caller * 1000 + round);
    const draft = await tailor.generate({
      tenant,
      user: userOf(caller, round),
      task: { kind: 'email' },
      context,
    });
    await tailor.learn({ tenant, interactionId: draft.interactionId, edited: editOf(draft.text) });
  });
  const mem0Rate = await throughput(async (caller, round) => {
    const context = contextOf(caller * 1000 + round);
    const userId = userOf(caller, round);
    await mem0.search(context, { filters: { user_id: userId }, topK: 5 });
    await mem0.add([{ role: 'user', content: `Write an email from these notes: ${context}` }], { userId });
  });
  report(`interactions/s at ${flags.callers} callers`, tailorRate, mem0Rate, '/s');

  // Retrieval over many stored entries of one user (seeded in bulk, straight into each store).
  console.log(`\nseeding ${flags.items} entries of one user into each store ...`);
  const seedStores = await openStores(storePath, { sqliteSynchronous: 'normal' });
  for (let start = 0; start < flags.items; start += 1000) {
    const batchIds: string[] = [];
    const vectors: number[][] = [];
    const payloads: Record<string, unknown>[] = [];
    for (let index = start; index < Math.min(flags.items, start + 1000); index++) {
      const text = contextOf(index);
      const vector = unitVector(text);
      await seedStores.memory.add({
        scope: { tenant, user: 'heavy', task: 'email' },
        kind: 'preference',
        embedding: vector,
        contextId: null,
        contextText: text,
        preference: 'Prefers short, direct sentences',
        pair: null,
        origin: 'inferred',
        interactionId: null,
      });
      batchIds.push(`heavy-${index}`);
      vectors.push(vector);
      payloads.push({
        data: `Prefers short, direct sentences (${index})`,
        user_id: 'heavy',
        hash: `heavy-${index}`,
        created_at: new Date().toISOString(),
      });
    }
    await mem0.vectorStore.insert(vectors, batchIds, payloads);
  }
  await seedStores.close();
  const repeats = flags.items >= 50_000 ? 5 : 20;
  const [tailorBigTimes, mem0BigTimes] = await timeInTurn(
    repeats,
    (index) => retrieveTailor('heavy', contextOf(index + 3)),
    (index) => mem0.search(contextOf(index + 3), { filters: { user_id: 'heavy' }, topK: 5 }),
  );
  const tailorBig = stats(tailorBigTimes);
  const mem0Big = stats(mem0BigTimes);
  report(`retrieve p50 (${flags.items} entries)`, tailorBig.p50, mem0Big.p50, 'ms');
  await stores.close();

  const ratios = {
    learn: tailorLearn.p50 / mem0Learn.p50,
    modelCallsPerLearn: tailorCallsPerLearn / mem0CallsPerLearn,
    retrieve: tailorRetrieve.p50 / mem0Retrieve.p50,
    [`retrieveAt${flags.items}`]: tailorBig.p50 / mem0Big.p50,
    // NOTE: time per interaction, so below 1 means Tailor is faster here too.
    [`interactionAt${flags.callers}Callers`]: mem0Rate / tailorRate,
  };
  console.log('\nTailor/mem0 (time per call; below 1: Tailor is faster):');
  for (const [name, ratio] of Object.entries(ratios)) console.log(`  ${name.padEnd(28)} ${ratio.toFixed(3)}`);
  console.log(
    JSON.stringify({
      mem0: mem0Version,
      ...flags,
      results,
      ratios,
      loadAverage: loadavg()[0],
    }),
  );
} finally {
  await model.stop();
  rmSync(work, { recursive: true, force: true });
}
