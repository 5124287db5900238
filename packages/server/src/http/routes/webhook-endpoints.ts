import { routes } from '@slotwise/sdk/contract';
import type { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { listWebhookDeliveries, redeliverWebhook } from '../../services/webhooks/deliveries.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  retrieveWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from '../../services/webhooks/endpoints.js';
import { defineRoute } from '../define-route.js';

/** A specialist's outgoing webhooks; mounted under the `/v1/me/*` authentication. */
export function myWebhookRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.listWebhookEndpoints, async (_, c) => c.json(await listWebhookEndpoints(c.var.deps, c.var.specialist)));
  defineRoute(app, routes.createWebhookEndpoint, async ({ body }, c) => c.json(await createWebhookEndpoint(c.var.deps, c.var.specialist, body), 201));
  defineRoute(app, routes.retrieveWebhookEndpoint, async ({ params }, c) => c.json(await retrieveWebhookEndpoint(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.updateWebhookEndpoint, async ({ params, body }, c) =>
    c.json(await updateWebhookEndpoint(c.var.deps, c.var.specialist, params.id, body)),
  );
  defineRoute(app, routes.deleteWebhookEndpoint, async ({ params }, c) => c.json(await deleteWebhookEndpoint(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.rotateWebhookSecret, async ({ params }, c) => c.json(await rotateWebhookSecret(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.listWebhookDeliveries, async ({ params, query }, c) =>
    c.json(await listWebhookDeliveries(c.var.deps, c.var.specialist, params.id, query)),
  );
  defineRoute(app, routes.redeliverWebhook, async ({ params }, c) =>
    c.json(await redeliverWebhook(c.var.deps, c.var.specialist, params.id, params.deliveryId), 201),
  );
}
