import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { defineRoute } from '../define-route.js';
import { listSlots, repeatedSlots } from '../../services/availability/slots.js';
import { profile } from '../../services/catalog/catalog.js';

export function specialistRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, routes.retrieveSpecialist, async ({ params }, c) =>
    c.json(await profile(c.var.deps, params.handle), 200, { vary: 'Origin' }),
  );
  // Never cached downstream: a stale slot is a bug. The server's own cache knows when to drop it.
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-cache', vary: 'Origin' };
  // The widget asks the same URLs again and again: answer a repeat before parsing anything.
  app.get('/v1/specialists/:handle/slots', async (c, next) => {
    const body = repeatedSlots(c.var.deps, c.req.param('handle'), c.req.url);
    return body ? c.body(body, 200, headers) : next();
  });
  defineRoute(app, routes.listSlots, async ({ params, query }, c) =>
    c.body(await listSlots(c.var.deps, params.handle, query, c.req.url), 200, headers),
  );
  return app;
}
