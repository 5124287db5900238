import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeys } from '../../db/schema.js';
import { MAX_ACTIVE_API_KEYS, MAX_LISTED_REVOKED_KEYS } from '../../services/accounts/api-keys.js';
import { auth, signUp } from '../../testing/accounts.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const asDemo = (path: string, init: { method?: string; body?: unknown } = {}, token = t.apiKey) => t.json(path, { ...init, headers: auth(token) });

describe('/v1/me/api-keys', () => {
  it('shows a new key once; the list never has a secret or its hash', async () => {
    const created = await asDemo('/v1/me/api-keys', { body: { name: 'Production server' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Production server', createdAt: '2026-11-20T12:00:00.000Z', lastUsedAt: null, revokedAt: null });
    expect(created.body.key).toMatch(/^sk_[\w-]{43}$/);
    expect(created.body.prefix).toBe(created.body.key.slice(0, 7));
    expect(created.headers.get('cache-control')).toBe('no-store');

    const list = await asDemo('/v1/me/api-keys');
    expect(list.status).toBe(200);
    expect(list.body.data.map((k: { name: string }) => k.name).sort()).toEqual(['Demo key', 'Production server']);
    const [stored] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.body.key);
    expect(text).not.toContain(t.apiKey);
    expect(text).not.toContain(stored!.secretHash);
    for (const key of list.body.data) expect(Object.keys(key).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
    expect(stored!.secretHash).not.toBe(created.body.key);
  });

  it('authenticates with a new key and records when it was last used', async () => {
    const { body } = await asDemo('/v1/me/api-keys', { body: { name: 'CI' } });
    t.setNow(Date.parse('2026-11-20T13:00:00Z'));
    expect((await asDemo('/v1/me', {}, body.key)).body.handle).toBe('demo');
    const listed = (await asDemo('/v1/me/api-keys')).body.data.find((k: { id: string }) => k.id === body.id);
    expect(listed.lastUsedAt).toBe('2026-11-20T13:00:00.000Z');
  });

  it('revokes a key: it is refused at once, and revoking again changes nothing', async () => {
    const { body } = await asDemo('/v1/me/api-keys', { body: { name: 'Old laptop' } });
    const revoked = await asDemo(`/v1/me/api-keys/${body.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBe('2026-11-20T12:00:00.000Z');
    const refused = await asDemo('/v1/me', {}, body.key);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthorized');
    t.setNow(Date.parse('2026-11-21T12:00:00Z'));
    const again = await asDemo(`/v1/me/api-keys/${body.id}`, { method: 'DELETE' });
    expect(again.body.revokedAt).toBe('2026-11-20T12:00:00.000Z');
    const listed = (await asDemo('/v1/me/api-keys')).body.data.find((k: { id: string }) => k.id === body.id);
    expect(listed.revokedAt).toBe('2026-11-20T12:00:00.000Z');
  });

  it('rotates a key: a new secret with the same name; the old one stops working', async () => {
    const { body: old } = await asDemo('/v1/me/api-keys', { body: { name: 'Billing job' } });
    const rotated = await asDemo(`/v1/me/api-keys/${old.id}/rotate`, { method: 'POST' });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ name: 'Billing job', revokedAt: null });
    expect(rotated.body.id).not.toBe(old.id);
    expect(rotated.body.key).not.toBe(old.key);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect((await asDemo('/v1/me', {}, old.key)).status).toBe(401);
    expect((await asDemo('/v1/me', {}, rotated.body.key)).status).toBe(200);
    const again = await asDemo(`/v1/me/api-keys/${old.id}/rotate`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('api_key_revoked');
  });

  it(`lists every active key and the ${MAX_LISTED_REVOKED_KEYS} revoked last, however often a key was rotated`, async () => {
    const job = await asDemo('/v1/me/api-keys', { body: { name: 'Nightly job' } });
    let current = job.body.id as string;
    for (let day = 1; day <= MAX_LISTED_REVOKED_KEYS + 5; day++) {
      t.setNow(Date.parse('2026-11-20T12:00:00Z') + day * 86_400_000);
      current = (await asDemo(`/v1/me/api-keys/${current}/rotate`, { method: 'POST' })).body.id;
    }
    const list = (await asDemo('/v1/me/api-keys')).body.data as { id: string; name: string; revokedAt: string | null; createdAt: string }[];
    expect(list.filter((k) => k.revokedAt === null).map((k) => k.name).sort()).toEqual(['Demo key', 'Nightly job']);
    const revoked = list.filter((k) => k.revokedAt !== null);
    expect(revoked).toHaveLength(MAX_LISTED_REVOKED_KEYS);
    expect(revoked.map((k) => k.id)).not.toContain(job.body.id); // the first, revoked longest ago, is kept but not listed
    expect(list.map((k) => k.createdAt)).toEqual(list.map((k) => k.createdAt).sort().reverse()); // newest first
    expect(list[0]!.id).toBe(current);
    expect(await t.database.db.select().from(apiKeys)).toHaveLength(MAX_LISTED_REVOKED_KEYS + 7);
  });

  it('lets a specialist logged in to the console manage keys with the access token', async () => {
    const login = await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } });
    const created = await asDemo('/v1/me/api-keys', { body: { name: 'From the console' } }, login.body.accessToken);
    expect(created.status).toBe(201);
    expect((await asDemo('/v1/me/availability', {}, created.body.key)).status).toBe(200);
  });

  it('refuses a key without a name, and fields it does not know', async () => {
    expect((await asDemo('/v1/me/api-keys', { body: { name: '   ' } })).body.errors[0].field).toBe('body.name');
    const extra = await asDemo('/v1/me/api-keys', { body: { name: 'x', prefix: 'sk_mine' } });
    expect(extra.status).toBe(400);
  });

  it(`holds at most ${MAX_ACTIVE_API_KEYS} active keys`, async () => {
    for (let i = 1; i < MAX_ACTIVE_API_KEYS; i++) expect((await asDemo('/v1/me/api-keys', { body: { name: `key ${i}` } })).status).toBe(201);
    const over = await asDemo('/v1/me/api-keys', { body: { name: 'one more' } });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('too_many_api_keys');
    const spare = (await asDemo('/v1/me/api-keys')).body.data.find((k: { name: string }) => k.name === 'key 1');
    await asDemo(`/v1/me/api-keys/${spare.id}`, { method: 'DELETE' });
    expect((await asDemo('/v1/me/api-keys', { body: { name: 'one more' } })).status).toBe(201);
  });
});

describe('API keys are scoped to their specialist', () => {
  it('answers 404 to another specialist for every key id, and lists only their own', async () => {
    const { body: demoKey } = await asDemo('/v1/me/api-keys', { body: { name: 'Demo server' } });
    const other = await signUp(t, 'mallory');
    expect((await asDemo('/v1/me/api-keys', {}, other.accessToken)).body.data).toEqual([]);
    for (const [method, path] of [['DELETE', `/v1/me/api-keys/${demoKey.id}`], ['POST', `/v1/me/api-keys/${demoKey.id}/rotate`]] as const) {
      const res = await asDemo(path, { method }, other.accessToken);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe('api_key_not_found');
    }
    // …and the key still works for its owner.
    expect((await asDemo('/v1/me', {}, demoKey.key)).body.handle).toBe('demo');
    const mine = await asDemo('/v1/me/api-keys', { body: { name: 'Mallory server' } }, other.accessToken);
    expect((await asDemo('/v1/me', {}, mine.body.key)).body.handle).toBe('mallory');
  });
});
