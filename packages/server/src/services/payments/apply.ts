import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { bookings, payments, type PaymentRow } from '../../db/schema.js';
import type { ProviderPaymentIntent } from './port.js';
import { changeBooking } from '../bookings/road.js';
import { isFree } from '../bookings/slot-check.js';
import { cancelPurchase, grantPurchase } from '../packages/credits.js';
import { queueRefund } from './refunds.js';

export interface Applied {
  /** A refund was queued: call `issueDueRefunds` after the transaction commits. */
  refundQueued: boolean;
}

/**
 * Applies what the provider says of a payment, whatever order its events arrive in: the intent
 * passed in is its current state (read from the provider), and every step only moves forward.
 * A success confirms a live hold (`confirm`); one that arrives after the hold lapsed confirms only
 * if the time is still free (`confirm_late`) — otherwise the whole amount is refunded (`refund`)
 * and the customer told through the outbox. A package purchase's success grants its credits,
 * once; its cancellation cancels the purchase. Runs in the caller's transaction (the one that
 * records the webhook event), so effects happen once; every booking change takes the one road.
 */
export async function applyIntent(tx: Tx, payment: PaymentRow, intent: ProviderPaymentIntent, now: number): Promise<Applied> {
  const applied: Applied = { refundQueued: false };
  const [booking] = payment.bookingId ? await tx.select().from(bookings).where(eq(bookings.id, payment.bookingId)) : [];

  if (intent.status === 'succeeded') {
    if (payment.status === 'succeeded') return applied;
    await tx.update(payments).set({ status: 'succeeded', succeededAt: now, lastError: null, updatedAt: now }).where(eq(payments.id, payment.id));
    // Money taken for a package always grants it, even if the purchase was given up meanwhile.
    if (payment.packagePurchaseId) await grantPurchase(tx, payment.packagePurchaseId, now);
    if (!booking || booking.status === 'confirmed' || booking.status === 'completed' || booking.status === 'no_show') return applied;
    const live = booking.status === 'held' && (booking.holdExpiresAt ?? 0) > now;
    if (live) {
      await changeBooking(tx, booking, { action: 'confirm', actor: 'system', reason: 'Payment received.', set: { holdExpiresAt: null } }, now);
      return applied;
    }
    if ((booking.status === 'held' || booking.status === 'expired') && (await isFree(tx, booking, now))) {
      await changeBooking(tx, booking, { action: 'confirm_late', actor: 'system', reason: 'Payment arrived after the hold lapsed; the time was still free.', set: { holdExpiresAt: null }, data: { late: true } }, now);
      return applied;
    }
    // Too late: the time went to someone else (or the customer cancelled meanwhile).
    const lapsed = booking.status === 'held' ? await changeBooking(tx, booking, { action: 'expire', actor: 'system', reason: 'The hold lapsed before payment.' }, now) : booking;
    const [current] = await tx.select().from(payments).where(eq(payments.id, payment.id));
    const refund = await queueRefund(tx, current!, payment.amount, 'late_payment', now);
    applied.refundQueued = refund !== undefined;
    await changeBooking(
      tx,
      lapsed,
      { action: 'refund', actor: 'system', reason: 'Paid after the time was taken: refunded in full.', data: { amount: refund?.amount ?? 0, currency: payment.currency, cause: 'late_payment' } },
      now,
    );
    return applied;
  }

  if (payment.status === 'succeeded' || payment.status === 'canceled') return applied; // never backwards
  if (intent.status === 'canceled') {
    await tx.update(payments).set({ status: 'canceled', updatedAt: now }).where(eq(payments.id, payment.id));
    if (payment.packagePurchaseId) await cancelPurchase(tx, payment.packagePurchaseId);
    if (booking?.status === 'held') await changeBooking(tx, booking, { action: 'expire', actor: 'system', reason: 'The payment was cancelled.' }, now);
  } else if (intent.lastPaymentError) {
    // A declined attempt: the hold stays, so the customer can try another card until it lapses.
    await tx.update(payments).set({ status: 'failed', lastError: intent.lastPaymentError, updatedAt: now }).where(eq(payments.id, payment.id));
  }
  return applied;
}
