import { randomUUID } from 'node:crypto';

/**
 * How a contract suite gets the implementation it runs against before each test: a fresh instance,
 * or a new one over a database the suite shares (tests then keep to tenants of their own).
 */
export type StoreFactory<Port> = () => Port | Promise<Port>;

/** A tenant no other test uses, so stores over one shared database never see each other's rows. */
export function randomTenant(): string {
  return `tenant-${randomUUID()}`;
}
