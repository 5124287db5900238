import { routes, type RouteSpec } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeeds, deliveries, specialists } from './db/schema.js';
import { newId } from './services/ids.js';
import { auth, signUp } from './testing/accounts.js';
import { connectDemo } from './testing/fixtures.js';
import { testApp, type TestApp } from './testing/test-app.js';

// Every endpoint that takes an object id, probed with another specialist's credentials and with
// another booking's manage token: a foreign object must not exist for them (404), and must come
// out of the probes unchanged.

let t: TestApp;
let mallory: string;
const ids: Record<string, string> = {};
let bookingToken = '';
let otherToken = '';

beforeAll(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
  await connectDemo(t.app);
  const demo = auth(t.apiKey);
  const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' };
  const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } });
  ids.bookings = booked.body.booking.id;
  bookingToken = booked.body.manageToken;
  otherToken = (await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T10:00:00Z', customer } })).body.manageToken;
  ids['api-keys'] = (await t.json('/v1/me/api-keys', { body: { name: 'probe' }, headers: demo })).body.id;
  ids.overrides = (await t.json('/v1/me/availability/overrides', { body: { from: '2026-12-24', intervals: [] }, headers: demo })).body.id;
  ids.recurring = (await t.json('/v1/me/availability/recurring', { body: { rrule: 'FREQ=WEEKLY;BYDAY=SA', anchor: '2026-11-21', start: '10:00', end: '11:00' }, headers: demo })).body.id;
  ids.services = t.session.id;
  ids['calendar-feeds'] = newId('cal');
  await t.database.write(async (tx) => {
    const [demoRow] = await tx.select().from(specialists).where(eq(specialists.handle, 'demo'));
    await tx.insert(calendarFeeds).values({ id: ids['calendar-feeds']!, specialistId: demoRow!.id, url: 'https://calendar.example/feed.ics', createdAt: t.now() });
  });
  // A review of the demo's: a third booking, completed the next day (the clock goes back after), before the
  // webhook exists: completing emits an event the deliveries check would see.
  const reviewed = (await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T11:00:00Z', customer } })).body;
  t.setNow(Date.parse('2026-11-24T12:00:00Z'));
  await t.json(`/v1/me/bookings/${reviewed.booking.id}/complete`, { method: 'POST', headers: demo });
  ids.reviews = (await t.json(`/v1/bookings/${reviewed.booking.id}/review`, { body: { rating: 5, text: 'Mine' }, headers: auth(reviewed.manageToken) })).body.id;
  t.setNow(Date.parse('2026-11-20T12:00:00Z'));
  // Bought before the webhook exists: a purchase emits an event the deliveries check would see.
  ids.packages = (await t.json('/v1/me/packages', { body: { name: 'Pack', sessionCount: 2, serviceIds: [t.intro.id], price: 0, validityDays: 30 }, headers: demo })).body.id;
  ids['package-purchases'] = (await t.json(`/v1/packages/${ids.packages}/purchases`, { body: { customer } })).body.purchase.id;
  ids['promo-codes'] = (await t.json('/v1/me/promo-codes', { body: { code: 'PROBE', kind: 'percent', value: 10 }, headers: demo })).body.id;
  ids.webhooks = (await t.json('/v1/me/webhooks', { body: { url: 'https://hooks.example.com/slotwise', eventTypes: ['*'] }, headers: demo })).body.id;
  ids.deliveries = newId('dl');
  await t.database.write(async (tx) => {
    const [demoRow] = await tx.select().from(specialists).where(eq(specialists.handle, 'demo'));
    const at = { dueAt: t.now(), nextAttemptAt: t.now(), createdAt: t.now(), updatedAt: t.now() };
    await tx.insert(deliveries).values({ id: ids.deliveries!, specialistId: demoRow!.id, channel: 'webhook', kind: 'booking.confirmed', recipient: ids.webhooks!, idempotencyKey: 'probe', data: { messageId: ids.deliveries!, body: '{}' }, status: 'sent', ...at });
  });
  mallory = (await signUp(t, 'mallory')).accessToken;
});
afterAll(() => t.close());

/** The demo's object id for a route's `{id}`, by the collection the path names. */
function idFor(path: string): string | undefined {
  const collection = /\/(bookings|api-keys|overrides|recurring|services|packages|package-purchases|calendar-feeds|promo-codes|webhooks|reviews)\/\{id\}/.exec(path)?.[1];
  return collection ? ids[collection] : undefined;
}

/** A valid body for each kind of call, so the probe reaches the ownership check. */
function bodyFor(spec: RouteSpec): unknown {
  if (!spec.body) return undefined;
  if (spec.path.endsWith('/cancel') || spec.path.endsWith('/cancel-session')) return { reason: 'probe' };
  if (spec.path.endsWith('/reschedule')) return { start: '2026-11-24T09:00:00Z' };
  if (spec.path.endsWith('/notes')) return { notes: 'hijacked' };
  if (spec.path.endsWith('/refund')) return {};
  if (spec.path.endsWith('/review')) return { rating: 1, text: 'hijacked' };
  if (spec.path.endsWith('/response')) return { text: 'hijacked' };
  if (spec.path.startsWith('/v1/me/webhooks/')) return { description: 'Hijacked', enabled: false };
  if (spec.path.startsWith('/v1/me/promo-codes/')) return { active: false, maxRedemptions: 1 };
  return { name: 'Hijacked' };
}

// Test payments are keyed by a payment intent, not an object of ours: test-mode.test.ts probes them.
const probed = (Object.values(routes) as RouteSpec[]).filter(
  (r) => r.path.includes('{id}') && (r.auth === 'apiKey' || r.auth === 'manageToken') && !r.path.startsWith('/v1/test-payments/'),
);

describe('tenancy', () => {
  it('covers every endpoint that takes an id', () => {
    expect(probed.length).toBeGreaterThanOrEqual(20);
    for (const spec of probed) expect(idFor(spec.path), spec.path).toBeDefined();
  });

  for (const spec of probed) {
    it(`${spec.method.toUpperCase()} ${spec.path} answers 404 to someone else`, async () => {
      const id = idFor(spec.path)!;
      const path = spec.path.replace('{id}', id).replace('{deliveryId}', ids.deliveries!);
      const token = spec.auth === 'apiKey' ? mallory : otherToken;
      const body = bodyFor(spec);
      const res = await t.json(path, { method: spec.method.toUpperCase(), body, headers: auth(token) });
      expect(res.status, JSON.stringify(res.body)).toBe(404);
    });
  }

  it('left the demo’s objects as they were', async () => {
    const booking = await t.json(`/v1/bookings/${ids.bookings}`, { headers: auth(bookingToken) });
    expect(booking.body).toMatchObject({ status: 'confirmed', start: '2026-11-23T09:00:00Z', rescheduleCount: 0 });
    const detail = await t.json(`/v1/me/bookings/${ids.bookings}`, { headers: auth(t.apiKey) });
    expect(detail.body.specialistNotes).toBe('');
    expect((await t.json(`/v1/me/services/${ids.services}`, { headers: auth(t.apiKey) })).body.name).toBe('Coaching session');
    expect((await t.json('/v1/me/api-keys', { headers: auth(t.apiKey) })).body.data.find((k: { id: string }) => k.id === ids['api-keys']).revokedAt).toBeNull();
    const rules = (await t.json('/v1/me/availability', { headers: auth(t.apiKey) })).body;
    expect(rules.overrides.map((o: { id: string }) => o.id)).toEqual([ids.overrides]);
    expect(rules.recurring.map((r: { id: string }) => r.id)).toEqual([ids.recurring]);
    expect(rules.calendarFeeds.map((f: { id: string }) => f.id)).toEqual([ids['calendar-feeds']]);
    expect((await t.json(`/v1/me/packages/${ids.packages}`, { headers: auth(t.apiKey) })).body).toMatchObject({ name: 'Pack', active: true });
    expect((await t.json('/v1/me/promo-codes', { headers: auth(t.apiKey) })).body.data).toMatchObject([{ id: ids['promo-codes'], active: true }]);
    expect((await t.json(`/v1/me/webhooks/${ids.webhooks}`, { headers: auth(t.apiKey) })).body).toMatchObject({ description: '', enabled: true, previousSecretExpiresAt: null });
    expect((await t.json('/v1/me/reviews', { headers: auth(t.apiKey) })).body.data).toMatchObject([{ id: ids.reviews, text: 'Mine', response: null }]);
    expect((await t.json(`/v1/bookings/${ids.bookings}/review`, { headers: auth(bookingToken) })).status).toBe(404);
    expect((await t.json(`/v1/me/webhooks/${ids.webhooks}/deliveries`, { headers: auth(t.apiKey) })).body.data.map((d: { id: string }) => d.id)).toEqual([ids.deliveries]);
  });

  it('the public directory answers public fields only: no email, id, payout account, status reason or booking of anyone', async () => {
    const res = await t.json('/v1/specialists?limit=50');
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { handle: string }) => e.handle)).toContain('demo');
    const text = JSON.stringify(res.body);
    for (const secret of ['@', 'sp_', 'acct_', ids.bookings!, ids.reviews!, 'Mine']) expect(text).not.toContain(secret);
  });
});
