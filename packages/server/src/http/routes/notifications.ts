import { routes } from '@slotwise/sdk/contract';
import type { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { listNotifications, markNotificationsRead } from '../../services/notifications/inbox.js';
import { defineRoute } from '../define-route.js';

/** The specialist's in-app notifications; mounted under the `/v1/me/*` authentication. */
export function myNotificationRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.listMyNotifications, async ({ query }, c) => c.json(await listNotifications(c.var.deps, c.var.specialist, query)));
  defineRoute(app, routes.markMyNotificationsRead, async ({ body }, c) =>
    c.json(await markNotificationsRead(c.var.deps, c.var.specialist, body.all ? 'all' : { ids: body.ids ?? [] })),
  );
}
