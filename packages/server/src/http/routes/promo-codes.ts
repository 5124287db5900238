import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { createPromoCode, deactivatePromoCode, listMyPromoCodes, updatePromoCode } from '../../services/promo/codes.js';
import { quotePromo } from '../../services/promo/quote.js';

/**
 * The public check of a promo code, rate-limited tighter than other public reads (on top of the
 * `/v1/specialists/*` limit): it answers whether a text is a code, so it must not be a cheap way
 * to guess codes.
 */
export function promoCheckRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/specialists/:handle/promo-codes/:code', rateLimit({ name: 'promo-check', limit: 30 }));
  defineRoute(app, routes.checkPromoCode, async ({ params, query }, c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await quotePromo(c.var.deps, params.handle, params.code, query));
  });
  return app;
}

/** A specialist's promo codes; mounted under the `/v1/me/*` authentication of `meRoutes`. */
export function myPromoCodeRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.listMyPromoCodes, async (_, c) => c.json({ data: await listMyPromoCodes(c.var.deps, c.var.specialist) }));
  defineRoute(app, routes.createMyPromoCode, async ({ body }, c) => c.json(await createPromoCode(c.var.deps, c.var.specialist, body), 201));
  defineRoute(app, routes.deactivateMyPromoCode, async ({ params }, c) => c.json(await deactivatePromoCode(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.updateMyPromoCode, async ({ params, body }, c) => c.json(await updatePromoCode(c.var.deps, c.var.specialist, params.id, body)));
}
