import { z } from 'zod';
import { Currency, Email, Handle, Instant, IsoDate, Locale, MinorAmount, TimeZone } from './common.js';
import { BookingJoin, BookingLocation, BookingMeeting, MeetingLink } from './locations.js';
import { BookingPayment, PaymentSession } from './payments.js';
import { Utm } from './utm.js';
import { BookingPromo } from './promo.js';
import { say } from './messages.js';

export const BookingStatus = z.enum(['held', 'confirmed', 'cancelled', 'expired', 'completed', 'no_show']);

/** Who did something to a booking. */
export const Actor = z.enum(['customer', 'specialist', 'system', 'operator']);

export const Customer = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { message: say('customer_name_required') })
    .max(120)
    // Not only invisible characters (a zero-width space is not trimmed).
    .refine((name) => name === '' || /[\p{L}\p{N}]/u.test(name), { message: say('customer_name_required') }),
  email: Email,
  timeZone: TimeZone,
});

/**
 * A mobile number in international (E.164) form, `+` country code and number; spaces, dashes,
 * dots and brackets are accepted and dropped (`+49 170 123-4567` → `+491701234567`).
 */
export const Phone = z
  .string()
  .max(32)
  .overwrite((phone) => phone.replace(/[\s().-]/g, ''))
  .refine((phone) => /^\+[1-9]\d{5,14}$/.test(phone), { message: say('phone_international') })
  .meta({ description: 'A mobile number in international (E.164) format.', example: '+491701234567' });

/** The customer as they book: optionally a phone number, and whether it may get text-message reminders. */
export const CustomerCreate = Customer.extend({
  locale: Locale.optional().meta({ description: "The customer's language: their emails follow it (English by default). The widget sends its own." }),
  phone: Phone.optional(),
  smsConsent: z.boolean().default(false).meta({ description: 'The customer agrees to get reminder texts at `phone` (only when the server sends text messages).' }),
}).superRefine((customer, ctx) => {
  if (customer.smsConsent && customer.phone === undefined) ctx.addIssue({ code: 'custom', path: ['phone'], message: say('sms_needs_phone') });
});

/** The customer as a booking shows them: the phone and the consent only to the booking's own customer (manage token). */
export const BookingCustomer = Customer.extend({ phone: Phone.optional(), smsConsent: z.boolean().optional() });

export const BookingCreate = z
  .strictObject({
    specialist: Handle,
    service: z.string().min(1).max(64),
    duration: z.number().int().positive().optional().meta({ description: "Minutes; defaults to the service's first duration." }),
    start: Instant.meta({ description: 'A start time offered by the slots endpoint.' }),
    customer: CustomerCreate,
    notes: z.string().max(2000).optional(),
    visitor: z
      .string()
      .min(16)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/, { message: say('visitor_id') })
      .optional()
      .meta({
        description:
          'A random id the browser keeps for this visitor (the widget sends one). Unpaid holds are limited per visitor (or email) rather than per network address, which others may share. Stored only as its SHA-256.',
      }),
    credit: z
      .strictObject({ token: z.string().min(1).max(200).meta({ description: 'The credits token from the package purchase.' }) })
      .optional()
      .meta({
        description:
          'Pay with a credit from a package instead of money: the booking is confirmed at once. The customer email must be the purchase’s.',
      }),
    promoCode: z.string().trim().min(1).max(64).optional().meta({
      description:
        'A promo code of the specialist: the price, the fee and the amount charged follow from the price after it. A code that cannot be used refuses the booking (422) and nothing is stored; a code covering the whole price makes the booking free (confirmed at once, no payment step).',
    }),
    utm: Utm.optional().meta({ description: 'The `utm_*` parameters of the page the booking is made on; the specialist sees them, no customer does.' }),
  })
  .meta({ id: 'BookingCreate' });

export const Booking = z
  .strictObject({
    id: z.string().meta({ example: 'bk_9t3mzq0c5v1x' }),
    status: BookingStatus,
    specialist: z.strictObject({ handle: Handle, name: z.string(), timeZone: TimeZone }),
    service: z.strictObject({ id: z.string(), name: z.string() }),
    start: Instant,
    end: Instant,
    duration: z.number().int(),
    customer: BookingCustomer,
    notes: z.string(),
    price: MinorAmount,
    currency: Currency,
    createdAt: Instant,
    /** While `held`: when the hold lapses and the time is offered again. */
    holdExpiresAt: Instant.nullable(),
    rescheduleCount: z.number().int(),
    cancelledAt: Instant.nullable(),
    cancelledBy: Actor.nullable(),
    cancellationReason: z.string().nullable(),
    /** The payment of a priced session; null for a free one, and for one paid with a package credit. */
    payment: BookingPayment.nullable(),
    /** Paid with a credit of a package bought earlier (`price` is then 0: the money came with the package). */
    paidWithCredit: z.boolean(),
    /** Where the session happens (the service's location): the address or phone number when it has one. */
    location: BookingLocation,
    /** The join window, and the meeting link while it is open. */
    join: BookingJoin,
    /** Notes the specialist shares with the customer; null until they write some. */
    sharedNotes: z.string().nullable(),
    /** The session's recording, shared by the specialist; null until they share one. */
    recordingUrl: z.string().nullable(),
    /** The promo code applied (`price` is after it); absent without one. */
    promo: BookingPromo.optional(),
    /**
     * For the holder of the manage token (the customer's own view): whether they may move the
     * booking now, why not (in their language), and until when the service's policy lets them.
     * Absent in the specialist's views and in events.
     */
    move: z
      .strictObject({ allowed: z.boolean(), reason: z.string().nullable(), until: Instant.nullable() })
      .optional()
      .meta({ description: 'Whether the customer may move this booking now, why not, and until when (their view only).' }),
    /** For the holder of the manage token, on a completed booking: whether they reviewed it. Absent elsewhere. */
    reviewed: z
      .boolean()
      .optional()
      .meta({ description: 'On a completed booking, in the customer’s view: whether they reviewed it (`GET /v1/bookings/{id}/review` reads it).' }),
  })
  .meta({ id: 'Booking' });

/** What this server tells the customer by email, so an answer never claims more than will happen. */
export const BookingNotifications = z
  .strictObject({
    email: z.enum(['queued', 'on_payment', 'off']).meta({
      description:
        '`queued`: the confirmation email to `customer.email` is queued (it goes within seconds, with the calendar invite). `on_payment`: the booking is held; the confirmation is queued when the payment confirms it. `off`: this server sends no email — keep the manage token to see the booking.',
    }),
  })
  .meta({ id: 'BookingNotifications' });

export const BookingCreated = z
  .strictObject({
    booking: Booking,
    manageToken: z.string().meta({
      description: 'Shown once. Send it as `Authorization: Bearer <token>` to read or cancel this booking.',
    }),
    /** For a priced session: how to pay before the hold lapses. */
    paymentSession: PaymentSession.nullable(),
    notifications: BookingNotifications,
  })
  .meta({ id: 'BookingCreated' });

export const BookingParams = z.strictObject({ id: z.string().min(1).max(64) });

export const BookingCancel = z
  .strictObject({ reason: z.string().trim().max(500).optional() })
  .meta({ id: 'BookingCancel' });

export const BookingReschedule = z
  .strictObject({ start: Instant.meta({ description: 'A new start time offered by the slots endpoint.' }) })
  .meta({ id: 'BookingReschedule' });

/** What cancelling now would do: whether it is allowed and what it refunds. */
export const CancellationQuote = z
  .strictObject({
    allowed: z.boolean(),
    /** Why not, when not allowed. */
    reason: z.string().nullable(),
    refund: z.strictObject({
      amount: MinorAmount,
      currency: Currency,
      percent: z.number().int().min(0).max(100),
      rule: z.enum(['full', 'partial', 'none']),
    }),
    /** The last instants for a full and for a partial refund, and for cancelling at all. */
    fullRefundUntil: Instant.nullable(),
    partialRefundUntil: Instant.nullable(),
    cancelUntil: Instant.nullable(),
    /**
     * For a booking paid with a credit: whether cancelling now gives the credit back (`returned`),
     * the policy keeps it (`kept`), or it cannot come back because its package was refunded and
     * its unused credits taken back (`revoked`).
     */
    credit: z.enum(['returned', 'kept', 'revoked']).optional(),
  })
  .meta({ id: 'CancellationQuote' });

export const BookingEvent = z
  .strictObject({
    id: z.string(),
    type: z.string().meta({ example: 'rescheduled' }),
    fromStatus: BookingStatus.nullable(),
    toStatus: BookingStatus.nullable(),
    actor: Actor,
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    at: Instant,
  })
  .meta({ id: 'BookingEvent' });

/** A booking as its specialist sees it: private notes and the full history. */
export const SpecialistBooking = Booking.extend({
  specialistNotes: z.string(),
  events: z.array(BookingEvent),
  /** The session's meeting, whatever the time; null until it is made (or for sessions without one). */
  meeting: BookingMeeting.nullable(),
  /** Where the booking came from (the page's `utm_*` parameters); null when it had none. */
  utm: Utm.nullable(),
}).meta({ id: 'SpecialistBooking' });

/** What cancelling a whole session did: its seats, each as cancelled (with its refund, when paid). */
export const SessionCancelled = z
  .strictObject({ data: z.array(SpecialistBooking) })
  .meta({ id: 'SessionCancelled' });

/** A booking in the specialist's list: as the customer sees it, plus where it came from. */
export const SpecialistBookingSummary = Booking.extend({ utm: Utm.nullable() }).meta({ id: 'SpecialistBookingSummary' });

export const BookingList = z
  .strictObject({ data: z.array(SpecialistBookingSummary), hasMore: z.boolean() })
  .meta({ id: 'BookingList', description: 'Ordered by start time; pass the last id as `starting_after` for the next page.' });

const statuses = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()))
  .pipe(z.array(BookingStatus).min(1));

export const BookingListQuery = z.strictObject({
  status: statuses.optional().meta({ description: 'Comma-separated statuses, e.g. `confirmed,held`.' }),
  from: IsoDate.optional().meta({ description: 'Sessions starting on or after this date (in your zone).' }),
  to: IsoDate.optional().meta({ description: 'Sessions starting on or before this date (in your zone).' }),
  limit: z.coerce.number<number>().int().min(1).max(100).default(20),
  starting_after: z.string().max(64).optional().meta({ description: 'A booking id: the page after it.' }),
});

/**
 * What the specialist writes on a booking; each field optional, a field left out stays as it is.
 * `notes` are private; `sharedNotes` and `recordingUrl` are shown to the customer (null clears).
 */
export const BookingNotes = z
  .strictObject({
    notes: z.string().max(10_000).optional().meta({ description: 'Private: never shown to the customer.' }),
    sharedNotes: z
      .string()
      .trim()
      .max(5000, { message: say('shared_notes_too_long') })
      .nullable()
      .optional()
      .meta({ description: 'Shown to the customer in their booking and in the follow-up email; empty or null clears.' }),
    recordingUrl: MeetingLink.nullable()
      .optional()
      .meta({ description: 'An https:// link to the session’s recording, shown to the customer; null clears.' }),
  })
  .refine((body) => body.notes !== undefined || body.sharedNotes !== undefined || body.recordingUrl !== undefined, {
    message: say('booking_update_empty'),
  })
  .meta({ id: 'BookingNotes' });

export type Actor = z.infer<typeof Actor>;
export type BookingReschedule = z.input<typeof BookingReschedule>;
export type CancellationQuote = z.infer<typeof CancellationQuote>;
export type BookingEvent = z.infer<typeof BookingEvent>;
export type SpecialistBooking = z.infer<typeof SpecialistBooking>;
export type SpecialistBookingSummary = z.infer<typeof SpecialistBookingSummary>;
export type BookingList = z.infer<typeof BookingList>;
export type BookingListQuery = z.input<typeof BookingListQuery>;
export type BookingNotes = z.input<typeof BookingNotes>;
export type BookingStatus = z.infer<typeof BookingStatus>;
export type Customer = z.infer<typeof Customer>;
export type CustomerCreate = z.input<typeof CustomerCreate>;
export type BookingCustomer = z.infer<typeof BookingCustomer>;
export type BookingCreate = z.input<typeof BookingCreate>;
export type Booking = z.infer<typeof Booking>;
export type BookingCreated = z.infer<typeof BookingCreated>;
export type BookingNotifications = z.infer<typeof BookingNotifications>;
export type BookingCancel = z.input<typeof BookingCancel>;
export type SessionCancelled = z.infer<typeof SessionCancelled>;
