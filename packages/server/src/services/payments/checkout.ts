import type { PaymentSession } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-env.js';
import type { Tx } from '../../db/client.js';
import { bookings, payments, type BookingRow, type PaymentRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { platformFee } from '../../domain/money.js';
import { ProblemError } from '../../http/problem.js';
import { newId } from '../../http/tokens.js';
import { recordEvent } from '../booking-events.js';
import { platformFeeBps } from '../platform-settings.js';
import { bumpAvailability } from '../rules.js';

/** Priced sessions need a connected account that can take charges: the money goes to it. */
export function assertCanCharge(specialist: SpecialistRow): string {
  if (!specialist.stripeAccountId || !specialist.stripeChargesEnabled) {
    throw new ProblemError('stripe_account_required', `${specialist.name} cannot take paid bookings yet: their payment account is not set up.`);
  }
  return specialist.stripeAccountId;
}

/**
 * The payment row of a new held booking, written in the booking's own transaction: the fee is
 * fixed now, from the platform's basis points, in integer minor units rounded half-up.
 */
export async function insertPayment(tx: Tx, booking: BookingRow, specialist: SpecialistRow, mode: PaymentRow['mode'], now: number): Promise<PaymentRow> {
  const destination = assertCanCharge(specialist);
  const bps = await platformFeeBps(tx);
  const fee = platformFee(booking.price, bps);
  const [row] = await tx
    .insert(payments)
    .values({
      id: newId('pay'),
      specialistId: specialist.id,
      bookingId: booking.id,
      mode,
      status: 'requires_payment',
      amount: booking.price,
      feeAmount: fee,
      feeBps: bps,
      specialistShare: booking.price - fee,
      currency: booking.currency,
      customerEmail: booking.customerEmail,
      destinationAccount: destination,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Creates the provider's PaymentIntent for `payment` — after the booking's transaction, since it
 * is I/O — with an idempotency key derived from the booking, the booking's ids in its metadata
 * and the customer's email for the receipt. If the provider fails, the hold is released at once.
 */
export async function openPaymentIntent(deps: AppDeps, booking: BookingRow, payment: PaymentRow, serviceName: string, now: number): Promise<PaymentSession> {
  try {
    const intent = await deps.payments.createPaymentIntent({
      amount: payment.amount,
      currency: payment.currency,
      customerEmail: payment.customerEmail,
      description: `${serviceName} on ${isoInstant(booking.startAt)}`,
      metadata: { booking_id: booking.id, payment_id: payment.id, specialist_id: booking.specialistId },
      applicationFeeAmount: payment.feeAmount,
      destinationAccount: payment.destinationAccount!,
      idempotencyKey: `booking-${booking.id}-payment`,
    });
    await deps.database.write((tx) => tx.update(payments).set({ providerPaymentId: intent.id, updatedAt: now }).where(eq(payments.id, payment.id)));
    return {
      id: payment.id,
      mode: deps.payments.mode,
      publishableKey: deps.payments.publishableKey,
      clientSecret: intent.clientSecret,
      amount: payment.amount,
      currency: payment.currency,
      holdExpiresAt: isoInstant(booking.holdExpiresAt!),
    };
  } catch (error) {
    await deps.database.write(async (tx) => {
      await tx.update(payments).set({ status: 'canceled', lastError: String(error), updatedAt: now }).where(eq(payments.id, payment.id));
      await tx.update(bookings).set({ status: 'cancelled', cancelledAt: now, cancelledBy: 'system', cancellationReason: 'The payment could not be started.' }).where(eq(bookings.id, booking.id));
      await recordEvent(tx, booking, { type: 'cancelled', actor: 'system', from: 'held', to: 'cancelled', reason: 'The payment could not be started.' }, now);
      await bumpAvailability(tx, booking.specialistId);
    });
    deps.logError(error);
    throw new ProblemError('payment_provider_error', 'The payment could not be started; nothing was booked. Please try again in a moment.');
  }
}
