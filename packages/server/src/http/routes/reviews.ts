import { routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv, Principal } from '../../app-env.js';
import { createReview, bookingReview } from '../../services/reviews/write.js';
import { listMyReviews, listReviews } from '../../services/reviews/list.js';
import { hideReview, respondToReview, showReview } from '../../services/reviews/moderate.js';
import { defineRoute } from '../define-route.js';
import { apiKeyAuth } from '../middleware/api-key/index.js';
import { sessionAuth } from '../middleware/session/index.js';
import { manageToken } from './bookings.js';

/**
 * Verified reviews. The customer's with the booking's manage token (the manage view's bearer);
 * the public list; the specialist's own list and answer (`/v1/me`, their reviews only); the
 * operator's hiding. Decisions are the services' (`services/reviews/`); handlers only parse and call.
 */
export function reviewRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Rate-limited with the other manage calls by `bookingRoutes`' `/v1/bookings/:id/*` (mounted first).
  defineRoute(app, routes.createReview, async ({ params, body }, c) => c.json(await createReview(c.var.deps, params.id, manageToken(c), body), 201));
  defineRoute(app, routes.retrieveBookingReview, async ({ params }, c) => c.json(await bookingReview(c.var.deps, params.id, manageToken(c)), 200, { 'cache-control': 'private, no-store' }));
  defineRoute(app, routes.listSpecialistReviews, async ({ params, query }, c) => c.json(await listReviews(c.var.deps, params.handle, query), 200, { vary: 'Origin' }));

  app.use('/v1/me/reviews', apiKeyAuth());
  app.use('/v1/me/reviews/*', apiKeyAuth());
  defineRoute(app, routes.listMyReviews, async ({ query }, c) => c.json(await listMyReviews(c.var.deps, c.var.specialist, query)));
  defineRoute(app, routes.respondToMyReview, async ({ params, body }, c) => c.json(await respondToReview(c.var.deps, c.var.specialist, params.id, body.text)));

  app.use('/v1/operator/reviews/*', sessionAuth({ role: 'operator' }));
  const operatorId = (c: Context<AppEnv>) => (c.var.principal as Extract<Principal, { kind: 'accessToken' }>).accountId; // sessionAuth lets nothing else through
  defineRoute(app, routes.hideReview, async ({ params, body }, c) => c.json(await hideReview(c.var.deps, params.id, body.reason, operatorId(c))));
  defineRoute(app, routes.showReview, async ({ params }, c) => c.json(await showReview(c.var.deps, params.id)));
  return app;
}
