import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingEvents, bookings, outbox } from '../../db/schema.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { tick } from '../scheduler.js';
import { completeDueSessions } from './complete-due.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;
let t: TestApp;
beforeEach(async () => {
  t = await testApp({ now: NOW });
});
afterEach(async () => {
  await t.app.deliveries.idle();
  t.close();
});

const customer = { name: 'Grace', email: 'grace@example.com', timeZone: 'Europe/Berlin' };
const me = () => ({ authorization: `Bearer ${t.apiKey}` });
/** A free 30-minute intro call, confirmed at once. */
const book = async (start: string, app: TestApp = t) => {
  const res = await app.json('/v1/bookings', { body: { specialist: 'demo', service: app.intro.id, start, customer } });
  expect(res.status).toBe(201);
  return res.body.booking as { id: string; end: string };
};
const statusOf = async (id: string, app: TestApp = t) => (await app.database.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status;
const completedRows = (id: string) => t.database.db.select().from(outbox).where(and(eq(outbox.bookingId, id), eq(outbox.topic, 'booking.completed')));

describe('sessions that end on their own', () => {
  it('completes a confirmed session once its end is two hours past, not a millisecond before, and only once', async () => {
    const booking = await book('2026-11-23T09:00:00Z');
    const end = Date.parse(booking.end);

    t.setNow(end + 2 * HOUR - 1);
    expect(await t.app.tick()).toMatchObject({ completedSessions: 0 });
    expect(await statusOf(booking.id)).toBe('confirmed');

    t.setNow(end + 2 * HOUR);
    expect(await t.app.tick()).toMatchObject({ completedSessions: 1 });
    expect(await statusOf(booking.id)).toBe('completed');
    t.setNow(end + 3 * HOUR);
    expect(await t.app.tick()).toMatchObject({ completedSessions: 0 });

    const events = await t.database.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(events.filter((e) => e.type === 'completed')).toEqual([
      expect.objectContaining({ fromStatus: 'confirmed', toStatus: 'completed', actor: 'system', reason: 'The session ended.', at: end + 2 * HOUR }),
    ]);
    const rows = await completedRows(booking.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ event: { type: 'completed', actor: 'system', from: 'confirmed', to: 'completed' }, booking: { id: booking.id, status: 'completed' } });
  });

  it('never touches a session the specialist marked a no-show, nor a cancelled one', async () => {
    const noShow = await book('2026-11-23T09:00:00Z');
    const cancelled = await book('2026-11-23T10:00:00Z');
    const attended = await book('2026-11-23T11:00:00Z');
    expect((await t.json(`/v1/me/bookings/${cancelled.id}/cancel`, { body: { reason: 'Ill' }, headers: me() })).status).toBe(200);
    t.setNow(Date.parse('2026-11-23T09:10:00Z'));
    expect((await t.json(`/v1/me/bookings/${noShow.id}/no-show`, { method: 'POST', headers: me() })).status).toBe(200);

    t.setNow(Date.parse('2026-11-24T09:00:00Z'));
    expect(await t.app.tick()).toMatchObject({ completedSessions: 1 });
    expect(await statusOf(noShow.id)).toBe('no_show');
    expect(await statusOf(cancelled.id)).toBe('cancelled');
    expect(await statusOf(attended.id)).toBe('completed');
    expect(await completedRows(noShow.id)).toHaveLength(0);
    expect(await completedRows(cancelled.id)).toHaveLength(0);
  });

  it('waits for a session that was moved later, going by its new end', async () => {
    const booking = await book('2026-11-23T09:00:00Z');
    expect((await t.json(`/v1/me/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-24T09:00:00Z' }, headers: me() })).status).toBe(200);
    t.setNow(Date.parse('2026-11-23T12:00:00Z'));
    expect(await t.app.tick()).toMatchObject({ completedSessions: 0 });
    t.setNow(Date.parse('2026-11-24T11:30:00Z'));
    expect(await t.app.tick()).toMatchObject({ completedSessions: 1 });
  });

  it('takes its grace period from the app option completeAfterMs', async () => {
    const quick = await testApp({ now: NOW, completeAfterMs: 10 * 60_000 });
    try {
      const booking = await book('2026-11-23T09:00:00Z', quick);
      quick.setNow(Date.parse(booking.end) + 10 * 60_000 - 1);
      expect(await quick.app.tick()).toMatchObject({ completedSessions: 0 });
      quick.setNow(Date.parse(booking.end) + 10 * 60_000);
      expect(await quick.app.tick()).toMatchObject({ completedSessions: 1 });
      expect(await statusOf(booking.id, quick)).toBe('completed');
    } finally {
      await quick.app.deliveries.idle();
      quick.close();
    }
  });

  it('completes each session once when ticks run at the same moment', async () => {
    const ids = [await book('2026-11-23T09:00:00Z'), await book('2026-11-23T10:00:00Z')].map((b) => b.id);
    await t.app.deliveries.idle();
    // Each run sees the sessions due before any of them takes the write lock; the loser's
    // transaction reads them again and finds nothing left to do.
    const at = Date.parse('2026-11-24T09:00:00Z');
    const runs = await Promise.all([tick(t.app.deps, at), tick(t.app.deps, at), completeDueSessions({ ...t.app.deps, clock: () => at })]);
    expect(runs[0].completedSessions + runs[1].completedSessions + runs[2]).toBe(2);
    for (const id of ids) {
      expect(await statusOf(id)).toBe('completed');
      expect(await completedRows(id)).toHaveLength(1);
    }
  });

  it('works through a backlog in bounded batches, leaving what is over the bound for the next run', async () => {
    const ids: string[] = [];
    for (const hour of ['08', '09', '10', '11', '12']) ids.push((await book(`2026-11-23T${hour}:00:00Z`)).id);
    t.setNow(Date.parse('2026-11-30T00:00:00Z'));
    expect(await completeDueSessions(t.app.deps, { batch: 2, maxBatches: 2 })).toBe(4);
    expect(await Promise.all(ids.map((id) => statusOf(id)))).toEqual(['completed', 'completed', 'completed', 'completed', 'confirmed']); // oldest first
    expect(await completeDueSessions(t.app.deps, { batch: 2, maxBatches: 2 })).toBe(1);
    expect(await completeDueSessions(t.app.deps, { batch: 2, maxBatches: 2 })).toBe(0);
  });
});
