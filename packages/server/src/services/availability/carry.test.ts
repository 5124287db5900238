import { afterEach, describe, expect, it } from 'vitest';
import { dateOverrides } from '../../db/schema.js';
import { countingClient, type DatabaseCall } from '../../testing/counting-client.js';
import { setService } from '../../testing/fixtures.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { newId } from '../ids.js';

// `carry.ts`: a slots answer survives booking writes that cannot touch its window, and only those.
// The demo is Mon–Fri 09:00–17:00 Europe/Berlin; the test clock is Friday 2026-11-20 12:00 UTC.

let t: TestApp | undefined;
afterEach(() => t?.close());

const customer = (n: number) => ({ name: `Visitor ${n}`, email: `visitor${n}@example.com`, timeZone: 'UTC' });
const slotsOf = (t: TestApp, from: string, to: string) => t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=${from}&to=${to}&timezone=UTC`);
const starts = (body: { days: { slots: { start: string }[] }[] }) => body.days.flatMap((d) => d.slots.map((s) => s.start));

async function book(t: TestApp, start: string, n: number) {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: customer(n) } });
  expect(res.status).toBe(201);
  return res.body as { booking: { id: string }; manageToken: string };
}

describe('slots answers carried across booking writes', () => {
  it('serves a window again without computing it when the booking is weeks away from it', async () => {
    const calls: DatabaseCall[] = [];
    t = await testApp({ createClient: countingClient(calls) });
    const week = await slotsOf(t, '2026-11-23', '2026-11-27');
    expect(starts(week.body)).toHaveLength(5 * 16);
    await book(t, '2026-12-21T08:00:00Z', 1);

    calls.length = 0;
    const again = await slotsOf(t, '2026-11-23', '2026-11-27');
    expect(again.body).toEqual(week.body);
    // The version and the booking's change row; no hours, no bookings, no services read.
    expect(calls.some((call) => call.sql.includes('"slot_changes"'))).toBe(true);
    expect(calls.filter((call) => /from "(weekly_hours|bookings|services|date_overrides)"/.test(call.sql))).toEqual([]);

    // The later window, which holds the booking, is computed and shows it taken.
    const december = await slotsOf(t, '2026-12-21', '2026-12-21');
    expect(starts(december.body)).not.toContain('2026-12-21T08:00:00Z');
    expect(starts(december.body)).toHaveLength(15);
  });

  it('reads the hours, overrides and recurring rules once per version: another window reads only its bookings, or nothing when its days were computed', async () => {
    const calls: DatabaseCall[] = [];
    t = await testApp({ createClient: countingClient(calls) });
    // 2026-11-23 … 27 lies on two 16-day blocks (`slot-blocks.ts`): 11-11 … 11-26 and 11-27 … 12-12.
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toHaveLength(80);
    calls.length = 0;
    const later = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-30&to=2026-12-04&timezone=America/New_York`);
    expect(starts(later.body as never)).toHaveLength(80);
    expect((later.body as { days: { date: string }[] }).days.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(calls.filter((call) => /from "(weekly_hours|date_overrides|recurring_availability|bookings)"/.test(call.sql))).toEqual([]);
    // Days of a block not computed yet read their bookings, and still not the rules.
    expect(starts((await slotsOf(t, '2026-12-14', '2026-12-18')).body)).toHaveLength(80);
    expect(calls.some((call) => call.sql.includes('from "bookings"'))).toBe(true);
    expect(calls.filter((call) => /from "(weekly_hours|date_overrides|recurring_availability)"/.test(call.sql))).toEqual([]);
    // Closing a day moves the version: the next window reads the rules again and shows it closed.
    await t.database.batch([t.database.db.insert(dateOverrides).values({ id: newId('ovr'), specialistId: t.intro.specialistId, fromDate: '2026-12-08', toDate: '2026-12-08', intervals: [], createdAt: t.now() })]);
    expect(starts((await slotsOf(t, '2026-12-07', '2026-12-11')).body)).toHaveLength(64);
  });

  it('computes the window again when a booking lands in it, and when a cancellation frees a time in it', async () => {
    t = await testApp();
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toContain('2026-11-24T09:00:00Z');
    const { booking, manageToken } = await book(t, '2026-11-24T09:00:00Z', 1);
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).not.toContain('2026-11-24T09:00:00Z');
    const cancelled = await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: { authorization: `Bearer ${manageToken}` } });
    expect(cancelled.status).toBe(200);
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toContain('2026-11-24T09:00:00Z');
  });

  it('shows a booking to every visitor asking afterwards, in any zone and window over the days it lands on', async () => {
    t = await testApp();
    // Both 16-day blocks around the booking are computed (and kept) before it.
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toContain('2026-11-25T10:00:00Z');
    await book(t, '2026-11-25T10:00:00Z', 1);
    for (const [zone, from, to] of [['Asia/Tokyo', '2026-11-25', '2026-11-26'], ['America/Los_Angeles', '2026-11-20', '2026-11-30'], ['UTC', '2026-11-25', '2026-11-25']]) {
      const res = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=${from}&to=${to}&timezone=${zone}`);
      const shown = starts(res.body as never);
      expect(shown.length, `${zone} ${from}…${to}`).toBeGreaterThan(0);
      expect(shown, `${zone} ${from}…${to}`).not.toContain('2026-11-25T10:00:00Z');
    }
  });

  it('computes a day again when a booking outside it fills the week its cap counts', async () => {
    t = await testApp();
    await setService(t.database, t.intro.id, { maxPerWeek: 1 });
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-23')).body)).toHaveLength(16);
    // Wednesday of the same ISO week: two days after the Monday window.
    await book(t, '2026-11-25T09:00:00Z', 1);
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-23')).body)).toEqual([]);
  });

  it('never carries an answer across a change that is not a booking (a day closed by an override)', async () => {
    t = await testApp();
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toHaveLength(80);
    await book(t, '2026-12-21T08:00:00Z', 1);
    const specialistId = t.intro.specialistId;
    await t.database.batch([t.database.db.insert(dateOverrides).values({ id: newId('ovr'), specialistId, fromDate: '2026-11-24', toDate: '2026-11-24', intervals: [], createdAt: t.now() })]);
    await book(t, '2026-12-22T08:00:00Z', 2);
    const week = starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body);
    expect(week).toHaveLength(64);
    expect(week.some((start) => start.startsWith('2026-11-24'))).toBe(false);
  });

  it('never serves a window stale after another process booked in it', async () => {
    t = await testApp({ twin: true });
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toContain('2026-11-26T10:00:00Z');
    await book(t, '2026-12-21T08:00:00Z', 1);
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).toContain('2026-11-26T10:00:00Z');
    const other = await t.twin!.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start: '2026-11-26T10:00:00Z', customer: customer(2) } });
    expect(other.status).toBe(201);
    expect(starts((await slotsOf(t, '2026-11-23', '2026-11-27')).body)).not.toContain('2026-11-26T10:00:00Z');
  });
});
