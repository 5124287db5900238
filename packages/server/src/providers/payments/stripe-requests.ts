import type Stripe from 'stripe';
import type { CancellationReason, CreateAccountLinkParams, CreateConnectedAccountParams, CreatePaymentIntentParams, CreateRefundParams } from '../../services/payments/port.js';

/**
 * The Stripe request for each port call, in one place: the Stripe adapter sends these through
 * the SDK, the offline mode hands the same parameters to the simulator, so both act alike.
 */

/**
 * A PaymentIntent for the Payment Element: automatic payment methods, a receipt to the customer,
 * and — when the specialist has a connected account — a destination charge that keeps the
 * platform fee as `application_fee_amount`.
 */
export function paymentIntentRequest(p: CreatePaymentIntentParams): Stripe.PaymentIntentCreateParams {
  return {
    amount: p.amount,
    currency: p.currency.toLowerCase(),
    receipt_email: p.customerEmail,
    description: p.description,
    metadata: p.metadata,
    // The widget confirms in place; methods that redirect away (iDEAL…) would leave it behind.
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    ...(p.destinationAccount === undefined ? {} : { transfer_data: { destination: p.destinationAccount } }),
    ...(p.applicationFeeAmount === undefined ? {} : { application_fee_amount: p.applicationFeeAmount }),
  };
}

export const cancelRequest = (reason: CancellationReason): Stripe.PaymentIntentCancelParams => ({ cancellation_reason: reason });

/** A refund of a PaymentIntent; Stripe reverses the transfer and the fee in proportion to `amount`. */
export function refundRequest(p: CreateRefundParams): Stripe.RefundCreateParams {
  return {
    payment_intent: p.paymentIntent,
    amount: p.amount,
    reverse_transfer: p.reverseTransfer,
    refund_application_fee: p.refundApplicationFee,
    ...(p.reason ? { reason: p.reason } : {}),
    metadata: p.metadata,
  };
}

/** An Express account able to receive destination charges (`transfers`) and take cards. */
export function connectedAccountRequest(p: CreateConnectedAccountParams): Stripe.AccountCreateParams {
  return {
    type: 'express',
    email: p.email,
    ...(p.country === undefined ? {} : { country: p.country }),
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    metadata: p.metadata,
  };
}

export function accountLinkRequest(p: CreateAccountLinkParams): Stripe.AccountLinkCreateParams {
  return { account: p.account, refresh_url: p.refreshUrl, return_url: p.returnUrl, type: 'account_onboarding' };
}
