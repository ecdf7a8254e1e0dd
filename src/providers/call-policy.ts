import { setTimeout as sleepFor } from 'node:timers/promises';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import { CallSlots, KeyedCallSlots } from './call-slots.js';
import { modelCallTenant } from './model-call-tenant.js';
import { targetName, toModelCallError, type ModelTarget } from './to-model-call-error.js';

/** How model calls are timed out, retried and throttled. Every field has a default. */
export interface CallPolicyOptions {
  /** Time allowed for one attempt, in ms (default 60 000). */
  readonly timeoutMs?: number;
  /**
   * Longest silence between two parts of a streamed answer, in ms (default: the smaller of `timeoutMs`
   * and 30 000); a stalled stream fails the attempt, which is retried.
   */
  readonly idleTimeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  readonly maxRetries?: number;
  /** Backoff before the first retry, in ms; doubles each retry (default 500). */
  readonly initialDelayMs?: number;
  /** Cap of the exponential backoff, in ms (default 30 000). */
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails at once (default 120 000). */
  readonly maxRetryAfterMs?: number;
  /**
   * Calls in flight at once per provider family, unless `providerConcurrency` names it (default 32,
   * sized for hosted APIs: their rate limits, not a local GPU, bound what helps; a 429 is retried).
   */
  readonly concurrency?: number;
  /** Calls in flight per provider family by name, e.g. `{ ollama: 2 }` (default `{ ollama: 4 }`). */
  readonly providerConcurrency?: Readonly<Record<string, number>>;
  /**
   * Calls in flight at once per tenant, over all providers (default 16; 0: no cap), so one tenant's burst
   * queues behind itself while other tenants' calls go on. The tenant is the one of the enclosing
   * `withModelCallTenant` (the HTTP service sets it per request); calls outside it are not capped by it.
   */
  readonly tenantConcurrency?: number;
  /** Told when a call got its slots, with how long it waited for them (0 when they were free). */
  readonly onQueueWait?: (event: QueueWaitEvent) => void;
  /** Told before each retry (for logs and progress bars). */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Uniform [0, 1) source for the jitter (default Math.random). */
  readonly random?: () => number;
}

/** Calls in flight at once per provider family when not configured: local servers get fewer. */
export const defaultProviderConcurrency: Readonly<Record<string, number>> = { ollama: 4 };

/** A call that got its slots (see `CallPolicyOptions.onQueueWait`). */
export interface QueueWaitEvent {
  /** The provider family (`openai`, `anthropic`, ...). */
  readonly provider: string;
  readonly tenant: string | undefined;
  readonly waitedMs: number;
  /** Whether the call found its tenant's or its provider's slots all taken and queued for one. */
  readonly queued: boolean;
}

/** A retry about to happen. */
export interface RetryEvent extends ModelTarget {
  /** 1 for the first retry. */
  readonly retry: number;
  readonly delayMs: number;
  readonly error: ModelCallError;
}

function checkPositive(field: string, value: number, allowZero: boolean): number {
  if (!Number.isFinite(value) || value < (allowZero ? 0 : 1) || !Number.isInteger(value)) {
    throw new InvalidInputError({
      field,
      value,
      accepted: allowZero ? 'an integer >= 0' : 'an integer >= 1',
    });
  }
  return value;
}

/** The provider family of an AI SDK provider id: `openai.chat` → `openai`. */
export function providerFamily(provider: string): string {
  return provider.split('.')[0] ?? provider;
}

/**
 * The one place model calls are made robust: a per-attempt timeout combined with the caller's signal,
 * retries with exponential backoff and equal jitter on retryable failures (429, 5xx, network, timeouts,
 * malformed responses) respecting the server's Retry-After, and a concurrency limit per provider family
 * (share one policy between writer, reviewer and embedder so they share the slots). The AI SDK's own
 * retries must be off (`maxRetries: 0`) so these are the only ones. Failures surface as ModelCallError.
 *
 * @example
 * const policy = new CallPolicy({ timeoutMs: 30_000, concurrency: 2 });
 * const text = await policy.run({ provider: 'openai', modelId: 'gpt-4o' }, (signal) => callModel(signal));
 */
export class CallPolicy {
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxRetries: number;
  readonly concurrency: number;
  readonly tenantConcurrency: number;
  private readonly providerConcurrency: Readonly<Record<string, number>>;
  private readonly onQueueWait: ((event: QueueWaitEvent) => void) | undefined;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly random: () => number;
  /** Told before each retry; callers that ask again on their own (an empty answer) tell it too. */
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  private readonly providers = new Map<string, CallSlots>();
  private readonly tenants: KeyedCallSlots | undefined;

  constructor(options: CallPolicyOptions = {}) {
    this.timeoutMs = checkPositive('timeoutMs', options.timeoutMs ?? 60_000, false);
    this.idleTimeoutMs = checkPositive(
      'idleTimeoutMs',
      options.idleTimeoutMs ?? Math.min(this.timeoutMs, 30_000),
      false,
    );
    this.maxRetries = checkPositive('maxRetries', options.maxRetries ?? 4, true);
    this.concurrency = checkPositive('concurrency', options.concurrency ?? 32, false);
    const providerConcurrency = { ...defaultProviderConcurrency, ...options.providerConcurrency };
    for (const [family, limit] of Object.entries(providerConcurrency)) {
      checkPositive(`providerConcurrency.${family}`, limit, false);
    }
    this.providerConcurrency = providerConcurrency;
    this.tenantConcurrency = checkPositive('tenantConcurrency', options.tenantConcurrency ?? 16, true);
    this.tenants = this.tenantConcurrency > 0 ? new KeyedCallSlots(this.tenantConcurrency) : undefined;
    this.onQueueWait = options.onQueueWait;
    this.initialDelayMs = checkPositive('initialDelayMs', options.initialDelayMs ?? 500, true);
    this.maxDelayMs = checkPositive('maxDelayMs', options.maxDelayMs ?? 30_000, true);
    this.maxRetryAfterMs = checkPositive('maxRetryAfterMs', options.maxRetryAfterMs ?? 120_000, true);
    this.random = options.random ?? Math.random;
    this.onRetry = options.onRetry;
  }

  /** Calls of this provider family running or waiting for a provider slot right now. */
  load(provider: string): { active: number; pending: number } {
    const slots = this.providers.get(providerFamily(provider));
    return { active: slots?.active ?? 0, pending: slots?.pending ?? 0 };
  }

  /** Calls of this tenant running or waiting for one of the tenant's slots right now. */
  tenantLoad(tenant: string): { active: number; pending: number } {
    return this.tenants?.load(tenant) ?? { active: 0, pending: 0 };
  }

  /** Every provider family used so far with its calls running and waiting, and tenant-queued calls. */
  queues(): {
    readonly providers: readonly { provider: string; active: number; pending: number }[];
    readonly tenantPending: number;
  } {
    return {
      providers: [...this.providers].map(([provider, slots]) => ({
        provider,
        active: slots.active,
        pending: slots.pending,
      })),
      tenantPending: this.tenants?.pending ?? 0,
    };
  }

  /** The concurrency limit of a provider family. */
  concurrencyOf(provider: string): number {
    return this.providerConcurrency[providerFamily(provider)] ?? this.concurrency;
  }

  /**
   * Run `call` under the policy. `call` gets the signal to pass to the AI SDK (aborted on timeout or
   * when the caller aborts). Throws ModelCallError; a caller's abort gives one with `retryable: false`.
   */
  async run<T>(
    target: ModelTarget,
    call: (abortSignal: AbortSignal) => Promise<T>,
    options: { readonly abortSignal?: AbortSignal } = {},
  ): Promise<T> {
    const callerSignal = options.abortSignal;
    const tenant = modelCallTenant();
    for (let retry = 0; ; retry += 1) {
      const outcome = await this.withSlots(target.provider, tenant, () =>
        this.attempt(target, call, callerSignal),
      );
      if (!(outcome instanceof AttemptFailure)) return outcome;
      const failure = outcome.error;
      const attempts = retry + 1;
      if (!failure.retryable || retry >= this.maxRetries) throw this.final(target, failure, attempts);
      const delayMs = this.delayBefore(retry + 1, failure.retryAfterMs);
      if (delayMs === undefined) {
        throw this.final(target, failure, attempts, `the server asked to wait ${failure.retryAfterMs} ms`);
      }
      this.onRetry?.({ ...target, retry: retry + 1, delayMs, error: failure });
      try {
        await sleepFor(delayMs, undefined, { signal: callerSignal });
      } catch {
        throw cancelled(target, callerSignal);
      }
    }
  }

  private async attempt<T>(
    target: ModelTarget,
    call: (abortSignal: AbortSignal) => Promise<T>,
    callerSignal: AbortSignal | undefined,
  ): Promise<T | AttemptFailure> {
    if (callerSignal?.aborted) throw cancelled(target, callerSignal);
    // NOTE: one controller and one timer per attempt (not AbortSignal.timeout + AbortSignal.any, which
    // cost more than a model that answers at once); the timer does not keep the process alive.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('the attempt timed out', 'TimeoutError'));
    }, this.timeoutMs);
    timer.unref();
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      return await call(controller.signal);
    } catch (error) {
      if (callerSignal?.aborted) throw cancelled(target, callerSignal);
      if (timedOut) {
        return new AttemptFailure(
          new ModelCallError({
            provider: target.provider,
            modelId: target.modelId,
            message: `${targetName(target)}: no answer within ${formatDuration(this.timeoutMs)}`,
            retryable: true,
            cause: error,
          }),
        );
      }
      return new AttemptFailure(toModelCallError(error, target));
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Backoff before retry n (1-based), or undefined when the server asks for more than we wait. */
  private delayBefore(retry: number, retryAfterMs: number | undefined): number | undefined {
    if (retryAfterMs !== undefined) {
      if (retryAfterMs > this.maxRetryAfterMs) return undefined;
      // NOTE: never earlier than asked; up to 10% later so parallel callers do not return together.
      return Math.ceil(retryAfterMs + this.random() * Math.min(1000, retryAfterMs * 0.1));
    }
    const exponential = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** (retry - 1));
    return Math.round(exponential / 2 + (this.random() * exponential) / 2);
  }

  private final(
    target: ModelTarget,
    error: ModelCallError,
    attempts: number,
    reason?: string,
  ): ModelCallError {
    if (attempts === 1 && reason === undefined) return error;
    const timeout = `timeout ${formatDuration(this.timeoutMs)} per attempt`;
    return new ModelCallError({
      provider: target.provider,
      modelId: target.modelId,
      message: `${error.message} (${reason ?? `gave up after ${attempts} attempts`}; ${timeout})`,
      status: error.status,
      retryable: error.retryable,
      cause: error,
    });
  }

  /**
   * Runs `work` holding a slot of the tenant (first, so a tenant waiting on its own cap holds no provider
   * slot) and one of the provider family; both are released when it settles.
   */
  private async withSlots<T>(provider: string, tenant: string | undefined, work: () => Promise<T>) {
    const family = providerFamily(provider);
    let slots = this.providers.get(family);
    if (slots === undefined) {
      slots = new CallSlots(this.concurrencyOf(family));
      this.providers.set(family, slots);
    }
    const tenants = tenant === undefined ? undefined : this.tenants;
    const started = this.onQueueWait === undefined ? 0 : performance.now();
    const tenantTurn = tenants?.acquire(tenant!);
    if (tenantTurn !== undefined) await tenantTurn;
    try {
      const providerTurn = slots.acquire();
      if (providerTurn !== undefined) await providerTurn;
      try {
        this.onQueueWait?.({
          provider: family,
          tenant,
          waitedMs: performance.now() - started,
          queued: tenantTurn !== undefined || providerTurn !== undefined,
        });
        return await work();
      } finally {
        slots.release();
      }
    } finally {
      tenants?.release(tenant!);
    }
  }
}

/** A failed attempt, returned (not thrown) so the slot is released before the backoff. */
class AttemptFailure {
  constructor(readonly error: ModelCallError & { retryAfterMs?: number }) {}
}

/** `2 s`, `1.5 s`, `250 ms`. */
export function formatDuration(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Number((milliseconds / 1000).toFixed(1))} s` : `${milliseconds} ms`;
}

function cancelled(target: ModelTarget, signal: AbortSignal | undefined): ModelCallError {
  return new ModelCallError({
    provider: target.provider,
    modelId: target.modelId,
    message: `${targetName(target)}: call cancelled by the caller`,
    retryable: false,
    cause: signal?.reason,
  });
}

/**
 * `--model-concurrency` as CallPolicy options: a number for every provider family and/or
 * `family=number` pairs, comma-separated (`64`, `ollama=2`, `48,anthropic=16`).
 */
export function parseModelConcurrency(
  text: string,
  field = '--model-concurrency',
): Pick<CallPolicyOptions, 'concurrency' | 'providerConcurrency'> {
  let concurrency: number | undefined;
  const providerConcurrency: Record<string, number> = {};
  const accepted = 'a number for every provider and/or provider=number pairs, e.g. 48,ollama=2';
  for (const part of text.split(',').map((piece) => piece.trim())) {
    const match = /^(?:([a-z][a-z0-9-]*)=)?(\d+)$/.exec(part);
    const limit = Number(match?.[2]);
    if (match === null || limit < 1) throw new InvalidInputError({ field, value: text, accepted });
    if (match[1] === undefined) concurrency = limit;
    else providerConcurrency[match[1]] = limit;
  }
  return { concurrency, providerConcurrency };
}
