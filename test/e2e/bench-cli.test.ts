import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function tailor(
  args: readonly string[],
  options: { interruptWhen?: (stderr: string) => boolean } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!interrupted && options.interruptWhen?.(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const small = ['--rounds', '10', '--seeds', '0', '--no-progress', '--no-cache'];

// NOTE: each case spawns the real CLI; on a busy 2-core machine that takes seconds, not milliseconds.
describe('tailor bench', { timeout: 180_000 }, () => {
  it('prints the package version with --version', async () => {
    const run = await tailor(['--version']);
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });

  it('gives byte-identical summaries for the same flags, in worker threads or in process', async () => {
    const first = await mkdtemp(join(tmpdir(), 'tailor-bench-'));
    const second = await mkdtemp(join(tmpdir(), 'tailor-bench-'));
    const learners = ['--learners', 'cipher-5,no-learning,oracle', '--task', 'email'];
    const runs = await Promise.all([
      tailor(['bench', ...small, ...learners, '--workers', '2', '--out', first]),
      tailor(['bench', ...small, ...learners, '--workers', '1', '--out', second]),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const [left, right] = await Promise.all([
      readFile(join(first, 'email-summary.json'), 'utf8'),
      readFile(join(second, 'email-summary.json'), 'utf8'),
    ]);
    expect(left).toBe(right);
    const summary = JSON.parse(left) as { learners: { learner: string; cumulativeCost: { mean: number } }[] };
    expect(summary.learners.map((learner) => learner.learner)).toEqual(['cipher-5', 'no-learning', 'oracle']);
    expect(runs[0]?.stdout).toContain('not measurements of any LLM');
    const log = await readFile(join(first, 'rounds', 'email', 'cipher-5', 'seed-0.jsonl'), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(10);
    expect(await readdir(first)).toEqual(
      expect.arrayContaining([
        'report.html',
        'email-summary.csv',
        'email-cumulative-cost.svg',
        'email-zero-edit-rate.svg',
      ]),
    );
  });

  it.each([
    [['--learners', 'cipher-5,cipher-0'], '--learners', 'cipher-0'],
    [['--task', 'poetry'], '--task', 'poetry'],
    [['--preferences', 'nonexistent-set'], '--preferences', 'nonexistent-set'],
    [['--rounds', '5000'], '--rounds', '5000'],
    [['--writer', 'gpt4'], '--writer', 'gpt4'],
    [['--learners', 'fixed', '--fixed-preference', '  '], '--fixed-preference', 'non-empty'],
    [['--feedback', 'chatty'], '--feedback', 'chatty'],
  ])(
    'rejects %j with exit code 2, naming the flag and value, before any work',
    async (flags, flag, value) => {
      const out = await mkdtemp(join(tmpdir(), 'tailor-bench-bad-'));
      const run = await tailor(['bench', ...small, '--out', out, ...flags]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(flag);
      expect(run.stderr).toContain(value);
      expect(await readdir(out)).toEqual([]);
    },
  );

  it("runs fixed with the given text, or by default with the union of the task's preferences, and names it", async () => {
    const given = await mkdtemp(join(tmpdir(), 'tailor-bench-fixed-'));
    const union = await mkdtemp(join(tmpdir(), 'tailor-bench-fixed-'));
    const flags = ['bench', ...small, '--task', 'email', '--learners', 'fixed,no-learning'];
    const runs = await Promise.all([
      tailor([...flags, '--fixed-preference', 'bullet points, no closing', '--out', given]),
      tailor([...flags, '--out', union]),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const read = async (dir: string) =>
      JSON.parse(await readFile(join(dir, 'email-summary.json'), 'utf8')) as { fixedPreference: string };
    expect((await read(given)).fixedPreference).toBe('bullet points, no closing');
    expect(runs[0]?.stdout).toContain('fixed wrote every draft with: "bullet points, no closing"');
    const all = (await read(union)).fixedPreference;
    for (const component of ['informal', 'professional tone', 'call to action', 'thankful closing'])
      expect(all).toContain(component);
    const log = await readFile(join(given, 'rounds', 'email', 'fixed', 'seed-0.jsonl'), 'utf8');
    for (const line of log.trim().split('\n'))
      expect((JSON.parse(line) as { preferenceUsed: string }).preferenceUsed).toBe(
        'bullet points, no closing',
      );
  });

  it('runs the chat environment: the user replies with follow-ups, counted per conversation', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tailor-bench-chat-'));
    const run = await tailor([
      'bench',
      ...['--rounds', '30', '--seeds', '0', '--no-progress', '--no-cache'],
      ...['--task', 'summarization', '--feedback', 'follow-ups', '--out', out],
      ...['--learners', 'follow-ups-5,no-learning,oracle'],
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /corrective follow-ups per conversation: follow-ups-5 [\d.]+, no-learning [\d.]+/,
    );
    const summary = JSON.parse(await readFile(join(out, 'summarization-summary.json'), 'utf8')) as {
      learners: { learner: string; followUpsPerConversation: { mean: number } }[];
    };
    const perConversation = (name: string) =>
      summary.learners.find((learner) => learner.learner === name)?.followUpsPerConversation.mean ?? NaN;
    expect(perConversation('no-learning')).toBeGreaterThan(1);
    expect(perConversation('oracle')).toBeLessThan(perConversation('no-learning'));
    const log = await readFile(join(out, 'rounds', 'summarization', 'follow-ups-5', 'seed-0.jsonl'), 'utf8');
    const records = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { followUps: number; accepted: boolean; cost: number });
    for (const record of records) expect(record.accepted).toBe(record.followUps === 0);
    expect(records.some((record) => record.followUps > 0 && record.cost > 0)).toBe(true);
  });

  it('stops cleanly on Ctrl-C and keeps the runs that finished', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tailor-bench-int-'));
    const flags = [
      'bench',
      ...['--task', 'summarization', '--learners', 'no-learning,oracle,cipher-5,icl-edit-5'],
      ...['--rounds', '40', '--seeds', '0,1', '--workers', '1', '--no-progress', '--no-cache', '--out', out],
    ];
    const run = await tailor(flags, { interruptWhen: (stderr) => stderr.includes(': done after') });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Stopping');
    const summary = JSON.parse(await readFile(join(out, 'summarization-summary.json'), 'utf8')) as {
      learners: { learner: string }[];
    };
    expect(summary.learners.map((learner) => learner.learner)).toContain('no-learning');
    expect(summary.learners.length).toBeLessThan(4);
    const resumed = await tailor([...flags, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('summarization/no-learning/seed-0: reused');
  });
});
