import { routes } from '@slotwise/sdk/contract';
import type { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import {
  cancelMyBooking,
  cancelMySession,
  listMyBookings,
  markMyBooking,
  rescheduleMyBooking,
  retrieveMyBooking,
  updateMyBookingNotes,
} from '../../services/bookings/specialist.js';
import { defineRoute } from '../define-route.js';

/** A specialist's bookings; mounted under the `/v1/me/*` authentication of `meRoutes`. */
export function myBookingRoutes(app: Hono<AppEnv>): void {
  defineRoute(app, routes.listMyBookings, async ({ query }, c) => c.json(await listMyBookings(c.var.deps, c.var.specialist, query)));
  defineRoute(app, routes.retrieveMyBooking, async ({ params }, c) => c.json(await retrieveMyBooking(c.var.deps, c.var.specialist, params.id)));
  defineRoute(app, routes.completeMyBooking, async ({ params }, c) => c.json(await markMyBooking(c.var.deps, c.var.specialist, params.id, 'complete')));
  defineRoute(app, routes.markMyBookingNoShow, async ({ params }, c) => c.json(await markMyBooking(c.var.deps, c.var.specialist, params.id, 'mark_no_show')));
  defineRoute(app, routes.cancelMyBooking, async ({ params, body }, c) => c.json(await cancelMyBooking(c.var.deps, c.var.specialist, params.id, body.reason)));
  defineRoute(app, routes.cancelMySession, async ({ params, body }, c) => c.json(await cancelMySession(c.var.deps, c.var.specialist, params.id, body.reason)));
  defineRoute(app, routes.rescheduleMyBooking, async ({ params, body }, c) =>
    c.json(await rescheduleMyBooking(c.var.deps, c.var.specialist, params.id, body.start)),
  );
  defineRoute(app, routes.updateMyBookingNotes, async ({ params, body }, c) =>
    c.json(await updateMyBookingNotes(c.var.deps, c.var.specialist, params.id, body)),
  );
}
