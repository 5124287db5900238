import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, dateOverrides, idempotencyKeys } from '../../../db/schema.js';
import { signUp } from '../../../testing/accounts.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const body = (start: string) => ({ specialist: 'demo', service: t.intro.id, start, customer });
const post = (key: string, payload: unknown) => t.json('/v1/bookings', { body: payload, headers: { 'idempotency-key': key } });
const stored = async () => (await t.database.db.select({ n: count() }).from(bookings))[0]!.n;

describe('Idempotency-Key', () => {
  it('replays the stored answer for a retry with the same key and body, booking once', async () => {
    const first = await post('k-1', body('2026-11-23T09:00:00Z'));
    const retry = await post('k-1', body('2026-11-23T09:00:00Z'));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(await stored()).toBe(1);
  });

  it('stores nothing readable: no key, no manage token, no request body', async () => {
    const first = await post('k-secret', body('2026-11-23T09:00:00Z'));
    const [row] = await t.database.db.select().from(idempotencyKeys);
    const dump = JSON.stringify(row);
    expect(dump).not.toContain('k-secret');
    expect(dump).not.toContain(first.body.manageToken);
    expect(dump).not.toContain('grace@example.com');
    expect((await post('k-secret', body('2026-11-23T09:00:00Z'))).body.manageToken).toBe(first.body.manageToken);
  });

  it('takes the same JSON with other key order and spacing as the same request: a retry from another serialiser replays', async () => {
    const first = await post('k-json', body('2026-11-23T09:00:00Z'));
    const { specialist, service, start } = body('2026-11-23T09:00:00Z');
    const reordered = `{ "customer": { "timeZone": "Europe/Berlin", "email": "grace@example.com", "name": "Grace" },\n  "start": "${start}", "service": "${service}", "specialist": "${specialist}" }`;
    const retry = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-json' }, body: reordered });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await retry.json()).booking.id).toBe(first.body.booking.id);
    expect(await stored()).toBe(1);
  });

  it('refuses the same key with another body (422) and stores nothing new', async () => {
    await post('k-2', body('2026-11-23T09:00:00Z'));
    const other = await post('k-2', body('2026-11-23T10:00:00Z'));
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await stored()).toBe(1);
  });

  it('replays an error answer too, but not after 24 hours', async () => {
    const bad = await post('k-3', body('2026-11-22T09:00:00Z')); // a Sunday: not a slot
    expect(bad.status).toBe(422);
    expect((await post('k-3', body('2026-11-22T09:00:00Z'))).headers.get('idempotent-replayed')).toBe('true');
    t.setNow(Date.parse('2026-11-21T12:00:01Z'));
    expect((await t.app.tick()).purgedIdempotencyKeys).toBe(1);
    expect((await t.database.db.select({ n: count() }).from(idempotencyKeys))[0]!.n).toBe(0);
  });

  it('keeps keys of different callers apart', async () => {
    const a = await post('same', body('2026-11-23T09:00:00Z'));
    const b = await t.json('/v1/bookings', { body: body('2026-11-23T11:00:00Z'), headers: { 'idempotency-key': 'same', authorization: 'Bearer bmt_someone' } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(await stored()).toBe(2);
  });

  it('answers one of two simultaneous requests with the same key and books once', async () => {
    const results = await Promise.all([post('k-4', body('2026-11-23T13:00:00Z')), post('k-4', body('2026-11-23T13:00:00Z'))]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    for (const r of results) if (r.status === 409) expect(r.body.code).toBe('idempotency_key_in_use');
    expect(await stored()).toBe(1);
  });

  it("is the specialist's, not one credential's: a retry after a token refresh, or with their API key, replays; another specialist's never does", async () => {
    const override = { from: '2026-12-01', intervals: [] };
    const asBearer = (token: string) => t.json('/v1/me/availability/overrides', { body: override, headers: { 'idempotency-key': 'k-me', authorization: `Bearer ${token}` } });
    const overrides = async () => (await t.database.db.select({ n: count() }).from(dateOverrides))[0]!.n;
    const login = await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } });
    const first = await asBearer(login.body.accessToken);
    expect(first.status).toBe(201);
    // 20 minutes on, the first access token has expired: the client refreshes and retries.
    t.setNow(t.now() + 20 * 60_000);
    const refreshed = await t.json('/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.body.accessToken).not.toBe(login.body.accessToken);
    const retry = await asBearer(refreshed.body.accessToken);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const withKey = await asBearer(t.apiKey);
    expect(withKey.headers.get('idempotent-replayed')).toBe('true');
    expect(await overrides()).toBe(1);
    // Another specialist with the same key runs their own request.
    const ada = await signUp(t, 'ada');
    const theirs = await asBearer(ada.accessToken);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(await overrides()).toBe(2);
  });
});
