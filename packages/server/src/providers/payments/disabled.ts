import { PaymentsError } from '../../services/payments/payments-error.js';
import type { PaymentsProvider } from '../../services/payments/port.js';

const refuse = async (): Promise<never> => {
  throw new PaymentsError('not_configured', 'This server has no payment provider: set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET to take payments.');
};

/**
 * Payments switched off: what a server runs without Stripe keys (and without asking for the
 * demo's test mode). Free sessions book as usual; anything that would move money — connecting a
 * Stripe account, a priced checkout, a webhook — is refused with `not_configured`, which the
 * payment services answer as `payments_not_configured`.
 */
export function paymentsDisabled(): PaymentsProvider {
  return {
    mode: 'stripe',
    publishableKey: '',
    createPaymentIntent: refuse,
    retrievePaymentIntent: refuse,
    cancelPaymentIntent: refuse,
    createRefund: refuse,
    retrieveRefund: refuse,
    listRefunds: refuse,
    createConnectedAccount: refuse,
    retrieveAccount: refuse,
    createAccountLink: refuse,
    verifyWebhook: async () => {
      throw new PaymentsError('invalid_signature', 'This server takes no payments, so it accepts no payment webhooks.');
    },
  };
}
