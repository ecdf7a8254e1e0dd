import { describe, expect, it } from 'vitest';
import { InvalidInputError, ModelCallError } from '../spec/index.js';
import { CallPolicy, parseModelConcurrency, type QueueWaitEvent } from './call-policy.js';
import { withModelCallTenant } from './model-call-tenant.js';

/** A fake model call that answers after `delayMs`, counting the calls in flight per tenant. */
function slowModel(delayMs: number) {
  const inFlight = new Map<string, number>();
  const most = new Map<string, number>();
  const finishedAt = new Map<string, number[]>();
  return {
    most,
    finishedAt,
    call: (tenant: string) => async () => {
      const now = (inFlight.get(tenant) ?? 0) + 1;
      inFlight.set(tenant, now);
      most.set(tenant, Math.max(most.get(tenant) ?? 0, now));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight.set(tenant, now - 1);
      finishedAt.set(tenant, [...(finishedAt.get(tenant) ?? []), performance.now()]);
      return tenant;
    },
  };
}

describe('CallPolicy concurrency per provider and per tenant', () => {
  const openai = { provider: 'openai.chat', modelId: 'gpt-test' };

  it("keeps one tenant's calls to its cap while another tenant's call goes through at once", async () => {
    const waits: QueueWaitEvent[] = [];
    const policy = new CallPolicy({
      concurrency: 8,
      tenantConcurrency: 2,
      onQueueWait: (event) => waits.push(event),
    });
    const model = slowModel(60);
    const burst = Array.from({ length: 8 }, () =>
      withModelCallTenant('busy', () => policy.run(openai, model.call('busy'))),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(policy.tenantLoad('busy')).toEqual({ active: 2, pending: 6 });
    const other = await withModelCallTenant('quiet', () => policy.run(openai, model.call('quiet')));
    expect(other).toBe('quiet');
    await Promise.all(burst);
    expect(model.most.get('busy')).toBe(2);
    // The quiet tenant finished long before the busy one's queue drained (4 waves of 60 ms).
    expect(model.finishedAt.get('quiet')![0]).toBeLessThan(Math.max(...model.finishedAt.get('busy')!) - 100);
    const quietWait = waits.find((event) => event.tenant === 'quiet')!;
    expect(quietWait).toMatchObject({ provider: 'openai', queued: false });
    // The first two of the burst took the tenant's slots at once; the six after them queued.
    expect(waits.filter((event) => event.tenant === 'busy').map((event) => event.queued)).toEqual([
      false,
      false,
      ...Array.from({ length: 6 }, () => true),
    ]);
    expect(quietWait.waitedMs).toBeLessThan(30);
    expect(
      Math.max(...waits.filter((event) => event.tenant === 'busy').map((event) => event.waitedMs)),
    ).toBeGreaterThan(150);
    expect(policy.tenantLoad('busy')).toEqual({ active: 0, pending: 0 });
  });

  it('caps each provider family at its own limit, and every tenant together at the provider limit', async () => {
    const policy = new CallPolicy({
      concurrency: 3,
      providerConcurrency: { anthropic: 1 },
      tenantConcurrency: 0,
    });
    const model = slowModel(40);
    const anthropic = { provider: 'anthropic.messages', modelId: 'claude-test' };
    const calls = [
      ...Array.from({ length: 4 }, () =>
        withModelCallTenant('a', () => policy.run(anthropic, model.call('anthropic'))),
      ),
      ...Array.from({ length: 6 }, (_, index) =>
        withModelCallTenant(`tenant-${index}`, () => policy.run(openai, model.call('openai'))),
      ),
    ];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(policy.load('anthropic')).toEqual({ active: 1, pending: 3 });
    expect(policy.load('openai')).toEqual({ active: 3, pending: 3 });
    expect(policy.queues()).toEqual({
      providers: [
        { provider: 'anthropic', active: 1, pending: 3 },
        { provider: 'openai', active: 3, pending: 3 },
      ],
      tenantPending: 0,
    });
    await Promise.all(calls);
    expect(model.most.get('anthropic')).toBe(1);
    expect(model.most.get('openai')).toBe(3);
  });

  it('defaults: 32 per hosted provider, 4 for a local Ollama, 16 per tenant', () => {
    const policy = new CallPolicy();
    expect(policy.concurrencyOf('openai.chat')).toBe(32);
    expect(policy.concurrencyOf('ollama.chat')).toBe(4);
    expect(policy.tenantConcurrency).toBe(16);
  });

  it('rejects nonsensical limits, naming them', () => {
    expect(() => new CallPolicy({ providerConcurrency: { openai: 0 } })).toThrow(
      /providerConcurrency.openai/,
    );
    expect(() => new CallPolicy({ tenantConcurrency: 1.5 })).toThrow(/tenantConcurrency/);
    expect(new CallPolicy({ tenantConcurrency: 0 }).tenantConcurrency).toBe(0);
  });

  it('reads --model-concurrency as a default and per-provider limits', () => {
    expect(parseModelConcurrency('48,ollama=2')).toEqual({
      concurrency: 48,
      providerConcurrency: { ollama: 2 },
    });
    expect(parseModelConcurrency('anthropic=8')).toEqual({
      concurrency: undefined,
      providerConcurrency: { anthropic: 8 },
    });
    for (const wrong of ['0', 'fast', 'openai=0', '4,', 'openai:4']) {
      expect(() => parseModelConcurrency(wrong)).toThrow(InvalidInputError);
    }
  });

  it('releases the slots of a failed attempt before its backoff, so the next caller goes on', async () => {
    const policy = new CallPolicy({ concurrency: 1, initialDelayMs: 200, maxRetries: 1, random: () => 0 });
    let attempts = 0;
    const failing = policy.run(openai, async () => {
      attempts += 1;
      if (attempts === 1)
        throw new ModelCallError({ ...openai, message: 'busy', status: 503, retryable: true });
      return 'second try';
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    expect(await policy.run(openai, async () => 'other')).toBe('other');
    expect(performance.now() - started).toBeLessThan(50);
    expect(await failing).toBe('second try');
  });
});
