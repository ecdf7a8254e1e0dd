import type { Interaction, InteractionStore } from '../spec/index.js';
import type { LearnAttempt } from './learn-interaction.js';

/** How the recoverer paces retries. */
export interface RecoveryPolicy {
  /** Delay after the first failure; doubles with each further failure (default 2 s). */
  readonly baseDelayMs: number;
  /** Longest delay between two attempts (default 10 min). */
  readonly maxDelayMs: number;
  /**
   * Edits newer than this, recorded after this process started, are left alone: the request that
   * recorded them (maybe on another server) is probably still learning (default 30 s).
   */
  readonly graceMs: number;
  /** Most pending interactions looked at per pass (default 100). */
  readonly batchSize: number;
}

export const defaultRecoveryPolicy: RecoveryPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  graceMs: 30_000,
  batchSize: 100,
};

/** The outcome of one recovery pass. */
export interface RecoveryReport {
  readonly learned: number;
  readonly failed: number;
  /** Pending interactions seen but not due yet (backing off, in grace or being learned right now). */
  readonly waiting: number;
}

/**
 * Decides which pending interactions are due for another learning attempt: exponential backoff per
 * interaction after failures (remembered in this process; after a restart everything pending is due
 * at once), a grace period for fresh edits, and no interaction learned twice at the same time by this
 * process.
 */
export class PendingRecoverer {
  private readonly policy: RecoveryPolicy;
  private readonly startedAt: number;
  private readonly nextAttemptAt = new Map<string, number>();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly interactions: InteractionStore,
    private readonly learnOne: (interaction: Interaction) => Promise<LearnAttempt>,
    policy: Partial<RecoveryPolicy> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.policy = { ...defaultRecoveryPolicy, ...policy };
    this.startedAt = clock();
  }

  /**
   * Marks an interaction as being learned (by a request) so a concurrent pass skips it. Returns false
   * when it already is; call `release` when done.
   */
  claim(id: string): boolean {
    if (this.inFlight.has(id)) return false;
    this.inFlight.add(id);
    return true;
  }

  /** Ends a claim; after a failure, schedules the next attempt with backoff. */
  release(id: string, outcome: { ok: boolean; attempts: number }): void {
    this.inFlight.delete(id);
    if (outcome.ok) {
      this.nextAttemptAt.delete(id);
      return;
    }
    const delay = Math.min(
      this.policy.maxDelayMs,
      this.policy.baseDelayMs * 2 ** Math.max(0, outcome.attempts - 1),
    );
    this.nextAttemptAt.set(id, this.clock() + delay);
  }

  /** One pass: learn from every due pending interaction, one after the other (oldest edit first). */
  async recoverPending(): Promise<RecoveryReport> {
    const pending = await this.interactions.listPending({ limit: this.policy.batchSize });
    let learned = 0;
    let failed = 0;
    let waiting = 0;
    for (const interaction of pending) {
      if (!this.isDue(interaction) || !this.claim(interaction.id)) {
        waiting++;
        continue;
      }
      let ok = false;
      let attempts = interaction.learnAttempts + 1;
      try {
        const result = await this.learnOne(interaction);
        ok = result.ok;
        attempts = result.interaction.learnAttempts;
      } finally {
        this.release(interaction.id, { ok, attempts });
      }
      if (ok) learned++;
      else failed++;
    }
    return { learned, failed, waiting };
  }

  private isDue(interaction: Interaction): boolean {
    const now = this.clock();
    const next = this.nextAttemptAt.get(interaction.id);
    if (next !== undefined) return now >= next;
    const editedAt = interaction.editedAt === null ? 0 : Date.parse(interaction.editedAt);
    return editedAt < this.startedAt || now - editedAt >= this.policy.graceMs;
  }
}

/**
 * Runs `recoverer.recoverPending()` now and then every `intervalMs` (never two passes at once) until
 * the returned stop function is called. Errors of a pass go to `onError`; the loop keeps running.
 */
export function startRecoveryLoop(options: {
  readonly recoverer: PendingRecoverer;
  readonly intervalMs: number;
  readonly onPass?: (report: RecoveryReport) => void;
  readonly onError?: (error: unknown) => void;
}): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = () => {
    if (running !== undefined || stopped) return;
    running = options.recoverer
      .recoverPending()
      .then((report) => options.onPass?.(report))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  pass();
  const timer = setInterval(pass, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
