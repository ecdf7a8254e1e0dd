import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../../src/testing/openai-compatible-server.js';
import { startAnthropicServer } from '../fake-servers/anthropic-server.js';
import type { RecordedRequest } from '../../src/testing/recording-server.js';
import type { ScriptedReply } from '../../src/testing/scripted-reply.js';

const root = join(import.meta.dirname, '..', '..');

/** The kind of protocol call a chat request is, from its prompt. */
function callKind(request: RecordedRequest): 'judge' | 'edit' | 'infer' | 'aggregate' | 'draft' {
  const prompt = chatRequestText(request.body);
  if (prompt.includes('Answer yes or no')) return 'judge';
  if (prompt.includes('You are a user who prefers')) return 'edit';
  if (prompt.includes('What generic preference')) return 'infer';
  if (prompt.includes('Combine them')) return 'aggregate';
  return 'draft';
}

/** A model that writes plain drafts, and as the user always accepts them. */
function acceptingModel(request: RecordedRequest): ScriptedReply {
  const kind = callKind(request);
  if (kind === 'judge') return { type: 'text', text: 'Yes' };
  if (kind === 'infer' || kind === 'aggregate') return { type: 'text', text: 'brief' };
  return { type: 'text', text: 'The council approved three libraries that open in spring.' };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** ms from the interrupt (or the start, without one) to the exit. */
  elapsedMs: number;
}

function tailor(
  args: readonly string[],
  options: { interruptWhen?: () => boolean; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', OPENAI_COMPATIBLE_API_KEY: 'test-key', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let since = Date.now();
    let watcher: NodeJS.Timeout | undefined;
    if (options.interruptWhen !== undefined) {
      const check = options.interruptWhen;
      watcher = setInterval(() => {
        if (!check()) return;
        clearInterval(watcher);
        since = Date.now();
        child.kill('SIGINT');
      }, 50);
    }
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watcher);
      resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - since });
    });
  });
}

function benchArgs(server: FakeOpenAiCompatibleServer, out: string, extra: readonly string[] = []) {
  const spec = `openai-compatible:agent@${server.baseURL}`;
  return [
    'bench',
    '--task',
    'email',
    '--learners',
    'no-learning',
    '--rounds',
    '3',
    '--seeds',
    '0',
    '--writer',
    spec,
    '--reviewer',
    spec,
    '--embedder',
    `openai-compatible:embedder@${server.baseURL}`,
    '--no-progress',
    '--out',
    out,
    ...extra,
  ];
}

interface SummaryJson {
  learners: { learner: string; failedRounds?: number; seeds: number[] }[];
  retries?: number;
  incomplete: unknown[];
}

async function summaryOf(out: string): Promise<SummaryJson> {
  return JSON.parse(await readFile(join(out, 'email-summary.json'), 'utf8')) as SummaryJson;
}

// NOTE: each case spawns the real CLI against a fake server over real HTTP; on a busy 2-core machine
// that takes seconds.
describe('tailor bench against a faulty model (fake OpenAI-compatible server)', { timeout: 180_000 }, () => {
  let server: FakeOpenAiCompatibleServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const folder = () => mkdtemp(join(tmpdir(), 'tailor-bench-faults-'));

  it('completes when the model returns one empty draft: asked again, with one line and a count', async () => {
    let drafts = 0;
    server = await startOpenAiCompatibleServer({
      models: ['agent', 'embedder'],
      respond: (request) => {
        if (callKind(request) === 'draft' && ++drafts === 1) return { type: 'text', text: '' };
        return acceptingModel(request);
      },
    });
    const out = join(await folder(), 'out');
    const run = await tailor(benchArgs(server, out, ['--no-cache']));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/^retry 1: .*empty draft/gm)).toHaveLength(1);
    const summary = await summaryOf(out);
    expect(summary.learners[0]).toMatchObject({ learner: 'no-learning', failedRounds: 0, seeds: [0] });
    expect(summary.retries).toBe(1);
    expect(run.stdout).toContain('Model calls retried: 1');
  });

  it('records a round whose drafts stay empty as failed and goes on; --fail-fast stops instead', async () => {
    const respond = (request: RecordedRequest): ScriptedReply =>
      callKind(request) === 'draft' && chatRequestText(request.body).includes(firstContext)
        ? { type: 'text', text: '   ' }
        : acceptingModel(request);
    let firstContext = '\u0000';
    server = await startOpenAiCompatibleServer({
      models: ['agent', 'embedder'],
      respond: (request) => {
        // The first draft asked for decides which context always gets an empty answer.
        if (firstContext === '\u0000' && callKind(request) === 'draft') {
          firstContext = chatRequestText(request.body).slice(-200);
        }
        return respond(request);
      },
    });
    const out = join(await folder(), 'out');
    const run = await tailor(benchArgs(server, out, ['--no-cache']));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/email\/no-learning\/seed-0: round 1 failed: .*empty draft.*3 attempts/);
    const summary = await summaryOf(out);
    expect(summary.learners[0]).toMatchObject({ learner: 'no-learning', failedRounds: 1 });
    expect(summary.incomplete).toEqual([]);
    expect(run.stdout).toContain('Failed rounds (unusable model answers; no cost counted): no-learning 1');

    firstContext = '\u0000';
    const strict = await tailor(
      benchArgs(server, join(await folder(), 'out'), ['--no-cache', '--fail-fast']),
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/writer --writer openai-compatible:agent@.* returned an empty draft/);
  });

  it('exits non-zero within 60 s naming the role, flag, attempts and timeout when the model never answers', async () => {
    server = await startOpenAiCompatibleServer({
      models: ['agent', 'embedder'],
      respond: (request) => (callKind(request) === 'draft' ? { type: 'hang' } : acceptingModel(request)),
    });
    const started = Date.now();
    const run = await tailor(
      benchArgs(server, join(await folder(), 'out'), ['--no-cache', '--timeout', '2']),
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /tailor: writer --writer openai-compatible:agent@http:\/\/127\.0\.0\.1:\d+\/v1: no answer within 2 s \(gave up after 5 attempts; timeout 2 s per attempt\)/,
    );
    expect(run.stderr.match(/^retry \d in [\d.]+ s: writer --writer/gm)).toHaveLength(4);
    expect(server.requestsTo('/v1/chat/completions')).toHaveLength(5);
  });

  it('on Ctrl-C while a call hangs, cancels it and exits without waiting for its 60 s timeout, keeping finished runs for --resume', async () => {
    let hang = true;
    let drafts = 0;
    server = await startOpenAiCompatibleServer({
      models: ['agent', 'embedder'],
      respond: (request) => {
        // no-learning drafts 3 times, then oracle's second draft (another prompt: the true preference) hangs.
        if (callKind(request) === 'draft' && ++drafts === 5 && hang) return { type: 'hang' };
        return acceptingModel(request);
      },
    });
    const active = server;
    const base = await folder();
    const out = join(base, 'out');
    const args = (extra: readonly string[]) =>
      benchArgs(active, out, [
        '--learners',
        'no-learning,oracle',
        '--concurrency',
        '1',
        '--cache-file',
        join(base, 'cache.sqlite'),
        '--timeout',
        '60',
        ...extra,
      ]);
    const run = await tailor(args([]), {
      interruptWhen: () => active.inFlight > 0 && drafts >= 5,
    });
    expect(run.code, run.stderr).toBe(130);
    // NOTE: a bound far below the call's timeout (usually well under a second here), so a loaded
    // machine does not fail it while waiting for the call would.
    expect(run.elapsedMs).toBeLessThan(15_000);
    expect(run.stderr).toContain('email/no-learning/seed-0: done after 3 rounds');
    expect(existsSync(join(out, 'rounds', 'email', 'no-learning', 'seed-0.outcome.json'))).toBe(true);
    const stopped = JSON.parse(
      await readFile(join(out, 'rounds', 'email', 'oracle', 'seed-0.outcome.json'), 'utf8'),
    ) as { complete: boolean; summary: { rounds: number } };
    expect(stopped).toMatchObject({ complete: false, summary: { rounds: 1 } });
    const kept = await readFile(join(out, 'rounds', 'email', 'oracle', 'seed-0.jsonl'), 'utf8');
    expect(kept.trim().split('\n')).toHaveLength(1);

    hang = false;
    const before = active.requests.length;
    const resumed = await tailor(args(['--resume']));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('email/no-learning/seed-0: reused after 3 rounds');
    // oracle's first round, finished before Ctrl-C, comes back from the cache: only rounds 2 and 3 draft.
    const sent = active.requests.slice(before).filter((request) => request.path === '/v1/chat/completions');
    expect(sent.filter((request) => callKind(request) === 'draft')).toHaveLength(2);
  });

  it('replays a finished run from its cache file with the server down, sending nothing', async () => {
    server = await startOpenAiCompatibleServer({ models: ['agent', 'embedder'], respond: acceptingModel });
    const base = await folder();
    const cache = ['--cache-file', join(base, 'cache.sqlite'), '--learners', 'cipher-5'];
    const first = await tailor(benchArgs(server, join(base, 'first'), cache));
    expect(first.code, first.stderr).toBe(0);
    const down = server;
    await down.close();
    const count = down.requests.length;
    const replay = await tailor(benchArgs(down, join(base, 'second'), cache));
    expect(replay.code, replay.stderr).toBe(0);
    expect(down.requests.length).toBe(count);
    expect(await readFile(join(base, 'second', 'email-summary.json'), 'utf8')).toBe(
      await readFile(join(base, 'first', 'email-summary.json'), 'utf8'),
    );
  });

  it('reports the expense of a server that gives no usage as null / n/a, never 0; embeds a run in one batch', async () => {
    server = await startOpenAiCompatibleServer({
      models: ['agent', 'embedder'],
      respond: (request) => ({ ...acceptingModel(request), noUsage: true }) as ScriptedReply,
    });
    const out = join(await folder(), 'out');
    const run = await tailor(benchArgs(server, out, ['--no-cache', '--learners', 'cipher-5']));
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'email-summary.json'), 'utf8')) as {
      learners: {
        expenseTokens: unknown;
        callsWithoutUsage: number;
        embeddingTokens: { mean: number } | null;
      }[];
    };
    const [cipher] = summary.learners;
    expect(cipher?.expenseTokens).toBeNull();
    // The agent's 3 drafts (the user accepts, so nothing is inferred; the user's calls are not counted).
    expect(cipher?.callsWithoutUsage).toBe(3);
    expect(run.stdout).toMatch(/cipher-5 .*│ n\/a /);
    expect(run.stdout).toContain(
      'Expense n/a: the provider reported no token usage for some agent calls: cipher-5 3',
    );
    const embeddings = server.requestsTo('/v1/embeddings');
    expect(embeddings).toHaveLength(1);
    expect((embeddings[0]?.body as { input: string[] }).input).toHaveLength(3);
    expect(cipher?.embeddingTokens?.mean).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/Embedding tokens per run \(not part of the expense\): cipher-5 \d+/);
  });

  it('--protocol paper calls every model with the paper settings and says so in the banner', async () => {
    server = await startOpenAiCompatibleServer({ models: ['agent', 'embedder'], respond: acceptingModel });
    const out = join(await folder(), 'out');
    const run = await tailor(benchArgs(server, out, ['--no-cache', '--protocol', 'paper']));
    expect(run.code, run.stderr).toBe(0);
    const chats = server.requestsTo('/v1/chat/completions');
    expect(chats.length).toBeGreaterThan(0);
    for (const request of chats) {
      expect(request.body).toMatchObject({ temperature: 0, top_p: 0.95, max_tokens: 4000 });
      expect(chatRequestText(request.body)).not.toContain('no more than needed');
    }
    expect(run.stdout).toContain("LLM run (the paper's prompts and settings): writer");
  });

  it('prints each model warning once and keeps it in the summary (a model not listed, a setting ignored)', async () => {
    const anthropic = await startAnthropicServer({ models: ['claude-other'], respond: acceptingModel });
    try {
      const out = join(await folder(), 'out');
      const spec = 'anthropic:claude-sonnet-4-5';
      const run = await tailor(
        [
          ...['bench', '--task', 'email', '--learners', 'no-learning', '--rounds', '3', '--seeds', '0'],
          ...['--writer', spec, '--reviewer', spec, '--embedder', 'lexical', '--protocol', 'paper'],
          ...['--no-progress', '--no-cache', '--out', out],
        ],
        { env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: `${anthropic.url}/v1` } },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(anthropic.requests.filter((request) => request.path === '/v1/messages').length).toBeGreaterThan(
        3,
      );
      // The writer's calls all ignore top_p (Anthropic takes temperature or top_p): printed once.
      const ignored = /^model warning \(writer --writer anthropic:claude-sonnet-4-5\): unsupported: topP/gm;
      expect(run.stderr.match(ignored)).toHaveLength(1);
      const unlisted = /^model warning \(--writer anthropic:claude-sonnet-4-5\): .*claude-sonnet-4-5/gm;
      expect(run.stderr.match(unlisted)).toHaveLength(1);
      const summary = JSON.parse(await readFile(join(out, 'email-summary.json'), 'utf8')) as {
        modelWarnings: string[];
      };
      const kept = summary.modelWarnings.join('\n');
      expect(kept).toMatch(
        /^model warning \(writer --writer anthropic:claude-sonnet-4-5\): unsupported: topP/m,
      );
      expect(kept).toMatch(/^model warning \(--writer anthropic:claude-sonnet-4-5\): /m);
      expect(run.stdout).toMatch(
        /^model warning \(writer --writer anthropic:claude-sonnet-4-5\): unsupported/m,
      );
    } finally {
      await anthropic.close();
    }
  });
});
