import { calendarFiles, CALENDAR_CONTENT_TYPE, routes } from '@slotwise/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { bookingCalendarFile } from '../../services/calendar/booking-file.js';
import { bookingsFeedIcs, revokeBookingsFeed, rotateBookingsFeed } from '../../services/calendar/bookings-feed.js';
import { bearerToken } from '../bearer.js';
import { defineRoute, honoPath } from '../define-route.js';
import { apiKeyAuth } from '../middleware/api-key/index.js';
import { rateLimit } from '../middleware/rate-limit/index.js';
import { HttpError } from '../problem.js';
import { t } from '../../services/messages/index.js';

/**
 * Calendar files are private (a manage token or a feed's secret opens them) and may carry that
 * secret in their URL: never stored by a shared cache, never sniffed as something else, and no
 * referrer sent onward.
 */
function calendarAnswer(c: Context<AppEnv>, ics: string, disposition: string): Response {
  return c.body(ics, 200, {
    'content-type': CALENDAR_CONTENT_TYPE,
    'content-disposition': disposition,
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
}

/**
 * A booking's `.ics` for its customer (manage token as `Authorization: Bearer`, or `?token=` from a
 * link), the specialist's private feed of bookings (`/v1/feeds/:token/bookings.ics`, for calendar
 * apps to subscribe to), and `/v1/me/calendar-feed` to make, rotate or revoke that feed.
 */
export function calendarRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/v1/me/calendar-feed', apiKeyAuth());
  defineRoute(app, routes.createBookingsFeed, async (_, c) => c.json(await rotateBookingsFeed(c.var.deps, c.var.specialist), 201));
  defineRoute(app, routes.revokeBookingsFeed, async (_, c) => c.json(await revokeBookingsFeed(c.var.deps, c.var.specialist)));

  app.get(honoPath(calendarFiles.bookingCalendar.path), async (c) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token');
    if (!token) {
      throw new HttpError('manage_token_required', t('manage_token_required.calendar'), {
        headers: { 'www-authenticate': 'Bearer realm="slotwise-booking"' },
      });
    }
    const file = await bookingCalendarFile(c.var.deps, c.req.param('id') ?? '', token);
    return calendarAnswer(c, file.ics, `attachment; filename="${file.filename}"`);
  });

  // Calendar apps poll a feed every few hours; a limit per feed (not per address: Google fetches
  // every subscriber's feeds from a few shared addresses) bounds what one leaked URL can cost.
  const perFeed = rateLimit({ name: 'feed', limit: 60, keyOf: (c) => c.req.path });
  app.get(honoPath(calendarFiles.bookingsFeed.path), perFeed, async (c) =>
    calendarAnswer(c, await bookingsFeedIcs(c.var.deps, c.req.param('token') ?? ''), 'inline; filename="bookings.ics"'),
  );
  return app;
}
