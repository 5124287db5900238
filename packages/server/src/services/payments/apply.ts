import { and, eq, type SQL } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { bookings, payments } from '../../db/schema.js';
import type { ProviderPaymentIntent } from './port.js';
import { availabilityVersion, versionStill } from '../availability/version.js';
import { changeBookingQueries, type BookingChange } from '../bookings/road.js';
import { isFree } from '../bookings/slot-check.js';
import { booksStill, readBooks, setPayment, type Books } from './books.js';
import { cancelIn, grantIn, queueRefundIn } from './money-steps.js';

/** What applying an intent writes: the statements and the guard's condition for one batch. */
export interface IntentChange {
  books: Books;
  /** True while everything the change was computed from is as read. */
  still: SQL;
  /** A refund was queued: call `issueDueRefunds` once the batch is written. */
  refundQueued: boolean;
}

/**
 * Applies what the provider says of a payment, whatever order its events arrive in: the intent
 * passed in is its current state (read from the provider), and every step only moves forward.
 * A success confirms a live hold (`confirm`); one that arrives after the hold lapsed confirms only
 * if the time is still free (`confirm_late`) — otherwise the whole amount is refunded (`refund`)
 * and the customer told through the outbox. A package purchase's success grants its credits,
 * once; its cancellation cancels the purchase. Every booking change takes the one road.
 *
 * Computed from a snapshot — the specialist's availability version FIRST, then the payment's books
 * (`books.ts`) and the booking — as the statements of ONE guarded batch (`db/batch.ts`), not run:
 * the caller adds its own (the webhook's event row) and sends them behind `still`, which holds
 * while the payment, its refunds and purchase, the booking (status, time, moves) and — where the
 * slot was looked at — the availability version are as read. So a payment racing the hold's expiry
 * ends in exactly one outcome: whichever commits second is refused and recomputed from what the
 * first wrote. @returns undefined when the payment is not there.
 */
export async function applyIntentQueries(db: Drizzle, paymentId: string, intent: ProviderPaymentIntent, now: number): Promise<IntentChange | undefined> {
  const [head] = await db.select({ specialistId: payments.specialistId, bookingId: payments.bookingId }).from(payments).where(eq(payments.id, paymentId));
  const version = head?.bookingId ? await availabilityVersion(db, head.specialistId) : -1;
  const books = await readBooks(db, paymentId);
  if (!books) return undefined;
  const { payment } = books;
  const [booking] = payment.bookingId ? await db.select().from(bookings).where(eq(bookings.id, payment.bookingId)) : [];
  const guards: (SQL | undefined)[] = [booksStill(books)];
  let refundQueued = false;
  const done = () => ({ books, still: and(...guards)!, refundQueued });
  /** A change of the booking as it is in the snapshot (its `still` guarded) or as an earlier change left it. */
  const change = (row: NonNullable<typeof booking>, what: BookingChange, guarded: boolean) => {
    const next = changeBookingQueries(db, row, what, now);
    books.queries.push(...next.queries);
    if (guarded) guards.push(next.still);
    return next.row;
  };

  if (intent.status === 'succeeded') {
    if (payment.status === 'succeeded') return done();
    setPayment(books, { status: 'succeeded', succeededAt: now, lastError: null, updatedAt: now });
    // Money taken for a package always grants it, even if the purchase was given up meanwhile.
    grantIn(books, now);
    if (!booking || booking.status === 'confirmed' || booking.status === 'completed' || booking.status === 'no_show') return done();
    const live = booking.status === 'held' && (booking.holdExpiresAt ?? 0) > now;
    if (live) {
      change(booking, { action: 'confirm', actor: 'system', reason: 'Payment received.', set: { holdExpiresAt: null } }, true);
      return done();
    }
    // The slot is looked at: its answer holds only while the calendar's version does.
    guards.push(versionStill(booking.specialistId, version));
    if ((booking.status === 'held' || booking.status === 'expired') && (await isFree(db as unknown as Tx, booking, now))) {
      change(booking, { action: 'confirm_late', actor: 'system', reason: 'Payment arrived after the hold lapsed; the time was still free.', set: { holdExpiresAt: null }, data: { late: true } }, true);
      return done();
    }
    // Too late: the time went to someone else (or the customer cancelled meanwhile).
    const lapsed = booking.status === 'held' ? change(booking, { action: 'expire', actor: 'system', reason: 'The hold lapsed before payment.' }, true) : booking;
    const refund = queueRefundIn(books, payment.amount, 'late_payment', now);
    refundQueued = refund !== undefined;
    const data = { amount: refund?.amount ?? 0, currency: payment.currency, cause: 'late_payment' };
    change(lapsed, { action: 'refund', actor: 'system', reason: 'Paid after the time was taken: refunded in full.', data }, lapsed === booking);
    return done();
  }

  if (payment.status === 'succeeded' || payment.status === 'canceled') return done(); // never backwards
  if (intent.status === 'canceled') {
    setPayment(books, { status: 'canceled', updatedAt: now });
    cancelIn(books);
    if (booking?.status === 'held') change(booking, { action: 'expire', actor: 'system', reason: 'The payment was cancelled.' }, true);
  } else if (intent.lastPaymentError) {
    // A declined attempt: the hold stays, so the customer can try another card until it lapses.
    setPayment(books, { status: 'failed', lastError: intent.lastPaymentError, updatedAt: now });
  }
  return done();
}
