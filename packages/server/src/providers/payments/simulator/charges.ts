import { docUrl } from './api-error.js';
import { newId } from './ids.js';
import type { ChargeObject, LastPaymentError, PaymentIntentObject } from './objects.js';
import type { SimContext } from './state.js';

export interface Decline {
  code: string;
  declineCode?: string;
  message: string;
}

/**
 * Stripe's test PaymentMethods (https://docs.stripe.com/testing#cards), the ones the fake
 * Stripe.js and the controls use. Any other `pm_…` is unknown to the simulator.
 */
export const TEST_PAYMENT_METHODS: Record<string, { last4: string; decline?: Decline }> = {
  pm_card_visa: { last4: '4242' },
  pm_card_mastercard: { last4: '4444' },
  pm_card_chargeDeclined: {
    last4: '0002',
    decline: { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    last4: '9995',
    decline: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
  pm_card_chargeDeclinedExpiredCard: { last4: '0069', decline: { code: 'expired_card', message: 'Your card has expired.' } },
};

/**
 * Creates the charge of one payment attempt. A successful destination charge also creates its
 * transfer to the connected account (the whole amount) and the application fee the platform
 * keeps, as Stripe does for `transfer_data[destination]` + `application_fee_amount`.
 */
export function createCharge(ctx: SimContext, pi: PaymentIntentObject, paymentMethod: string, decline?: Decline): ChargeObject {
  const id = newId('ch');
  const destination = pi.transfer_data?.destination ?? null;
  let transfer: string | null = null;
  let applicationFee: string | null = null;
  if (!decline && destination) {
    transfer = newId('tr');
    ctx.state.transfers.set(transfer, { id: transfer, amount: pi.amount, amount_reversed: 0, destination, source_transaction: id });
    if (pi.application_fee_amount !== null) {
      applicationFee = newId('fee');
      ctx.state.applicationFees.set(applicationFee, {
        id: applicationFee,
        account: destination,
        amount: pi.application_fee_amount,
        amount_refunded: 0,
        charge: id,
      });
    }
  }
  const charge: ChargeObject = {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: decline ? 0 : pi.amount,
    amount_refunded: 0,
    application_fee: applicationFee,
    application_fee_amount: pi.application_fee_amount,
    balance_transaction: decline ? null : newId('txn'),
    billing_details: { address: null, email: null, name: null, phone: null },
    captured: !decline,
    created: ctx.now(),
    currency: pi.currency,
    description: pi.description,
    destination,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    livemode: false,
    metadata: { ...pi.metadata },
    outcome: decline
      ? { network_status: 'declined_by_network', reason: decline.declineCode ?? decline.code, risk_level: 'normal', seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' }
      : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' },
    paid: !decline,
    payment_intent: pi.id,
    payment_method: paymentMethod,
    payment_method_details: {
      card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2034, funding: 'credit', last4: TEST_PAYMENT_METHODS[paymentMethod]?.last4 ?? '4242' },
      type: 'card',
    },
    receipt_email: pi.receipt_email,
    refunded: false,
    status: decline ? 'failed' : 'succeeded',
    transfer,
    transfer_data: destination ? { amount: null, destination } : null,
    transfer_group: pi.transfer_group,
  };
  ctx.state.charges.set(id, charge);
  return charge;
}

export function lastPaymentError(charge: ChargeObject, decline: Decline): LastPaymentError {
  return {
    type: 'card_error',
    code: decline.code,
    ...(decline.declineCode === undefined ? {} : { decline_code: decline.declineCode }),
    doc_url: docUrl(decline.code),
    message: decline.message,
    charge: charge.id,
    payment_method: { id: charge.payment_method, object: 'payment_method', type: 'card' },
  };
}

/** Stripe's minimum charge amounts for common currencies (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
export const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, nzd: 50, sgd: 50, jpy: 50,
  dkk: 250, nok: 300, sek: 300, pln: 200, czk: 1500, huf: 17500, hkd: 400, mxn: 1000,
};

/** Money as Stripe's messages write it: `$25.00`, `€10.00`, `¥500`. */
export function formatMoney(amount: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${amount} ${currency.toUpperCase()}`;
  }
}
