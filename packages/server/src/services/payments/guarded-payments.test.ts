import { asc, count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createDb, type Database } from '../../db/client.js';
import { bookingEvents, bookings, outbox, payments, refunds, webhookEvents } from '../../db/schema.js';
import { createStripePayments, offlinePayments } from '../../providers/payments/index.js';
import { paymentsTestApp, type PaymentsTestApp } from '../../testing/payments-app.js';
import { expireDueHolds } from '../bookings/holds.js';
import { silentLog } from '../log.js';
import { spyOnBatches, type BatchSpy } from '../../testing/batch-spy.js';

// A payment's effect is computed from a snapshot and written as ONE guarded batch (`db/batch.ts`).
// These tests make another server commit between the two — by running it just before each of this
// server's batches go out, on the same database file — and check that exactly one outcome stands.

let t: PaymentsTestApp;
/** Batches counted, and what "someone else" does just before each one; reset per test. */
let spy: BatchSpy;
const MINUTE = 60_000;

beforeEach(async () => {
  // No outbox deliveries after commits: the dispatcher's own batches would be counted among the payment's.
  t = await paymentsTestApp({ dispatchAfterCommit: false });
  spy = spyOnBatches(t.database);
});
afterEach(async () => {
  await t.closeAll();
});

/** A second server on the same file and the same (fake) Stripe account, its clock `ahead` of ours. */
function otherServer(ahead = 0): { app: ReturnType<typeof createApp>; database: Database; clock: () => number } {
  const database = createDb(t.url);
  const clock = () => t.now() + ahead;
  const payments = createStripePayments({ secretKey: t.fake.secretKey, publishableKey: t.fake.publishableKey, webhookSecrets: [t.secret], host: t.fake.host, port: t.fake.port, protocol: 'http', maxNetworkRetries: 0 });
  const app = createApp({ database, clock, log: silentLog, logError: () => {}, rateLimits: false, payments });
  return { app, database, clock };
}

/** The booking's events and outbox rows, in the order written. */
async function history(bookingId: string) {
  const events = await t.database.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId)).orderBy(sql`rowid`);
  const messages = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, bookingId)).orderBy(sql`rowid`);
  return { events, messages };
}

/** Every event has its outbox row, with the booking as it was after that event. */
function expectConsistent({ events, messages }: Awaited<ReturnType<typeof history>>) {
  expect(messages.map((m) => m.eventId)).toEqual(events.map((e) => e.id));
  expect(messages.map((m) => m.topic)).toEqual(events.map((e) => `booking.${e.type}`));
  for (const [i, m] of messages.entries()) expect((m.payload as { booking: { status: string } }).booking.status).toBe(events[i]!.toStatus);
}

/** Pays the booking's intent at Stripe and returns its `payment_intent.succeeded` event, not yet delivered. */
function paidAtStripe(intentId: string) {
  t.fake.succeed(intentId, { emit: false });
  return t.fake.events().find((e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === intentId)!;
}

describe('a payment as one guarded batch', () => {
  it('a payment racing the hold’s expiry on another server: refused once, then confirmed late on the time still free — one outcome', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-24T09:00:00Z');
    const event = paidAtStripe(intentId);
    const other = otherServer(20 * MINUTE); // its clock is past the hold
    spy.count = 0; // count from here: the booking above was written by a batch too
    spy.meanwhile = async (n) => {
      if (n === 1) expect(await expireDueHolds({ database: other.database, clock: other.clock })).toBe(1);
    };
    expect((await t.fake.deliver(event.id)).status).toBe(200);
    // Computed on a live hold, the first batch would have confirmed it: its guard saw the expiry and refused.
    expect(spy.count).toBe(2);
    expect((await t.bookingRow(booking.id)).status).toBe('confirmed');
    const seen = await history(booking.id);
    expect(seen.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['held', null, 'held'],
      ['expired', 'held', 'expired'],
      ['confirmed', 'expired', 'confirmed'],
    ]);
    expect(seen.events[2]!.data).toEqual({ late: true });
    expectConsistent(seen);
    expect(await t.paymentRow(booking.id)).toMatchObject({ status: 'succeeded', amountRefunded: 0 });
    expect((await t.database.db.select({ n: count() }).from(refunds))[0]!.n).toBe(0);
    other.database.close();
  });

  it('a payment racing the expiry AND another customer booking the freed time: refunded in full, the time has one owner', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-24T10:00:00Z');
    const event = paidAtStripe(intentId);
    const other = otherServer(20 * MINUTE);
    let theirs = '';
    spy.count = 0; // count from here: the booking above was written by a batch too
    spy.meanwhile = async (n) => {
      if (n !== 1) return;
      await expireDueHolds({ database: other.database, clock: other.clock });
      const res = await other.app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ specialist: 'demo', service: t.intro.id, start: '2026-11-24T10:00:00Z', customer: { name: 'Bo', email: 'bo@example.com', timeZone: 'UTC' } }),
      });
      expect(res.status).toBe(201);
      theirs = ((await res.json()) as { booking: { id: string } }).booking.id;
    };
    expect((await t.fake.deliver(event.id)).status).toBe(200);
    expect((await t.bookingRow(booking.id)).status).toBe('expired');
    expect((await t.bookingRow(theirs)).status).toBe('confirmed');
    const seen = await history(booking.id);
    expect(seen.events.map((e) => e.type)).toEqual(['held', 'expired', 'refunded']);
    expect(seen.events[2]!.data).toEqual({ amount: 9000, currency: 'EUR', cause: 'late_payment' });
    expectConsistent(seen);
    const rows = await t.database.db.select().from(refunds);
    expect(rows.map((r) => [r.amount, r.reason, r.status])).toEqual([[9000, 'late_payment', 'succeeded']]);
    expect(t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')).toHaveLength(1);
    other.database.close();
  });

  it('one Stripe event delivered to two servers at once is applied once', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-24T11:00:00Z');
    const event = paidAtStripe(intentId);
    const other = otherServer();
    const ours = t.fake.webhookHandler;
    let theirs = 0;
    spy.count = 0; // count from here: the booking above was written by a batch too
    spy.meanwhile = async (n) => {
      if (n !== 1) return;
      // The same delivery reaches the other server, which applies it first.
      t.fake.webhookHandler = async ({ payload, header }) => {
        const res = await other.app.request('/v1/webhooks/stripe', { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
        return { status: res.status };
      };
      theirs = (await t.fake.deliver(event.id)).status ?? 0;
      t.fake.webhookHandler = ours;
    };
    expect((await t.fake.deliver(event.id)).status).toBe(200);
    expect(theirs).toBe(200);
    expect(spy.count).toBe(1); // ours was refused; on a fresh snapshot the event was recorded: nothing more to write
    expect((await t.bookingRow(booking.id)).status).toBe('confirmed');
    const seen = await history(booking.id);
    expect(seen.events.map((e) => e.type).filter((type) => type !== 'meeting_ready')).toEqual(['held', 'confirmed']);
    expectConsistent(seen);
    expect((await t.database.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.id, event.id)))[0]!.n).toBe(1);
    const [payment] = await t.database.db.select().from(payments).where(eq(payments.bookingId, booking.id)).orderBy(asc(payments.createdAt));
    expect(payment).toMatchObject({ status: 'succeeded' });
    other.database.close();
  });
});

describe('an Idempotency-Key claimed as one guarded batch', () => {
  it('two requests with one key on two servers at once: one runs, the other answers its stored answer, one booking', async () => {
    const body = JSON.stringify({ specialist: 'demo', service: t.intro.id, start: '2026-11-24T12:00:00Z', customer: { name: 'Ada', email: 'ada@example.com', timeZone: 'UTC' } });
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'one-key' };
    const database = createDb(t.url);
    const other = createApp({ database, clock: t.now, log: silentLog, logError: () => {}, rateLimits: false, payments: offlinePayments(database, { clock: t.now, nodeEnv: 'test' }).payments });
    let first: Response | undefined;
    spy.count = 0; // count from here: the booking above was written by a batch too
    spy.meanwhile = async (n) => {
      if (n === 1) first = await other.request('/v1/bookings', { method: 'POST', headers, body });
    };
    const second = await t.app.request('/v1/bookings', { method: 'POST', headers, body });
    expect(first!.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first!.json());
    expect((await t.database.db.select({ n: count() }).from(bookings))[0]!.n).toBe(1);
    database.close();
  });
});
