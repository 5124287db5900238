import type { PaymentIntentStatus, ProviderAccount, ProviderEvent, ProviderPaymentIntent, ProviderRefund, RefundStatus } from '../../services/payments/port.js';

/**
 * From Stripe's objects (as the SDK returns them, or as JSON) to the port's types. The input
 * types are the few fields read, so both `Stripe.PaymentIntent` and the simulator's objects fit.
 */

type Ref = string | { id: string } | null;
const refId = (ref: Ref | undefined): string | null => (ref == null ? null : typeof ref === 'string' ? ref : ref.id);

export interface StripePaymentIntentLike {
  id: string;
  status: string;
  amount: number;
  currency: string;
  client_secret: string | null;
  metadata: Record<string, string> | null;
  latest_charge: Ref;
  application_fee_amount: number | null;
  transfer_data?: { destination: string | { id: string } } | null;
  last_payment_error: { code?: string; message?: string } | null;
}

export function toProviderPaymentIntent(pi: StripePaymentIntentLike): ProviderPaymentIntent {
  return {
    id: pi.id,
    status: pi.status as PaymentIntentStatus,
    amount: pi.amount,
    currency: pi.currency,
    clientSecret: pi.client_secret ?? '',
    metadata: { ...(pi.metadata ?? {}) },
    latestChargeId: refId(pi.latest_charge),
    applicationFeeAmount: pi.application_fee_amount,
    destinationAccount: refId(pi.transfer_data?.destination ?? null),
    lastPaymentError: pi.last_payment_error ? (pi.last_payment_error.code ?? pi.last_payment_error.message ?? 'unknown') : null,
  };
}

export interface StripeRefundLike {
  id: string;
  status: string | null;
  amount: number;
  currency: string;
  payment_intent: Ref;
  metadata?: Record<string, string> | null;
  failure_reason?: string | null;
}

export function toProviderRefund(refund: StripeRefundLike): ProviderRefund {
  return {
    id: refund.id,
    status: (refund.status ?? 'pending') as RefundStatus,
    amount: refund.amount,
    currency: refund.currency,
    paymentIntent: refId(refund.payment_intent) ?? '',
    metadata: { ...(refund.metadata ?? {}) },
    ...(refund.failure_reason ? { failureReason: refund.failure_reason } : {}),
  };
}

export interface StripeAccountLike {
  id: string;
  charges_enabled?: boolean;
  payouts_enabled?: boolean;
  details_submitted?: boolean;
}

export function toProviderAccount(account: StripeAccountLike): ProviderAccount {
  return {
    id: account.id,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
  };
}

/** A parsed webhook body as a `ProviderEvent`, or `undefined` when it is not an event. */
export function toProviderEvent(body: unknown): ProviderEvent | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, type, created, account, data } = body as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof created !== 'number') return undefined;
  const object = (data as { object?: unknown } | null)?.object;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  return { id, type, created, account: typeof account === 'string' ? account : null, data: { object: object as Record<string, unknown> } };
}
