import { z } from 'zod';
import { Instant } from './common.js';
import { operations } from './operations.js';
import type { ProblemCode } from './problems.js';
import type { RouteSpec } from './route-spec.js';

export const BookingsFeed = z
  .strictObject({
    url: z.string().meta({
      description:
        'The private address of your bookings feed (`…/v1/feeds/<token>/bookings.ics`). Shown once: it is the only credential the feed needs, so keep it like a password. Subscribe to it from Google, Apple or Outlook Calendar (Apple and Outlook also take it as `webcal://…`).',
      example: 'https://api.slotwise.dev/v1/feeds/sp_4x9q….feed_Q2h…/bookings.ics',
    }),
    createdAt: Instant,
  })
  .meta({ id: 'BookingsFeed' });

export const BookingsFeedRevoked = z
  .strictObject({
    revoked: z.boolean().meta({ description: 'Whether there was a feed to revoke (false: there was none; nothing changed).' }),
  })
  .meta({ id: 'BookingsFeedRevoked' });

const meErrors: ProblemCode[] = ['unauthorized', 'token_expired', 'forbidden'];

/**
 * The specialist's private ICS feed of their bookings. The files themselves (the feed, and a
 * booking's `.ics` for its customer) are not JSON: see `calendar-files.ts`.
 */
export const calendarRoutes = {
  createBookingsFeed: {
    ...operations.createBookingsFeed,
    summary:
      'Create your private calendar feed of bookings, or rotate it: a new secret address is answered once, and the previous address stops working at once.',
    tag: 'Calendar',
    response: { status: 201, schema: BookingsFeed, description: 'The feed’s new address.' },
    errors: meErrors,
  },
  revokeBookingsFeed: {
    ...operations.revokeBookingsFeed,
    summary: 'Revoke your calendar feed: its address answers 404 from now on. Calendars subscribed to it stop updating.',
    tag: 'Calendar',
    response: { status: 200, schema: BookingsFeedRevoked, description: 'Whether a feed was revoked.' },
    errors: meErrors,
  },
} as const satisfies Record<string, RouteSpec>;

export type BookingsFeed = z.infer<typeof BookingsFeed>;
export type BookingsFeedRevoked = z.infer<typeof BookingsFeedRevoked>;
