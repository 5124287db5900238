import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accounts, refreshTokens, specialists } from '../../db/schema.js';
import { auth, signUp } from '../../testing/accounts.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const signup = { email: 'Grace@Example.com', password: 'correct horse battery', name: 'Grace Hopper', handle: 'grace', timeZone: 'America/New_York', currency: 'USD' };

describe('sign-up and login', () => {
  it('signs up, logs in and reads /v1/me with the access token', async () => {
    const created = await t.json('/v1/auth/signup', { body: signup });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      accessTokenExpiresAt: '2026-11-20T12:15:00.000Z',
      refreshTokenExpiresAt: '2026-12-20T12:00:00.000Z',
      account: { email: 'grace@example.com', role: 'specialist', handle: 'grace' },
    });
    expect(created.body.refreshToken).toMatch(/^rt_/);
    expect(created.headers.get('cache-control')).toBe('no-store');

    const login = await t.json('/v1/auth/login', { body: { email: 'grace@example.com', password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    expect(login.body.account).toEqual(created.body.account);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const me = await t.json('/v1/me', { headers: auth(login.body.accessToken) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ handle: 'grace', name: 'Grace Hopper', timeZone: 'America/New_York', currency: 'USD', allowedOrigins: [] });
    // The new profile is public at once, with no services yet.
    expect((await t.json('/v1/specialists/grace')).body).toMatchObject({ handle: 'grace', services: [] });
  });

  it('stores a salted PBKDF2 hash, never the password', async () => {
    await signUp(t, 'ada');
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.email, 'ada@example.com'));
    expect(row!.passwordHash).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(row!.passwordHash).not.toContain('correct horse battery');
  });

  it('answers a wrong password and an unknown email with the identical 401', async () => {
    await signUp(t, 'ada');
    const wrong = await t.json('/v1/auth/login', { body: { email: 'ada@example.com', password: 'incorrect horse battery' } });
    const unknown = await t.json('/v1/auth/login', { body: { email: 'nobody@example.com', password: 'incorrect horse battery' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const headers = (h: Headers) => ['content-type', 'www-authenticate', 'retry-after'].map((name) => h.get(name));
    expect(headers(unknown.headers)).toEqual(headers(wrong.headers));
  });

  it('finds the account whatever the case of the email', async () => {
    await signUp(t, 'ada');
    const res = await t.json('/v1/auth/login', { body: { email: 'ADA@Example.COM', password: 'correct horse battery' } });
    expect(res.status).toBe(200);
  });

  it('refuses a taken email or handle with 409 and stores nothing', async () => {
    await signUp(t, 'ada');
    const before = (await t.database.db.select().from(specialists)).length;
    const email = await t.json('/v1/auth/signup', { body: { ...signup, email: 'ADA@example.com' } });
    expect(email.status).toBe(409);
    expect(email.body).toMatchObject({ code: 'email_taken', errors: [{ field: 'body.email' }] });
    const handle = await t.json('/v1/auth/signup', { body: { ...signup, handle: 'demo' } });
    expect(handle.status).toBe(409);
    expect(handle.body).toMatchObject({ code: 'handle_taken', errors: [{ field: 'body.handle' }] });
    expect((await t.database.db.select().from(specialists)).length).toBe(before);
    expect((await t.database.db.select().from(accounts).where(eq(accounts.email, 'grace@example.com'))).length).toBe(0);
  });

  it('names every field at fault in a bad sign-up, and refuses fields it does not know', async () => {
    const res = await t.json('/v1/auth/signup', {
      body: { email: 'not-an-email', password: 'short', name: ' ', handle: '-bad-', timeZone: 'Mars/Olympus', currency: 'euro' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      ['body.email', 'body.password', 'body.name', 'body.handle', 'body.timeZone', 'body.currency'],
    );
    const role = await t.json('/v1/auth/signup', { body: { ...signup, role: 'operator' } });
    expect(role.status).toBe(400);
    expect(role.body.errors[0].message).toContain('"role"');
    const long = await t.json('/v1/auth/signup', { body: { ...signup, password: 'x'.repeat(201) } });
    expect(long.body.errors[0].field).toBe('body.password');
  });

  it('lets the seeded demo specialist log in to its own profile', async () => {
    const res = await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ role: 'specialist', handle: 'demo' });
    const me = await t.json('/v1/me/availability', { headers: auth(res.body.accessToken) });
    expect(me.body.weekly).toHaveLength(5);
  });
});

describe('access tokens', () => {
  it('stops working after 15 minutes with 401 token_expired', async () => {
    const { accessToken } = await signUp(t, 'ada');
    t.setNow(Date.parse('2026-11-20T12:14:59Z'));
    expect((await t.json('/v1/me', { headers: auth(accessToken) })).status).toBe(200);
    t.setNow(Date.parse('2026-11-20T12:15:00Z'));
    const expired = await t.json('/v1/me', { headers: auth(accessToken) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('token_expired');
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('refuses a token signed by another app (another secret) with 401', async () => {
    const other = await testApp({ jwtSecret: 'another-secret' });
    try {
      const { accessToken } = await signUp(other, 'ada');
      const res = await t.json('/v1/me', { headers: auth(accessToken) });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    } finally {
      other.close();
    }
  });

  it('gives an operator’s token no specialist data (403)', async () => {
    const login = await t.json('/v1/auth/login', { body: { email: 'operator@slotwise.local', password: t.operatorPassword } });
    expect(login.body.account).toMatchObject({ role: 'operator', handle: null });
    const res = await t.json('/v1/me/availability', { headers: auth(login.body.accessToken) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe('refresh tokens', () => {
  it('rotates: each refresh token works once and gives a new pair', async () => {
    const first = await signUp(t, 'ada');
    t.setNow(Date.parse('2026-11-20T12:20:00Z'));
    const second = await t.json('/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.accessTokenExpiresAt).toBe('2026-11-20T12:35:00.000Z');
    expect((await t.json('/v1/me', { headers: auth(second.body.accessToken) })).status).toBe(200);
    const third = await t.json('/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(third.status).toBe(200);
    // Stored hashed, like every other secret.
    const stored = await t.database.db.select().from(refreshTokens);
    expect(stored.map((r) => r.tokenHash)).not.toContain(third.body.refreshToken);
    expect(new Set(stored.map((r) => r.family)).size).toBe(1);
  });

  it('revokes the whole login when a spent refresh token comes back', async () => {
    const first = await signUp(t, 'ada');
    const second = await t.json('/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    // A thief replays the first token: refused, and the rightful holder's newer token dies too.
    const replay = await t.json('/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('invalid_refresh_token');
    const victim = await t.json('/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(victim.status).toBe(401);
    // Another login of the same account is untouched.
    const other = await t.json('/v1/auth/login', { body: { email: 'ada@example.com', password: 'correct horse battery' } });
    expect((await t.json('/v1/auth/refresh', { body: { refreshToken: other.body.refreshToken } })).status).toBe(200);
  });

  it('refuses an unknown or 30-day-old refresh token', async () => {
    const first = await signUp(t, 'ada');
    expect((await t.json('/v1/auth/refresh', { body: { refreshToken: 'rt_nope' } })).status).toBe(401);
    t.setNow(Date.parse('2026-12-20T12:00:00Z'));
    const old = await t.json('/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('invalid_refresh_token');
  });

  it('logs out: the login’s refresh tokens stop working; an unknown token answers the same', async () => {
    const first = await signUp(t, 'ada');
    const out = await t.json('/v1/auth/logout', { body: { refreshToken: first.refreshToken } });
    expect(out).toMatchObject({ status: 200, body: { loggedOut: true } });
    expect((await t.json('/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })).status).toBe(401);
    expect(await t.json('/v1/auth/logout', { body: { refreshToken: 'rt_unknown' } })).toMatchObject({ status: 200, body: { loggedOut: true } });
  });
});

describe('rate limits on sign-up and login', () => {
  it('answers the 11th login in a minute from one client with 429 and Retry-After', async () => {
    const limited = await testApp({ rateLimits: true });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await limited.json('/v1/auth/login', { body: { email: 'ada@example.com', password: `guess number ${i}` } });
        expect(res.status).toBe(401);
      }
      const res = await limited.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: limited.demoPassword } });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      limited.close();
    }
  });

  it('limits sign-ups per client as well', async () => {
    const limited = await testApp({ rateLimits: true });
    try {
      for (let i = 0; i < 10; i++) await signUp(limited, `person-${i}`);
      const res = await limited.json('/v1/auth/signup', { body: { ...signup, handle: 'one-too-many' } });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBeTruthy();
    } finally {
      limited.close();
    }
  });
});
