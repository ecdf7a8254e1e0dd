import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatRequestText,
  startOpenAiCompatibleServer,
  type FakeOpenAiCompatibleServer,
} from '../../src/testing/openai-compatible-server.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * One scripted model plays both the agent and the simulated user, over real HTTP, through the real
 * AI SDK providers the CLI builds from its flags. It writes bullets only when asked for them, and as the
 * user it wants bullets: so CIPHER can learn, and the run exercises every prompt of the protocol.
 */
function scriptedModel(request: { body: unknown }) {
  const prompt = chatRequestText(request.body);
  const bullets = '- The council approved three libraries.\n- They open in spring.';
  const plain = 'The council approved three libraries that open in spring.';
  if (prompt.includes('Answer yes or no'))
    return { type: 'text', text: prompt.includes('- They open') ? 'Yes' : 'No' } as const;
  if (prompt.includes('You are a user who prefers')) return { type: 'text', text: bullets } as const;
  if (prompt.includes('What generic preference')) return { type: 'text', text: 'bullet points' } as const;
  if (prompt.includes('Combine them')) return { type: 'text', text: 'bullet points' } as const;
  return { type: 'text', text: prompt.includes('bullet points') ? bullets : plain } as const;
}

function tailor(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', OPENAI_COMPATIBLE_API_KEY: 'test-key' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tailor bench on the LLM path (fake OpenAI-compatible server)', { timeout: 180_000 }, () => {
  let server: FakeOpenAiCompatibleServer;
  let folder: string;
  beforeAll(async () => {
    server = await startOpenAiCompatibleServer({ respond: scriptedModel, models: ['agent', 'embedder'] });
    folder = await mkdtemp(join(tmpdir(), 'tailor-bench-llm-'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs, writes the report naming the models, and replays a second run from the cache with no request', async () => {
    const prices = join(folder, 'prices.json');
    await writeFile(
      prices,
      JSON.stringify({ [`openai-compatible:agent`]: { inputPerMillion: 1, outputPerMillion: 2 } }),
    );
    const spec = (model: string) => `openai-compatible:${model}@${server.baseURL}`;
    const args = (out: string) => [
      'bench',
      '--task',
      'summarization',
      '--learners',
      'cipher-5,no-learning',
      '--rounds',
      '10',
      '--seeds',
      '0',
      '--writer',
      spec('agent'),
      '--reviewer',
      spec('agent'),
      '--embedder',
      spec('embedder'),
      '--cache-file',
      join(folder, 'cache.sqlite'),
      '--prices',
      prices,
      '--no-progress',
      '--out',
      out,
    ];
    const first = await tailor(args(join(folder, 'first')));
    expect(first.code, first.stderr).toBe(0);
    const chatCalls = server.requestsTo('/v1/chat/completions').length;
    expect(chatCalls).toBeGreaterThan(20);
    expect(first.stdout).toContain('Agent cost per run (price table): cipher-5 $');
    const report = await readFile(join(folder, 'first', 'report.html'), 'utf8');
    expect(report).toContain(`LLM run: writer ${spec('agent')}`);
    expect(report).not.toMatch(/offline world/i);
    const firstSummary = JSON.parse(
      await readFile(join(folder, 'first', 'summarization-summary.json'), 'utf8'),
    ) as {
      learners: { learner: string; cumulativeCost: { mean: number } }[];
    };
    const cost = Object.fromEntries(
      firstSummary.learners.map((entry) => [entry.learner, entry.cumulativeCost.mean]),
    );
    expect(cost['cipher-5']).toBeLessThan(cost['no-learning'] ?? 0);

    const before = server.requests.length;
    const second = await tailor(args(join(folder, 'second')));
    expect(second.code, second.stderr).toBe(0);
    const modelRequests = server.requests.slice(before).filter((request) => request.path !== '/v1/models');
    expect(modelRequests).toEqual([]);
    expect(await readFile(join(folder, 'second', 'summarization-summary.json'), 'utf8')).toBe(
      JSON.stringify(firstSummary, null, 2) + '\n',
    );
  });

  it('stops before round 1 when the base URL does not answer', async () => {
    const run = await tailor([
      'bench',
      '--task',
      'email',
      '--rounds',
      '2',
      '--seeds',
      '0',
      '--learners',
      'no-learning',
      '--no-progress',
      '--no-cache',
      '--writer',
      'openai-compatible:agent@http://127.0.0.1:59999/v1',
      '--out',
      join(folder, 'down'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--writer');
    expect(run.stderr).toContain('127.0.0.1:59999');
  });
});
