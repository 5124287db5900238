import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, specialists } from '../../db/schema.js';
import { FEED_LIMITS, feedBookingsQuery } from '../../services/calendar/bookings-feed.js';
import { hashToken, newId } from '../../services/ids.js';
import { signUp } from '../../testing/accounts.js';
import { addSpecialist, connectDemo, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// The specialist's private ICS feed: POST /v1/me/calendar-feed makes or rotates it, DELETE revokes
// it, and GET /v1/feeds/:token/bookings.ics answers it to calendar apps. Read back with ical.js.

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const API = 'https://api.slotwise.test';
let t: TestApp;
let logged: unknown[];
beforeEach(async () => {
  logged = [];
  t = await testApp({ now: NOW, links: { api: API, manage: 'https://coach.example/book' }, log: (line) => void logged.push(line) });
});
afterEach(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' };

async function book(start: string, options: { specialist?: string; service?: string; who?: typeof customer } = {}) {
  const body = { specialist: options.specialist ?? 'demo', service: options.service ?? t.intro.id, start, customer: options.who ?? customer };
  const res = await t.json('/v1/bookings', { body });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { booking: { id: string; status: string }; manageToken: string };
}

async function createFeed(credential = t.apiKey) {
  const res = await t.json('/v1/me/calendar-feed', { method: 'POST', headers: bearer(credential) });
  expect(res.status).toBe(201);
  return res.body as { url: string; createdAt: string };
}

/** GET a feed by its full URL (the app answers the path). */
const fetchFeed = (url: string) => t.app.request(new URL(url).pathname);

function readFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    status: e.getFirstPropertyValue('status'),
    sequence: e.getFirstPropertyValue('sequence'),
    summary: e.getFirstPropertyValue('summary'),
    description: String(e.getFirstPropertyValue('description') ?? ''),
    start: (e.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
  }));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    method: calendar.getFirstPropertyValue('method'),
    refresh: String(calendar.getFirstPropertyValue('refresh-interval')),
    ttl: String(calendar.getFirstPropertyValue('x-published-ttl')),
    events,
    uids: events.map((e) => e.uid),
  };
}

/** A booking row written directly (a shape the public API cannot reach today: far ahead, in bulk). */
function rowAt(specialistId: string, serviceId: string, startAt: number, status: 'confirmed' | 'cancelled' = 'confirmed') {
  return {
    id: newId('bk'),
    specialistId,
    serviceId,
    status,
    startAt,
    endAt: startAt + 30 * 60_000,
    durationMinutes: 30,
    customerName: 'Bulk',
    customerEmail: 'bulk@example.com',
    customerTimeZone: 'UTC',
    price: 0,
    currency: 'EUR',
    manageTokenHash: newId('bt'),
    createdAt: NOW,
  };
}

describe('the specialist’s calendar feed', () => {
  it('is made with an API key, answered once as a URL, and stored only as the SHA-256 of its token', async () => {
    const feed = await createFeed();
    expect(feed.createdAt).toBe('2026-11-20T12:00:00Z');
    expect(feed.url).toMatch(/^https:\/\/api\.slotwise\.test\/v1\/feeds\/sp_[0-9a-z]+\.feed_[A-Za-z0-9_-]{43}\/bookings\.ics$/);
    const token = decodeURIComponent(feed.url.split('/')[5]!);
    const [row] = await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo'));
    expect(row!.feedTokenHash).toBe(await hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);
    const unauthenticated = await t.json('/v1/me/calendar-feed', { method: 'POST' });
    expect(unauthenticated.status).toBe(401);
  });

  it('answers the specialist’s bookings as a named calendar that says how often to refresh, with the customer in each description', async () => {
    const first = await book('2026-11-23T09:00:00Z');
    const second = await book('2026-11-24T13:00:00Z', { service: t.session.id, who: { name: 'Alan Turing', email: 'alan@example.com', timeZone: 'Europe/London' } });
    const res = await fetchFeed((await createFeed()).url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const feed = readFeed(await res.text());
    expect(feed).toMatchObject({ name: 'Dr. Ada Demo · Slotwise bookings', method: 'PUBLISH', refresh: 'PT1H', ttl: 'PT1H' });
    expect(feed.events).toEqual([
      expect.objectContaining({ uid: `${first.booking.id}@slotwise`, status: 'CONFIRMED', sequence: 0, summary: 'Intro call with Grace Hopper', start: '2026-11-23T09:00:00.000Z' }),
      expect.objectContaining({ uid: `${second.booking.id}@slotwise`, summary: 'Coaching session with Alan Turing', start: '2026-11-24T13:00:00.000Z' }),
    ]);
    expect(feed.events[0]!.description).toContain('Customer: Grace Hopper <grace@example.com>');
    expect(feed.events[1]!.description).toContain('Customer: Alan Turing <alan@example.com>');
  });

  it('uses the same UID as the booking’s own calendar file, so both are one event', async () => {
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    const file = await (await t.app.request(`/v1/bookings/${booking.id}/calendar.ics`, { headers: bearer(manageToken) })).text();
    const uid = new ICAL.Component(ICAL.parse(file)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid');
    expect(readFeed(await (await fetchFeed((await createFeed()).url)).text()).uids).toEqual([uid]);
  });

  it('never shows another specialist’s bookings', async () => {
    const other = await addSpecialist(t.database, 'other');
    const theirs = await book('2026-11-23T09:00:00Z', { specialist: 'other', service: other.service.id });
    const mine = await book('2026-11-23T09:00:00Z');
    const demoFeed = readFeed(await (await fetchFeed((await createFeed()).url)).text());
    const otherFeed = readFeed(await (await fetchFeed((await createFeed(other.apiKey)).url)).text());
    expect(demoFeed.uids).toEqual([`${mine.booking.id}@slotwise`]);
    expect(otherFeed.uids).toEqual([`${theirs.booking.id}@slotwise`]);
    expect(otherFeed.name).toBe('Specialist other · Slotwise bookings');
  });

  it('keeps a cancelled booking as STATUS:CANCELLED, but never a hold that was not paid or lapsed', async () => {
    const kept = await book('2026-11-23T09:00:00Z');
    const cancelled = await book('2026-11-23T10:00:00Z');
    await t.json(`/v1/bookings/${cancelled.booking.id}/cancel`, { body: {}, headers: bearer(cancelled.manageToken) });
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const held = await book('2026-11-23T11:00:00Z');
    const heldThenCancelled = await book('2026-11-23T12:00:00Z');
    expect([held.booking.status, heldThenCancelled.booking.status]).toEqual(['held', 'held']);
    await t.json(`/v1/bookings/${heldThenCancelled.booking.id}/cancel`, { body: {}, headers: bearer(heldThenCancelled.manageToken) });

    const feed = readFeed(await (await fetchFeed((await createFeed()).url)).text());
    expect(feed.events.map((e) => [e.uid, e.status, e.sequence])).toEqual([
      [`${kept.booking.id}@slotwise`, 'CONFIRMED', 0],
      [`${cancelled.booking.id}@slotwise`, 'CANCELLED', 1],
    ]);
    expect(feed.events[1]!.description).toContain('Cancelled by the customer.');
  });

  it('covers 30 days back to a bounded horizon ahead', async () => {
    const { booking } = await book('2026-11-23T09:00:00Z');
    const demo = (await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]!;
    const far = rowAt(demo.id, t.intro.id, NOW + (FEED_LIMITS.daysAhead + 1) * DAY);
    const nearHorizon = rowAt(demo.id, t.intro.id, NOW + (FEED_LIMITS.daysAhead - 1) * DAY);
    await t.database.write((tx) => tx.insert(bookings).values([far, nearHorizon]));
    const { url } = await createFeed();
    expect(readFeed(await (await fetchFeed(url)).text()).uids).toEqual([`${booking.id}@slotwise`, `${nearHorizon.id}@slotwise`]);

    t.setNow(Date.parse('2026-11-23T09:00:00Z') + 29 * DAY); // the session was 29 days ago: still there
    expect(readFeed(await (await fetchFeed(url)).text()).uids).toContain(`${booking.id}@slotwise`);
    t.setNow(Date.parse('2026-11-23T09:00:00Z') + 31 * DAY);
    expect(readFeed(await (await fetchFeed(url)).text()).uids).not.toContain(`${booking.id}@slotwise`);
  });

  it('answers at most 1000 events, the earliest', async () => {
    const demo = (await t.database.db.select().from(specialists).where(eq(specialists.handle, 'demo')))[0]!;
    const rows = Array.from({ length: FEED_LIMITS.maxEvents + 5 }, (_, i) => rowAt(demo.id, t.intro.id, NOW + DAY + i * 3_600_000));
    await t.database.write(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) await tx.insert(bookings).values(rows.slice(i, i + 200));
    });
    const feed = readFeed(await (await fetchFeed((await createFeed()).url)).text());
    expect(FEED_LIMITS.maxEvents).toBe(1000);
    expect(feed.uids).toEqual(rows.slice(0, 1000).map((r) => `${r.id}@slotwise`));
  });

  it('reads the bookings through the (specialist_id, start_at) index', async () => {
    const query = feedBookingsQuery(t.database.db, 'sp_x', NOW, FEED_LIMITS).toSQL();
    const plan = await t.database.db.all<{ detail: string }>(sql.raw(`explain query plan ${inline(query.sql, query.params)}`));
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/SEARCH bookings USING INDEX bookings_specialist_time_idx \(specialist_id=\? AND start_at>\? AND start_at<\?\)/);
    expect(details).not.toMatch(/SCAN bookings/);
  });

  it('rotates: a new URL works and the old one is a 404 at once', async () => {
    await book('2026-11-23T09:00:00Z');
    const old = await createFeed();
    expect((await fetchFeed(old.url)).status).toBe(200);
    const rotated = await createFeed();
    expect(rotated.url).not.toBe(old.url);
    expect((await fetchFeed(old.url)).status).toBe(404);
    expect((await fetchFeed(rotated.url)).status).toBe(200);
  });

  it('is revoked by DELETE: the URL answers 404 from then on; a second revoke says there was nothing', async () => {
    const { url } = await createFeed();
    const revoked = await t.json('/v1/me/calendar-feed', { method: 'DELETE', headers: bearer(t.apiKey) });
    expect(revoked).toMatchObject({ status: 200, body: { revoked: true } });
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await t.json('/v1/me/calendar-feed', { method: 'DELETE', headers: bearer(t.apiKey) })).body).toEqual({ revoked: false });
  });

  it('answers every address that is not a live feed with the same 404, which says nothing', async () => {
    const { url } = await createFeed();
    const token = decodeURIComponent(new URL(url).pathname.split('/')[3]!);
    const [id, secret] = token.split('.') as [string, string];
    const other = await addSpecialist(t.database, 'other');
    const wrongSecret = `${id}.feed_${'A'.repeat(43)}`;
    const otherSpecialist = `${other.specialistId}.${secret}`;
    const unknown = `sp_nobody.${secret}`;
    const malformed = 'not-a-token';
    await t.json('/v1/me/calendar-feed', { method: 'DELETE', headers: bearer(t.apiKey) });
    const revoked = token;
    const answers = [];
    for (const candidate of [wrongSecret, otherSpecialist, unknown, malformed, revoked]) {
      const res = await t.app.request(`/v1/feeds/${encodeURIComponent(candidate)}/bookings.ics`);
      expect(res.status).toBe(404);
      const { instance: _, ...problem } = (await res.json()) as Record<string, unknown>;
      answers.push(problem);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('works with a login’s access token too, for the console', async () => {
    const { accessToken } = await signUp(t, 'newcoach');
    const feed = await createFeed(accessToken);
    const res = await fetchFeed(feed.url);
    expect(res.status).toBe(200);
    expect(readFeed(await res.text())).toMatchObject({ name: 'Specialist newcoach · Slotwise bookings', uids: [] });
  });

  it('never writes a feed’s token into the logs', async () => {
    const { url } = await createFeed();
    const token = new URL(url).pathname.split('/')[3]!;
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await t.app.request(`/v1/feeds/${token}x/bookings.ics`)).status).toBe(404);
    const lines = JSON.stringify(logged);
    expect(lines).toContain('/v1/feeds/{token}/bookings.ics');
    expect(lines).not.toContain(token.split('.')[1]!.slice(5, 30));
  });
});

/** SQL with its parameters written in, for EXPLAIN (numbers as numbers, text quoted). */
function inline(text: string, params: unknown[]): string {
  let i = 0;
  return text.replace(/\?/g, () => {
    const value = params[i++];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
}
