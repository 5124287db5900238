import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { retrieveBooking } from '../../services/bookings/customer.js';
import { stripeOnboarding, stripeStatus } from '../../services/payments/connect.js';
import { syncBookingPayment } from '../../services/payments/intents.js';
import { earnings, listMyPayments } from '../../services/payments/records.js';
import { payBookingInTestMode, payPurchaseInTestMode } from '../../services/payments/test-payments.js';
import { handleStripeWebhook } from '../../services/payments/webhook.js';
import { handleZoomWebhook } from '../../services/meetings/zoom-events.js';
import { bearerToken } from '../bearer.js';
import { defineRoute } from '../define-route.js';
import { manageToken } from './bookings.js';

/** Checkout, the Stripe webhook, Connect onboarding, payments and earnings. */
export function paymentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Verified on the raw bytes: never parsed before the signature is checked. Its body limit
  // (1 MiB) is the app's, applied before anything reads the body.
  app.post('/v1/webhooks/stripe', async (c) => {
    const result = await handleStripeWebhook(c.var.deps, await c.req.text(), c.req.header('stripe-signature'));
    return c.json({ received: true, duplicate: result.duplicate });
  });
  // Zoom's events (cloud recordings), verified on the raw bytes the same way.
  app.post('/v1/webhooks/zoom', async (c) =>
    c.json(await handleZoomWebhook(c.var.deps, await c.req.text(), c.req.header('x-zm-signature'), c.req.header('x-zm-request-timestamp'))),
  );

  defineRoute(app, routes.syncBookingPayment, async ({ params }, c) => {
    const token = manageToken(c);
    await retrieveBooking(c.var.deps, params.id, token); // proves the token before any provider call
    await syncBookingPayment(c.var.deps, params.id);
    return c.json(await retrieveBooking(c.var.deps, params.id, token));
  });
  defineRoute(app, routes.confirmTestPayment, async ({ params, body }, c) =>
    c.json(await payBookingInTestMode(c.var.deps, params.id, bearerToken(c.req.header('authorization')), body.outcome)),
  );
  defineRoute(app, routes.confirmTestPurchasePayment, async ({ params, body }, c) =>
    c.json(await payPurchaseInTestMode(c.var.deps, params.id, bearerToken(c.req.header('authorization')), body.outcome)),
  );
  return app;
}

/** A specialist's Stripe account, payments and earnings; mounted under the `/v1/me/*` authentication. */
export function myPaymentRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.retrieveStripeStatus, async (_, c) => c.json(await stripeStatus(c.var.deps, c.var.specialist)));
  defineRoute(app, routes.createStripeOnboarding, async ({ body }, c) =>
    c.json(await stripeOnboarding(c.var.deps, c.var.specialist, body, new URL(c.req.url).origin), 201),
  );
  defineRoute(app, routes.listMyPayments, async ({ query }, c) => c.json(await listMyPayments(c.var.deps, c.var.specialist.id, query)));
  defineRoute(app, routes.retrieveMyEarnings, async ({ query }, c) =>
    c.json(await earnings(c.var.deps, c.var.specialist.id, query)),
  );
}
