import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingEvents, bookings, outbox } from '../../db/schema.js';
import { setService } from '../../testing/fixtures.js';
import { packagesTestApp, type PackagesTestApp } from '../../testing/packages-app.js';

// Every way a booking changes, driven the way it happens (the API, Stripe's webhook, the
// scheduler), and each must leave exactly one event and one outbox row carrying the booking as
// it is after the change. A status write that bypasses the road leaves no event or no outbox row
// and fails here; the first test keeps such a write from being written at all.

const NOW = Date.parse('2026-11-20T12:00:00Z');
let t: PackagesTestApp;
beforeEach(async () => {
  t = await packagesTestApp({ now: NOW });
  // Sessions without a meeting, so no `meeting_ready` lands between the steps a test takes (one test below has one).
  for (const id of [t.intro.id, t.session.id]) await setService(t.database, id, { locationKind: 'none' });
});
afterEach(async () => {
  await t.closeAll();
});

interface Step {
  type: string;
  from: string | null;
  to: string | null;
  actor: string;
}

/**
 * The booking's history as its events say, after checking the outbox against it: one row per
 * event, `booking.<type>`, with the booking's state after that change — and the last one is the
 * booking as stored.
 */
async function history(bookingId: string): Promise<Step[]> {
  const events = await t.database.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId)).orderBy(sql`rowid`);
  const rows = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, bookingId)).orderBy(sql`rowid`);
  expect(rows.map((r) => r.eventId)).toEqual(events.map((e) => e.id));
  for (const [i, event] of events.entries()) {
    const row = rows[i]!;
    expect(row.topic).toBe(`booking.${event.type}`);
    const payload = row.payload as { event: { type: string; from: string | null; to: string; actor: string }; booking: { id: string; status: string } };
    expect(payload.event).toMatchObject({ type: event.type, from: event.fromStatus, to: event.toStatus, actor: event.actor });
    expect(payload.booking).toMatchObject({ id: bookingId, status: event.toStatus });
    expect(JSON.stringify(payload)).not.toMatch(/manageTokenHash|clientHash|specialistNotes/);
  }
  const [stored] = await t.database.db.select().from(bookings).where(eq(bookings.id, bookingId));
  if (events.length > 0) expect(stored!.status).toBe(events.at(-1)!.toStatus);
  return events.map((e) => ({ type: e.type, from: e.fromStatus, to: e.toStatus, actor: e.actor }));
}

const step = (type: string, from: string | null, to: string | null, actor: string): Step => ({ type, from, to, actor });
const customer = { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/Berlin' };
const bookFree = async (start: string) => {
  const res = await t.json('/v1/bookings', { body: { specialist: 'demo', service: t.intro.id, start, customer } });
  expect(res.status).toBe(201);
  return res.body as { booking: { id: string }; manageToken: string };
};
const asCustomer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the one road', () => {
  it('is the only code that writes a booking, its events or its outbox rows', () => {
    const src = fileURLToPath(new URL('../../', import.meta.url));
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
      });
    const files = walk(src)
      .map((file) => relative(src, file))
      .filter((file) => !file.startsWith('testing/'))
      .map((file) => ({ file, text: readFileSync(join(src, file), 'utf8') }));
    const bookingWrites = /\.(insert|update|delete)\(\s*(bookings|bookingEvents)\s*\)|\b(insert\s+into|update|delete\s+from)\s+[`"']?(bookings|booking_events)\b/i;
    // The dispatcher marks outbox rows planned (`update(outbox)`): bookkeeping of delivery, not a change.
    const outboxWrites = /\.(insert|delete)\(\s*outbox\s*\)|\b(insert\s+into|delete\s+from)\s+[`"']?outbox\b/i;
    // A booking is written by the road alone. Outbox rows are written by the road (booking changes),
    // by the packages' own helper (a purchase, low credits), the accounts' (a reset or
    // verification email) and the customers' ("My bookings" link), which name no booking, and the
    // reviews' (a review, its answer), which name the review's booking — so an erasure finds them —
    // but are no change of it: no booking event, no `booking.` topic.
    expect(files.filter((f) => f.file !== 'services/bookings/road.ts' && bookingWrites.test(f.text)).map((f) => f.file)).toEqual([]);
    const helpers = ['services/packages/outbox.ts', 'services/accounts/account-events.ts', 'services/customers/access-events.ts'];
    const reviews = 'services/reviews/review-events.ts';
    const outboxWriters = ['services/bookings/road.ts', ...helpers, reviews];
    expect(files.filter((f) => !outboxWriters.includes(f.file) && outboxWrites.test(f.text)).map((f) => f.file)).toEqual([]);
    for (const helper of helpers) {
      const text = files.find((f) => f.file === helper)!.text;
      expect(text, helper).toMatch(/bookingId: null,\s*eventId: null,/);
      expect(text, helper).not.toMatch(/['`"]booking\./);
    }
    const reviewText = files.find((f) => f.file === reviews)!.text;
    expect(reviewText).toMatch(/bookingId,\s*eventId: null,/);
    expect(reviewText).not.toMatch(/['`"]booking\./);
  });

  it('books a free session: confirmed at once', async () => {
    const { booking } = await bookFree('2026-11-23T09:00:00Z');
    expect(await history(booking.id)).toEqual([step('confirmed', null, 'confirmed', 'customer')]);
  });

  it('records the meeting made for a video session (the meeting channel), keeping the status', async () => {
    await setService(t.database, t.intro.id, { locationKind: 'video' });
    const { booking } = await bookFree('2026-11-23T09:00:00Z');
    await t.app.deliveries.idle();
    expect(await history(booking.id)).toEqual([step('confirmed', null, 'confirmed', 'customer'), step('meeting_ready', 'confirmed', 'confirmed', 'system')]);
  });

  it('holds a priced session, and its payment (Stripe’s webhook) confirms it', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-23T10:00:00Z');
    t.fake.succeed(intentId);
    await t.fake.settled();
    expect(await history(booking.id)).toEqual([step('held', null, 'held', 'customer'), step('confirmed', 'held', 'confirmed', 'system')]);
  });

  it('confirms late (a named transition) a payment that lands after the hold lapsed while the time is free', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-23T10:00:00Z');
    t.setNow(NOW + 20 * 60_000);
    t.fake.succeed(intentId);
    await t.fake.settled();
    expect(await history(booking.id)).toEqual([step('held', null, 'held', 'customer'), step('confirmed', 'held', 'confirmed', 'system')]);
    const [late] = await t.database.db.select().from(outbox).where(eq(outbox.topic, 'booking.confirmed'));
    expect(late!.payload).toMatchObject({ event: { action: 'confirm_late', data: { late: true } } });
  });

  it('expires a lapsed hold from the scheduler', async () => {
    const { booking } = await t.bookPaid('2026-11-23T11:00:00Z');
    t.setNow(NOW + 20 * 60_000);
    expect(await t.app.tick()).toMatchObject({ expiredHolds: 1 });
    expect(await history(booking.id)).toEqual([step('held', null, 'held', 'customer'), step('expired', 'held', 'expired', 'system')]);
  });

  it('refunds, as an event of its own, a payment that lands after its time was taken', async () => {
    const first = await t.bookPaid('2026-11-23T11:00:00Z');
    t.setNow(NOW + 20 * 60_000);
    const second = await t.bookPaid('2026-11-23T11:00:00Z', { ...customer, email: 'faster@example.com' });
    t.fake.succeed(second.intentId);
    t.fake.succeed(first.intentId);
    await t.fake.settled();
    expect(await history(first.booking.id)).toEqual([
      step('held', null, 'held', 'customer'),
      step('expired', 'held', 'expired', 'system'),
      step('refunded', 'expired', 'expired', 'system'),
    ]);
  });

  it('expires a hold whose payment Stripe cancelled', async () => {
    const { booking, intentId } = await t.bookPaid('2026-11-23T12:00:00Z');
    t.fake.cancel(intentId);
    await t.fake.settled();
    expect(await history(booking.id)).toEqual([step('held', null, 'held', 'customer'), step('expired', 'held', 'expired', 'system')]);
  });

  it('cancels by the customer and by the specialist, each with its refund on the event', async () => {
    const mine = await bookFree('2026-11-24T09:00:00Z');
    expect((await t.json(`/v1/bookings/${mine.booking.id}/cancel`, { body: { reason: 'Ill' }, headers: asCustomer(mine.manageToken) })).status).toBe(200);
    expect(await history(mine.booking.id)).toEqual([step('confirmed', null, 'confirmed', 'customer'), step('cancelled', 'confirmed', 'cancelled', 'customer')]);

    const paid = await t.bookPaid('2026-11-24T10:00:00Z');
    t.fake.succeed(paid.intentId);
    await t.fake.settled();
    expect((await t.json(`/v1/me/bookings/${paid.booking.id}/cancel`, { body: {}, headers: t.asMe })).status).toBe(200);
    const steps = await history(paid.booking.id);
    expect(steps.at(-1)).toEqual(step('cancelled', 'confirmed', 'cancelled', 'specialist'));
    const [event] = await t.database.db.select().from(bookingEvents).where(eq(bookingEvents.type, 'cancelled')).orderBy(sql`rowid desc`).limit(1);
    expect(event!.data).toMatchObject({ refund: { amount: 9000, percent: 100 } });
  });

  it('refuses, with no event, what the state machine refuses', async () => {
    const { booking, manageToken } = await bookFree('2026-11-24T11:00:00Z');
    await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: asCustomer(manageToken) });
    const again = await t.json(`/v1/bookings/${booking.id}/cancel`, { body: {}, headers: asCustomer(manageToken) });
    expect(again.body).toMatchObject({ status: 409, code: 'booking_not_cancellable' });
    expect(await t.json(`/v1/me/bookings/${booking.id}/complete`, { body: {}, headers: t.asMe })).toMatchObject({ status: 409 });
    expect(await history(booking.id)).toHaveLength(2);
  });

  it('reschedules by the customer and by the specialist, keeping the status', async () => {
    const { booking, manageToken } = await bookFree('2026-11-25T09:00:00Z');
    expect((await t.json(`/v1/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-25T10:00:00Z' }, headers: asCustomer(manageToken) })).status).toBe(200);
    expect((await t.json(`/v1/me/bookings/${booking.id}/reschedule`, { body: { start: '2026-11-25T11:00:00Z' }, headers: t.asMe })).status).toBe(200);
    expect(await history(booking.id)).toEqual([
      step('confirmed', null, 'confirmed', 'customer'),
      step('rescheduled', 'confirmed', 'confirmed', 'customer'),
      step('rescheduled', 'confirmed', 'confirmed', 'specialist'),
    ]);
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, booking.id)).orderBy(sql`rowid`);
    expect(rows.map((r) => (r.payload as { booking: { start: string } }).booking.start)).toEqual(['2026-11-25T09:00:00Z', '2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z']);
  });

  it('completes, marks a no-show and records private notes (without their text)', async () => {
    const a = await bookFree('2026-11-23T09:00:00Z');
    const b = await bookFree('2026-11-23T09:30:00Z');
    t.setNow(Date.parse('2026-11-23T10:30:00Z'));
    expect((await t.json(`/v1/me/bookings/${a.booking.id}/complete`, { body: {}, headers: t.asMe })).status).toBe(200);
    expect((await t.json(`/v1/me/bookings/${b.booking.id}/no-show`, { body: {}, headers: t.asMe })).status).toBe(200);
    expect((await t.json(`/v1/me/bookings/${a.booking.id}/notes`, { method: 'PUT', body: { notes: 'Secret plan' }, headers: t.asMe })).status).toBe(200);
    expect(await history(a.booking.id)).toEqual([
      step('confirmed', null, 'confirmed', 'customer'),
      step('completed', 'confirmed', 'completed', 'specialist'),
      step('notes_updated', 'completed', 'completed', 'specialist'),
    ]);
    expect(await history(b.booking.id)).toEqual([step('confirmed', null, 'confirmed', 'customer'), step('no_show', 'confirmed', 'no_show', 'specialist')]);
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, a.booking.id));
    expect(JSON.stringify(rows)).not.toContain('Secret plan');
  });

  it('books with a package credit: confirmed at once, the credit named on the event', async () => {
    const pkg = await t.createPackage();
    const { creditsToken } = await t.buyAndPay(pkg.id);
    const res = await t.bookWithCredit('2026-11-26T09:00:00Z', creditsToken);
    expect(res.status).toBe(201);
    expect(await history(res.body.booking.id)).toEqual([step('confirmed', null, 'confirmed', 'customer')]);
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.bookingId, res.body.booking.id));
    expect(row!.payload).toMatchObject({ event: { action: 'book', data: { credit: { packagePurchase: expect.any(String) } } }, booking: { paidWithCredit: true, price: 0 } });
  });

  it('leaves the package’s own events (purchased, low credits) beside the road: no booking, no booking event', async () => {
    const pkg = await t.createPackage({ sessionCount: 2 });
    const { purchase, creditsToken } = await t.buyAndPay(pkg.id);
    const res = await t.bookWithCredit('2026-11-26T09:00:00Z', creditsToken);
    expect(res.status).toBe(201);
    expect(await history(res.body.booking.id)).toEqual([step('confirmed', null, 'confirmed', 'customer')]);
    const rows = await t.database.db.select().from(outbox).orderBy(sql`rowid`);
    const others = rows.filter((r) => !r.topic.startsWith('booking.'));
    expect(others.map((r) => r.topic)).toEqual(['package.purchased', 'credits.low']);
    for (const r of others) expect(r).toMatchObject({ bookingId: null, eventId: null, purchaseId: purchase.id });
    for (const r of rows.filter((x) => x.topic.startsWith('booking.'))) expect(r.bookingId && r.eventId).toBeTruthy();
  });
});
