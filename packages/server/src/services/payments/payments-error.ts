import type { ProviderPaymentIntent } from './port.js';

/**
 * Codes a caller branches on. Stripe's own error codes pass through unchanged
 * (https://docs.stripe.com/error-codes), so the list is open; these are the ones Slotwise handles:
 * - `card_declined` (and other card-error codes such as `expired_card`): the customer's card failed;
 * - `resource_missing`: no such object (HTTP 404);
 * - `payment_intent_unexpected_state`: e.g. cancelling a PaymentIntent that already succeeded;
 * - `amount_too_large`, `charge_already_refunded`: a refund for more than is left;
 * - `idempotency_error`: an idempotency key reused with different parameters;
 * - `invalid_request`: any other 4xx without a code; `authentication_error`, `permission_error`;
 * - `rate_limit`, `api_error` (5xx, 409), `network` (no answer): worth retrying with the same key;
 * - `invalid_signature`, `stale_signature`, `invalid_payload`: a webhook that must be refused.
 */
export type PaymentsErrorCode =
  | 'card_declined'
  | 'resource_missing'
  | 'payment_intent_unexpected_state'
  | 'amount_too_large'
  | 'charge_already_refunded'
  | 'idempotency_error'
  | 'invalid_request'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit'
  | 'api_error'
  | 'network'
  | 'invalid_signature'
  | 'stale_signature'
  | 'invalid_payload'
  | (string & Record<never, never>);

export interface PaymentsErrorOptions {
  status?: number;
  retryable?: boolean;
  /** The issuer's reason for a card decline (`generic_decline`, `insufficient_funds`, …). */
  declineCode?: string;
  /** The request parameter at fault, in Stripe's form notation (`transfer_data[destination]`). */
  param?: string;
  /** Stripe's request id, for support. */
  requestId?: string;
  /** The PaymentIntent as it is now, when the failure concerned one (declines, unexpected state). */
  paymentIntent?: ProviderPaymentIntent;
  cause?: unknown;
}

/**
 * A failure of the payment provider, in terms the payment services act on: `code` says what
 * happened, `retryable` whether sending the same request again (same idempotency key) may succeed.
 */
export class PaymentsError extends Error {
  override readonly name = 'PaymentsError';
  readonly code: PaymentsErrorCode;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly declineCode: string | undefined;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
  readonly paymentIntent: ProviderPaymentIntent | undefined;

  constructor(code: PaymentsErrorCode, message: string, options: PaymentsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.declineCode = options.declineCode;
    this.param = options.param;
    this.requestId = options.requestId;
    this.paymentIntent = options.paymentIntent;
  }
}
