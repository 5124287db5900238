import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { apiKeyAuth } from '../middleware/api-key/index.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { myBookingRoutes } from './my-bookings.js';
import { myNotificationRoutes } from './notifications.js';
import { myPackageRoutes } from './packages.js';
import { myPromoCodeRoutes } from './promo-codes.js';
import { myWebhookRoutes } from './webhook-endpoints.js';
import { myPaymentRoutes } from './payments.js';
import { addOverride, addRecurring, availabilityRules, removeRule, replaceWeekly } from '../../services/availability/editor.js';
import { addCalendarFeed, removeCalendarFeed, syncCalendarFeed } from '../../services/availability/calendar-feeds.js';
import { myServices, updateServiceRules } from '../../services/catalog/services.js';

/** The specialist's own API: every handler acts on `c.var.specialist` and nothing else. */
export function meRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/me/*', apiKeyAuth());

  defineRoute(app, routes.retrieveAvailability, async (_, c) => c.json(await availabilityRules(c.var.deps, c.var.specialist)));
  defineRoute(app, routes.replaceWeeklySchedule, async ({ body }, c) => {
    await replaceWeekly(c.var.deps, c.var.specialist, body);
    return c.json(await availabilityRules(c.var.deps, c.var.specialist));
  });
  defineRoute(app, routes.createDateOverride, async ({ body }, c) =>
    c.json(await addOverride(c.var.deps, c.var.specialist, body), 201),
  );
  defineRoute(app, routes.deleteDateOverride, async ({ params }, c) =>
    c.json(await removeRule(c.var.deps, c.var.specialist, 'override', params.id)),
  );
  defineRoute(app, routes.createRecurring, async ({ body }, c) =>
    c.json(await addRecurring(c.var.deps, c.var.specialist, body), 201),
  );
  defineRoute(app, routes.deleteRecurring, async ({ params }, c) =>
    c.json(await removeRule(c.var.deps, c.var.specialist, 'recurring', params.id)),
  );
  defineRoute(app, routes.createCalendarFeed, async ({ body }, c) =>
    c.json(await addCalendarFeed(c.var.deps, c.var.specialist, body.url), 201),
  );
  defineRoute(app, routes.deleteCalendarFeed, async ({ params }, c) => c.json(await removeCalendarFeed(c.var.deps, c.var.specialist, params.id)));
  // Each sync is an outside fetch (up to 5 s, 2 MiB): bounded per specialist like the other costly routes.
  app.post('/v1/me/calendar-feeds/:id/sync', rateLimit({ name: 'feed-sync', limit: 20, keyOf: (c) => c.var.specialist.id }));
  defineRoute(app, routes.syncCalendarFeed, async ({ params }, c) => c.json(await syncCalendarFeed(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.listMyServices, async (_, c) => c.json({ data: await myServices(c.var.deps, c.var.specialist) }));
  defineRoute(app, routes.updateServiceRules, async ({ params, body }, c) =>
    c.json(await updateServiceRules(c.var.deps, c.var.specialist, params.id, body)),
  );
  myBookingRoutes(app);
  myPaymentRoutes(app);
  myPackageRoutes(app);
  myPromoCodeRoutes(app);
  myWebhookRoutes(app);
  myNotificationRoutes(app);
  return app;
}
