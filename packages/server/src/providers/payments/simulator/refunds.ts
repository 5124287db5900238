import { StripeApiError, paramError } from './api-error.js';
import { formatMoney } from './charges.js';
import { newId } from './ids.js';
import type { ChargeObject, RefundObject } from './objects.js';
import { ignoreExpand, metadataParam, optionalBool, optionalEnum, optionalInt, optionalString, rejectUnknown, type Params } from './params.js';
import { findPaymentIntent } from './payment-intents.js';
import type { SimContext } from './state.js';

/**
 * `share` of `total` for a refund of `refunded` out of `charged`: proportional, and the last
 * refund takes the remainder so a full refund gives back exactly the whole fee or transfer.
 */
function proportional(total: number, alreadyReturned: number, refunded: number, charged: number, fullyRefunded: boolean): number {
  if (fullyRefunded) return total - alreadyReturned;
  return Math.min(total - alreadyReturned, Math.round((total * refunded) / charged));
}

function settleConnect(ctx: SimContext, charge: ChargeObject, amount: number, reverseTransfer: boolean, refundFee: boolean): string | null {
  const full = charge.amount_refunded === charge.amount;
  let reversal: string | null = null;
  const transfer = charge.transfer ? ctx.state.transfers.get(charge.transfer) : undefined;
  if (reverseTransfer && transfer) {
    transfer.amount_reversed += proportional(transfer.amount, transfer.amount_reversed, amount, charge.amount, full);
    reversal = newId('trr');
  }
  const fee = charge.application_fee ? ctx.state.applicationFees.get(charge.application_fee) : undefined;
  if (refundFee && fee) fee.amount_refunded += proportional(fee.amount, fee.amount_refunded, amount, charge.amount, full);
  return reversal;
}

/**
 * Refunds (part of) a PaymentIntent's successful charge. Refusals follow Stripe: nothing left →
 * `charge_already_refunded`; more than is left → `amount_too_large`. A card refund succeeds at
 * once and emits `refund.created` and `charge.refunded` (the charge, with `amount_refunded`).
 */
export function createRefund(ctx: SimContext, params: Params): RefundObject {
  ignoreExpand(params);
  rejectUnknown(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'reverse_transfer', 'refund_application_fee', 'instructions_email']);
  const piId = optionalString(params, 'payment_intent');
  const chargeId = optionalString(params, 'charge');
  if (piId === undefined && chargeId === undefined) {
    throw paramError('One of the following params should be provided for this request: payment_intent or charge.', 'payment_intent', 'parameter_missing');
  }
  let charge: ChargeObject | undefined;
  if (piId !== undefined) {
    const pi = findPaymentIntent(ctx, piId, 'payment_intent', 400);
    charge = pi.status === 'succeeded' && pi.latest_charge ? ctx.state.charges.get(pi.latest_charge) : undefined;
    if (!charge) {
      throw new StripeApiError(400, `This PaymentIntent (${piId}) does not have a successful charge to refund.`, { param: 'payment_intent' });
    }
  } else {
    charge = ctx.state.charges.get(chargeId!);
    if (!charge) throw new StripeApiError(400, `No such charge: '${chargeId}'`, { code: 'resource_missing', param: 'charge' });
  }
  const remaining = charge.amount_captured - charge.amount_refunded;
  const amount = optionalInt(params, 'amount', 1) ?? remaining;
  if (remaining <= 0) throw new StripeApiError(400, `Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  if (amount > remaining) {
    throw new StripeApiError(400, `Refund amount (${formatMoney(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(remaining, charge.currency)})`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
  const reason = optionalEnum(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
  const metadata = metadataParam(params);
  const reverseTransfer = optionalBool(params, 'reverse_transfer') ?? false;
  const refundFee = optionalBool(params, 'refund_application_fee') ?? false;

  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  const refund: RefundObject = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: ctx.now(),
    currency: charge.currency,
    metadata,
    payment_intent: charge.payment_intent,
    reason: reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: settleConnect(ctx, charge, amount, reverseTransfer, refundFee),
  };
  ctx.state.refunds.set(refund.id, refund);
  ctx.emit('refund.created', refund);
  ctx.emit('charge.refunded', charge, { previousAttributes: { amount_refunded: charge.amount_refunded - amount, refunded: false } });
  return refund;
}


/**
 * A refund that succeeded fails afterwards, as a card refund does when the card was closed: the
 * money is back on the charge (`amount_refunded` goes down), the refund is `failed` with its
 * `failure_reason`, and Stripe emits `charge.refund.updated`, `refund.updated` and `refund.failed`.
 * The transfer reversal and the fee refund are left as they were (the fake moves no money back).
 */
export function failRefund(ctx: SimContext, refundId: string, reason: string): RefundObject {
  const refund = ctx.state.refunds.get(refundId);
  if (!refund) throw new StripeApiError(404, `No such refund: '${refundId}'`, { code: 'resource_missing', param: 'id' });
  if (refund.status === 'failed' || refund.status === 'canceled') return refund;
  const charge = ctx.state.charges.get(refund.charge);
  if (charge) {
    charge.amount_refunded -= refund.amount;
    charge.refunded = false;
  }
  const previous = refund.status;
  refund.status = 'failed';
  refund.failure_reason = reason;
  ctx.emit('charge.refund.updated', refund, { previousAttributes: { status: previous } });
  ctx.emit('refund.updated', refund, { previousAttributes: { status: previous } });
  ctx.emit('refund.failed', refund);
  return refund;
}

/**
 * `GET /v1/refunds`: the refunds of one PaymentIntent or charge (or all), newest first, as a
 * Stripe list (`has_more` when `limit` cut it; `limit` 1–100, default 10).
 */
export function listRefunds(ctx: SimContext, params: Params): object {
  ignoreExpand(params);
  rejectUnknown(params, ['payment_intent', 'charge', 'limit', 'starting_after', 'ending_before', 'created']);
  const piId = optionalString(params, 'payment_intent');
  const chargeId = optionalString(params, 'charge');
  const limit = optionalInt(params, 'limit', 1) ?? 10;
  if (limit > 100) throw paramError('This value must be less than or equal to 100 (it currently is \'' + limit + '\').', 'limit', 'parameter_invalid_integer');
  const all = [...ctx.state.refunds.values()]
    .filter((r) => (piId === undefined || r.payment_intent === piId) && (chargeId === undefined || r.charge === chargeId))
    .reverse();
  return { object: 'list', data: all.slice(0, limit), has_more: all.length > limit, url: '/v1/refunds' };
}
