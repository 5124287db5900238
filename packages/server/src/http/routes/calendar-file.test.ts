import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDemo, setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

// A booking's calendar file for its customer: GET /v1/bookings/:id/calendar.ics with a manage
// token (bearer, or ?token= from a link). Every answer is read back with ical.js.

let t: TestApp;
const NOW = Date.parse('2026-11-20T12:00:00Z');
beforeEach(async () => {
  t = await testApp({ now: NOW, links: { api: 'https://api.slotwise.test', manage: 'https://coach.example/book' } });
});
afterEach(() => t.close());

const customer = { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' };
const book = async (start: string, service = t.intro.id) => {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service, start, customer } });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { booking: { id: string; status: string }; manageToken: string };
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function calendarFile(id: string, init: { token?: string; bearer?: string } = {}) {
  const query = init.token === undefined ? '' : `?token=${encodeURIComponent(init.token)}`;
  return t.app.request(`/v1/bookings/${id}/calendar.ics${query}`, { headers: init.bearer ? bearer(init.bearer) : {} });
}

/** The one VEVENT of a calendar file, with its calendar's METHOD. */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = events[0]!;
  const value = (name: string) => event.getFirstPropertyValue(name);
  const time = (name: string) => (value(name) as InstanceType<typeof ICAL.Time>).toJSDate().toISOString();
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: value('uid'),
    sequence: value('sequence'),
    status: value('status'),
    summary: value('summary'),
    description: String(value('description') ?? ''),
    location: value('location'),
    start: time('dtstart'),
    end: time('dtend'),
    organizer: String(value('organizer')).toLowerCase(),
    attendee: String(value('attendee')).toLowerCase(),
  };
}

describe('GET /v1/bookings/:id/calendar.ics', () => {
  it('answers the booking as a REQUEST to the holder of the manage token sent as a bearer, as a private attachment', async () => {
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    const res = await calendarFile(booking.id, { bearer: manageToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="slotwise-${booking.id}.ics"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await res.text();
    expect(read(text)).toMatchObject({
      method: 'REQUEST',
      uid: `${booking.id}@slotwise`,
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Intro call with Dr. Ada Demo',
      start: '2026-11-23T09:00:00.000Z',
      end: '2026-11-23T09:30:00.000Z',
      organizer: 'mailto:demo@slotwise.local',
      attendee: 'mailto:grace@example.com',
    });
    // UTC instants: no zone for a calendar to resolve. No secret in the file.
    expect(text).toContain('DTSTART:20261123T090000Z');
    expect(text).not.toContain('TZID');
    expect(text).not.toContain(manageToken);
  });

  it('takes the token from ?token= too (a link in an email or the widget)', async () => {
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    const res = await calendarFile(booking.id, { token: manageToken });
    expect(res.status).toBe(200);
    expect(read(await res.text())).toMatchObject({ method: 'REQUEST', uid: `${booking.id}@slotwise` });
  });

  it('is a 404 with another booking’s token or a wrong one, and a 401 without any', async () => {
    const mine = await book('2026-11-23T09:00:00Z');
    const theirs = await book('2026-11-23T10:00:00Z');
    for (const init of [{ bearer: theirs.manageToken }, { token: theirs.manageToken }, { bearer: `${mine.manageToken}x` }]) {
      const res = await calendarFile(mine.booking.id, init);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await res.json()).code).toBe('booking_not_found');
    }
    const none = await calendarFile(mine.booking.id);
    expect(none.status).toBe(401);
    expect((await none.json()).code).toBe('manage_token_required');
  });

  it('answers METHOD:CANCEL with the same UID and a higher SEQUENCE once the booking is cancelled', async () => {
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    const cancelled = await t.json(`/v1/bookings/${booking.id}/cancel`, { body: { reason: 'Sick' }, headers: bearer(manageToken) });
    expect(cancelled.status).toBe(200);
    const res = await calendarFile(booking.id, { token: manageToken });
    expect(res.status).toBe(200);
    expect(read(await res.text())).toMatchObject({ method: 'CANCEL', uid: `${booking.id}@slotwise`, sequence: 1, status: 'CANCELLED' });
  });

  it('moves the event when the booking is rescheduled: same UID, new time, higher SEQUENCE', async () => {
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    const moved = await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T13:00:00Z' }, headers: bearer(manageToken) });
    expect(moved.status).toBe(200);
    const event = read(await (await calendarFile(booking.id, { bearer: manageToken })).text());
    expect(event).toMatchObject({ method: 'REQUEST', uid: `${booking.id}@slotwise`, sequence: 1, start: '2026-11-24T13:00:00.000Z', end: '2026-11-24T13:30:00.000Z' });
  });

  it('names where the session happens: the address of an in-person service', async () => {
    await setService(t.database, t.intro.id, { locationKind: 'in_person', locationDetail: 'Torstraße 1, 10119 Berlin' });
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    const event = read(await (await calendarFile(booking.id, { bearer: manageToken })).text());
    expect(event.location).toBe('Torstraße 1, 10119 Berlin');
    expect(event.description).toContain('Where: Torstraße 1, 10119 Berlin');
  });

  it('refuses a booking still awaiting payment: it is not an event yet', async () => {
    await connectDemo(t.app);
    await setService(t.database, t.intro.id, { durations: [{ minutes: 30, price: 4900 }] });
    const { booking, manageToken } = await book('2026-11-23T09:00:00Z');
    expect(booking.status).toBe('held');
    const res = await calendarFile(booking.id, { bearer: manageToken });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('invalid_transition');
  });

  it('is documented in /openapi.json as text/calendar, with the feed and its management', async () => {
    const doc = (await t.json('/openapi.json')).body;
    expect(doc.paths['/v1/bookings/{id}/calendar.ics'].get.responses['200'].content['text/calendar']).toBeDefined();
    expect(doc.paths['/v1/feeds/{token}/bookings.ics'].get.responses['404'].content['application/problem+json']).toBeDefined();
    expect(doc.paths['/v1/me/calendar-feed'].post.operationId).toBe('createBookingsFeed');
    expect(doc.paths['/v1/me/calendar-feed'].delete.operationId).toBe('revokeBookingsFeed');
  });
});
