import { z } from 'zod';
import { Email, Handle, Instant } from './common.js';
import { Booking } from './bookings.js';
import { CreditLot } from './packages.js';
import { say } from './messages.js';

/** How long an emailed "My bookings" link works, and how long the session it opens lasts. */
export const CUSTOMER_LINK_MINUTES = 15;
export const CUSTOMER_SESSION_MINUTES = 60;

export const CustomerLinkRequest = z
  .strictObject({
    email: Email,
    returnUrl: z
      .url({ protocol: /^https?$/, message: say('return_url') })
      .max(2000)
      .optional()
      .meta({
        description:
          'Where the emailed link leads (the token goes in its fragment, `#slotwise-my=<token>`). Used only when its origin is one of the specialist’s allowed origins; otherwise the link leads to their hosted page.',
      }),
  })
  .meta({ id: 'CustomerLinkRequest' });

export const CustomerSessionCreate = z
  .strictObject({ token: z.string().min(1).max(200).meta({ description: 'The token from the emailed link’s `#slotwise-my=` fragment.' }) })
  .meta({ id: 'CustomerSessionCreate' });

export const CustomerSignOut = z
  .strictObject({ sessionToken: z.string().min(1).max(200).meta({ description: 'The session to end (like `POST /v1/auth/logout`, the token goes in the body).' }) })
  .meta({ id: 'CustomerSignOut' });

export const CustomerSession = z
  .strictObject({
    sessionToken: z.string().meta({ description: 'Send as `Authorization: Bearer` to `GET /v1/my-bookings`; shown once, works for 1 hour.' }),
    expiresAt: Instant,
    customerEmail: z.string(),
    specialist: z.strictObject({ handle: Handle, name: z.string() }),
  })
  .meta({ id: 'CustomerSession' });

export const CustomerBookingEntry = z
  .strictObject({
    /** As its manage token shows it: time, service, status, payment with refunds, shared notes and recording when shared. */
    booking: Booking,
    manageToken: z.string().nullable().meta({
      description: 'A manage token for this booking (calendar file, receipt, reschedule, cancel), minted when the session opened; null for a booking made since (open a new session).',
    }),
  })
  .meta({ id: 'CustomerBookingEntry' });

export const CustomerBookings = z
  .strictObject({
    customerEmail: z.string(),
    specialist: z.strictObject({ handle: Handle, name: z.string() }),
    /** Not yet ended, soonest first (held, confirmed). */
    upcoming: z.array(CustomerBookingEntry),
    /** Ended or called off, latest first; at most 50. */
    past: z.array(CustomerBookingEntry),
    credits: z.strictObject({ total: z.number().int().nonnegative(), lots: z.array(CreditLot) }),
    sessionExpiresAt: Instant,
  })
  .meta({ id: 'CustomerBookings' });

export type CustomerLinkRequest = z.input<typeof CustomerLinkRequest>;
export type CustomerSessionCreate = z.input<typeof CustomerSessionCreate>;
export type CustomerSession = z.infer<typeof CustomerSession>;
export type CustomerSignOut = z.input<typeof CustomerSignOut>;
export type CustomerBookingEntry = z.infer<typeof CustomerBookingEntry>;
export type CustomerBookings = z.infer<typeof CustomerBookings>;
