import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { platformSettings } from '../../db/schema.js';
import { platformFeeBps } from '../../services/platform-settings.js';
import { auth, operatorToken, signUp } from '../../testing/accounts.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

describe('/v1/operator/settings', () => {
  it('shows the default platform fee of 2000 basis points until an operator sets one', async () => {
    const res = await t.json('/v1/operator/settings', { headers: auth(await operatorToken(t)) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ platformFeeBps: 2000, updatedAt: null });
    expect(await platformFeeBps(t.database.db)).toBe(2000);
  });

  it('lets an operator change the fee, recording who and when', async () => {
    const token = await operatorToken(t);
    const res = await t.json('/v1/operator/settings', { method: 'PATCH', body: { platformFeeBps: 1250 }, headers: auth(token) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ platformFeeBps: 1250, updatedAt: '2026-11-20T12:00:00.000Z' });
    expect(await platformFeeBps(t.database.db)).toBe(1250);
    const [row] = await t.database.db.select().from(platformSettings);
    expect(row!.updatedBy).toMatch(/^acct_/);
    expect((await t.json('/v1/operator/settings', { headers: auth(token) })).body.platformFeeBps).toBe(1250);
    await t.json('/v1/operator/settings', { method: 'PATCH', body: { platformFeeBps: 0 }, headers: auth(token) });
    expect(await platformFeeBps(t.database.db)).toBe(0);
  });

  it('refuses a fee outside 0–5000 or not whole, and unknown fields', async () => {
    const token = await operatorToken(t);
    for (const body of [{ platformFeeBps: 5001 }, { platformFeeBps: -1 }, { platformFeeBps: 12.5 }, { platformFeeBps: '2000' }, { stripeKey: 'x' }]) {
      const res = await t.json('/v1/operator/settings', { method: 'PATCH', body, headers: auth(token) });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await platformFeeBps(t.database.db)).toBe(2000);
  });

  it('is for operators only: 401 without a token, 403 for a specialist’s token or an API key', async () => {
    const specialist = await signUp(t, 'ada');
    const demo = await t.json('/v1/auth/login', { body: { email: 'demo@slotwise.local', password: t.demoPassword } });
    for (const method of ['GET', 'PATCH'] as const) {
      const body = method === 'PATCH' ? { platformFeeBps: 0 } : undefined;
      const none = await t.json('/v1/operator/settings', { method, body });
      expect(none.status, method).toBe(401);
      expect(none.body.code).toBe('unauthorized');
      for (const token of [specialist.accessToken, demo.body.accessToken, t.apiKey]) {
        const res = await t.json('/v1/operator/settings', { method, body, headers: auth(token) });
        expect(res.status, `${method} ${token.slice(0, 8)}`).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      expect((await t.json('/v1/operator/settings', { method, body, headers: auth('garbage') })).status).toBe(401);
    }
    expect(await platformFeeBps(t.database.db)).toBe(2000);
  });

  it('refuses an operator token after 15 minutes', async () => {
    const token = await operatorToken(t);
    t.setNow(Date.parse('2026-11-20T12:15:00Z'));
    const res = await t.json('/v1/operator/settings', { headers: auth(token) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });
});
