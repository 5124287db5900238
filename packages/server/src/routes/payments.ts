import { routes } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';
import { bookings, payments } from '../db/schema.js';
import { defineRoute } from '../http/define-route.js';
import { ProblemError } from '../http/problem.js';
import { bearerToken, hashToken } from '../http/tokens.js';
import type { TestPayments } from '../providers/payments/index.js';
import { present } from '../services/booking-present.js';
import { retrieveBooking } from '../services/bookings.js';
import { stripeOnboarding, stripeStatus } from '../services/payments/connect.js';
import { applyNow, syncBookingPayment } from '../services/payments/intents.js';
import { creditBalance } from '../services/packages/balance.js';
import { purchaseByToken } from '../services/packages/credits.js';
import { earnings, listMyPayments } from '../services/payments/records.js';
import { handleStripeWebhook } from '../services/payments/webhook.js';

/** Checkout, the Stripe webhook, Connect onboarding, payments and earnings. */
export function paymentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Verified on the raw bytes: never parsed before the signature is checked.
  app.post(
    '/v1/webhooks/stripe',
    bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new ProblemError('payload_too_large', 'Webhook bodies are limited to 1 MiB.'); } }),
    async (c) => {
      const raw = await c.req.text();
      const result = await handleStripeWebhook(c.var.deps, raw, c.req.header('stripe-signature'), c.var.deps.clock());
      return c.json({ received: true, duplicate: result.duplicate });
    },
  );

  defineRoute(app, routes.syncBookingPayment, async ({ params }, c) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new ProblemError('manage_token_required', 'Send the manage token from your confirmation as `Authorization: Bearer <token>`.');
    const now = c.var.deps.clock();
    await retrieveBooking(c.var.deps, params.id, token, now); // proves the token before any provider call
    await syncBookingPayment(c.var.deps, params.id, now);
    return c.json(await retrieveBooking(c.var.deps, params.id, token, now));
  });

  defineRoute(app, routes.confirmTestPayment, async ({ params, body }, c) => {
    const provider = c.var.deps.payments;
    if (provider.mode !== 'test') throw new ProblemError('not_found', 'Test payments exist only in the offline test-payments mode.');
    const { database, clock } = c.var.deps;
    const [payment] = await database.db.select().from(payments).where(eq(payments.providerPaymentId, params.id));
    if (!payment?.bookingId) throw new ProblemError('payment_not_found', `There is no test payment "${params.id}".`);
    // Only the booking's own customer may pay it, even in test mode.
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new ProblemError('manage_token_required', 'Send the booking’s manage token as `Authorization: Bearer <token>`.');
    await retrieveBooking(c.var.deps, payment.bookingId, token, clock());
    await (provider as TestPayments).confirmTestPayment(params.id, { outcome: body.outcome }).catch(() => undefined); // a decline is an outcome
    await (provider as TestPayments).settled(); // its signed events have reached the webhook endpoint
    await syncBookingPayment(c.var.deps, payment.bookingId, clock());
    const [booking] = await database.db.select().from(bookings).where(eq(bookings.id, payment.bookingId));
    return c.json(await present(database.db, booking!));
  });

  defineRoute(app, routes.confirmTestPurchasePayment, async ({ params, body }, c) => {
    const provider = c.var.deps.payments;
    if (provider.mode !== 'test') throw new ProblemError('not_found', 'Test payments exist only in the offline test-payments mode.');
    const { database, clock } = c.var.deps;
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new ProblemError('credits_token_required', 'Send the credits token of the purchase as `Authorization: Bearer <token>`.');
    const tokenHash = await hashToken(token);
    const purchase = await purchaseByToken(database.db, tokenHash);
    const [payment] = await database.db.select().from(payments).where(eq(payments.providerPaymentId, params.id));
    if (!payment || payment.packagePurchaseId !== purchase.id) throw new ProblemError('payment_not_found', `There is no test payment "${params.id}" for this purchase.`);
    await (provider as TestPayments).confirmTestPayment(params.id, { outcome: body.outcome }).catch(() => undefined); // a decline is an outcome
    await (provider as TestPayments).settled();
    await applyNow(c.var.deps, payment, await provider.retrievePaymentIntent(params.id), clock());
    return c.json(await creditBalance(database.db, tokenHash, clock()));
  });

  app.get('/stripe/return', (c) =>
    c.html('<!doctype html><meta charset="utf-8"><title>Slotwise</title><p>Thank you. You can close this tab and check your payment status in Slotwise.</p>'),
  );
  return app;
}

/** A specialist's Stripe account, payments and earnings; mounted under the `/v1/me/*` authentication. */
export function myPaymentRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.retrieveStripeStatus, async (_, c) => c.json(await stripeStatus(c.var.deps, c.var.specialist)));
  defineRoute(app, routes.createStripeOnboarding, async ({ body }, c) =>
    c.json(await stripeOnboarding(c.var.deps, c.var.specialist, body, new URL(c.req.url).origin), 201),
  );
  defineRoute(app, routes.listMyPayments, async ({ query }, c) => c.json(await listMyPayments(c.var.deps.database.db, c.var.specialist.id, query)));
  defineRoute(app, routes.retrieveMyEarnings, async ({ query }, c) =>
    c.json(await earnings(c.var.deps.database.db, c.var.specialist.id, query, c.var.deps.clock())),
  );
}
