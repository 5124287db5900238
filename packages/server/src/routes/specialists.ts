import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../http/define-route.js';
import { listSlots } from '../services/availability.js';
import { profile } from '../services/catalog.js';

export function specialistRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  defineRoute(app, routes.retrieveSpecialist, async ({ params }, c) =>
    c.json(await profile(c.var.deps.database.db, params.handle)),
  );
  defineRoute(app, routes.listSlots, async ({ params, query }, c) =>
    c.json(await listSlots(c.var.deps.database.db, params.handle, query, c.var.deps.clock())),
  );
  return app;
}
