/**
 * A counting semaphore with a FIFO queue: at most `limit` holders at once, later callers wait in
 * arrival order. `acquire` resolves at once (no timer, no extra tick) when a slot is free.
 */
export class CallSlots {
  private activeCount = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Holders right now. */
  get active(): number {
    return this.activeCount;
  }

  /** Callers waiting for a slot right now. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Takes a slot: undefined when one was free, else a promise settled when it is handed over. */
  acquire(): Promise<void> | undefined {
    if (this.activeCount < this.limit) {
      this.activeCount += 1;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Gives a slot back: to the longest waiting caller, if any. */
  release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.activeCount -= 1;
  }
}

/**
 * One `CallSlots` per key (a tenant), made on first use and forgotten when idle, so a service with many
 * tenants keeps only those with calls in flight.
 */
export class KeyedCallSlots {
  private readonly slots = new Map<string, CallSlots>();

  constructor(readonly limit: number) {}

  /** Keys with calls running or waiting. */
  get size(): number {
    return this.slots.size;
  }

  /** Callers waiting over all keys. */
  get pending(): number {
    let total = 0;
    for (const slots of this.slots.values()) total += slots.pending;
    return total;
  }

  /** Running and waiting calls of one key. */
  load(key: string): { active: number; pending: number } {
    const slots = this.slots.get(key);
    return { active: slots?.active ?? 0, pending: slots?.pending ?? 0 };
  }

  acquire(key: string): Promise<void> | undefined {
    let slots = this.slots.get(key);
    if (slots === undefined) {
      slots = new CallSlots(this.limit);
      this.slots.set(key, slots);
    }
    return slots.acquire();
  }

  release(key: string): void {
    const slots = this.slots.get(key);
    if (slots === undefined) return;
    slots.release();
    if (slots.active === 0 && slots.pending === 0) this.slots.delete(key);
  }
}
