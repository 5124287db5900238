import { z } from 'zod';
import { BookingPromo } from './promo.js';
import { Actor, BookingStatus } from './bookings.js';
import { Currency, Instant, MinorAmount, TimeZone } from './common.js';
import { PurchasedPackage } from './packages.js';
import { Utm } from './utm.js';
import { say } from './messages.js';

// ── Event types ──────────────────────────────────────────────────────────────────────────────

/** The event types about a booking (and its payment): their `data` carries the booking. */
export const BOOKING_WEBHOOK_EVENT_TYPES = [
  'booking.created',
  'booking.confirmed',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.expired',
  'booking.completed',
  'booking.no_show',
  'payment.succeeded',
  'payment.refunded',
] as const;

/**
 * Every event type an endpoint can subscribe to: the booking ones, `package.purchased` (a
 * package paid for, or a free one claimed: its credits were granted) and `package.refunded` (its
 * payment refunded in full, or refunded by the specialist from Slotwise: the unspent credits were
 * revoked) and `package.refund_failed` (a refund of it failed at the provider after it was
 * created: the revoked credits came back), `review.created` (a customer reviewed a completed
 * session) and `review.answered` (the specialist answered a review publicly). The README's "Outgoing webhooks" table says which change sends which type.
 */
export const WEBHOOK_EVENT_TYPES = [...BOOKING_WEBHOOK_EVENT_TYPES, 'package.purchased', 'package.refunded', 'package.refund_failed', 'review.created', 'review.answered'] as const;

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

/** An event type, or `*` for every type (those added later included). */
export const WebhookSubscription = z.enum([...WEBHOOK_EVENT_TYPES, '*'], {
  message: say('webhook_event_types', { types: WEBHOOK_EVENT_TYPES.join(', ') }),
});

// ── Endpoints ────────────────────────────────────────────────────────────────────────────────

export const MAX_WEBHOOK_ENDPOINTS = 10;

const EndpointUrl = z
  .string()
  .trim()
  .min(1, { message: say('webhook_url_required') })
  .max(2000)
  .meta({ description: 'An https:// URL on a public address. Checked again, on the resolved addresses, at every delivery.', example: 'https://coach.example/hooks/slotwise' });

const EventTypes = z
  .array(WebhookSubscription)
  .min(1, { message: say('webhook_events_required') })
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .overwrite((types) => (types.includes('*') ? ['*'] : [...new Set(types)]));

const Description = z.string().trim().max(500);

export const WebhookEndpointCreate = z
  .strictObject({
    url: EndpointUrl,
    eventTypes: EventTypes,
    description: Description.optional(),
    enabled: z.boolean().optional().meta({ description: 'Default true.' }),
  })
  .meta({ id: 'WebhookEndpointCreate' });

export const WebhookEndpointUpdate = z
  .strictObject({
    url: EndpointUrl.optional(),
    eventTypes: EventTypes.optional(),
    description: Description.optional(),
    enabled: z.boolean().optional().meta({ description: 'true turns on again an endpoint that answered 410 Gone.' }),
  })
  .meta({ id: 'WebhookEndpointUpdate' });

export const WebhookEndpoint = z
  .strictObject({
    id: z.string().meta({ example: 'wep_4kq0m3x9c2vbn7wd' }),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(WebhookSubscription),
    enabled: z.boolean(),
    previousSecretExpiresAt: Instant.nullable().meta({
      description: 'After a rotation: until when deliveries are also signed with the previous secret (a second `v1,` signature).',
    }),
    createdAt: Instant,
  })
  .meta({ id: 'WebhookEndpoint' });

export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().meta({
    description: 'The signing secret (`whsec_…`), shown only now: verify deliveries with it (Standard Webhooks).',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  }),
}).meta({ id: 'WebhookEndpointWithSecret' });

export const WebhookEndpointList = z.strictObject({ data: z.array(WebhookEndpoint) }).meta({ id: 'WebhookEndpointList' });

export const WebhookEndpointParams = z.strictObject({ id: z.string().min(1).max(64) });

// ── Deliveries ───────────────────────────────────────────────────────────────────────────────

/**
 * `pending`: due, or waiting for its next retry; `sending`: under way; `sent`: answered 2xx;
 * `dead`: given up (3 days of retries, a 410, or an address we do not deliver to); `skipped`:
 * not sent because the endpoint was disabled or deleted first.
 */
export const WebhookDeliveryStatus = z.enum(['pending', 'sending', 'sent', 'dead', 'skipped']);

export const WebhookDelivery = z
  .strictObject({
    id: z.string().meta({ example: 'dl_4kq0m3x9c2vbn7wd' }),
    messageId: z.string().meta({
      description: 'The `webhook-id` header: the same for every retry and every manual redelivery of this message, so receivers can deduplicate on it.',
    }),
    eventType: WebhookEventType,
    bookingId: z.string().nullable(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable().meta({ description: 'The HTTP status of the last attempt; null when it got no answer (or none was made).' }),
    lastError: z.string().nullable(),
    nextAttemptAt: Instant.nullable().meta({ description: 'While `pending`: when it is tried (again).' }),
    redeliveryOf: z.string().nullable().meta({ description: 'For a manual redelivery: the delivery it repeats.' }),
    createdAt: Instant,
    updatedAt: Instant,
    sentAt: Instant.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryList = z
  .strictObject({ data: z.array(WebhookDelivery), hasMore: z.boolean() })
  .meta({ id: 'WebhookDeliveryList', description: 'Newest first; pass the last id as `starting_after` for the next page.' });

export const WebhookDeliveryListQuery = z.strictObject({
  limit: z.coerce.number<number>().int().min(1).max(100).default(20),
  starting_after: z.string().max(64).optional().meta({ description: 'A delivery id: the page after it.' }),
});

export const WebhookDeliveryParams = z.strictObject({ id: z.string().min(1).max(64), deliveryId: z.string().min(1).max(64) });

// ── What a receiver gets ─────────────────────────────────────────────────────────────────────

/** The booking as a webhook carries it: no manage token, no private notes. */
export const WebhookBooking = z
  .strictObject({
    id: z.string(),
    status: BookingStatus,
    serviceId: z.string(),
    start: Instant,
    end: Instant,
    duration: z.number().int(),
    holdExpiresAt: Instant.nullable(),
    customer: z.strictObject({ name: z.string(), email: z.string(), timeZone: TimeZone }),
    /** What the customer wrote when booking. */
    notes: z.string(),
    price: MinorAmount,
    currency: Currency,
    paidWithCredit: z.boolean(),
    rescheduleCount: z.number().int(),
    cancelledBy: Actor.nullable(),
    cancellationReason: z.string().nullable(),
    meetingUrl: z.string().nullable(),
    /** Where the booking came from: the `utm_*` parameters of the page it was made on; null when none. */
    utm: Utm.nullable(),
    /** The promo code the booking was made with (`price` is after it); null when none. */
    promo: BookingPromo.nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'WebhookBooking' });

/**
 * A booking or payment event's body. `previousStart` comes with `booking.rescheduled`; `refund`
 * with `payment.refunded`; `payment` with `payment.succeeded`.
 */
export const WebhookBookingEvent = z
  .strictObject({
    type: z.enum(BOOKING_WEBHOOK_EVENT_TYPES),
    timestamp: Instant,
    data: z.strictObject({
      booking: WebhookBooking,
      change: z.strictObject({ actor: Actor, reason: z.string().nullable() }),
      previousStart: Instant.optional(),
      refund: z.strictObject({ amount: MinorAmount, currency: Currency }).optional(),
      payment: z.strictObject({ amount: MinorAmount, currency: Currency }).optional(),
    }),
  })
  .meta({ id: 'WebhookBookingEvent' });

/** A package purchase as a webhook carries it: the terms it was sold with and the credits it granted. No credits token. */
export const WebhookPackagePurchase = z
  .strictObject({
    id: z.string().meta({ example: 'pp_4kq0m3x9c2vbn7wd' }),
    package: PurchasedPackage,
    customer: z.strictObject({ name: z.string(), email: z.string(), timeZone: TimeZone }),
    credits: z.strictObject({ granted: z.number().int(), expiresAt: Instant }),
    createdAt: Instant,
  })
  .meta({ id: 'WebhookPackagePurchase' });

/** `package.purchased`: a package was paid for (or a free one claimed) and its credits granted. */
export const WebhookPackageEvent = z
  .strictObject({
    type: z.literal('package.purchased'),
    timestamp: Instant,
    data: z.strictObject({ purchase: WebhookPackagePurchase }),
  })
  .meta({ id: 'WebhookPackageEvent' });

/**
 * `package.refunded`: a purchase's payment was refunded in full, or the specialist refunded it
 * (any amount) from Slotwise, so its unspent credits were revoked (`data.credits.revoked`, 0 when all were spent or expired); credits already spent stay
 * spent, with their bookings.
 */
export const WebhookPackageRefundedEvent = z
  .strictObject({
    type: z.literal('package.refunded'),
    timestamp: Instant,
    data: z.strictObject({ purchase: WebhookPackagePurchase, credits: z.strictObject({ revoked: z.number().int() }) }),
  })
  .meta({ id: 'WebhookPackageRefundedEvent' });

/**
 * `package.refund_failed`: a refund of a purchase's payment that the provider had created failed
 * afterwards (a closed card), so no money goes back; the credits its refund revoked came back
 * (`data.credits.restored`, 0 when another refund of the payment still stands). The customer is
 * not emailed about it.
 */
export const WebhookPackageRefundFailedEvent = z
  .strictObject({
    type: z.literal('package.refund_failed'),
    timestamp: Instant,
    data: z.strictObject({
      purchase: WebhookPackagePurchase,
      refund: z.strictObject({
        amount: MinorAmount,
        currency: Currency,
        failureReason: z.string().nullable().meta({ description: 'Why, as the provider said it (Stripe’s `failure_reason`, e.g. `expired_or_canceled_card`).', example: 'expired_or_canceled_card' }),
      }),
      credits: z.strictObject({ restored: z.number().int() }),
    }),
  })
  .meta({ id: 'WebhookPackageRefundFailedEvent' });

/** A review as a webhook carries it: the whole of what the customer wrote, and who they are. */
export const WebhookReview = z
  .strictObject({
    id: z.string().meta({ example: 'rv_4kq0m3x9c2vbn7wd' }),
    bookingId: z.string(),
    serviceId: z.string(),
    rating: z.number().int().min(1).max(5),
    /** What they wrote; empty for a rating without words. Plain text, as typed: escape it where it is shown. */
    text: z.string(),
    customer: z.strictObject({ name: z.string(), email: z.string() }),
    createdAt: Instant,
  })
  .meta({ id: 'WebhookReview' });

/** `review.created`: a customer reviewed a completed session (it shows on the public page unless an operator hides it). */
export const WebhookReviewEvent = z
  .strictObject({
    type: z.literal('review.created'),
    timestamp: Instant,
    data: z.strictObject({ review: WebhookReview }),
  })
  .meta({ id: 'WebhookReviewEvent' });

/**
 * `review.answered`: the specialist answered a review publicly (once; it shows under the review).
 * `data.review` is the review as it stood when answered, `data.answer` the answer.
 */
export const WebhookReviewAnsweredEvent = z
  .strictObject({
    type: z.literal('review.answered'),
    timestamp: Instant,
    data: z.strictObject({
      review: WebhookReview,
      /** Plain text, as typed: escape it where it is shown. */
      answer: z.strictObject({ text: z.string(), answeredAt: Instant }),
    }),
  })
  .meta({ id: 'WebhookReviewAnsweredEvent' });

/**
 * The JSON body of every delivery (Standard Webhooks' `type`, `timestamp`, `data`), told apart by
 * `type`: booking and payment events carry `data.booking`, package events carry
 * `data.purchase`, `review.created` carries `data.review`, `review.answered` `data.review` and `data.answer`. `timestamp` is when it happened, not when this attempt was made (that is the
 * `webhook-timestamp` header).
 */
export const WebhookEvent = z.discriminatedUnion('type', [WebhookBookingEvent, WebhookPackageEvent, WebhookPackageRefundedEvent, WebhookPackageRefundFailedEvent, WebhookReviewEvent, WebhookReviewAnsweredEvent]).meta({ id: 'WebhookEvent' });

export type WebhookEventType = z.infer<typeof WebhookEventType>;
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreate>;
export type WebhookEndpointUpdate = z.input<typeof WebhookEndpointUpdate>;
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
export type WebhookDeliveryListQuery = z.input<typeof WebhookDeliveryListQuery>;
export type WebhookBooking = z.infer<typeof WebhookBooking>;
export type WebhookBookingEvent = z.infer<typeof WebhookBookingEvent>;
export type WebhookPackagePurchase = z.infer<typeof WebhookPackagePurchase>;
export type WebhookPackageEvent = z.infer<typeof WebhookPackageEvent>;
export type WebhookPackageRefundedEvent = z.infer<typeof WebhookPackageRefundedEvent>;
export type WebhookEvent = z.infer<typeof WebhookEvent>;
