import { AsyncLocalStorage } from 'node:async_hooks';

const currentTenant = new AsyncLocalStorage<string>();

/**
 * Runs `work` on behalf of `tenant`: every model call a `CallPolicy` makes inside it (and in the
 * promises it starts) counts against that tenant's share of calls in flight (`tenantConcurrency`). The
 * HTTP service wraps each `/v1/*` request in it; a library caller serving several tenants can do the same.
 *
 * @example
 * const draft = await withModelCallTenant('acme', () => tailor.generate({ tenant: 'acme', user, task, context }));
 */
export function withModelCallTenant<T>(tenant: string, work: () => T): T {
  return currentTenant.run(tenant, work);
}

/** The tenant the current model call is made for (undefined outside `withModelCallTenant`). */
export function modelCallTenant(): string | undefined {
  return currentTenant.getStore();
}
