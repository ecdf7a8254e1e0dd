import { randomUUID } from 'node:crypto';
import type { Interaction, InteractionStore } from '../spec/index.js';
import type { LearnAttempt } from './learn-interaction.js';

/** How the recoverer paces retries. */
export interface RecoveryPolicy {
  /** Delay after the first failure; doubles with each further failure (default 2 s). */
  readonly baseDelayMs: number;
  /** Longest delay between two attempts (default 10 min). */
  readonly maxDelayMs: number;
  /**
   * How long the request that recorded an edit holds it (a lease in the store) while it learns: no
   * recoverer, on any server, touches it before (default 30 s). After a crash, the edit waits this long.
   */
  readonly graceMs: number;
  /** How long a recovery pass holds the interactions it claimed (default 10 min). */
  readonly leaseMs: number;
  /** Failed attempts after which an edit is marked `failed` (retried only on request; default 10). */
  readonly maxAttempts: number;
  /** Most pending interactions claimed per pass, round-robin across tenants (default 100). */
  readonly batchSize: number;
}

export const defaultRecoveryPolicy: RecoveryPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  graceMs: 30_000,
  leaseMs: 10 * 60_000,
  maxAttempts: 10,
  batchSize: 100,
};

/** The outcome of one recovery pass. */
export interface RecoveryReport {
  readonly learned: number;
  readonly failed: number;
  /** Of the failed, those out of attempts: now `failed` until retried on request. */
  readonly gaveUp: number;
  /** Claimed interactions this process was already learning (left to that request). */
  readonly waiting: number;
}

/**
 * Retries learning from pending edits. Each pass claims due interactions from the store with a lease
 * (so two servers on one database never learn one edit twice), round-robin across tenants (one
 * tenant's backlog cannot starve another's); a failure is scheduled again with exponential backoff
 * (kept in the store, so it holds across restarts and servers) until `maxAttempts`, then the edit is
 * `failed`, with its last error, until someone retries it.
 */
export class PendingRecoverer {
  private readonly policy: RecoveryPolicy;
  private readonly inFlight = new Set<string>();
  /** This process's name on the leases it takes. */
  readonly owner = `recoverer-${randomUUID()}`;

  constructor(
    private readonly interactions: InteractionStore,
    private readonly learnOne: (interaction: Interaction) => Promise<LearnAttempt>,
    policy: Partial<RecoveryPolicy> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.policy = { ...defaultRecoveryPolicy, ...policy };
  }

  /** The lease a request takes when it records an edit it learns from right away. */
  requestLease(): { owner: string; until: string } {
    return { owner: this.owner, until: new Date(this.clock() + this.policy.graceMs).toISOString() };
  }

  /**
   * When to try again after `attempts` failed attempts (ISO 8601), or null when that was the last
   * one allowed.
   */
  retryAt(attempts: number): string | null {
    if (attempts >= this.policy.maxAttempts) return null;
    const delay = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return new Date(this.clock() + delay).toISOString();
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

  /** Ends a claim (the outcome is in the store: learned, or failed with its next attempt). */
  release(id: string): void {
    this.inFlight.delete(id);
  }

  /**
   * One pass: claim up to `batchSize` due pending interactions (round-robin across tenants) and learn
   * from each, one after the other.
   */
  async recoverPending(): Promise<RecoveryReport> {
    const now = this.clock();
    const claimed = await this.interactions.claimPending({
      limit: this.policy.batchSize,
      lease: { owner: this.owner, until: new Date(now + this.policy.leaseMs).toISOString() },
      now: new Date(now).toISOString(),
    });
    let learned = 0;
    let failed = 0;
    let gaveUp = 0;
    let waiting = 0;
    for (const interaction of claimed) {
      if (!this.claim(interaction.id)) {
        waiting++;
        continue;
      }
      try {
        const result = await this.learnOne(interaction);
        if (result.ok) learned++;
        else {
          failed++;
          if (result.interaction.status === 'failed') gaveUp++;
        }
      } finally {
        this.release(interaction.id);
      }
    }
    return { learned, failed, gaveUp, waiting };
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
