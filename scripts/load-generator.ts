/**
 * The load generator of `npm run bench:load`, run as a child process so the server under test does not
 * share its event loop: `connections` concurrent clients over 127.0.0.1, each looping generate → learn
 * until the deadline (see `load-clients.ts`). Prints one JSON object with counts, latencies, errors and
 * its own CPU time (`clientCpuMs`).
 *
 * Usage: tsx scripts/load-generator.ts <url> <key> <seconds> <connections> <users> <heavyShare> [warmUpSeconds]
 */
import { Agent, request } from 'node:http';
import { runLoadClients } from './load-clients.js';

const [url, key, secondsText, connectionsText, usersText, heavyShareText, warmUpText] = process.argv.slice(2);
if (url === undefined || key === undefined) {
  process.stderr.write(
    'usage: load-generator.ts <url> <key> <seconds> <connections> <users> <heavyShare> [warmUpSeconds]\n',
  );
  process.exit(2);
}
const base = new URL(url);
// NOTE: node:http with kept-alive sockets, not fetch: the client's own cost takes less of the CPU the
// server under test shares.
const agent = new Agent({ keepAlive: true, maxSockets: Number(connectionsText ?? 50) });

function post(path: string, body: unknown): Promise<Record<string, unknown> | { error: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode === 200) resolve(JSON.parse(text) as Record<string, unknown>);
          else resolve({ error: `${response.statusCode} ${text}` });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const cpuBefore = process.cpuUsage();
const report = await runLoadClients({
  seconds: Number(secondsText ?? 20),
  connections: Number(connectionsText ?? 50),
  users: Number(usersText ?? 1000),
  heavyShare: Number(heavyShareText ?? 0.1),
  warmUpSeconds: Number(warmUpText ?? 0),
  operations: {
    async generate(request) {
      const result = await post('/v1/generate', request);
      if ('error' in result) return result as { error: string };
      return { interactionId: String(result.interactionId), text: String(result.text) };
    },
    async learn(request) {
      const result = await post(`/v1/interactions/${request.interactionId}/learn`, {
        edited: request.edited,
      });
      return 'error' in result ? (result as { error: string }) : undefined;
    },
  },
});
agent.destroy();
// NOTE: the generator's own CPU time over the run (user + system, warm-up included, like `allCalls`): it
// shares the machine with the server under test, so what it costs per call is reported beside the server's.
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ ...report, clientCpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
