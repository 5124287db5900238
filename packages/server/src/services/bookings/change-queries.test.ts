import { desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardedBatch } from '../../db/batch.js';
import { bookingEvents, bookings, outbox } from '../../db/schema.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { availabilityVersion, versionStill } from '../availability/version.js';
import { changeBooking, changeBookingQueries } from './road.js';

// `changeBookingQueries` is `changeBooking` as a guarded batch's statements: what it computes in
// JavaScript must be exactly what the database then holds, and a booking changed after the
// snapshot must make its guard refuse with nothing written.

let t: TestApp;
const NOW = Date.parse('2026-11-20T12:00:00Z');
beforeEach(async () => {
  t = await testApp({ now: NOW });
});
afterEach(() => t.close());

async function booked(start: string) {
  const created = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' } } });
  expect(created.status).toBe(201);
  return (await t.database.db.select().from(bookings).where(eq(bookings.id, created.body.booking.id)))[0]!;
}
const count = async (table: typeof bookingEvents | typeof outbox) => ((await t.database.db.select({ n: sql<number>`count(*)` }).from(table)) as [{ n: number }])[0].n;

describe('a booking change as a guarded batch', () => {
  it('stores the row it computed, with its event and an outbox row carrying that row, and moves the version', async () => {
    const row = await booked('2026-11-23T09:00:00Z');
    const version = await availabilityVersion(t.database.db, row.specialistId);
    const change = changeBookingQueries(t.database.db, row, { action: 'cancel', actor: 'specialist', reason: 'Ill', set: { cancelledAt: NOW, cancelledBy: 'specialist', cancellationReason: 'Ill' } }, NOW);
    const written = await guardedBatch(t.database, sql`${change.still} and ${versionStill(row.specialistId, version)}`, change.queries);
    expect(written).toBeDefined();
    const [stored] = await t.database.db.select().from(bookings).where(eq(bookings.id, row.id));
    expect(stored).toEqual(change.row);
    expect(stored!.status).toBe('cancelled');
    expect(stored!.inviteSequence).toBe(row.inviteSequence + 1);
    const [message] = await t.database.db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).where(eq(outbox.topic, 'booking.cancelled'));
    expect((message!.payload as { booking: { status: string; cancellationReason: string } }).booking).toMatchObject({ status: 'cancelled', cancellationReason: 'Ill' });
    expect(await availabilityVersion(t.database.db, row.specialistId)).toBeGreaterThan(version);
    // The time is offered again: the slots answer follows the stored change.
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-23&to=2026-11-23&timezone=UTC`);
    expect(JSON.stringify(slots.body)).toContain('2026-11-23T09:00:00');
  });

  it('writes nothing when the booking was changed after the snapshot', async () => {
    const row = await booked('2026-11-23T10:00:00Z');
    const events = await count(bookingEvents);
    const messages = await count(outbox);
    // Someone else completes a change first (through the interactive road, as another server would).
    await t.database.write((tx) => changeBooking(tx, row, { action: 'reschedule', actor: 'customer', set: { startAt: row.startAt + 3_600_000, endAt: row.endAt + 3_600_000, rescheduleCount: 1 } }, NOW));
    const stale = changeBookingQueries(t.database.db, row, { action: 'cancel', actor: 'customer', set: { cancelledAt: NOW, cancelledBy: 'customer' } }, NOW);
    expect(await guardedBatch(t.database, stale.still, stale.queries)).toBeUndefined();
    const [stored] = await t.database.db.select().from(bookings).where(eq(bookings.id, row.id));
    expect(stored!.status).toBe('confirmed');
    expect(stored!.startAt).toBe(row.startAt + 3_600_000);
    expect(await count(bookingEvents)).toBe(events + 1);
    expect(await count(outbox)).toBe(messages + 1);
  });

  it('refuses what the state machine refuses before anything is sent', async () => {
    const done = { ...(await booked('2026-11-23T11:00:00Z')), status: 'cancelled' as const };
    expect(() => changeBookingQueries(t.database.db, done, { action: 'cancel', actor: 'customer' }, NOW)).toThrow(expect.objectContaining({ code: 'booking_not_cancellable' }));
  });
});
