export { buildEvent, eventPayload, hmacSha256Hex, signEvent, signatureHeader, type SignedEvent } from './events.js';
export { PaymentsError, type PaymentsErrorCode, type PaymentsErrorOptions } from './payments-error.js';
export type {
  CancellationReason,
  CreateAccountLinkParams,
  CreateConnectedAccountParams,
  CreatePaymentIntentParams,
  CreateRefundParams,
  PaymentIntentStatus,
  PaymentsProvider,
  ProviderAccount,
  ProviderEvent,
  ProviderPaymentIntent,
  ProviderRefund,
  RefundStatus,
} from './port.js';
export { createStripePayments, type StripePaymentsOptions } from './stripe.js';
export { fromStripeErrorBody, fromStripeSdkError } from './stripe-errors.js';
export { TEST_PUBLISHABLE_KEY, createTestPayments, type TestPayments, type TestPaymentsOptions } from './test-mode.js';
export { WEBHOOK_TOLERANCE_SECONDS, verifyStripeWebhook } from './verify-webhook.js';
export { WEBHOOK_EVENTS, WebhookDispatcher, type DeliveryRecord, type DispatcherOptions } from './webhook-dispatcher.js';
