export { buildEvent, eventPayload, hmacSha256Hex, signEvent, signatureHeader, type SignedEvent } from './events.js';
export { PaymentsError, type PaymentsErrorCode, type PaymentsErrorOptions } from '../../services/payments/payments-error.js';
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
  TestPaymentControls,
  ProviderRefund,
  RefundReason,
  RefundStatus,
} from '../../services/payments/port.js';
export { createStripePayments, type StripePaymentsOptions } from './stripe.js';
export { fromStripeErrorBody, fromStripeSdkError } from './stripe-errors.js';
export { TEST_PUBLISHABLE_KEY, createTestPayments, type TestPayments, type TestPaymentsOptions } from './test-mode.js';
export { WEBHOOK_TOLERANCE_SECONDS, verifyStripeWebhook } from './verify-webhook.js';
export { WEBHOOK_EVENTS, WebhookDispatcher, type DeliveryRecord, type DispatcherOptions } from './webhook-dispatcher.js';
export { paymentsDisabled } from './disabled.js';
export { offlinePayments, type OfflinePayments, type WebhookTarget } from './offline.js';
export { databaseSimulatorStore } from './test-mode-store.js';
export type { SimulatorStore } from './test-mode.js';
