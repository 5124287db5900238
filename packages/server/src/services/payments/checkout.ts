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

/** What a payment is for: a held booking, or a package purchase. */
export interface PaymentFor {
  specialist: SpecialistRow;
  amount: number;
  currency: string;
  customerEmail: string;
  bookingId?: string;
  packagePurchaseId?: string;
}

/**
 * The payment row of a new held booking or package purchase, written in that one's own
 * transaction: the fee is fixed now, from the platform's basis points, in integer minor units
 * rounded half-up, and the charge goes to the specialist's connected account.
 */
export async function insertPayment(tx: Tx, subject: PaymentFor, mode: PaymentRow['mode'], now: number): Promise<PaymentRow> {
  const destination = assertCanCharge(subject.specialist);
  const bps = await platformFeeBps(tx);
  const fee = platformFee(subject.amount, bps);
  const [row] = await tx
    .insert(payments)
    .values({
      id: newId('pay'),
      specialistId: subject.specialist.id,
      bookingId: subject.bookingId ?? null,
      packagePurchaseId: subject.packagePurchaseId ?? null,
      mode,
      status: 'requires_payment',
      amount: subject.amount,
      feeAmount: fee,
      feeBps: bps,
      specialistShare: subject.amount - fee,
      currency: subject.currency,
      customerEmail: subject.customerEmail,
      destinationAccount: destination,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/** How to open the provider's intent for one payment. */
export interface IntentSubject {
  /** `booking-<id>` or `package-purchase-<id>`: the idempotency key is `<key>-payment`. */
  key: string;
  description: string;
  /** The ids of what is paid for; `payment_id` and `specialist_id` are added. */
  metadata: Record<string, string>;
  /** Undoes what the payment was for, in the transaction that cancels it, when the provider cannot start it. */
  release: (tx: Tx, now: number) => Promise<void>;
}

/**
 * Creates the provider's PaymentIntent for `payment` — after the transaction that wrote it, since
 * it is I/O — with an idempotency key derived from what is paid for, its ids in the metadata and
 * the customer's email for the receipt. If the provider fails, the payment is cancelled and
 * `subject.release` undoes the rest (a hold is released at once).
 */
export async function openPaymentIntent(deps: AppDeps, payment: PaymentRow, subject: IntentSubject, now: number): Promise<{ clientSecret: string }> {
  try {
    const intent = await deps.payments.createPaymentIntent({
      amount: payment.amount,
      currency: payment.currency,
      customerEmail: payment.customerEmail,
      description: subject.description,
      metadata: { ...subject.metadata, payment_id: payment.id, specialist_id: payment.specialistId },
      applicationFeeAmount: payment.feeAmount,
      destinationAccount: payment.destinationAccount!,
      idempotencyKey: `${subject.key}-payment`,
    });
    await deps.database.write((tx) => tx.update(payments).set({ providerPaymentId: intent.id, updatedAt: now }).where(eq(payments.id, payment.id)));
    return { clientSecret: intent.clientSecret };
  } catch (error) {
    await deps.database.write(async (tx) => {
      await tx.update(payments).set({ status: 'canceled', lastError: String(error), updatedAt: now }).where(eq(payments.id, payment.id));
      await subject.release(tx, now);
    });
    deps.logError(error);
    throw new ProblemError('payment_provider_error', 'The payment could not be started; nothing was bought or booked. Please try again in a moment.');
  }
}

/** The payment session of a held booking: its intent, and until when the time is held. */
export async function openBookingPayment(deps: AppDeps, booking: BookingRow, payment: PaymentRow, serviceName: string, now: number): Promise<PaymentSession> {
  const { clientSecret } = await openPaymentIntent(
    deps,
    payment,
    {
      key: `booking-${booking.id}`,
      description: `${serviceName} on ${isoInstant(booking.startAt)}`,
      metadata: { booking_id: booking.id },
      release: async (tx, at) => {
        await tx.update(bookings).set({ status: 'cancelled', cancelledAt: at, cancelledBy: 'system', cancellationReason: 'The payment could not be started.' }).where(eq(bookings.id, booking.id));
        await recordEvent(tx, booking, { type: 'cancelled', actor: 'system', from: 'held', to: 'cancelled', reason: 'The payment could not be started.' }, at);
        await bumpAvailability(tx, booking.specialistId);
      },
    },
    now,
  );
  return {
    id: payment.id,
    mode: deps.payments.mode,
    publishableKey: deps.payments.publishableKey,
    clientSecret,
    amount: payment.amount,
    currency: payment.currency,
    holdExpiresAt: isoInstant(booking.holdExpiresAt!),
  };
}
