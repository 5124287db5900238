import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { bookings, outbox, payments, type BookingRow, type PaymentRow } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import { newId } from '../../http/tokens.js';
import type { ProviderPaymentIntent } from '../../providers/payments/index.js';
import { recordEvent } from '../booking-events.js';
import { cancelPurchase, grantPurchase } from '../packages/credits.js';
import { bumpAvailability, bookedTime } from '../rules.js';
import { queueRefund } from './refunds.js';

export interface Applied {
  /** A refund was queued: call `issueDueRefunds` after the transaction commits. */
  refundQueued: boolean;
}

/** Is the booking's time (with its buffers) still free of every other active booking? */
async function stillFree(tx: Tx, booking: BookingRow, now: number): Promise<boolean> {
  const from = booking.startAt - booking.bufferBefore * MINUTE_MS;
  const to = booking.endAt + booking.bufferAfter * MINUTE_MS;
  const busy = await bookedTime(tx, booking.specialistId, booking.startAt, booking.endAt, now, booking.id);
  return !busy.some((b) => b.start < to && b.end > from);
}

/**
 * Applies what the provider says of a payment, whatever order its events arrive in: the intent
 * passed in is its current state (read from the provider), and every step only moves forward.
 * A success confirms a live hold; one that arrives after the hold lapsed confirms only if the
 * time is still free — otherwise the whole amount is refunded and the customer told. A package
 * purchase's success grants its credits, once; its cancellation cancels the purchase. Runs in
 * the caller's transaction (the one that records the webhook event), so effects happen once.
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
    if (live || ((booking.status === 'held' || booking.status === 'expired') && (await stillFree(tx, booking, now)))) {
      await tx.update(bookings).set({ status: 'confirmed', holdExpiresAt: null }).where(eq(bookings.id, booking.id));
      await recordEvent(tx, booking, { type: 'confirmed', actor: 'system', from: booking.status, to: 'confirmed', reason: live ? 'Payment received.' : 'Payment arrived after the hold lapsed; the time was still free.' }, now);
      await bumpAvailability(tx, booking.specialistId);
      return applied;
    }
    // Too late: the time went to someone else (or the customer cancelled meanwhile).
    if (booking.status === 'held') {
      await tx.update(bookings).set({ status: 'expired' }).where(eq(bookings.id, booking.id));
      await recordEvent(tx, booking, { type: 'expired', actor: 'system', from: 'held', to: 'expired', reason: 'The hold lapsed before payment.' }, now);
      await bumpAvailability(tx, booking.specialistId);
    }
    const [current] = await tx.select().from(payments).where(eq(payments.id, payment.id));
    applied.refundQueued = (await queueRefund(tx, current!, payment.amount, 'late_payment', now)) !== undefined;
    await recordEvent(tx, booking, { type: 'refunded', actor: 'system', reason: 'Paid after the time was taken: refunded in full.', data: { amount: payment.amount } }, now);
    await tx.insert(outbox).values({
      id: newId('msg'),
      recipient: booking.customerEmail,
      template: 'late_payment_refunded',
      data: { bookingId: booking.id, amount: payment.amount, currency: payment.currency, start: booking.startAt },
      bookingId: booking.id,
      createdAt: now,
    });
    return applied;
  }

  if (payment.status === 'succeeded' || payment.status === 'canceled') return applied; // never backwards
  if (intent.status === 'canceled') {
    await tx.update(payments).set({ status: 'canceled', updatedAt: now }).where(eq(payments.id, payment.id));
    if (payment.packagePurchaseId) await cancelPurchase(tx, payment.packagePurchaseId);
    if (booking?.status === 'held') {
      await tx.update(bookings).set({ status: 'expired' }).where(and(eq(bookings.id, booking.id), eq(bookings.status, 'held')));
      await recordEvent(tx, booking, { type: 'expired', actor: 'system', from: 'held', to: 'expired', reason: 'The payment was cancelled.' }, now);
      await bumpAvailability(tx, booking.specialistId);
    }
  } else if (intent.lastPaymentError) {
    // A declined attempt: the hold stays, so the customer can try another card until it lapses.
    await tx.update(payments).set({ status: 'failed', lastError: intent.lastPaymentError, updatedAt: now }).where(eq(payments.id, payment.id));
  }
  return applied;
}
