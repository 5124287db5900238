import Stripe from 'stripe';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromStripeErrorBody, fromStripeSdkError } from './stripe-errors.js';
import { loadStripe } from './stripe-sdk.js';

// The server loads the SDK on first use; the errors below are the SDK's own classes.
beforeAll(async () => {
  await loadStripe();
});

const body = (error: Record<string, unknown>) => ({ error: { message: 'm', ...error } });

describe('Stripe errors as PaymentsError', () => {
  test.each([
    [500, { type: 'api_error' }, 'api_error', true],
    [503, { type: 'api_error' }, 'api_error', true],
    [409, { type: 'invalid_request_error' }, 'api_error', true],
    [429, { type: 'invalid_request_error', code: 'rate_limit' }, 'rate_limit', true],
    [402, { type: 'card_error', code: 'expired_card' }, 'expired_card', false],
    [402, { type: 'card_error' }, 'card_declined', false],
    [400, { type: 'idempotency_error' }, 'idempotency_error', false],
    [400, { type: 'invalid_request_error' }, 'invalid_request', false],
    [400, { type: 'invalid_request_error', code: 'amount_too_large' }, 'amount_too_large', false],
    [401, { type: 'invalid_request_error' }, 'authentication_error', false],
    [403, { type: 'invalid_request_error' }, 'permission_error', false],
    [404, { type: 'invalid_request_error' }, 'resource_missing', false],
  ])('%i %o → %s, retryable %s', (status, error, code, retryable) => {
    expect(fromStripeErrorBody(status, body(error))).toMatchObject({ code, status, retryable });
  });

  test('Stripe-Should-Retry overrides the status either way', () => {
    expect(fromStripeErrorBody(500, body({ type: 'api_error' }), { 'Stripe-Should-Retry': 'false' }).retryable).toBe(false);
    expect(fromStripeErrorBody(400, body({ type: 'invalid_request_error', code: 'lock_timeout' }), { 'Stripe-Should-Retry': 'true' }).retryable).toBe(true);
  });

  test('maps the SDK\'s error classes, keeping the decline code, the param and the intent', () => {
    const card = new Stripe.errors.StripeCardError({
      type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.', statusCode: 402, requestId: 'req_1',
      payment_intent: { id: 'pi_1', object: 'payment_intent', status: 'requires_payment_method', amount: 100, currency: 'eur', client_secret: 'pi_1_secret_x', metadata: {}, latest_charge: 'ch_1', application_fee_amount: null, transfer_data: null, last_payment_error: { code: 'card_declined' } } as never,
    });
    expect(fromStripeSdkError(card)).toMatchObject({
      code: 'card_declined', declineCode: 'insufficient_funds', status: 402, retryable: false, requestId: 'req_1', message: 'Your card has insufficient funds.',
      paymentIntent: { id: 'pi_1', status: 'requires_payment_method', lastPaymentError: 'card_declined', latestChargeId: 'ch_1' },
    });
    expect(fromStripeSdkError(new Stripe.errors.StripeConnectionError({ message: 'ECONNRESET' }))).toMatchObject({ code: 'network', retryable: true });
    expect(fromStripeSdkError(new Stripe.errors.StripeAPIError({ message: 'Invalid JSON received from the Stripe API' }))).toMatchObject({ code: 'api_error', retryable: true });
    expect(fromStripeSdkError(new Stripe.errors.StripeRateLimitError({ message: 'Too many', statusCode: 429 }))).toMatchObject({ code: 'rate_limit', retryable: true });
  });

  test('anything that is not a Stripe error is left alone (a bug to rethrow, not a payment failure)', () => {
    expect(fromStripeSdkError(new TypeError('x is undefined'))).toBeUndefined();
  });
});
