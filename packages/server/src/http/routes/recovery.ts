import { routes } from '@slotwise/sdk/contract';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv, Principal } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { listSpecialistReviewsForOperator } from '../../services/reviews/list.js';
import { apiKeyAuth } from '../middleware/api-key/index.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { sessionAuth } from '../middleware/session/index.js';
import { confirmPasswordReset, requestPasswordReset } from '../../services/accounts/password-reset.js';
import { resendVerification, verifyEmail } from '../../services/accounts/verification.js';
import { listSpecialists } from '../../services/catalog/specialist-list.js';
import { reactivateSpecialist, suspendSpecialist } from '../../services/catalog/suspension.js';

const noStore = { 'cache-control': 'no-store' };
const QUARTER_HOUR_MS = 15 * 60_000;

export interface RecoveryRoutesOptions {
  /** Reset requests, confirmations and verifications one client address may make per minute (each). @default 5 */
  attemptsPerMinute?: number;
  /** Reset links one email address may be sent per 15 minutes, whoever asks. @default 3 */
  resetsPerEmail?: number;
}

/**
 * The email a body asks for (a reset, a "My bookings" link), lower-cased as stored; `undefined`
 * when it names none (the route answers that body itself, so no per-address limit counts it).
 * The body is read once and cached by Hono.
 */
export function emailOf(c: Context<AppEnv>): Promise<string | undefined> {
  return bodyEmail(c, (body) => body.email);
}

/**
 * The address `pick` finds in the JSON body, trimmed and lower-cased (the unit a per-address
 * limit counts); undefined when there is none or the body is not JSON.
 */
export async function bodyEmail(c: Context<AppEnv>, pick: (body: Record<string, unknown>) => unknown): Promise<string | undefined> {
  try {
    const found = pick((JSON.parse(await c.req.text()) as Record<string, unknown> | null) ?? {});
    const email = typeof found === 'string' ? found.trim().toLowerCase() : '';
    return email === '' ? undefined : email;
  } catch {
    return undefined;
  }
}

/**
 * Password reset and email verification by emailed single-use links, and the operator's list of
 * specialists with suspension. Mounted after `accountRoutes`, whose `/v1/me` and `/v1/operator`
 * authentication runs first; the copies here keep this module whole on its own.
 */
export function recoveryRoutes(options: RecoveryRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const perMinute = options.attemptsPerMinute ?? 5;

  // Per client and per address: one visitor cannot flood an inbox, nor many visitors one address.
  app.use(routes.requestPasswordReset.path, rateLimit({ name: 'password-reset', limit: perMinute }));
  app.use(routes.requestPasswordReset.path, rateLimit({ name: 'password-reset-email', limit: options.resetsPerEmail ?? 3, windowMs: QUARTER_HOUR_MS, keyOf: emailOf }));
  app.use(routes.confirmPasswordReset.path, rateLimit({ name: 'password-reset-confirm', limit: perMinute }));
  app.use(routes.verifyEmail.path, rateLimit({ name: 'verify-email', limit: perMinute }));
  defineRoute(app, routes.requestPasswordReset, async ({ body }, c) => c.json(await requestPasswordReset(c.var.deps, body.email), 202));
  defineRoute(app, routes.confirmPasswordReset, async ({ body }, c) => c.json(await confirmPasswordReset(c.var.deps, body), 200, noStore));
  defineRoute(app, routes.verifyEmail, async ({ body }, c) => c.json(await verifyEmail(c.var.deps, body.token)));

  app.use(routes.resendEmailVerification.path, apiKeyAuth());
  app.use(
    routes.resendEmailVerification.path,
    rateLimit({ name: 'email-verification', limit: 3, windowMs: QUARTER_HOUR_MS, keyOf: (c) => c.var.specialist.id }),
  );
  defineRoute(app, routes.resendEmailVerification, async (_, c) => c.json(await resendVerification(c.var.deps, c.var.specialist), 202));

  app.use('/v1/operator/specialists', sessionAuth({ role: 'operator' }));
  app.use('/v1/operator/specialists/*', sessionAuth({ role: 'operator' }));
  const operatorId = (c: Context<AppEnv>) => (c.var.principal as Extract<Principal, { kind: 'accessToken' }>).accountId; // sessionAuth lets nothing else through
  defineRoute(app, routes.listOperatorSpecialists, async ({ query }, c) => c.json(await listSpecialists(c.var.deps, query)));
  defineRoute(app, routes.suspendSpecialist, async ({ params, body }, c) => c.json(await suspendSpecialist(c.var.deps, params.id, body.reason, operatorId(c))));
  defineRoute(app, routes.reactivateSpecialist, async ({ params }, c) => c.json(await reactivateSpecialist(c.var.deps, params.id, operatorId(c))));
  defineRoute(app, routes.listOperatorSpecialistReviews, async ({ params, query }, c) => c.json(await listSpecialistReviewsForOperator(c.var.deps, params.id, query), 200, { 'cache-control': 'private, no-store' }));
  return app;
}
