import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specialists } from '../../db/schema.js';
import { auth, signUp } from '../../testing/accounts.js';
import { HANDLE_HOLD_DAYS } from '../../services/catalog/handles.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const patch = (body: unknown, token = t.apiKey) => t.json('/v1/me', { method: 'PATCH', body, headers: auth(token) });
const version = async () => (await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]?.availabilityVersion;

describe('GET and PATCH /v1/me', () => {
  it('shows the caller’s profile', async () => {
    const res = await t.json('/v1/me', { headers: auth(t.apiKey) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ handle: 'demo', name: 'Dr. Ada Demo', timeZone: 'Europe/Berlin', currency: 'EUR', allowedOrigins: [] });
    expect(res.body.id).toMatch(/^sp_/);
  });

  it('changes name, bio and currency, and leaves the rest alone', async () => {
    const res = await patch({ name: '  Dr. Ada  ', bio: 'Coach.', currency: 'CHF' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ handle: 'demo', name: 'Dr. Ada', bio: 'Coach.', currency: 'CHF', timeZone: 'Europe/Berlin' });
    expect((await t.json('/v1/specialists/demo')).body).toMatchObject({ name: 'Dr. Ada', bio: 'Coach.' });
  });

  it('sets how the specialist is notified: reminder hours, their notice address, the daily agenda, the language', async () => {
    expect((await t.json('/v1/me', { headers: auth(t.apiKey) })).body).toMatchObject({ reminderHours: [24, 1], notificationEmail: null, dailyAgenda: false, locale: 'en' });
    const res = await patch({ reminderHours: [1, 48, 1], notificationEmail: 'Desk@Example.com', dailyAgenda: true, locale: 'en-GB' });
    expect(res.body).toMatchObject({ reminderHours: [48, 1], notificationEmail: 'desk@example.com', dailyAgenda: true, locale: 'en-GB' });
    expect((await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]).toMatchObject({ reminderHours: [48, 1], notificationEmail: 'desk@example.com' });
    expect((await patch({ reminderHours: [], notificationEmail: null })).body).toMatchObject({ reminderHours: [], notificationEmail: null });
    for (const [body, field] of [
      [{ reminderHours: [0] }, 'body.reminderHours.0'],
      [{ reminderHours: [337] }, 'body.reminderHours.0'],
      [{ reminderHours: [1, 2, 3, 4, 5, 6] }, 'body.reminderHours'],
      [{ notificationEmail: 'not-an-email' }, 'body.notificationEmail'],
      [{ locale: 'english please' }, 'body.locale'],
    ] as const) {
      const refused = await patch(body);
      expect({ body, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({ body, status: 400, field });
    }
  });

  it('stores embed origins normalised and once each', async () => {
    const res = await patch({ allowedOrigins: ['HTTPS://Coach.Example:443/', 'http://localhost:3000', 'https://coach.example', 'https://bücher.example'] });
    expect(res.status).toBe(200);
    expect(res.body.allowedOrigins).toEqual(['https://coach.example', 'http://localhost:3000', 'https://xn--bcher-kva.example']);
    expect((await patch({ allowedOrigins: [] })).body.allowedOrigins).toEqual([]);
  });

  it('refuses an origin with a path, a wildcard, credentials or another scheme, and more than 20', async () => {
    for (const origin of ['https://coach.example/book', 'https://*.coach.example', '*', 'https://user:pw@coach.example', 'ftp://coach.example', 'coach.example', 'https://coach.example?x=1']) {
      const res = await patch({ allowedOrigins: ['https://ok.example', origin] });
      expect(res.status, origin).toBe(400);
      expect(res.body.errors[0].field).toBe('body.allowedOrigins.1');
    }
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.example`);
    expect((await patch({ allowedOrigins: many })).body.errors[0].field).toBe('body.allowedOrigins');
    expect((await t.json('/v1/me', { headers: auth(t.apiKey) })).body.allowedOrigins).toEqual([]);
  });

  it('refuses an unknown zone, and fields a client may not set', async () => {
    const zone = await patch({ timeZone: 'Europe/Atlantis' });
    expect(zone.status).toBe(400);
    expect(zone.body.errors[0].field).toBe('body.timeZone');
    for (const field of ['id', 'availabilityVersion', 'createdAt', 'ownerId', 'email']) {
      const res = await patch({ name: 'Mallory', [field]: 'x' });
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].message).toContain(`"${field}"`);
    }
    expect((await t.json('/v1/me', { headers: auth(t.apiKey) })).body.name).toBe('Dr. Ada Demo');
  });

  it('changes the handle, and refuses one another specialist has with 409', async () => {
    const other = await signUp(t, 'grace');
    const taken = await patch({ handle: 'grace' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'handle_taken', errors: [{ field: 'body.handle' }] });
    expect((await patch({ handle: 'demo' })).status).toBe(200); // one's own handle is not "taken"
    const moved = await patch({ handle: 'grace-hopper' }, other.accessToken);
    expect(moved.body.handle).toBe('grace-hopper');
    expect((await t.json('/v1/specialists/grace')).status).toBe(404);
    expect((await t.json('/v1/specialists/grace-hopper')).status).toBe(200);
  });

  it(`keeps a handle given up by renaming for its specialist ${HANDLE_HOLD_DAYS} days: nobody else can sign up with it or take it, its owner can take it back`, async () => {
    const mallory = await signUp(t, 'mallory');
    expect((await patch({ handle: 'mallory2' }, mallory.accessToken)).status).toBe(200);
    const signup = { email: 'new@example.com', password: 'correct horse battery', name: 'Someone else', handle: 'mallory', timeZone: 'Europe/Berlin', currency: 'EUR' };
    const refused = await t.json('/v1/auth/signup', { body: signup });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'handle_taken', errors: [{ field: 'body.handle' }] });
    expect((await patch({ handle: 'mallory' })).body.code).toBe('handle_taken'); // nor by renaming
    expect((await t.json('/v1/specialists/mallory')).status).toBe(404); // its pages sell nobody's sessions meanwhile
    // Its owner takes it back, and gives up the other one in turn.
    expect((await patch({ handle: 'mallory' }, mallory.accessToken)).body.handle).toBe('mallory');
    expect((await patch({ handle: 'mallory2' })).body.code).toBe('handle_taken');
    // Once the hold is over, the handle is free again.
    expect((await patch({ handle: 'mallory3' }, mallory.accessToken)).status).toBe(200);
    t.setNow(t.now() + (HANDLE_HOLD_DAYS + 1) * 86_400_000);
    const later = await t.json('/v1/auth/signup', { body: signup });
    expect(later.status).toBe(201);
    expect((await t.json('/v1/specialists/mallory')).body.name).toBe('Someone else');
  });

  it('moves the working hours with a new time zone and invalidates cached slots', async () => {
    const firstStart = async () => {
      const res = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
      return res.body.days[0].slots[0].start;
    };
    expect(await firstStart()).toBe('2026-11-23T08:00:00Z'); // 09:00 in Berlin
    const before = await version();
    expect((await patch({ timeZone: 'America/New_York' })).body.timeZone).toBe('America/New_York');
    expect(await version()).toBe(before! + 1);
    expect(await firstStart()).toBe('2026-11-23T14:00:00Z'); // 09:00 in New York
    await patch({ bio: 'No slot changes here.' });
    expect(await version()).toBe(before! + 1);
  });
});
