import { describe, expect, it, vi } from 'vitest';
import { CallPolicy } from '../providers/call-policy.js';
import { ScriptedWriter } from '../testing/index.js';
import { ServiceMetrics } from './service-metrics.js';
import { createTestApp } from './test-app.js';

const metricsToken = 'a-metrics-token-of-enough-length';

/**
 * The app with a slow fake model: every draft is a call under the policy (provider `openai`) that
 * answers after 300 ms; each tenant may have one model call in flight. `inFlight` counts the calls.
 */
async function appWithSlowModel() {
  const metrics = new ServiceMetrics({ processMetrics: false });
  const callPolicy = new CallPolicy({
    concurrency: 8,
    tenantConcurrency: 1,
    onQueueWait: metrics.observeQueueWait,
  });
  metrics.watchCallPolicy(callPolicy);
  const calls = { inFlight: 0, most: 0, started: 0 };
  const slow = new ScriptedWriter({ generate: () => 'A slow draft.' });
  const generate = slow.generate.bind(slow);
  slow.generate = (options) =>
    callPolicy.run({ provider: 'openai.chat', modelId: 'gpt-test' }, async () => {
      calls.started += 1;
      calls.inFlight += 1;
      calls.most = Math.max(calls.most, calls.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 300));
      calls.inFlight -= 1;
      return generate(options);
    });
  return { ...(await createTestApp({ tailor: { writer: slow }, app: { metrics, metricsToken } })), calls };
}
/** The value of one sample line of the Prometheus text, e.g. `name{provider="openai"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('model calls in flight per tenant, over HTTP', () => {
  it("queues one tenant's burst behind its cap, lets another tenant through, and shows the queue in /metrics", async () => {
    const { call, keyB, calls } = await appWithSlowModel();
    const generate = (key?: string) =>
      call('/v1/generate', { body: { user: 'ana', task: 'email', context: 'Notes for the email.' }, key });
    const burst = [generate(), generate(), generate()];
    await vi.waitFor(() => expect(calls.started).toBe(1));
    const queued = await (await call('/metrics', { key: metricsToken })).text();
    expect(sample(queued, 'tailor_model_call_queue_depth{provider="tenant"}')).toBe(2);
    expect(sample(queued, 'tailor_model_calls_in_flight{provider="openai"}')).toBe(1);

    const started = performance.now();
    const other = await generate(keyB.secret);
    expect(other.status).toBe(200);
    // Tenant B waited for its own call only, not for tenant A's queue (3 × 300 ms).
    expect(performance.now() - started).toBeLessThan(800);
    const statuses = (await Promise.all(burst)).map((response) => response.status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(calls.most).toBe(2);

    const after = await (await call('/metrics', { key: metricsToken })).text();
    expect(sample(after, 'tailor_model_call_queue_depth{provider="tenant"}')).toBe(0);
    expect(sample(after, 'tailor_model_call_queue_wait_seconds_count{provider="openai"}')).toBe(4);
    // Two of tenant A's calls waited at least one model call (300 ms).
    expect(sample(after, 'tailor_model_call_queue_wait_seconds_bucket{le="0.25",provider="openai"}')).toBe(2);
  });
});
