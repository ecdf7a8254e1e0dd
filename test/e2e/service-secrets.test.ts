import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `tailor serve` as operators run it (a child process, info logs): the API key is printed once, when
 * it is created; a restart, the request log and errors never show it; `/metrics` answers only the
 * metrics token from `TAILOR_METRICS_TOKEN`.
 */
const root = join(import.meta.dirname, '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'tailor-secrets-'));
const metricsToken = 'metrics-token-0123456789abcdef';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(directory, { recursive: true, force: true });
});

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
}

async function serve(): Promise<Served> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/main.ts'),
      'serve',
      '--store',
      join(directory, 'tailor.sqlite'),
      '--port',
      '0',
      '--no-ui',
    ],
    {
      cwd: root,
      env: { ...process.env, TAILOR_LOG_LEVEL: 'info', TAILOR_METRICS_TOKEN: metricsToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tailor is serving \S+ at (http:\/\/\S+\/)/.exec(output);
      if (match?.[1] !== undefined && output.includes('Stop: Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function stop(served: Served): Promise<void> {
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill('SIGINT');
  await exited;
}

describe('tailor serve keeps secrets out of its output', () => {
  it('prints the key only when it creates it, never in logs or later starts; /metrics needs the metrics token', async () => {
    const first = await serve();
    const secret = readFileSync(join(directory, 'api-key'), 'utf8').trim();
    expect(secret).toMatch(/^tailor_sk_/);
    expect(first.output()).toContain(`#key=${encodeURIComponent(secret)}`);
    await stop(first);

    const second = await serve();
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    const generated = await fetch(new URL('v1/generate', second.url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ user: 'ada', task: 'email', context: 'Meeting on Thursday.' }),
    });
    expect(generated.status).toBe(200);
    expect((await fetch(new URL('v1/interactions/nope', second.url), { headers })).status).toBe(404);
    expect((await fetch(new URL('metrics', second.url), { headers })).status).toBe(401);
    const metrics = await fetch(new URL('metrics', second.url), {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('route="/v1/generate"');
    await stop(second);

    const output = second.output();
    expect(output).toContain('"route":"/v1/generate"');
    expect(output).toContain(join(directory, 'api-key'));
    expect(output).not.toContain(secret);
    expect(output).not.toContain(secret.slice('tailor_sk_'.length, 30));
    expect(output).not.toContain(metricsToken);
  }, 120_000);
});
