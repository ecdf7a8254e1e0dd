import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CallPolicy, QueueWaitEvent } from '../providers/call-policy.js';
import type { TokenUsage } from '../spec/index.js';

/**
 * The service's Prometheus metrics, in a registry of their own (so several apps in one process, as in
 * tests, do not collide): requests by route and status, request latency, users' edit costs, and the
 * agent's model tokens.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'tailor_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'tailor_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly editCost = new Histogram({
    name: 'tailor_edit_cost_words',
    help: "Word-level edit distance between a draft and the user's version (0 = accepted)",
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });
  readonly tokens = new Counter({
    name: 'tailor_model_tokens_total',
    help: 'Agent model tokens (as reported by the writer) by step and direction',
    labelNames: ['step', 'direction'] as const,
    registers: [this.registry],
  });
  readonly pending = new Counter({
    name: 'tailor_learn_failures_total',
    help: 'Learning attempts that failed and left the edit pending (retried later)',
    registers: [this.registry],
  });

  readonly modelQueueWait = new Histogram({
    name: 'tailor_model_call_queue_wait_seconds',
    help: 'Time a model call waited for a slot (its tenant cap, then its provider cap) by provider',
    labelNames: ['provider'] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly policies: CallPolicy[] = [];
  readonly modelCallsInFlight = new Gauge({
    name: 'tailor_model_calls_in_flight',
    help: 'Model calls running now, by provider',
    labelNames: ['provider'] as const,
    registers: [this.registry],
    collect: () => {
      this.modelCallsInFlight.reset();
      for (const policy of this.policies) {
        for (const { provider, active } of policy.queues().providers) {
          this.modelCallsInFlight.inc({ provider }, active);
        }
      }
    },
  });
  readonly modelQueueDepth = new Gauge({
    name: 'tailor_model_call_queue_depth',
    help: "Model calls waiting for a slot now, by provider (provider tenant: waiting on their tenant's cap)",
    labelNames: ['provider'] as const,
    registers: [this.registry],
    collect: () => {
      this.modelQueueDepth.reset();
      if (this.policies.length === 0) return;
      let tenantPending = 0;
      for (const policy of this.policies) {
        const queues = policy.queues();
        tenantPending += queues.tenantPending;
        for (const { provider, pending } of queues.providers) this.modelQueueDepth.inc({ provider }, pending);
      }
      this.modelQueueDepth.set({ provider: 'tenant' }, tenantPending);
    },
  });

  constructor(options: { readonly processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts the tokens of one step (`generate`, `learn`, `chat`). */
  countTokens(step: string, usage: TokenUsage): void {
    if (usage.inputTokens > 0) this.tokens.inc({ step, direction: 'input' }, usage.inputTokens);
    if (usage.outputTokens > 0) this.tokens.inc({ step, direction: 'output' }, usage.outputTokens);
  }

  /** Records a model call's wait for its slots (give it as the CallPolicy's `onQueueWait`). */
  readonly observeQueueWait = (event: QueueWaitEvent): void => {
    this.modelQueueWait.observe({ provider: event.provider }, event.waitedMs / 1000);
  };

  /** Reports the calls running and waiting of a policy in `/metrics` (read at each scrape). */
  watchCallPolicy(policy: CallPolicy): void {
    this.policies.push(policy);
  }

  /** The text exposition for `/metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
