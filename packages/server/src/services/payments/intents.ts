import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceDeps } from '../deps.js';
import { bookings, payments, type PaymentRow } from '../../db/schema.js';
import { ServiceError, writeContention } from '../errors.js';
import { PaymentsError } from './payments-error.js';
import type { ProviderPaymentIntent } from './port.js';
import { applyIntentQueries } from './apply.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { issueDueRefunds } from './refunds.js';
import { t } from '../messages/index.js';

/**
 * Applies `intent` to `payment` as one guarded batch (`applyIntentQueries`), from a fresh snapshot
 * on every try, then issues any refund it queued. Tries queue behind the specialist's other
 * changes in this process (the lane booking creation uses).
 */
export async function applyNow(deps: ServiceDeps, payment: PaymentRow, intent: ProviderPaymentIntent, now: number): Promise<void> {
  const { database } = deps;
  const refundQueued = await optimistic(
    database,
    payment.specialistId,
    async () => {
      const change = await applyIntentQueries(database.db, payment.id, intent, now);
      if (!change || change.books.queries.length === 0) return false;
      return (await guardedBatch(database, change.still, change.books.queries)) ? change.refundQueued : RETRY;
    },
    writeContention,
  );
  if (refundQueued) await issueDueRefunds(deps, now, payment.id);
}

/**
 * Reads the booking's payment from the provider and applies it: a browser that says "paid" makes
 * the server look, and only what the provider answers counts.
 */
export async function syncBookingPayment(deps: ServiceDeps, bookingId: string): Promise<void> {
  const now = deps.clock();
  const [payment] = await deps.database.db.select().from(payments).where(eq(payments.bookingId, bookingId)).orderBy(payments.createdAt);
  if (!payment?.providerPaymentId) throw new ServiceError('payment_not_found', t('payment_not_found.booking'));
  let intent: ProviderPaymentIntent;
  try {
    intent = await deps.payments.retrievePaymentIntent(payment.providerPaymentId);
  } catch (error) {
    deps.logError(error);
    throw new ServiceError('payment_provider_error', t('payment_provider_error.unreachable'));
  }
  await applyNow(deps, payment, intent, now);
}

/**
 * Cancels, at the provider, the unpaid intents of bookings that no longer wait for them (the hold
 * lapsed or was cancelled), so a customer cannot pay for a time they no longer hold. An intent
 * that succeeded meanwhile is applied as a (late) success instead.
 */
export async function cancelAbandonedIntents(deps: ServiceDeps, now: number, bookingId?: string): Promise<number> {
  const rows = await deps.database.db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(and(inArray(payments.status, ['requires_payment', 'failed']), inArray(bookings.status, ['expired', 'cancelled']), bookingId ? eq(bookings.id, bookingId) : undefined));
  let cancelled = 0;
  for (const { payment } of rows) {
    if (!payment.providerPaymentId) continue;
    try {
      const intent = await deps.payments.cancelPaymentIntent(payment.providerPaymentId, `cancel-${payment.id}`, 'abandoned');
      await applyNow(deps, payment, intent, now);
      cancelled++;
    } catch (error) {
      if (error instanceof PaymentsError && error.code === 'payment_intent_unexpected_state' && error.paymentIntent) {
        await applyNow(deps, payment, error.paymentIntent, now);
      } else {
        deps.logError(error); // tried again at the next tick
      }
    }
  }
  return cancelled;
}
