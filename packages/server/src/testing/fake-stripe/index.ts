export { startFakeStripe, type ControlOptions, type FakeStripe, type FakeStripeOptions } from './fake-stripe.js';
export type { WebhookHandler } from './deliveries.js';
export { parseStripeForm } from './form.js';
export type { RecordedRequest } from './http.js';
export { FAKE_STRIPE_JS } from './stripe-js.js';
