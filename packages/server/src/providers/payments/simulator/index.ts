export { StripeApiError, type StripeErrorBody, type StripeErrorType } from './api-error.js';
export { TEST_PAYMENT_METHODS, type Decline } from './charges.js';
export { IDEMPOTENCY_TTL_MS } from './idempotency.js';
export type {
  AccountLinkObject,
  AccountObject,
  ApplicationFeeRecord,
  ChargeObject,
  EventObject,
  PaymentIntentObject,
  RefundObject,
  TransferRecord,
} from './objects.js';
export type { Params } from './params.js';
export { StripeSimulator, type SimRequest, type SimResponse, type SimulatorOptions } from './simulator.js';
