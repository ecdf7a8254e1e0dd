/**
 * The load generator of `npm run bench:load`, run as a child process so the server under test does not
 * share its event loop: `connections` concurrent clients over 127.0.0.1, each looping generate → learn
 * until the deadline. Prints one JSON object with counts, latencies and errors on stdout.
 *
 * Usage: tsx scripts/load-generator.ts <url> <key> <seconds> <connections> <users> <heavyShare>
 */
const [url, key, secondsText, connectionsText, usersText, heavyShareText] = process.argv.slice(2);
if (url === undefined || key === undefined) {
  process.stderr.write('usage: load-generator.ts <url> <key> <seconds> <connections> <users> <heavyShare>\n');
  process.exit(2);
}
const seconds = Number(secondsText ?? 20);
const connections = Number(connectionsText ?? 50);
const users = Number(usersText ?? 1000);
const heavyShare = Number(heavyShareText ?? 0.1);

const contexts = [
  'Notes: the quarterly review moved to Thursday at 10. Bring the budget figures. Ana presents the hiring plan. Lunch is provided.',
  'The city council approved a new bike lane on Main Street after a two-hour debate. Construction starts in May and lasts six weeks.',
  'Paper review: strong dataset, clear ablations; the baseline is missing and the test split may leak. Weak accept if fixed.',
  'Personal: I keep postponing the call with my brother since our argument in March. I miss him but do not know how to start.',
];

interface Sample {
  readonly kind: 'generate' | 'learn';
  readonly milliseconds: number;
  readonly ok: boolean;
}

const samples: Sample[] = [];
const errorMessages = new Map<string, number>();
const deadline = performance.now() + seconds * 1000;

async function timed(
  kind: Sample['kind'],
  path: string,
  body: unknown,
): Promise<Record<string, unknown> | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(new URL(path, url), {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const parsed = (await response.json()) as Record<string, unknown>;
    const ok = response.status === 200;
    samples.push({ kind, milliseconds: performance.now() - started, ok });
    if (!ok) note(`${kind} ${response.status} ${JSON.stringify(parsed).slice(0, 120)}`);
    return ok ? parsed : undefined;
  } catch (error) {
    samples.push({ kind, milliseconds: performance.now() - started, ok: false });
    note(`${kind} ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function note(message: string): void {
  errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
}

async function client(index: number): Promise<void> {
  let round = 0;
  while (performance.now() < deadline) {
    round += 1;
    const heavy = Math.random() < heavyShare;
    const user = heavy ? 'heavy' : `user-${String(Math.floor(Math.random() * users)).padStart(4, '0')}`;
    const context = `${contexts[(index + round) % contexts.length]} (client ${index}, round ${round})`;
    const draft = await timed('generate', '/v1/generate', { user, task: 'email', context });
    if (draft === undefined || performance.now() >= deadline) continue;
    const text = String(draft.text);
    const edited = round % 5 === 0 ? text : `${text.split('\n').slice(1).join('\n')}\nThanks!`;
    await timed('learn', `/v1/interactions/${String(draft.interactionId)}/learn`, { edited });
  }
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, (_unused, index) => client(index)));
const elapsed = (performance.now() - started) / 1000;
const summary = (kind?: Sample['kind']) => {
  const chosen = samples.filter((sample) => kind === undefined || sample.kind === kind);
  const latencies = chosen.map((sample) => sample.milliseconds).sort((left, right) => left - right);
  return {
    requests: chosen.length,
    errors: chosen.filter((sample) => !sample.ok).length,
    perSecond: chosen.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
};
process.stdout.write(
  `${JSON.stringify({
    seconds: elapsed,
    connections,
    all: summary(),
    generate: summary('generate'),
    learn: summary('learn'),
    errorMessages: Object.fromEntries(errorMessages),
  })}\n`,
);
