import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { foreignOrigin } from '../public-origin.js';
import { HttpError } from '../problem.js';
import { bearerToken } from '../bearer.js';
import { hashToken } from '../../services/ids.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { creditBalance, creditStatement } from '../../services/packages/balance.js';
import { pageLanguage } from '../pages/locales/index.js';
import { creditsPage } from '../pages/credits.js';
import { secureHtmlHeaders } from '../pages/secure-page.js';
import { archivePackage, createPackage, listMyPackages, retrieveMyPackage, updatePackage } from '../../services/packages/offers.js';
import { listMyPurchases } from '../../services/packages/sales.js';
import { refundPurchase } from '../../services/packages/refund.js';
import { purchasePackage } from '../../services/packages/purchases.js';
import { syncPurchasePayment } from '../../services/packages/purchase-sync.js';
import { t } from '../../services/messages/index.js';

/**
 * Buying a package and reading one's credits: public, rate-limited like bookings. Also
 * `GET /v1/credits/summary?token=…`, the credits as an HTML page for a link in an email (the
 * token as bearer works too).
 */
export function packageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/packages/:id/purchases', rateLimit({ name: 'purchase', limit: 30 }));
  app.get('/v1/credits', rateLimit({ name: 'credits', limit: 60 }));
  app.get('/v1/credits/summary', rateLimit({ name: 'credits', limit: 60 }));
  app.post('/v1/package-purchases/:id/payment/sync', rateLimit({ name: 'credits', limit: 60 }));

  defineRoute(app, routes.purchasePackage, async ({ params, body }, c) =>
    c.json(await purchasePackage(c.var.deps, params.id, body, { origin: foreignOrigin(c) }), 201),
  );
  defineRoute(app, routes.retrieveCredits, async (_, c) => {
    const token = creditsToken(c.req.header('authorization'));
    c.header('cache-control', 'private, no-store');
    return c.json(await creditBalance(c.var.deps, await hashToken(token)));
  });
  defineRoute(app, routes.syncPurchasePayment, async ({ params }, c) => {
    const token = creditsToken(c.req.header('authorization'));
    c.header('cache-control', 'private, no-store');
    return c.json(await syncPurchasePayment(c.var.deps, params.id, await hashToken(token)));
  });
  app.get('/v1/credits/summary', async (c) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token');
    if (!token) throw new HttpError('credits_token_required', t('credits_token_required.open'));
    const { balance, timeZone, locale } = await creditStatement(c.var.deps, await hashToken(token));
    c.header('cache-control', 'private, no-store');
    secureHtmlHeaders(c);
    return c.html(creditsPage(balance, timeZone, token, pageLanguage(c, locale)));
  });
  return app;
}

/** The bearer credits token, or the 401 that says where it comes from. */
function creditsToken(authorization: string | undefined): string {
  const token = bearerToken(authorization);
  if (!token) {
    throw new HttpError('credits_token_required', t('credits_token_required.purchase'), {
      headers: { 'www-authenticate': 'Bearer realm="slotwise-credits"' },
    });
  }
  return token;
}

/** A specialist's packages and their purchases; mounted under the `/v1/me/*` authentication of `meRoutes`. */
export function myPackageRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.listMyPackages, async (_, c) => c.json({ data: await listMyPackages(c.var.deps, c.var.specialist) }));
  defineRoute(app, routes.createMyPackage, async ({ body }, c) =>
    c.json(await createPackage(c.var.deps, c.var.specialist, body), 201),
  );
  defineRoute(app, routes.retrieveMyPackage, async ({ params }, c) => c.json(await retrieveMyPackage(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.updateMyPackage, async ({ params, body }, c) =>
    c.json(await updatePackage(c.var.deps, c.var.specialist, params.id, body)),
  );
  defineRoute(app, routes.archiveMyPackage, async ({ params }, c) => c.json(await archivePackage(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.listMyPackagePurchases, async ({ query }, c) =>
    c.json(await listMyPurchases(c.var.deps, c.var.specialist, query)),
  );
  defineRoute(app, routes.refundMyPackagePurchase, async ({ params, body }, c) =>
    c.json(await refundPurchase(c.var.deps, c.var.specialist, params.id, body)),
  );
}
