import { routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { createBooking } from '../../services/bookings/create.js';
import { cancelBooking, quoteCancellation, rescheduleBooking, retrieveBooking } from '../../services/bookings/customer.js';
import { releaseHold } from '../../services/bookings/release.js';
import { hashToken } from '../../services/ids.js';
import { bearerToken } from '../bearer.js';
import { defineRoute } from '../define-route.js';
import { foreignOrigin } from '../public-origin.js';
import { clientAddress, rateLimit } from '../middleware/rate-limit/index.js';
import { HttpError } from '../problem.js';
import { t } from '../../services/messages/index.js';
import { negotiateLanguage } from '../accept-language.js';
import { bodyEmail } from './recovery.js';

/** The manage token of a booking, sent as `Authorization: Bearer`, or a 401 that says where it is. */
export function manageToken(c: Context<AppEnv>): string {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) {
    throw new HttpError('manage_token_required', t('manage_token_required.confirmation'), {
      headers: { 'www-authenticate': 'Bearer realm="slotwise-booking"' },
    });
  }
  return token;
}

/** Booking attempts one customer email address may make in an hour (`rateLimit` 'book-email'). */
export const BOOKINGS_PER_EMAIL_PER_HOUR = 10;

/** The booking body's customer email, lower-cased; undefined when there is none to count by. */
const customerEmailOf = (c: Context<AppEnv>) => bodyEmail(c, (body) => (body.customer as { email?: unknown } | undefined)?.email);

export function bookingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/bookings', rateLimit({ name: 'book', limit: 30 }));
  // Every booking emails its customer: one address gets at most BOOKINGS_PER_EMAIL_PER_HOUR
  // attempts an hour, across every specialist, so nobody can fill a stranger's inbox with
  // confirmations (a free service books without payment, and its text is the booker's).
  app.post(
    '/v1/bookings',
    rateLimit({
      name: 'book-email',
      limit: BOOKINGS_PER_EMAIL_PER_HOUR,
      windowMs: 60 * 60_000,
      keyOf: customerEmailOf,
      message: (seconds) => t('rate_limited.bookings_per_email', { n: BOOKINGS_PER_EMAIL_PER_HOUR, minutes: Math.ceil(Number(seconds) / 60) }),
    }),
  );
  app.use('/v1/bookings/:id/*', rateLimit({ name: 'manage', limit: 60 }));

  defineRoute(app, routes.createBooking, async ({ body }, c) => {
    const visitorHash = body.visitor ? await hashToken(body.visitor) : undefined;
    const created = await createBooking(c.var.deps, body, { origin: foreignOrigin(c), clientHash: await hashToken(clientAddress(c)), visitorHash });
    return c.json(created, 201, { location: `/v1/bookings/${created.booking.id}` });
  });
  // The view's `move.reason` is a sentence for the customer: in the language they read, as the quote's.
  defineRoute(app, routes.retrieveBooking, async ({ params }, c) => {
    const language = negotiateLanguage(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language', { append: true });
    return c.json(await retrieveBooking(c.var.deps, params.id, manageToken(c), language), 200, { 'content-language': language });
  });
  defineRoute(app, routes.cancelBooking, async ({ params, body }, c) => c.json(await cancelBooking(c.var.deps, params.id, manageToken(c), body.reason)));
  // The quote's `reason` is a sentence for the customer: in the language they read (Accept-Language).
  defineRoute(app, routes.quoteCancellation, async ({ params }, c) => {
    const language = negotiateLanguage(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language', { append: true });
    return c.json(await quoteCancellation(c.var.deps, params.id, manageToken(c), language), 200, { 'content-language': language });
  });
  defineRoute(app, routes.releaseBooking, async ({ params }, c) => c.json(await releaseHold(c.var.deps, params.id, manageToken(c))));
  defineRoute(app, routes.rescheduleBooking, async ({ params, body }, c) => {
    const language = negotiateLanguage(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language', { append: true });
    return c.json(await rescheduleBooking(c.var.deps, params.id, manageToken(c), body.start, language), 200, { 'content-language': language });
  });
  return app;
}
