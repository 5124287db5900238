import { routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { defineRoute } from '../http/define-route.js';
import { ProblemError } from '../http/problem.js';
import { bearerToken } from '../http/tokens.js';
import { cancelBooking, createBooking, retrieveBooking } from '../services/bookings.js';

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
  defineRoute(app, routes.createBooking, async ({ body }, c) => {
    const created = await createBooking(c.var.deps, body, c.var.deps.clock());
    return c.json(created, 201, { location: `/v1/bookings/${created.booking.id}` });
  });
  defineRoute(app, routes.retrieveBooking, async ({ params }, c) =>
    c.json(await retrieveBooking(c.var.deps.database, params.id, manageToken(c))),
  );
  defineRoute(app, routes.cancelBooking, async ({ params, body }, c) => {
    const { database, clock } = c.var.deps;
    return c.json(await cancelBooking(database, params.id, manageToken(c), body.reason, clock()));
  });
  return app;
}
