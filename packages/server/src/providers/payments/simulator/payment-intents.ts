import { StripeApiError, noSuch, paramError } from './api-error.js';
import { MINIMUM_AMOUNTS, TEST_PAYMENT_METHODS, createCharge, formatMoney, lastPaymentError, type Decline } from './charges.js';
import { newId, randomToken } from './ids.js';
import type { PaymentIntentObject, PaymentIntentStatus } from './objects.js';
import {
  ignoreExpand, metadataParam, optionalBool, optionalEnum, optionalInt, optionalObject, optionalString,
  rejectUnknown, requiredInt, requiredString, type Params,
} from './params.js';
import type { SimContext } from './state.js';

const CANCELABLE: readonly PaymentIntentStatus[] = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
const CONFIRMABLE: readonly PaymentIntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function findPaymentIntent(ctx: SimContext, id: string, param = 'intent', status = 404): PaymentIntentObject {
  const pi = ctx.state.paymentIntents.get(id);
  if (!pi) throw noSuch('payment_intent', id, param, status);
  return pi;
}

/** Stripe.js calls with the publishable key must prove they hold this intent's client secret. */
function checkClientSecret(ctx: SimContext, pi: PaymentIntentObject, params: Params): void {
  if (!ctx.publishable) return;
  if (params.client_secret !== pi.client_secret) {
    throw new StripeApiError(400, 'The client_secret provided does not match the client_secret associated with the PaymentIntent.', { param: 'client_secret', saved: false });
  }
}

function destinationParam(ctx: SimContext, params: Params): { destination: string } | null {
  const transferData = optionalObject(params, 'transfer_data');
  if (!transferData) return null;
  rejectUnknown(transferData, ['destination'], 'transfer_data');
  const destination = requiredString(transferData, 'destination');
  const account = ctx.state.accounts.get(destination);
  if (!account) throw new StripeApiError(400, `No such destination: '${destination}'`, { code: 'resource_missing', param: 'transfer_data[destination]' });
  if (account.capabilities.transfers !== 'active') {
    throw new StripeApiError(400, 'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', {
      code: 'insufficient_capabilities_for_transfer',
      param: 'transfer_data[destination]',
    });
  }
  return { destination };
}

export function createPaymentIntent(ctx: SimContext, params: Params): PaymentIntentObject {
  ignoreExpand(params);
  rejectUnknown(params, ['amount', 'currency', 'automatic_payment_methods', 'payment_method_types', 'application_fee_amount', 'transfer_data', 'transfer_group', 'receipt_email', 'description', 'metadata', 'confirm', 'payment_method', 'return_url']);
  const amount = requiredInt(params, 'amount', 1);
  const currency = requiredString(params, 'currency');
  if (!/^[a-z]{3}$/.test(currency)) throw paramError(`Invalid currency: ${currency}. Currency codes must be three lower-case letters.`, 'currency');
  const minimum = MINIMUM_AMOUNTS[currency];
  if (minimum !== undefined && amount < minimum) {
    throw new StripeApiError(400, `Amount must be at least ${formatMoney(minimum, currency)} ${currency}`, { code: 'amount_too_small', param: 'amount' });
  }
  const automatic = optionalObject(params, 'automatic_payment_methods');
  if (automatic) rejectUnknown(automatic, ['enabled', 'allow_redirects'], 'automatic_payment_methods');
  if (automatic && params.payment_method_types !== undefined) {
    throw paramError('You may only specify one of these parameters: automatic_payment_methods, payment_method_types.', 'automatic_payment_methods');
  }
  const receiptEmail = optionalString(params, 'receipt_email');
  if (receiptEmail !== undefined && !EMAIL.test(receiptEmail)) throw paramError(`Invalid email address: ${receiptEmail}`, 'receipt_email', 'email_invalid');
  const transferData = destinationParam(ctx, params);
  const fee = optionalInt(params, 'application_fee_amount', 0);
  if (fee !== undefined && !transferData) {
    throw new StripeApiError(400, 'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).', { param: 'application_fee_amount' });
  }
  if (fee !== undefined && fee > amount) {
    throw new StripeApiError(400, 'The application fee cannot be greater than the amount of the PaymentIntent.', { param: 'application_fee_amount' });
  }
  const id = newId('pi');
  const pi: PaymentIntentObject = {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: fee ?? null,
    automatic_payment_methods: automatic ? { allow_redirects: automatic.allow_redirects === 'never' ? 'never' : 'always', enabled: optionalBool(automatic, 'enabled') ?? false } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: ctx.now(),
    currency,
    customer: null,
    description: optionalString(params, 'description') ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: metadataParam(params),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_types: ['card'],
    processing: null,
    receipt_email: receiptEmail ?? null,
    setup_future_usage: null,
    statement_descriptor: null,
    status: 'requires_payment_method',
    transfer_data: transferData,
    transfer_group: optionalString(params, 'transfer_group') ?? (transferData ? `group_${id}` : null),
  };
  ctx.state.paymentIntents.set(id, pi);
  ctx.emit('payment_intent.created', pi);
  if (optionalBool(params, 'confirm')) return confirmPaymentIntent(ctx, id, { payment_method: params.payment_method });
  return pi;
}

export function retrievePaymentIntent(ctx: SimContext, id: string, params: Params): PaymentIntentObject {
  ignoreExpand(params);
  rejectUnknown(params, ctx.publishable ? ['client_secret'] : []);
  const pi = findPaymentIntent(ctx, id);
  checkClientSecret(ctx, pi, params);
  return pi;
}

export function cancelPaymentIntent(ctx: SimContext, id: string, params: Params): PaymentIntentObject {
  ignoreExpand(params);
  rejectUnknown(params, ['cancellation_reason']);
  const reason = optionalEnum(params, 'cancellation_reason', ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const);
  const pi = findPaymentIntent(ctx, id);
  if (!CANCELABLE.includes(pi.status)) {
    throw new StripeApiError(400, `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`, {
      code: 'payment_intent_unexpected_state',
      extra: { payment_intent: structuredClone(pi) },
    });
  }
  pi.status = 'canceled';
  pi.canceled_at = ctx.now();
  pi.cancellation_reason = reason ?? null;
  ctx.emit('payment_intent.canceled', pi);
  return pi;
}

/**
 * One payment attempt with a test PaymentMethod. A decline answers 402 with the card error (and
 * the intent, back in `requires_payment_method` with `last_payment_error`), like Stripe.
 */
export function confirmPaymentIntent(ctx: SimContext, id: string, params: Params): PaymentIntentObject {
  ignoreExpand(params);
  rejectUnknown(params, ['payment_method', 'return_url', 'client_secret', 'receipt_email', 'use_stripe_sdk']);
  const pi = findPaymentIntent(ctx, id);
  checkClientSecret(ctx, pi, params);
  if (!CONFIRMABLE.includes(pi.status)) {
    throw new StripeApiError(400, `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`, {
      code: 'payment_intent_unexpected_state',
      extra: { payment_intent: structuredClone(pi) },
    });
  }
  const paymentMethod = optionalString(params, 'payment_method') ?? pi.payment_method;
  if (paymentMethod === null) {
    throw paramError('You cannot confirm this PaymentIntent because it\'s missing a payment method.', 'payment_method', 'payment_intent_unexpected_state');
  }
  const method = TEST_PAYMENT_METHODS[paymentMethod];
  if (!method) throw new StripeApiError(400, `No such PaymentMethod: '${paymentMethod}'`, { code: 'resource_missing', param: 'payment_method' });
  return attemptPayment(ctx, pi, paymentMethod, method.decline);
}

/** Runs one attempt to its end (succeeded, or declined → requires_payment_method) and emits its events. */
export function attemptPayment(ctx: SimContext, pi: PaymentIntentObject, paymentMethod: string, decline?: Decline): PaymentIntentObject {
  const charge = createCharge(ctx, pi, paymentMethod, decline);
  pi.latest_charge = charge.id;
  pi.payment_method = paymentMethod;
  if (decline) {
    pi.status = 'requires_payment_method';
    pi.payment_method = null;
    pi.last_payment_error = lastPaymentError(charge, decline);
    ctx.emit('charge.failed', charge);
    ctx.emit('payment_intent.payment_failed', pi);
    throw new StripeApiError(402, decline.message, {
      type: 'card_error',
      code: decline.code,
      extra: {
        ...(decline.declineCode === undefined ? {} : { decline_code: decline.declineCode }),
        charge: charge.id,
        payment_intent: structuredClone(pi),
      },
    });
  }
  pi.status = 'succeeded';
  pi.amount_received = pi.amount;
  pi.last_payment_error = null;
  ctx.emit('charge.succeeded', charge);
  ctx.emit('payment_intent.succeeded', pi);
  return pi;
}
