import { PaymentsError } from '../../services/payments/payments-error.js';
import { toProviderPaymentIntent, type StripePaymentIntentLike } from './stripe-objects.js';
import { loadedStripe } from './stripe-sdk.js';

/** A Stripe failure in neutral terms, from the SDK's error classes or from a raw error body. */
export interface StripeFailure {
  /** The HTTP status; `undefined` when no answer arrived. */
  status: number | undefined;
  /** Stripe's error `type`: `card_error`, `invalid_request_error`, `idempotency_error`, `api_error`. */
  type: string | undefined;
  code: string | undefined;
  message: string;
  declineCode?: string | undefined;
  param?: string | undefined;
  requestId?: string | undefined;
  paymentIntent?: unknown;
  /** The `Stripe-Should-Retry` header, Stripe's own advice. */
  shouldRetry?: string | undefined;
  /** No answer at all (connection refused, reset, timed out). */
  connection?: boolean;
  cause?: unknown;
}

const isPaymentIntent = (value: unknown): value is StripePaymentIntentLike =>
  typeof value === 'object' && value !== null && (value as { object?: unknown }).object === 'payment_intent';

function codeOf(failure: StripeFailure): string {
  if (failure.connection) return 'network';
  const { status, type, code } = failure;
  if (type === 'idempotency_error') return 'idempotency_error';
  if (code) return code;
  if (type === 'card_error' || status === 402) return 'card_declined';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'resource_missing';
  if (status === 429) return 'rate_limit';
  if (status === undefined || status >= 500 || status === 409) return 'api_error';
  return 'invalid_request';
}

/**
 * Worth sending again with the same idempotency key: no answer, a 5xx, a 409 (a concurrent
 * request with the same key) or a rate limit — unless Stripe says otherwise in `Stripe-Should-Retry`
 * (a saved 500 replays forever, so Stripe answers `false` there).
 */
function retryableOf(failure: StripeFailure): boolean {
  if (failure.shouldRetry === 'true') return true;
  if (failure.shouldRetry === 'false') return false;
  const { status } = failure;
  return failure.connection === true || status === undefined || status >= 500 || status === 409 || status === 429 || failure.code === 'rate_limit';
}

export function toPaymentsErrorFrom(failure: StripeFailure): PaymentsError {
  return new PaymentsError(codeOf(failure), failure.message || 'Stripe request failed', {
    ...(failure.status === undefined ? {} : { status: failure.status }),
    retryable: retryableOf(failure),
    ...(failure.declineCode ? { declineCode: failure.declineCode } : {}),
    ...(failure.param ? { param: failure.param } : {}),
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
    ...(isPaymentIntent(failure.paymentIntent) ? { paymentIntent: toProviderPaymentIntent(failure.paymentIntent) } : {}),
    cause: failure.cause,
  });
}

/**
 * The `PaymentsError` for an error thrown by the `stripe` SDK, `undefined` for anything else (a bug:
 * rethrow it). The SDK is loaded on first use (`stripe-sdk.ts`); before that nothing it threw exists.
 */
export function fromStripeSdkError(error: unknown): PaymentsError | undefined {
  const Stripe = loadedStripe();
  if (!Stripe || !(error instanceof Stripe.errors.StripeError)) return undefined;
  const headers = (error.headers ?? {}) as Record<string, string | undefined>;
  return toPaymentsErrorFrom({
    status: error.statusCode,
    type: error.rawType,
    code: error.code,
    message: error.message,
    declineCode: error.decline_code,
    param: error.param,
    requestId: error.requestId,
    paymentIntent: error.payment_intent,
    shouldRetry: headers['stripe-should-retry'],
    connection: error instanceof Stripe.errors.StripeConnectionError,
    cause: error,
  });
}

/** The `PaymentsError` for a raw Stripe error answer (status, `{ error }` body, headers). */
export function fromStripeErrorBody(status: number, body: unknown, headers: Record<string, string> = {}): PaymentsError {
  const error = ((body as { error?: Record<string, unknown> } | null)?.error ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return toPaymentsErrorFrom({
    status,
    type: text(error.type),
    code: text(error.code),
    message: text(error.message) ?? 'Stripe request failed',
    declineCode: text(error.decline_code),
    param: text(error.param),
    requestId: headers['Request-Id'],
    paymentIntent: error.payment_intent,
    shouldRetry: headers['Stripe-Should-Retry'],
  });
}
