import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { MAX_ATTEMPTS } from '../../db/batch.js';
import { createDb, type Database } from '../../db/client.js';
import { bookingEvents, bookings, outbox, refunds, weeklyHours } from '../../db/schema.js';
import { offlinePayments } from '../../providers/payments/index.js';
import { spyOnBatches, type BatchSpy } from '../../testing/batch-spy.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';
import { silentLog } from '../log.js';
import { cancelGuarded } from './cancel.js';
import { completeDueSessions } from './complete-due.js';
import { changeGuarded } from './guarded-change.js';
import { rescheduleGuarded } from './reschedule.js';

// Cancel and reschedule read a snapshot, then write ONE batch behind a guard (`guarded-change.ts`).
// These tests make another writer commit between the two — where a second server process or
// isolate would — by running it just before each of this app's batches goes out, on the same file.

let t: PackagesTestApp;
/** This app's batches: how many, and what another server does just before each one. */
let batches: BatchSpy;
/** A second handle on the same file: another process, as far as the database can tell. */
let other: Database;

beforeEach(async () => {
  t = await packagesTestApp();
  other = createDb(t.url);
  batches = spyOnBatches(t.database);
});
afterEach(async () => {
  other.close();
  await t.closeAll();
});

/** Lets the outbox deliveries of what came before finish (a confirmation attaches its meeting link in a batch of its own), then counts from zero. */
const quiet = async () => {
  await t.app.deliveries.idle();
  batches.reset();
};
const manage = (token: string) => ({ authorization: `Bearer ${token}` });
const row = async (id: string) => (await t.database.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const events = async (id: string, type: string) => (await t.database.db.select().from(bookingEvents).where(and(eq(bookingEvents.bookingId, id), eq(bookingEvents.type, type)))).length;
const messages = async (id: string, topic: string) => (await t.database.db.select().from(outbox).where(and(eq(outbox.bookingId, id), eq(outbox.topic, topic)))).length;
const byId = (id: string) => async (db: Database['db']) => (await db.select().from(bookings).where(eq(bookings.id, id)))[0]!;

/** The specialist saves their weekly hours unchanged: no slot changes, but the version moves. */
const touchHours = async () => {
  await other.write((tx) => tx.update(weeklyHours).set({ startMinute: sql`${weeklyHours.startMinute}` }).where(eq(weeklyHours.specialistId, t.intro.specialistId)));
};
/** The specialist cancels on the other server (a full refund queued, a credit returned). */
const specialistCancelsElsewhere = (id: string) => cancelGuarded({ database: other }, byId(id), 'specialist', 'Ill', t.now());

/** A free booking of the demo's intro at `start`, with its manage token. */
async function bookFree(start: string): Promise<{ id: string; token: string }> {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer: t.customer } });
  expect(res.status).toBe(201);
  return { id: res.body.booking.id, token: res.body.manageToken };
}

describe('cancelling as one guarded batch', () => {
  it('only tries again when something else in the calendar changed meanwhile: cancelled once, with one event and one outbox row', async () => {
    const { id, token } = await bookFree('2026-11-24T09:00:00Z');
    await quiet();
    batches.meanwhile = async (n) => {
      if (n === 1) await touchHours();
    };
    const res = await t.json(`/v1/bookings/${id}/cancel`, { body: { reason: 'Trip' }, headers: manage(token) });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(batches.count).toBe(2);
    expect([await events(id, 'cancelled'), await messages(id, 'booking.cancelled')]).toEqual([1, 1]);
  });

  it('refunds a paid booking once when the specialist cancels it on another server meanwhile, and tells the customer it is not cancellable any more', async () => {
    const paid = await t.bookPaid('2026-11-27T09:00:00Z');
    t.fake.succeed(paid.intentId);
    await t.fake.settled();
    expect((await row(paid.booking.id)).status).toBe('confirmed');
    await quiet();
    batches.meanwhile = async (n) => {
      if (n === 1) await specialistCancelsElsewhere(paid.booking.id);
    };
    const res = await t.json(`/v1/bookings/${paid.booking.id}/cancel`, { body: {}, headers: manage(paid.manageToken) });
    expect(res.body).toMatchObject({ status: 409, code: 'booking_not_cancellable' });
    // One refund of the whole price, the specialist's; the customer's refused batch queued none.
    const payment = await t.paymentRow(paid.booking.id);
    const queued = await t.database.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(queued.map((r) => [r.amount, r.reason])).toEqual([[9000, 'specialist']]);
    const stored = await row(paid.booking.id);
    expect([stored.status, stored.cancelledBy, stored.cancellationReason]).toEqual(['cancelled', 'specialist', 'Ill']);
    expect([await events(paid.booking.id, 'cancelled'), await messages(paid.booking.id, 'booking.cancelled')]).toEqual([1, 1]);
  });

  it('gives a credit back once when both sides cancel the booking it paid for at the same time', async () => {
    const pkg = await t.createPackage();
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const booked = (await t.bookWithCredit('2026-11-27T09:00:00Z', creditsToken)).body;
    await quiet();
    batches.meanwhile = async (n) => {
      if (n === 1) await specialistCancelsElsewhere(booked.booking.id);
    };
    const res = await t.json(`/v1/bookings/${booked.booking.id}/cancel`, { body: {}, headers: manage(booked.manageToken) });
    expect(res.body).toMatchObject({ status: 409, code: 'booking_not_cancellable' });
    const ledger = await t.ledger(purchase.id);
    expect(ledger.filter((e) => e.kind === 'return')).toEqual([expect.objectContaining({ bookingId: booked.booking.id, delta: 1 })]);
    expect((await t.credits(creditsToken)).body.total).toBe(3);
  });

  it(`gives up after ${MAX_ATTEMPTS} refused tries with 503 write_contention, and the booking stays as it was`, async () => {
    const { id, token } = await bookFree('2026-11-24T10:00:00Z');
    await quiet();
    batches.meanwhile = touchHours;
    const res = await t.json(`/v1/bookings/${id}/cancel`, { body: {}, headers: manage(token) });
    expect(res.body).toMatchObject({ status: 503, code: 'write_contention' });
    expect(res.body.detail).toContain('nothing was changed');
    expect(batches.count).toBe(MAX_ATTEMPTS);
    expect((await row(id)).status).toBe('confirmed');
    expect(await events(id, 'cancelled')).toBe(0);
  });
});

describe('rescheduling as one guarded batch', () => {
  const reschedule = (id: string, token: string, start: string) => t.json(`/v1/bookings/${id}/reschedule`, { body: { start }, headers: manage(token) });

  it('only tries again when something else in the calendar changed meanwhile, then moves the booking once', async () => {
    const { id, token } = await bookFree('2026-11-24T09:00:00Z');
    await quiet();
    batches.meanwhile = async (n) => {
      if (n === 1) await touchHours();
    };
    const res = await reschedule(id, token, '2026-11-24T11:00:00Z');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ start: '2026-11-24T11:00:00Z', rescheduleCount: 1 });
    expect(batches.count).toBe(2);
    expect([await events(id, 'rescheduled'), await messages(id, 'booking.rescheduled')]).toEqual([1, 1]);
  });

  it('answers 409 slot_unavailable when another server books the new time meanwhile, and leaves the booking where it was', async () => {
    const { id, token } = await bookFree('2026-11-24T09:00:00Z');
    const app = createApp({ database: other, clock: t.now, log: silentLog, logError: () => {}, rateLimits: false, payments: offlinePayments(other, { clock: t.now, nodeEnv: 'test' }).payments });
    await quiet();
    batches.meanwhile = async (n) => {
      if (n !== 1) return;
      const theirs = await app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist: 'demo', service: t.intro.id, start: '2026-11-24T11:00:00Z', customer: { name: 'Bo', email: 'bo@example.com', timeZone: 'UTC' } }),
      });
      expect(theirs.status).toBe(201);
    };
    const res = await reschedule(id, token, '2026-11-24T11:00:00Z');
    expect(res.body).toMatchObject({ status: 409, code: 'slot_unavailable' });
    const stored = await row(id);
    expect([stored.startAt, stored.rescheduleCount]).toEqual([Date.parse('2026-11-24T09:00:00Z'), 0]);
    expect(await events(id, 'rescheduled')).toBe(0);
  });

  it('never moves a booking twice: the specialist moving it on another server meanwhile makes the customer’s move answer "changed meanwhile"', async () => {
    const { id, token } = await bookFree('2026-11-24T09:00:00Z');
    await quiet();
    batches.meanwhile = async (n) => {
      if (n !== 1) return;
      await rescheduleGuarded({ database: other }, byId(id), { start: Date.parse('2026-11-24T13:00:00Z'), label: '2026-11-24T13:00:00Z', actor: 'specialist', outside: [] }, t.now());
    };
    const res = await reschedule(id, token, '2026-11-24T11:00:00Z');
    expect(res.body).toMatchObject({ status: 409, code: 'booking_not_reschedulable', detail: 'The booking changed meanwhile; reload it and try again.' });
    // At the specialist's time only, moved once; the 11:00 the customer asked for is still offered.
    const stored = await row(id);
    expect([stored.startAt, stored.rescheduleCount]).toEqual([Date.parse('2026-11-24T13:00:00Z'), 1]);
    expect([await events(id, 'rescheduled'), await messages(id, 'booking.rescheduled')]).toEqual([1, 1]);
    const slots = await t.json(`/v1/specialists/demo/slots?service=${t.intro.id}&from=2026-11-24&to=2026-11-24&timezone=UTC`);
    const starts = (slots.body.days as { slots: { start: string }[] }[]).flatMap((d) => d.slots.map((s) => s.start));
    expect(starts).toContain('2026-11-24T11:00:00Z');
    expect(starts).not.toContain('2026-11-24T13:00:00Z');
  });
});

describe('the scheduler completing ended sessions, a round per batch', () => {
  it('leaves a session the specialist marks a no-show on another server meanwhile as a no-show, and completes the rest in one retried round', async () => {
    const sessions = [await bookFree('2026-11-24T09:00:00Z'), await bookFree('2026-11-24T10:00:00Z'), await bookFree('2026-11-24T11:00:00Z')];
    t.setNow(Date.parse('2026-11-24T15:00:00Z'));
    await quiet();
    batches.meanwhile = async (n) => {
      if (n === 1) await changeGuarded(other, byId(sessions[1]!.id), { action: 'mark_no_show', actor: 'specialist' }, t.now());
    };
    expect(await completeDueSessions({ database: t.database, clock: t.now })).toBe(2);
    expect(batches.count).toBe(2); // the first round refused whole, the fresh one without the no-show
    expect(await Promise.all(sessions.map(async (s) => (await row(s.id)).status))).toEqual(['completed', 'no_show', 'completed']);
    // No `completed` event or outbox row for the no-show: the refused round wrote nothing.
    expect(await Promise.all(sessions.map((s) => events(s.id, 'completed')))).toEqual([1, 0, 1]);
    expect(await messages(sessions[1]!.id, 'booking.completed')).toBe(0);
  });
});
