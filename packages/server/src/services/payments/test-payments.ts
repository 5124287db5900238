import type { Booking, CreditBalance } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { payments, type PaymentRow } from '../../db/schema.js';
import { bookingForToken, retrieveBooking } from '../bookings/customer.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken } from '../ids.js';
import { creditBalance } from '../packages/balance.js';
import { purchaseByToken } from '../packages/credits.js';
import { applyNow, syncBookingPayment } from './intents.js';
import { PaymentsError } from './payments-error.js';
import type { TestPaymentControls } from './port.js';
import { t } from '../messages/index.js';

export type TestOutcome = 'succeed' | 'decline';

function controls(deps: ServiceDeps): TestPaymentControls {
  const test = deps.payments.testControls;
  if (!test) throw new ServiceError('not_found', t('not_found.test_payments'));
  return test;
}

async function paymentByIntent(deps: ServiceDeps, intentId: string): Promise<PaymentRow | undefined> {
  const [payment] = await deps.database.db.select().from(payments).where(eq(payments.providerPaymentId, intentId));
  return payment;
}

/** The customer's attempt at the simulated form: a decline is an outcome the payment records, not a failure. */
async function attempt(test: TestPaymentControls, intentId: string, outcome: TestOutcome): Promise<void> {
  try {
    await test.confirm(intentId, outcome);
  } catch (error) {
    // Stripe answers a declined card with 402; anything else is a real failure.
    if (!(outcome === 'decline' && error instanceof PaymentsError && error.status === 402)) throw error;
  }
  await test.settled(); // its signed events have reached the webhook endpoint
}

/**
 * The booking's own customer (proved by the manage token) pays — or has the card declined — in
 * the offline test-payments mode; the server then reads the payment back, as it does after
 * Stripe.js, and answers the booking as it is now.
 */
export async function payBookingInTestMode(deps: ServiceDeps, intentId: string, manageToken: string | undefined, outcome: TestOutcome): Promise<Booking> {
  const test = controls(deps);
  if (!manageToken) throw new ServiceError('manage_token_required', t('manage_token_required.bearer'));
  const payment = await paymentByIntent(deps, intentId);
  const none = () => new ServiceError('payment_not_found', t('payment_not_found.test', { id: intentId }));
  if (!payment?.bookingId) throw none();
  // Only the booking's own customer may pay it, even in test mode; another token is answered as
  // no such payment, naming no booking.
  await bookingForToken(deps, payment.bookingId, manageToken).catch((error: unknown) => {
    throw error instanceof ServiceError && error.code === 'booking_not_found' ? none() : error;
  });
  await attempt(test, intentId, outcome);
  await syncBookingPayment(deps, payment.bookingId);
  return retrieveBooking(deps, payment.bookingId, manageToken);
}

/** The same for a package purchase, proved by its credits token; answers the credits it now gives. */
export async function payPurchaseInTestMode(deps: ServiceDeps, intentId: string, creditsToken: string | undefined, outcome: TestOutcome): Promise<CreditBalance> {
  const test = controls(deps);
  if (!creditsToken) throw new ServiceError('credits_token_required', t('credits_token_required.bearer'));
  const tokenHash = await hashToken(creditsToken);
  const purchase = await purchaseByToken(deps.database.db, tokenHash);
  const payment = await paymentByIntent(deps, intentId);
  if (!payment || payment.packagePurchaseId !== purchase.id) throw new ServiceError('payment_not_found', t('payment_not_found.test_purchase', { id: intentId }));
  await attempt(test, intentId, outcome);
  await applyNow(deps, payment, await deps.payments.retrievePaymentIntent(intentId), deps.clock());
  return creditBalance(deps, tokenHash);
}
