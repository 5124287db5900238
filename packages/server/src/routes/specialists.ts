import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../http/define-route.js';
import { listSlots } from '../services/availability.js';
import { profile } from '../services/catalog.js';

export function specialistRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, routes.retrieveSpecialist, async ({ params }, c) =>
    c.json(await profile(c.var.deps.database.db, params.handle), 200, { vary: 'Origin' }),
  );
  defineRoute(app, routes.listSlots, async ({ params, query }, c) => {
    const body = await listSlots(c.var.deps, params.handle, query, c.var.deps.clock());
    // Never cached downstream: a stale slot is a bug. The server's own cache knows when to drop it.
    return c.body(body, 200, { 'content-type': 'application/json', 'cache-control': 'no-cache', vary: 'Origin' });
  });
  return app;
}
