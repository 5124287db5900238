import { routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { negotiateLanguage } from '../accept-language.js';
import { endCustomerSession, openCustomerSession, requestCustomerLink } from '../../services/customers/access.js';
import { listCustomerBookings } from '../../services/customers/customer-bookings.js';
import { t } from '../../services/messages/index.js';
import { bearerToken } from '../bearer.js';
import { defineRoute } from '../define-route.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { HttpError } from '../problem.js';
import { emailOf } from './recovery.js';

const noStore = { 'cache-control': 'no-store' };
const QUARTER_HOUR_MS = 15 * 60_000;

export interface CustomerAccessRoutesOptions {
  /** Link requests and session openings one client address may make per minute (each). @default 5 */
  attemptsPerMinute?: number;
  /** Links one email address may be sent per 15 minutes and specialist, whoever asks. @default 3 */
  linksPerEmail?: number;
}

/** The session token of `Authorization: Bearer`, or a 401 that says where it comes from. */
function sessionToken(c: Context<AppEnv>): string {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new HttpError('customer_session_required', t('customer_session_required'));
  return token;
}

/**
 * "My bookings" without an account: an emailed single-use link, exchanged for a 1-hour session
 * that lists the customer's bookings with one specialist. Link requests are limited per client
 * and per address (one visitor cannot flood an inbox, nor many visitors one address).
 */
export function customerAccessRoutes(options: CustomerAccessRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const perMinute = options.attemptsPerMinute ?? 5;
  const link = '/v1/specialists/:handle/my-bookings/link';
  app.use(link, rateLimit({ name: 'my-bookings-link', limit: perMinute }));
  app.use(link, rateLimit({ name: 'my-bookings-link-email', limit: options.linksPerEmail ?? 3, windowMs: QUARTER_HOUR_MS, keyOf: async (c) => {
        const email = await emailOf(c);
        return email === undefined ? undefined : `${c.req.param('handle')}:${email}`;
      } }));
  app.use('/v1/specialists/:handle/my-bookings/session', rateLimit({ name: 'my-bookings-session', limit: perMinute }));
  app.use('/v1/my-bookings/*', rateLimit({ name: 'my-bookings', limit: 60 }));
  app.use('/v1/my-bookings', rateLimit({ name: 'my-bookings', limit: 60 }));

  // The answer's `message` is a sentence for the customer: in the language they read (Accept-Language).
  defineRoute(app, routes.requestCustomerLink, async ({ params, body }, c) => {
    const language = negotiateLanguage(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language', { append: true });
    return c.json(await requestCustomerLink(c.var.deps, params.handle, body.email, body.returnUrl, language), 202, { 'content-language': language });
  });
  defineRoute(app, routes.openCustomerSession, async ({ params, body }, c) => c.json(await openCustomerSession(c.var.deps, params.handle, body.token), 201, noStore));
  defineRoute(app, routes.listCustomerBookings, async (_, c) => c.json(await listCustomerBookings(c.var.deps, sessionToken(c)), 200, noStore));
  defineRoute(app, routes.endCustomerSession, async ({ body }, c) => c.json(await endCustomerSession(c.var.deps, body.sessionToken)));
  return app;
}
