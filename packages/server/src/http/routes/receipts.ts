import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { bookingForToken } from '../../services/bookings/customer.js';
import { receiptOf } from '../../services/payments/receipt.js';
import { bearerToken } from '../bearer.js';
import { pageLanguage } from '../pages/locales/index.js';
import { receiptPage } from '../pages/receipt.js';
import { secureHtmlHeaders } from '../pages/secure-page.js';
import { HttpError } from '../problem.js';
import { t } from '../../services/messages/index.js';

/**
 * `GET /v1/bookings/:id/receipt` — an HTML receipt for the holder of the manage token, sent as
 * `Authorization: Bearer` or, for a link in an email, as `?token=`; and the page Stripe's
 * onboarding returns a specialist to.
 */
export function pageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/bookings/:id/receipt', async (c) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token');
    if (!token) throw new HttpError('manage_token_required', t('manage_token_required.receipt'));
    const receipt = await receiptOf(c.var.deps, await bookingForToken(c.var.deps, c.req.param('id'), token));
    c.header('cache-control', 'private, no-store');
    secureHtmlHeaders(c);
    // The customer's own language, the one their emails are in: the receipt belongs to their booking.
    return c.html(receiptPage(receipt, pageLanguage(c, receipt.booking.customerLocale)));
  });
  app.get('/stripe/return', (c) => {
    secureHtmlHeaders(c);
    return c.html('<!doctype html><meta charset="utf-8"><title>Slotwise</title><p>Thank you. You can close this tab and check your payment status in Slotwise.</p>');
  });
  return app;
}
