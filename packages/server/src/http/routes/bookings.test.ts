import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' };
const book = (start: string, extra: Record<string, unknown> = {}) =>
  t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer, ...extra } });
const stored = async () => (await t.database.db.select({ n: count() }).from(bookings))[0]!.n;
const slotStarts = async (date: string) => {
  const res = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=${date}&to=${date}&timezone=Europe/Berlin`);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) => s.start);
};

describe('POST /v1/bookings', () => {
  it('books an open time, returns a manage token, and stops offering that time', async () => {
    expect(await slotStarts('2026-11-23')).toContain('2026-11-23T09:00:00Z');
    const res = await book('2026-11-23T09:00:00Z', { notes: 'About my career change' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/bookings/${res.body.booking.id}`);
    expect(res.body.booking).toMatchObject({
      status: 'confirmed',
      start: '2026-11-23T09:00:00Z',
      end: '2026-11-23T09:30:00Z',
      duration: 30,
      customer,
      notes: 'About my career change',
      service: { id: t.intro.id, name: 'Intro call' },
      specialist: { handle: 'demo' },
      price: 0,
    });
    expect(res.body.booking.id).toMatch(/^bk_/);
    expect(res.body.manageToken).toMatch(/^bmt_[\w-]{43}$/);
    expect(await slotStarts('2026-11-23')).not.toContain('2026-11-23T09:00:00Z');
  });

  it('stores only a hash of the manage token', async () => {
    const res = await book('2026-11-23T09:30:00Z');
    const [row] = await t.database.db.select().from(bookings);
    expect(row!.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(res.body.manageToken);
  });

  it('accepts the same instant written with an offset', async () => {
    const res = await book('2026-11-23T11:00:00+02:00');
    expect(res.status).toBe(201);
    expect(res.body.booking.start).toBe('2026-11-23T09:00:00Z');
  });

  it('refuses a taken time with 409 and stores nothing more', async () => {
    expect((await book('2026-11-23T10:00:00Z')).status).toBe(201);
    const again = await book('2026-11-23T10:00:00Z');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'slot_unavailable' });
    expect(await stored()).toBe(1);
  });

  it('refuses a 60-minute session that would overlap a 30-minute booking by half', async () => {
    expect((await book('2026-11-23T10:30:00Z')).status).toBe(201);
    const res = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.session.id, start: '2026-11-23T10:00:00Z', customer },
    });
    expect(res.status).toBe(409);
  });

  it('refuses times that are not slots with 422 not_a_slot', async () => {
    for (const start of [
      '2026-11-23T09:10:00Z', // misaligned
      '2026-11-23T06:00:00Z', // 07:00 Berlin, before hours
      '2026-11-23T15:45:00Z', // 16:45 + 30 min runs past 17:00
      '2026-11-22T10:00:00Z', // Sunday
      '2026-11-20T11:00:00Z', // in the past
    ]) {
      const res = await book(start);
      expect({ start, status: res.status, code: res.body.code }).toEqual({ start, status: 422, code: 'not_a_slot' });
    }
    expect(await stored()).toBe(0);
  });

  it('answers malformed bodies with 400/415 problems naming the fields', async () => {
    const bad = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, start: 'next monday', customer: { name: '', email: 'nope', timeZone: 'Nowhere/City' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['body.customer.email', 'body.customer.name', 'body.customer.timeZone', 'body.start'].sort(),
    );
    const extra = await book('2026-11-23T09:00:00Z', { status: 'cancelled', price: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].message).toContain('"status"');

    const notJson = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"specialist":' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).code).toBe('invalid_json');
    const form = await t.app.request('/v1/bookings', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(form.status).toBe(415);
    const huge = await t.app.request('/v1/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'x'.repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await stored()).toBe(0);
  });

  it('answers unknown specialists and services with 404s', async () => {
    expect((await book('2026-11-23T09:00:00Z', { specialist: 'ghost' })).body.code).toBe('specialist_not_found');
    // Each names the field at fault as every other refusal of the body does.
    expect((await book('2026-11-23T09:00:00Z', { service: 'svc_nope' })).body).toMatchObject({ code: 'service_not_found', errors: [{ field: 'body.service' }] });
    expect((await book('2026-11-23T09:00:00Z', { duration: 45 })).body).toMatchObject({ code: 'duration_not_offered', errors: [{ field: 'body.duration' }] });
  });

  it('lets exactly one of 50 parallel requests for one time win', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => book('2026-11-24T13:00:00Z')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await stored()).toBe(1);
  });
});

describe('GET /v1/bookings/:id and POST /v1/bookings/:id/cancel', () => {
  it('shows the booking to the holder of its token only; any other token is a 404', async () => {
    const { body } = await book('2026-11-23T12:00:00Z');
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const mine = await t.json(`/v1/bookings/${body.booking.id}`, auth(body.manageToken));
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ ...body.booking, move: { allowed: true, reason: null, until: '2026-11-22T12:00:00Z' } });

    const other = await book('2026-11-23T12:30:00Z');
    for (const token of [other.body.manageToken, `${body.manageToken}x`, 'bmt_guess']) {
      const res = await t.json(`/v1/bookings/${body.booking.id}`, auth(token));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('booking_not_found');
    }
    const unknown = await t.json('/v1/bookings/bk_doesnotexist', auth(body.manageToken));
    expect(unknown.status).toBe(404);
    const none = await t.json(`/v1/bookings/${body.booking.id}`);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('manage_token_required');
  });

  it('cancels with the token, frees the time, and refuses a second cancel with 409', async () => {
    const { body } = await book('2026-11-23T13:00:00Z');
    const headers = { authorization: `Bearer ${body.manageToken}` };
    const wrong = await t.json(`/v1/bookings/${body.booking.id}/cancel`, { body: {}, headers: { authorization: 'Bearer bmt_wrong' } });
    expect(wrong.status).toBe(404);
    expect(await slotStarts('2026-11-23')).not.toContain('2026-11-23T13:00:00Z');

    const res = await t.json(`/v1/bookings/${body.booking.id}/cancel`, { body: { reason: 'Clash with a meeting' }, headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Clash with a meeting', cancelledAt: '2026-11-20T12:00:00Z' });
    expect(await slotStarts('2026-11-23')).toContain('2026-11-23T13:00:00Z');

    const again = await t.json(`/v1/bookings/${body.booking.id}/cancel`, { body: {}, headers });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('booking_not_cancellable');
    expect((await book('2026-11-23T13:00:00Z')).status).toBe(201);
  });

  it('refuses to cancel a session that has already started', async () => {
    const { body } = await book('2026-11-23T14:00:00Z');
    t.setNow(Date.parse('2026-11-23T14:05:00Z'));
    const res = await t.json(`/v1/bookings/${body.booking.id}/cancel`, { body: {}, headers: { authorization: `Bearer ${body.manageToken}` } });
    expect(res.status).toBe(409);
  });
});

describe('the customer’s view says whether they may move the booking now', () => {
  const view = async (id: string, token: string, language = 'en') =>
    (await t.json(`/v1/bookings/${id}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': language } })).body.move;

  it('until the policy’s deadline; not within it, nor after its moves are used up, nor once cancelled — each with why, in the customer’s language', async () => {
    // Three days ahead: movable until 24 hours before.
    const far = (await book('2026-11-23T12:00:00Z')).body;
    expect(await view(far.booking.id, far.manageToken)).toEqual({ allowed: true, reason: null, until: '2026-11-22T12:00:00Z' });

    // Two hours ahead (the clock reads Friday 12:00Z): inside the 24 hours.
    const soon = (await book('2026-11-20T14:00:00Z')).body;
    expect(await view(soon.booking.id, soon.manageToken)).toEqual({ allowed: false, reason: 'Bookings can be moved until 24 hours before the start.', until: '2026-11-19T14:00:00Z' });
    expect((await view(soon.booking.id, soon.manageToken, 'de')).reason).toBe('Buchungen können bis 24 Stunden vor Beginn verschoben werden.');
    // And a move is refused as the view said.
    const refused = await t.json(`/v1/bookings/${soon.booking.id}/reschedule`, { body: { start: '2026-11-24T09:00:00Z' }, headers: { authorization: `Bearer ${soon.manageToken}` } });
    expect(refused.body.code).toBe('booking_not_reschedulable');

    // Moved twice, the most the policy allows: the answer of the second move says so already.
    const move = (start: string) => t.json(`/v1/bookings/${far.booking.id}/reschedule`, { body: { start }, headers: { authorization: `Bearer ${far.manageToken}` } });
    expect((await move('2026-11-24T09:00:00Z')).body.move).toMatchObject({ allowed: true });
    expect((await move('2026-11-24T10:00:00Z')).body.move).toEqual({ allowed: false, reason: 'This booking has been moved 2 times, the most its policy allows.', until: '2026-11-23T10:00:00Z' });

    await t.json(`/v1/bookings/${far.booking.id}/cancel`, { body: {}, headers: { authorization: `Bearer ${far.manageToken}` } });
    const cancelled = await view(far.booking.id, far.manageToken);
    expect(cancelled).toMatchObject({ allowed: false, until: null });
    expect(cancelled.reason).toEqual(expect.any(String));
  });
});

