/**
 * The clients of `npm run bench:load`: `connections` concurrent loops, each generate → learn (every
 * fifth draft accepted as is, the others edited) until the deadline, over any transport (HTTP in
 * `load-generator.ts`, the library in `load-bench.ts --instant`). Returns counts and latencies.
 */

/** One generate or learn: the draft (generate) or nothing; throws or returns an error text on failure. */
export interface LoadOperations {
  generate(request: {
    user: string;
    task: 'email';
    context: string;
  }): Promise<{ interactionId: string; text: string } | { error: string }>;
  learn(request: { interactionId: string; edited: string }): Promise<{ error: string } | undefined>;
}

export interface LoadSummary {
  readonly requests: number;
  readonly errors: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

export interface LoadReport {
  readonly seconds: number;
  readonly connections: number;
  readonly all: LoadSummary;
  readonly generate: LoadSummary;
  readonly learn: LoadSummary;
  readonly errorMessages: Record<string, number>;
  /** Every call made, warm-up included (for CPU time per call). */
  readonly allCalls: number;
}

const contexts = [
  'Notes: the quarterly review moved to Thursday at 10. Bring the budget figures. Ana presents the hiring plan. Lunch is provided.',
  'The city council approved a new bike lane on Main Street after a two-hour debate. Construction starts in May and lasts six weeks.',
  'Paper review: strong dataset, clear ablations; the baseline is missing and the test split may leak. Weak accept if fixed.',
  'Personal: I keep postponing the call with my brother since our argument in March. I miss him but do not know how to start.',
];

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** Runs the clients for `seconds` (after `warmUpSeconds` not counted) and summarises them. */
export async function runLoadClients(options: {
  readonly operations: LoadOperations;
  readonly seconds: number;
  readonly connections: number;
  readonly users: number;
  readonly heavyShare: number;
  readonly warmUpSeconds?: number;
}): Promise<LoadReport> {
  const { operations, connections, users, heavyShare } = options;
  const samples = { generate: [] as number[], learn: [] as number[] };
  const failures = { generate: 0, learn: 0 };
  const errorMessages = new Map<string, number>();
  let allCalls = 0;
  const note = (message: string) => errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
  const measureFrom = performance.now() + (options.warmUpSeconds ?? 0) * 1000;
  const deadline = measureFrom + options.seconds * 1000;

  async function timed<T>(kind: 'generate' | 'learn', work: () => Promise<T | { error: string }>) {
    const started = performance.now();
    allCalls += 1;
    let result: T | { error: string };
    try {
      result = await work();
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    const failed = typeof result === 'object' && result !== null && 'error' in result;
    if (started >= measureFrom) {
      samples[kind].push(performance.now() - started);
      if (failed) failures[kind] += 1;
    }
    if (failed) {
      note(`${kind} ${(result as { error: string }).error.slice(0, 160)}`);
      return undefined;
    }
    return result as T;
  }

  async function client(index: number): Promise<void> {
    let round = 0;
    while (performance.now() < deadline) {
      round += 1;
      const heavy = Math.random() < heavyShare;
      const user = heavy ? 'heavy' : `user-${String(Math.floor(Math.random() * users)).padStart(4, '0')}`;
      const context = `${contexts[(index + round) % contexts.length]} (client ${index}, round ${round})`;
      const draft = await timed('generate', () => operations.generate({ user, task: 'email', context }));
      if (draft === undefined || performance.now() >= deadline) continue;
      const edited = round % 5 === 0 ? draft.text : `${draft.text.split('\n').slice(1).join('\n')}\nThanks!`;
      await timed('learn', () => operations.learn({ interactionId: draft.interactionId, edited }));
    }
  }

  await Promise.all(Array.from({ length: connections }, (_unused, index) => client(index)));
  const elapsed = (performance.now() - measureFrom) / 1000;
  const summary = (latencies: number[], errors: number): LoadSummary => {
    const sorted = Float64Array.from(latencies).sort();
    return {
      requests: latencies.length,
      errors,
      perSecond: latencies.length / elapsed,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
    };
  };
  return {
    seconds: elapsed,
    connections,
    all: summary([...samples.generate, ...samples.learn], failures.generate + failures.learn),
    generate: summary(samples.generate, failures.generate),
    learn: summary(samples.learn, failures.learn),
    errorMessages: Object.fromEntries(errorMessages),
    allCalls,
  };
}
