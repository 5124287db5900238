/**
 * The payments port: what Slotwise's payment services need from a payment provider, and
 * nothing more. Two implementations: the Stripe adapter (`stripe.ts`) and the offline
 * test-payments mode (`test-mode.ts`). No Stripe SDK type crosses this boundary; field names
 * follow Stripe's objects (camel-cased) so the mapping stays obvious.
 *
 * Amounts are integers in the currency's minor unit; currencies are lower-case ISO 4217 codes.
 * Every method that creates or changes something at the provider takes an idempotency key:
 * the same key with the same arguments returns the first result instead of acting twice.
 * Every failure is a `PaymentsError` (see `payments-error.ts`).
 */

/** Stripe's PaymentIntent statuses (https://docs.stripe.com/payments/paymentintents/lifecycle). */
export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface ProviderPaymentIntent {
  id: string;
  status: PaymentIntentStatus;
  amount: number;
  currency: string;
  /** Handed to the browser (Payment Element); lets it confirm this one payment, nothing else. */
  clientSecret: string;
  metadata: Record<string, string>;
  latestChargeId: string | null;
  applicationFeeAmount: number | null;
  /** The connected account the charge is transferred to (destination charge), if any. */
  destinationAccount: string | null;
  /** The error code of the last failed attempt (e.g. `card_declined`), cleared on success. */
  lastPaymentError: string | null;
}

/** Stripe's Refund statuses: a card refund is normally `succeeded` at once. */
export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export interface ProviderRefund {
  id: string;
  status: RefundStatus;
  amount: number;
  currency: string;
  paymentIntent: string;
  /** What Slotwise put on it (`refund_id`), or nothing for a refund made in Stripe's dashboard. */
  metadata: Record<string, string>;
  /** Why a refund failed after it was created (Stripe's `failure_reason`, e.g. `expired_or_canceled_card`). */
  failureReason?: string;
}

export interface ProviderAccount {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

/** A verified webhook event. `data.object` is the object as Stripe sent it (snake_case). */
export interface ProviderEvent {
  id: string;
  type: string;
  /** Unix seconds. */
  created: number;
  /** The connected account the event happened on (Connect events), else null. */
  account: string | null;
  data: { object: Record<string, unknown> };
}

export interface CreatePaymentIntentParams {
  amount: number;
  /** Any case; sent lower-cased. */
  currency: string;
  /** Becomes Stripe's `receipt_email`. */
  customerEmail: string;
  description: string;
  /** At most 50 keys, keys ≤ 40 and values ≤ 500 characters (Stripe's limits). */
  metadata: Record<string, string>;
  /** The platform's fee, kept from a destination charge; needs `destinationAccount`. */
  applicationFeeAmount?: number;
  /** The specialist's connected account: the charge becomes a destination charge to it. */
  destinationAccount?: string;
  idempotencyKey: string;
}

export interface CreateRefundParams {
  paymentIntent: string;
  amount: number;
  /** Takes the refunded share back from the connected account (destination charges). */
  reverseTransfer: boolean;
  /** Gives back the platform fee in proportion to the refunded amount. */
  refundApplicationFee: boolean;
  /** Stripe's `reason`, shown with the refund at the provider; none for refunds Slotwise's policies make. */
  reason?: RefundReason;
  metadata: Record<string, string>;
  idempotencyKey: string;
}

/** Why a refund is made, in Stripe's words (`refund.reason`). */
export type RefundReason = 'requested_by_customer' | 'duplicate' | 'fraudulent';

export interface CreateConnectedAccountParams {
  email: string;
  /** ISO 3166-1 alpha-2; Stripe defaults to the platform's country. */
  country?: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
}

export interface CreateAccountLinkParams {
  account: string;
  /** Where Stripe sends the specialist when the link expired or was already used. */
  refreshUrl: string;
  /** Where Stripe sends the specialist after onboarding (finished or not: check the account). */
  returnUrl: string;
}

/** Why a PaymentIntent is cancelled (Stripe's `cancellation_reason`). */
export type CancellationReason = 'abandoned' | 'requested_by_customer' | 'duplicate' | 'fraudulent';

export interface PaymentsProvider {
  /** `test` is the offline test-payments mode: no money moves. */
  readonly mode: 'stripe' | 'test';
  /** Handed to the browser for Stripe.js. */
  readonly publishableKey: string;
  createPaymentIntent(params: CreatePaymentIntentParams): Promise<ProviderPaymentIntent>;
  retrievePaymentIntent(id: string): Promise<ProviderPaymentIntent>;
  /**
   * Cancels an unpaid intent. An intent that is already cancelled is returned as it is; one that
   * can no longer be cancelled (succeeded, processing) throws `PaymentsError` with code
   * `payment_intent_unexpected_state` and the intent in `error.paymentIntent`.
   */
  cancelPaymentIntent(id: string, idempotencyKey: string, reason?: CancellationReason): Promise<ProviderPaymentIntent>;
  /** Refunds `amount` of a succeeded intent; more than is left throws `amount_too_large` or `charge_already_refunded`. */
  createRefund(params: CreateRefundParams): Promise<ProviderRefund>;
  /** A refund as it is now: events about it may arrive in any order, its current state does not. */
  retrieveRefund(id: string): Promise<ProviderRefund>;
  /** Every refund of a PaymentIntent as it is now (Stripe's `GET /v1/refunds?payment_intent=`). */
  listRefunds(paymentIntentId: string): Promise<ProviderRefund[]>;
  /** An Express connected account for a specialist; it cannot take charges until onboarded. */
  createConnectedAccount(params: CreateConnectedAccountParams): Promise<ProviderAccount>;
  retrieveAccount(id: string): Promise<ProviderAccount>;
  /** A single-use onboarding link (Stripe's expire after a few minutes). */
  createAccountLink(params: CreateAccountLinkParams): Promise<{ url: string; expiresAt: number }>;
  /**
   * Verifies a webhook's `Stripe-Signature` on the raw body (SubtleCrypto, so it runs on the
   * edge) with a 300 s tolerance, accepting any of the configured secrets (two while one is
   * rolled). Throws `PaymentsError` `invalid_signature` (missing, garbled or wrong),
   * `stale_signature` (a valid signature more than 300 s old, or dated more than 300 s ahead) or
   * `invalid_payload` (validly signed, but not an event).
   */
  verifyWebhook(rawBody: string, signatureHeader: string | undefined, nowMs: number): Promise<ProviderEvent>;
  /** Only in the offline test-payments mode (`mode: 'test'`): the customer's side, simulated. */
  readonly testControls?: TestPaymentControls;
}

/** What a customer does at the payment form, for the offline test-payments mode. */
export interface TestPaymentControls {
  /**
   * The customer pays (`succeed`) or their card is declined (`decline`: rejects with
   * `PaymentsError` `card_declined`, the intent back in `requires_payment_method`), as
   * Stripe.js's `confirmPayment` would.
   */
  confirm(paymentIntentId: string, outcome: 'succeed' | 'decline'): Promise<ProviderPaymentIntent>;
  /** Resolves when every event emitted so far has reached the webhook endpoint (or failed to). */
  settled(): Promise<void>;
}
