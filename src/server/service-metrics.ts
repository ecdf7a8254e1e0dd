import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
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

  constructor(options: { readonly processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts the tokens of one step (`generate`, `learn`, `chat`). */
  countTokens(step: string, usage: TokenUsage): void {
    if (usage.inputTokens > 0) this.tokens.inc({ step, direction: 'input' }, usage.inputTokens);
    if (usage.outputTokens > 0) this.tokens.inc({ step, direction: 'output' }, usage.outputTokens);
  }

  /** The text exposition for `/metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
