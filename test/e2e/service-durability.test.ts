import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chatRequestText, startOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';

/**
 * "Nothing lost" (issue #6): the real server runs as a child process on a SQLite file with an LLM
 * writer whose model (a fake OpenAI-compatible server on 127.0.0.1) refuses every preference
 * inference, so every edit stays pending. Concurrent clients send edits; the server is SIGKILLed
 * mid-way; a restarted server (model healthy again) must hold every acknowledged edit and, after its
 * start-up recovery, a learned preference for each.
 */
const root = join(import.meta.dirname, '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'tailor-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(directory, { recursive: true, force: true });
});

async function startServer(modelSpec: string): Promise<{ child: ChildProcess; url: string; key: string }> {
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
      '--model',
      modelSpec,
      '--embedder',
      'lexical',
      '--no-ui',
    ],
    { cwd: root, env: { ...process.env, TAILOR_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}\n${errors}`)), 60_000);
    let started = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // NOTE: once started, later output (e.g. "stopping…" at cleanup) must not read the key again.
      if (started) return;
      // NOTE: the key is printed only when created; a restart names the key file instead.
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/)(?:#key=(\S+))?/.exec(output);
      if (match?.[1] !== undefined && output.includes('Stop: Ctrl-C')) {
        started = true;
        clearTimeout(timer);
        const key =
          match[2] === undefined
            ? readFileSync(join(directory, 'api-key'), 'utf8').trim()
            : decodeURIComponent(match[2]);
        resolve({ child, url: match[1], key });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}\n${errors}`)));
  });
}

describe('the service loses no acknowledged edit', () => {
  it('keeps every acknowledged edit across a SIGKILL and learns from each after restart', async () => {
    let modelHealthy = false;
    let drafts = 0;
    const upstream = await startOpenAiCompatibleServer({
      respond: (request) => {
        const prompt = chatRequestText(request.body);
        if (prompt.includes('What generic preference')) {
          return modelHealthy ? { type: 'text', text: 'short sentences' } : { type: 'error', status: 400 };
        }
        if (prompt.includes('Combine them')) return { type: 'text', text: 'short sentences' };
        drafts += 1;
        return { type: 'text', text: `Draft number ${drafts}. It has two sentences.` };
      },
    });
    const spec = `openai-compatible:fake-model@${upstream.baseURL}`;
    try {
      const first = await startServer(spec);
      const call = async (server: { url: string; key: string }, path: string, body?: unknown) => {
        const response = await fetch(new URL(path, server.url), {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };

      const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
      const interactionIds: { user: string; id: string }[] = [];
      for (let round = 0; round < 6; round++) {
        for (const user of users) {
          const generated = await call(first, '/v1/generate', {
            user,
            task: 'email',
            context: `Notes ${round} for ${user}: meeting moved to Thursday, bring the budget.`,
          });
          expect(generated.status).toBe(200);
          interactionIds.push({ user, id: String(generated.body.interactionId) });
        }
      }

      // Six concurrent clients send edits; the server is killed once a third are acknowledged.
      const acknowledged = new Map<string, string>();
      const queue = [...interactionIds];
      let killed = false;
      const client = async () => {
        while (queue.length > 0 && !killed) {
          const next = queue.shift()!;
          const edited = `Meeting Thursday. Bring the budget. (${next.id.slice(0, 8)})`;
          try {
            const response = await call(first, `/v1/interactions/${next.id}/learn`, { edited });
            if (response.status === 200) {
              expect(response.body.status).toBe('pending');
              acknowledged.set(next.id, edited);
            }
          } catch {
            // The connection died with the server: not acknowledged, so nothing is promised.
          }
          if (!killed && acknowledged.size >= interactionIds.length / 3) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(users.map(() => client()));
      if (first.child.exitCode === null && first.child.signalCode === null) await once(first.child, 'exit');
      expect(killed).toBe(true);
      expect(acknowledged.size).toBeGreaterThanOrEqual(interactionIds.length / 3);
      expect(acknowledged.size).toBeLessThan(interactionIds.length);

      modelHealthy = true;
      const second = await startServer(spec);
      const deadline = Date.now() + 60_000;
      let states: { id: string; status: unknown; edited: unknown; preferenceInferred: unknown }[] = [];
      do {
        await new Promise((resolve) => setTimeout(resolve, 250));
        states = await Promise.all(
          [...acknowledged.keys()].map(async (id) => {
            const { body } = await call(second, `/v1/interactions/${id}`);
            return {
              id,
              status: body.status,
              edited: body.edited,
              preferenceInferred: body.preferenceInferred,
            };
          }),
        );
      } while (states.some((state) => state.status !== 'learned') && Date.now() < deadline);

      for (const state of states) {
        expect(state).toEqual({
          id: state.id,
          status: 'learned',
          edited: acknowledged.get(state.id),
          preferenceInferred: 'short sentences',
        });
      }
      for (const { user } of interactionIds.filter(({ id }) => acknowledged.has(id))) {
        const { body } = await call(second, `/v1/users/${user}/preferences?task=email`);
        const preferences = body.preferences as { interactionId: string; preference: string }[];
        const mine = interactionIds.filter((entry) => entry.user === user && acknowledged.has(entry.id));
        for (const entry of mine) {
          expect(preferences).toContainEqual(
            expect.objectContaining({ interactionId: entry.id, preference: 'short sentences' }),
          );
        }
      }
      second.child.kill('SIGTERM');
    } finally {
      await upstream.close();
    }
  }, 180_000);
});
