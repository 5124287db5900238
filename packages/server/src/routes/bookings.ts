import { routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../http/define-route.js';
import { ProblemError } from '../http/problem.js';
import { bearerToken, hashToken } from '../http/tokens.js';
import { clientAddress, rateLimit } from '../middleware/rate-limit/index.js';
import { cancelBooking, createBooking, quoteCancellation, retrieveBooking } from '../services/bookings.js';
import { rescheduleBooking } from '../services/reschedule.js';

function manageToken(c: Context<AppEnv>): string {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) {
    throw new ProblemError('manage_token_required', 'Send the manage token from your confirmation as `Authorization: Bearer <token>`.', {
      headers: { 'www-authenticate': 'Bearer realm="slotwise-booking"' },
    });
  }
  return token;
}

export function bookingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/bookings', rateLimit({ name: 'book', limit: 30 }));
  app.use('/v1/bookings/:id/*', rateLimit({ name: 'manage', limit: 60 }));

  defineRoute(app, routes.createBooking, async ({ body }, c) => {
    const ctx = { origin: c.req.header('origin'), clientHash: await hashToken(clientAddress(c)) };
    const created = await createBooking(c.var.deps, body, ctx, c.var.deps.clock());
    return c.json(created, 201, { location: `/v1/bookings/${created.booking.id}` });
  });
  defineRoute(app, routes.retrieveBooking, async ({ params }, c) =>
    c.json(await retrieveBooking(c.var.deps, params.id, manageToken(c), c.var.deps.clock())),
  );
  defineRoute(app, routes.cancelBooking, async ({ params, body }, c) =>
    c.json(await cancelBooking(c.var.deps, params.id, manageToken(c), body.reason, c.var.deps.clock())),
  );
  defineRoute(app, routes.quoteCancellation, async ({ params }, c) =>
    c.json(await quoteCancellation(c.var.deps, params.id, manageToken(c), c.var.deps.clock())),
  );
  defineRoute(app, routes.rescheduleBooking, async ({ params, body }, c) =>
    c.json(await rescheduleBooking(c.var.deps, params.id, manageToken(c), body.start, c.var.deps.clock())),
  );
  return app;
}
