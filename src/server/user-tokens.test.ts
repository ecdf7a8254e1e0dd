import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.js';
import { UserTokens, userTokenPrefix } from './user-tokens.js';

describe('UserTokens', () => {
  it('verifies what it minted until it expires, and nothing tampered or signed elsewhere', () => {
    let now = Date.parse('2026-12-04T10:00:00Z');
    const tokens = new UserTokens({ secret: 'a'.repeat(32), clock: () => now });
    const { token, expiresAt } = tokens.mint({ tenant: 'acme', user: 'ada', ttlSeconds: 60 });
    expect(token.startsWith(userTokenPrefix)).toBe(true);
    expect(tokens.verify(token)).toEqual({ tenant: 'acme', user: 'ada', expiresAt });
    const [payload, signature] = token.slice(userTokenPrefix.length).split('.');
    const forged = Buffer.from(JSON.stringify({ t: 'acme', u: 'bob', e: now / 1000 + 60 })).toString(
      'base64url',
    );
    expect(tokens.verify(`${userTokenPrefix}${forged}.${signature}`)).toBeUndefined();
    expect(tokens.verify(`${userTokenPrefix}${payload}.x${signature}`)).toBeUndefined();
    expect(new UserTokens({ secret: 'b'.repeat(32), clock: () => now }).verify(token)).toBeUndefined();
    now += 61_000;
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('refuses a short secret and a lifetime out of range, naming them', () => {
    expect(() => new UserTokens({ secret: 'short' })).toThrow(/TAILOR_TOKEN_SECRET/);
    expect(() => new UserTokens().mint({ tenant: 'a', user: 'b', ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });
});

describe('a user token over HTTP', () => {
  async function setup() {
    const built = await createTestApp();
    const minted = await built.call('/v1/users/ada/tokens', { method: 'POST', body: { ttlSeconds: 600 } });
    expect(minted.status).toBe(201);
    const { token, user } = (await minted.json()) as { token: string; user: string };
    expect(user).toBe('ada');
    return { ...built, token };
  }

  it('drafts, learns and reads for its own user only, and never mints', async () => {
    const { call, token } = await setup();
    const draft = await call('/v1/generate', {
      key: token,
      body: { user: 'ada', task: 'email', context: 'Notes: launch moves to June.' },
    });
    expect(draft.status).toBe(200);
    const { interactionId } = (await draft.json()) as { interactionId: string };
    const learned = await call(`/v1/interactions/${interactionId}/learn`, {
      key: token,
      body: { edited: 'Launch: June.' },
    });
    expect(learned.status).toBe(200);
    expect((await call('/v1/users/ada/preferences?task=email', { key: token })).status).toBe(200);

    const other = await call('/v1/users/bob/preferences?task=email', { key: token });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { message: string } }).error.message).toContain('"ada"');
    const forOther = await call('/v1/generate', {
      key: token,
      body: { user: 'bob', task: 'email', context: 'Notes: launch moves to June.' },
    });
    expect(forOther.status).toBe(403);
    expect((await call('/v1/users/ada/tokens', { method: 'POST', key: token, body: {} })).status).toBe(403);
  });

  it("hides another user's interactions and refuses a forged or unknown token", async () => {
    const { call, token } = await setup();
    const bobs = await call('/v1/generate', {
      body: { user: 'bob', task: 'email', context: 'Lunch: Friday.' },
    });
    const { interactionId } = (await bobs.json()) as { interactionId: string };
    expect((await call(`/v1/interactions/${interactionId}`, { key: token })).status).toBe(404);
    expect((await call(`/v1/interactions/${interactionId}`)).status).toBe(200);
    expect((await call('/v1/users/ada/preferences?task=email', { key: `${token}x` })).status).toBe(401);
    expect((await call('/v1/users/ada/preferences?task=email', { key: 'tailor_ut_nothing' })).status).toBe(
      401,
    );
  });
});
