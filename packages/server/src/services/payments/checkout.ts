import { payments, type PaymentRow, type SpecialistRow } from '../../db/schema.js';
import { platformFee } from '../../domain/money.js';
import type { ProviderPaymentIntent } from './port.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { PaymentsError } from './payments-error.js';
import { platformFeeBps } from '../platform-settings.js';
import { t, type Message } from '../messages/index.js';

type Reader = Parameters<typeof platformFeeBps>[0];

/** Priced sessions need a connected account that can take charges: the money goes to it. */
export function assertCanCharge(specialist: SpecialistRow): string {
  if (!specialist.stripeAccountId || !specialist.stripeChargesEnabled) {
    throw new ServiceError('stripe_account_required', t('stripe_account_required.bookings', { name: specialist.name }));
  }
  return specialist.stripeAccountId;
}

/** What one charge will be: fixed before the provider is asked, and checked again when it is written. */
export interface Charge {
  amount: number;
  currency: string;
  /** The platform's fee (application_fee_amount), from `feeBps`, in minor units rounded half-up. */
  fee: number;
  feeBps: number;
  /** The specialist's connected account, which receives amount − fee. */
  destination: string;
  customerEmail: string;
}

/** The charge for `amount` paid to `specialist`, at the platform's current fee. */
export async function chargeFor(db: Reader, specialist: SpecialistRow, amount: number, currency: string, customerEmail: string): Promise<Charge> {
  return chargeAt(specialist, amount, currency, customerEmail, await platformFeeBps(db));
}

/** `chargeFor` at a fee already read (`feeBps`). */
export function chargeAt(specialist: SpecialistRow, amount: number, currency: string, customerEmail: string, feeBps: number): Charge {
  const destination = assertCanCharge(specialist);
  return { amount, currency, fee: platformFee(amount, feeBps), feeBps, destination, customerEmail };
}

/** Whether two charges are for the same money to the same place (the second read in the write). */
export const sameCharge = (a: Charge, b: Charge) =>
  a.amount === b.amount && a.currency === b.currency && a.fee === b.fee && a.destination === b.destination;

/** How the provider's intent is asked for: its idempotency key and what the specialist sees on it. */
export interface IntentRequest {
  /** `booking-<id>` or `package-purchase-<id>`: the idempotency key is `<key>-payment`. */
  key: string;
  paymentId: string;
  specialistId: string;
  description: string;
  /** The ids of what is paid for; `payment_id` and `specialist_id` are added. */
  metadata: Record<string, string>;
}

/**
 * Pays for something in the order that never leaves half a purchase behind: the provider's
 * PaymentIntent first (outside any write: it is I/O), then `write` — which re-checks everything
 * and stores the thing bought with its payment row, as one guarded batch (`db/batch.ts`). If the
 * provider fails, nothing is stored and the answer says so; if `write` throws (the time was taken
 * meanwhile), the intent, which nobody can pay without the secret never handed out, is cancelled
 * and the error rethrown.
 */
export async function payThen<T>(
  deps: ServiceDeps,
  charge: Charge,
  request: IntentRequest,
  write: (intent: ProviderPaymentIntent) => Promise<T>,
): Promise<{ result: T; intent: ProviderPaymentIntent }> {
  let intent: ProviderPaymentIntent;
  try {
    intent = await deps.payments.createPaymentIntent({
      amount: charge.amount,
      currency: charge.currency,
      customerEmail: charge.customerEmail,
      description: request.description,
      metadata: { ...request.metadata, payment_id: request.paymentId, specialist_id: request.specialistId },
      applicationFeeAmount: charge.fee,
      destinationAccount: charge.destination,
      idempotencyKey: `${request.key}-payment`,
    });
  } catch (error) {
    throw providerFailure(deps, error, t('payment_provider_error.start'));
  }
  try {
    return { result: await write(intent), intent };
  } catch (error) {
    await deps.payments.cancelPaymentIntent(intent.id, `cancel-${request.paymentId}`, 'abandoned').catch((cancelError: unknown) => deps.logError(cancelError));
    throw error;
  }
}

/** The payment row of what is bought, with the provider's intent id, for the batch that stores it. */
export function paymentValues(
  charge: Charge,
  row: { id: string; specialistId: string; intentId: string; mode: PaymentRow['mode']; bookingId?: string; packagePurchaseId?: string },
  now: number,
): typeof payments.$inferInsert {
  return {
    id: row.id,
    specialistId: row.specialistId,
    bookingId: row.bookingId ?? null,
    packagePurchaseId: row.packagePurchaseId ?? null,
    providerPaymentId: row.intentId,
    mode: row.mode,
    status: 'requires_payment',
    amount: charge.amount,
    feeAmount: charge.fee,
    feeBps: charge.feeBps,
    specialistShare: charge.amount - charge.fee,
    currency: charge.currency,
    customerEmail: charge.customerEmail,
    destinationAccount: charge.destination,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A provider failure as the caller should read it: `payments_not_configured` on a server without
 * a payment provider, otherwise `payment_provider_error` with `detail` (and the cause logged).
 */
export function providerFailure(deps: Pick<ServiceDeps, 'logError'>, error: unknown, detail: Message): ServiceError {
  if (error instanceof PaymentsError && error.code === 'not_configured') {
    return new ServiceError('payments_not_configured', t('payments_not_configured', { reason: error.message }));
  }
  deps.logError(error);
  return new ServiceError('payment_provider_error', detail, { cause: error });
}

/** The price moved between the quote and the write (an edit that raced the checkout). */
export const priceChanged = () => new ServiceError('price_changed', t('price_changed'));
