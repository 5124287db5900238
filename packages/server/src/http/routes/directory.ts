import { routes } from '@slotwise/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { searchDirectory } from '../../services/directory/search.js';
import { defineRoute } from '../define-route.js';

/** The public directory of specialists (`services/directory/`): any origin may read it, like a search page. */
export function directoryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Open times inside: never cached downstream, like the slots they are checked against.
  defineRoute(app, routes.searchSpecialists, async ({ query }, c) => c.json(await searchDirectory(c.var.deps, query), 200, { 'cache-control': 'no-cache' }));
  return app;
}
