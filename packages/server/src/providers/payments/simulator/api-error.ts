/** Stripe's error `type`s (https://docs.stripe.com/api/errors). */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/** The `error` member of a Stripe error response, as Stripe sends it. */
export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  request_log_url?: string;
}

export interface StripeApiErrorOptions {
  code?: string;
  param?: string;
  type?: StripeErrorType;
  /**
   * Whether the idempotency layer stores this answer for the key. Stripe stores the result once
   * an endpoint began executing; a request refused by validation (unknown or missing
   * parameters) or authentication is not stored and may be retried with the same key.
   */
  saved?: boolean;
  extra?: Partial<StripeErrorBody>;
  headers?: Record<string, string>;
}

/** A link to Stripe's page on an error code, as Stripe puts in `doc_url`. */
export const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;

/** An error answer of the simulated API: an HTTP status and Stripe's error body. */
export class StripeApiError extends Error {
  override readonly name = 'StripeApiError';
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly saved: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: StripeApiErrorOptions = {}) {
    super(message);
    const { code, param, type = 'invalid_request_error', saved = true, extra = {}, headers = {} } = options;
    this.status = status;
    this.saved = saved;
    this.headers = headers;
    this.body = {
      ...(code === undefined ? {} : { code, doc_url: docUrl(code) }),
      message,
      ...(param === undefined ? {} : { param }),
      type,
      ...extra,
    };
  }
}

/** A 400 `invalid_request_error` that the idempotency layer does not store (validation). */
export const paramError = (message: string, param: string, code?: string) =>
  new StripeApiError(400, message, { param, saved: false, ...(code === undefined ? {} : { code }) });

export const noSuch = (kind: string, id: string, param: string, status = 404) =>
  new StripeApiError(status, `No such ${kind}: '${id}'`, { code: 'resource_missing', param });
