import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recurringAvailability } from '../../db/schema.js';
import { createCalendarFeeds } from '../../providers/calendar-feed/index.js';
import { newId } from '../../services/ids.js';
import { testApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') });
});
afterEach(() => t.close());

const asMe = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}, key = t.apiKey) =>
  t.json(path, { ...init, headers: { authorization: `Bearer ${key}`, ...init.headers } });
const starts = async (date: string, service = t.intro.id) => {
  const res = await t.json(`/v1/specialists/demo/slots?service=${service}&from=${date}&to=${date}&timezone=Europe/Berlin`);
  expect(res.status).toBe(200);
  return (res.body.days[0]?.slots ?? []).map((s: { start: string }) =>
    new Date(s.start).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }),
  );
};

describe('/v1/me authentication', () => {
  it('refuses a missing, malformed, unknown or manage-token bearer with 401', async () => {
    for (const key of ['', 'nope', 'sk_unknown', 'bmt_abc']) {
      const res = await t.json('/v1/me/availability', key ? { headers: { authorization: `Bearer ${key}` } } : {});
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('shows the caller’s own rules', async () => {
    const res = await asMe('/v1/me/availability');
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Europe/Berlin');
    expect(res.body.weekly).toHaveLength(5);
    expect(res.body.weekly[0]).toEqual({ weekday: 1, start: '09:00', end: '17:00' });
  });
});

describe('editing availability changes the slots at once', () => {
  it('replaces weekly hours with two intervals and a break', async () => {
    expect(await starts('2026-11-23')).toHaveLength(16);
    const res = await asMe('/v1/me/availability/weekly', {
      method: 'PUT',
      body: { weekly: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '14:00', end: '15:00' }], breaks: [{ weekday: 1, start: '10:00', end: '11:00' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.breaks).toEqual([{ weekday: 1, start: '10:00', end: '11:00' }]);
    expect(await starts('2026-11-23')).toEqual(['08:00', '08:30', '09:00', '09:30', '11:00', '11:30', '14:00', '14:30']);
    expect(await starts('2026-11-24')).toEqual([]); // Tuesday no longer has hours
  });

  it('refuses hours overlapping others of the same day, saying so beside the later one in the caller’s language, and keeps the week as it was', async () => {
    const before = await starts('2026-11-23');
    const week = [{ weekday: 1, start: '13:00', end: '17:00' }, { weekday: 2, start: '09:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '14:00' }];
    const res = await asMe('/v1/me/availability/weekly', { method: 'PUT', body: { weekly: week } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'body.weekly.0.start', message: 'These hours overlap other hours of the same day: join them into one interval, or start these when the others end.' }]);
    expect(await starts('2026-11-23')).toEqual(before);
    const german = await asMe('/v1/me/availability/weekly', { method: 'PUT', body: { weekly: [], breaks: [{ weekday: 3, start: '12:00', end: '13:00' }, { weekday: 3, start: '12:30', end: '12:45' }] }, headers: { 'accept-language': 'de' } });
    expect(german.body.errors).toEqual([{ field: 'body.breaks.1.start', message: expect.stringMatching(/^Diese Zeiten überschneiden sich/) }]);
    // Touching intervals are one after the other, not overlapping; the same times on other days neither.
    const touching = await asMe('/v1/me/availability/weekly', { method: 'PUT', body: { weekly: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '12:00', end: '13:00' }, { weekday: 2, start: '08:00', end: '12:00' }] } });
    expect(touching.status).toBe(200);
  });

  it('adds and removes a date override (closed, then other hours)', async () => {
    const closed = await asMe('/v1/me/availability/overrides', { body: { from: '2026-11-23', to: '2026-11-24', intervals: [] } });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ from: '2026-11-23', to: '2026-11-24', intervals: [] });
    expect(await starts('2026-11-23')).toEqual([]);
    expect(await starts('2026-11-24')).toEqual([]);
    const removed = await asMe(`/v1/me/availability/overrides/${closed.body.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(await starts('2026-11-23')).toHaveLength(16);
    const evening = await asMe('/v1/me/availability/overrides', { body: { from: '2026-11-25', intervals: [{ start: '18:00', end: '19:00' }] } });
    expect(evening.body.to).toBe('2026-11-25');
    expect(await starts('2026-11-25')).toEqual(['18:00', '18:30']);
  });

  it('adds an RRULE for every other Saturday and refuses a sub-daily one', async () => {
    const rule = await asMe('/v1/me/availability/recurring', { body: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', anchor: '2026-11-21', start: '10:00', end: '12:00' } });
    expect(rule.status).toBe(201);
    expect(await starts('2026-11-28')).toEqual([]);
    expect(await starts('2026-12-05')).toEqual(['10:00', '10:30', '11:00', '11:30']);
    const hourly = await asMe('/v1/me/availability/recurring', { body: { rrule: 'FREQ=HOURLY', anchor: '2026-11-21', start: '10:00', end: '12:00' } });
    expect(hourly.status).toBe(422);
    expect(hourly.body).toMatchObject({ code: 'invalid_recurrence', errors: [{ field: 'body.rrule' }] });
    const garbage = await asMe('/v1/me/availability/recurring', { body: { rrule: 'EVERY SATURDAY', anchor: '2026-11-21', start: '10:00', end: '12:00' } });
    expect(garbage.status).toBe(422);
  });

  it('refuses rules that could never occur or would not end, saying why, and stores none of them', async () => {
    const refused = {
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30': /February has no 30th/,
      'FREQ=WEEKLY;INTERVAL=0;BYDAY=SA': /INTERVAL/,
      'FREQ=WEEKLY;INTERVAL=-2;BYDAY=SA': /INTERVAL/,
      'FREQ=YEARLY;UNTIL=20200101': /ended|UNTIL/i,
    };
    for (const [rrule, why] of Object.entries(refused)) {
      const res = await asMe('/v1/me/availability/recurring', { body: { rrule, anchor: '2026-11-21', start: '10:00', end: '12:00' } });
      expect({ rrule, status: res.status, code: res.body.code }).toEqual({ rrule, status: 422, code: 'invalid_recurrence' });
      expect(res.body.detail).toMatch(why);
    }
    const ancient = await asMe('/v1/me/availability/recurring', { body: { rrule: 'FREQ=DAILY', anchor: '1990-01-01', start: '10:00', end: '12:00' } });
    expect(ancient.body).toMatchObject({ status: 422, errors: [{ field: 'body.anchor' }] });
    // Before the first date the contract accepts, it is refused at the edge.
    const outside = await asMe('/v1/me/availability/recurring', { body: { rrule: 'FREQ=DAILY', anchor: '0001-01-01', start: '10:00', end: '12:00' } });
    expect(outside.body).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ field: 'body.anchor' }] });
    expect((await asMe('/v1/me/availability')).body.recurring).toEqual([]);
  });

  it('answers slots and bookings even when a rule that never occurs was stored before validation existed', async () => {
    // Rules saved by an older version were never checked: expansion itself must stay bounded.
    for (const rrule of ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=DAILY;INTERVAL=-1']) {
      await t.database.db.insert(recurringAvailability).values({ id: newId('rec'), specialistId: t.intro.specialistId, rrule, anchorDate: '0001-01-01', startMinute: 600, endMinute: 720, createdAt: t.now() });
    }
    await t.database.db.insert(recurringAvailability).values({ id: newId('rec'), specialistId: t.intro.specialistId, rrule: 'FREQ=DAILY', anchorDate: '0001-01-01', startMinute: 1200, endMinute: 1260, createdAt: t.now() });
    expect(await starts('2026-11-28')).toEqual(['20:00', '20:30']); // a Saturday: only the daily evening rule
    const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-28T19:00:00Z', customer: { name: 'A', email: 'a@example.com', timeZone: 'UTC' } } });
    expect(booked.status).toBe(201);
  });

  it('changes a service’s buffers, notice and caps', async () => {
    const patch = await asMe(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { bufferAfter: 30, slotStep: 30, maxPerDay: 1 } });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ bufferAfter: 30, slotStep: 30, maxPerDay: 1 });
    const customer = { name: 'Ann', email: 'ann@example.com', timeZone: 'Europe/Berlin' };
    const booked = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T09:00:00Z', customer } });
    expect(booked.status).toBe(201);
    expect(await starts('2026-11-23')).toEqual([]); // the day's cap of one is reached
    expect(await starts('2026-11-23', t.session.id)).not.toContain('10:30'); // 10:00–10:30 booked, buffered to 11:00 for the other service too
    expect(await starts('2026-11-23', t.session.id)).toContain('11:00');
  });

  it('validates rule bodies with clear field errors', async () => {
    const cases: [string, string, unknown, string][] = [
      ['PUT', '/v1/me/availability/weekly', { weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] }, 'body.weekly.0.weekday'],
      ['PUT', '/v1/me/availability/weekly', { weekly: [{ weekday: 1, start: '10:00', end: '09:00' }] }, 'body.weekly.0.end'],
      ['PUT', '/v1/me/availability/weekly', { weekly: [{ weekday: 1, start: '9am', end: '10:00' }] }, 'body.weekly.0.start'],
      ['POST', '/v1/me/availability/overrides', { from: '2026-11-25', to: '2026-11-20', intervals: [] }, 'body.to'],
      ['PATCH', `/v1/me/services/${t.intro.id}`, { bufferAfter: -5 }, 'body.bufferAfter'],
      ['PATCH', `/v1/me/services/${t.intro.id}`, { durations: [{ minutes: 30, price: 0 }, { minutes: 30, price: 100 }] }, 'body.durations'],
      ['PATCH', `/v1/me/services/${t.intro.id}`, { specialistId: 'sp_other' }, 'body.specialistId'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await asMe(path, { method, body });
      expect({ path, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ path, status: 400, field });
    }
  });
});

describe('tenancy', () => {
  it('never lets one specialist touch another’s rules or services', async () => {
    const other = await testApp({ now: Date.parse('2026-11-20T12:00:00Z') }); // a second database: foreign ids
    try {
      const mine = await asMe('/v1/me/availability/overrides', { body: { from: '2026-11-23', intervals: [] } });
      // The other app's key is unknown here; ids from here mean nothing there.
      expect((await asMe('/v1/me/availability', {}, other.apiKey)).status).toBe(401);
      const foreign = await other.json(`/v1/me/availability/overrides/${mine.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${other.apiKey}` } });
      expect(foreign.status).toBe(404);
      const foreignService = await other.json(`/v1/me/services/${t.intro.id}`, { method: 'PATCH', body: { bufferAfter: 5 }, headers: { authorization: `Bearer ${other.apiKey}` } });
      expect(foreignService.status).toBe(404);
    } finally {
      other.close();
    }
  });
});

describe('outside calendars (ICS feeds)', () => {
  let server: Server;
  let feed = '';
  let status = 200;
  let url = '';
  beforeEach(async () => {
    status = 200;
    server = createServer((_, res) => {
      res.writeHead(status, { 'content-type': 'text/calendar' });
      res.end(feed);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`;
  });
  afterEach(() => new Promise<void>((done) => server.close(() => done())));

  const ics = (start: string, end: string) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1@test', `DTSTART:${start}`, `DTEND:${end}`, 'SUMMARY:Dentist', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

  it('blocks slots with the feed’s events and picks up changes after the cache time', async () => {
    let now = Date.parse('2026-11-20T12:00:00Z');
    const feeds = createCalendarFeeds({ allowHttp: true, ttlMs: 60_000, clock: () => now });
    t.close();
    t = await testApp({ now, calendarFeeds: feeds });
    t.setNow(now);
    feed = ics('20261123T090000Z', '20261123T100000Z'); // 10:00–11:00 Berlin
    const added = await asMe('/v1/me/calendar-feeds', { body: { url } });
    expect(added.status).toBe(201);
    expect(added.body.host).toBe(new URL(url).host);
    expect(await starts('2026-11-23')).not.toContain('10:00');
    expect(await starts('2026-11-23')).toContain('11:00');

    feed = ics('20261123T130000Z', '20261123T140000Z'); // moved to 14:00–15:00 Berlin
    now += 61_000;
    t.setNow(now);
    const after = await starts('2026-11-23');
    expect(after).toContain('10:00');
    expect(after).not.toContain('14:30');
    const booking = await t.json('/v1/bookings', {
      body: { specialist: 'demo', service: t.intro.id, start: '2026-11-23T13:00:00Z', customer: { name: 'B', email: 'b@example.com', timeZone: 'UTC' } },
    });
    expect(booking.status).toBe(409);
  });

  it('shows each feed’s last sync, and its error once a sync fails, keeping the last good copy', async () => {
    let now = Date.parse('2026-11-20T12:00:00Z');
    const feeds = createCalendarFeeds({ allowHttp: true, ttlMs: 60_000, clock: () => now });
    t.close();
    t = await testApp({ now, calendarFeeds: feeds });
    feed = ics('20261123T090000Z', '20261123T100000Z');
    const added = await asMe('/v1/me/calendar-feeds', { body: { url } });
    expect(added.body).toMatchObject({ lastSyncedAt: '2026-11-20T12:00:00Z', busyCount: 1, lastError: null, lastErrorAt: null });
    const listed = await asMe('/v1/me/availability');
    expect(listed.body.calendarFeeds).toEqual([added.body]);

    now += 10_000; // well inside the cache time: a sync fetches anyway
    status = 500;
    const failed = await asMe(`/v1/me/calendar-feeds/${added.body.id}/sync`, { method: 'POST' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ lastSyncedAt: '2026-11-20T12:00:00Z', busyCount: 1, lastErrorAt: '2026-11-20T12:00:10Z' });
    expect(failed.body.lastError).toBe('The calendar server answered 500 Internal Server Error.');
    expect(await starts('2026-11-23')).not.toContain('10:00'); // the good copy still blocks

    now += 10_000;
    status = 200;
    feed = '<html>Sign in</html>';
    const notIcs = await asMe(`/v1/me/calendar-feeds/${added.body.id}/sync`, { method: 'POST' });
    expect(notIcs.body.lastError).toMatch(/calendar|iCalendar/i);
    expect(notIcs.body.lastErrorAt).toBe('2026-11-20T12:00:20Z');
    expect((await asMe('/v1/me/availability')).body.calendarFeeds[0].lastError).toBe(notIcs.body.lastError);

    now += 10_000;
    feed = [ics('20261123T090000Z', '20261123T100000Z').replace('END:VCALENDAR\r\n', ''), 'BEGIN:VEVENT', 'UID:2@test', 'DTSTART:20261124T090000Z', 'DTEND:20261124T100000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const healed = await asMe(`/v1/me/calendar-feeds/${added.body.id}/sync`, { method: 'POST' });
    expect(healed.body).toMatchObject({ lastSyncedAt: '2026-11-20T12:00:30Z', busyCount: 2, lastError: null, lastErrorAt: null });
  });

  it('syncs only the caller’s own feeds', async () => {
    const res = await asMe('/v1/me/calendar-feeds/cal_nope/sync', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('calendar_feed_not_found');
  });

  it('refuses a feed that cannot be read or is not a calendar', async () => {
    const res = await asMe('/v1/me/calendar-feeds', { body: { url: 'ftp://example.com/cal.ics' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_calendar_feed');
  });
});
