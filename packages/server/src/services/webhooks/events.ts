import type { Actor, WebhookBooking, WebhookBookingEvent, WebhookEvent, WebhookPackagePurchase } from '@slotwise/sdk/contract';
import { isAccessEvent, isAccountEvent, isBookingEvent, isReviewEvent, type BookingEvent, type OutboxEvent, type PackageEvent, type ReviewEvent } from '../delivery/channel.js';

type Change = BookingEvent['payload']['event'];
type Snapshot = BookingEvent['payload']['booking'];
type Extra = Omit<WebhookBookingEvent['data'], 'booking' | 'change'>;
type BookingEventType = WebhookBookingEvent['type'];

const amount = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);
const paid = (b: Snapshot): Extra => ({ payment: { amount: b.price, currency: b.currency } });

/**
 * Which public events each booking change sends, by the action that made it (the outbox topic
 * alone cannot tell a free booking from a paid confirmation). The README's "Outgoing webhooks"
 * table is this one. Changes not listed here (`note`, `attach_meeting`) send nothing.
 */
const EVENTS: Record<string, (change: Change, booking: Snapshot) => [BookingEventType, Extra?][]> = {
  // Free or paid with a credit: opened and confirmed at once.
  book: () => [['booking.created'], ['booking.confirmed']],
  // Priced: opened, holding its time until paid.
  hold: () => [['booking.created']],
  confirm: (_, b) => [['booking.confirmed'], ['payment.succeeded', paid(b)]],
  // Paid after the hold lapsed, the time still free.
  confirm_late: (_, b) => [['booking.confirmed'], ['payment.succeeded', paid(b)]],
  expire: () => [['booking.expired']],
  // Money goes back only for a confirmed booking paid with money (a hold took none, a credit is returned as a credit).
  cancel: (c, b) => {
    const refunded = c.from === 'confirmed' && !b.paidWithCredit ? amount((c.data?.refund as { amount?: unknown } | undefined)?.amount) : 0;
    return [['booking.cancelled'], ...(refunded > 0 ? [['payment.refunded', { refund: { amount: refunded, currency: b.currency } }] as [BookingEventType, Extra]] : [])];
  },
  reschedule: (c) => [['booking.rescheduled', typeof c.data?.from === 'string' ? { previousStart: c.data.from } : {}]],
  complete: () => [['booking.completed']],
  mark_no_show: () => [['booking.no_show']],
  // A payment that arrived after its time was taken: it succeeded, and all of it goes back.
  refund: (c, b) => {
    const refund: Extra = { refund: { amount: amount(c.data?.amount), currency: typeof c.data?.currency === 'string' ? c.data.currency : b.currency } };
    return c.data?.cause === 'late_payment' ? [['payment.succeeded', paid(b)], ['payment.refunded', refund]] : [['payment.refunded', refund]];
  },
};

/** The booking as a webhook shows it: what the specialist's own systems need, nothing secret. */
function publicBooking(b: Snapshot): WebhookBooking {
  return {
    id: b.id,
    status: b.status,
    serviceId: b.serviceId,
    start: b.start,
    end: b.end,
    duration: b.duration,
    holdExpiresAt: b.holdExpiresAt,
    customer: b.customer,
    notes: b.notes,
    price: b.price,
    currency: b.currency,
    paidWithCredit: b.paidWithCredit,
    rescheduleCount: b.rescheduleCount,
    cancelledBy: b.cancelledBy as Actor | null,
    cancellationReason: b.cancellationReason,
    meetingUrl: b.meeting?.url ?? null,
    // Outbox rows written before bookings carried UTM have no such key.
    utm: b.utm ?? null,
    // Outbox rows written before promo codes have no such key.
    promo: b.promo ?? null,
    createdAt: b.createdAt,
  };
}

/** A purchase as a webhook shows it: the terms it was sold with and the lot it granted; no token. */
function webhookPurchase(payload: PackageEvent['payload']): WebhookPackagePurchase {
  const { purchase, lot } = payload;
  return {
    id: purchase.id,
    package: {
      id: purchase.packageId,
      name: purchase.packageName,
      sessionCount: purchase.sessionCount,
      services: purchase.serviceIds,
      price: purchase.price,
      currency: purchase.currency,
      validityDays: purchase.validityDays,
    },
    customer: purchase.customer,
    credits: { granted: lot.granted, expiresAt: lot.expiresAt },
    createdAt: purchase.createdAt,
  };
}

/**
 * A package's webhook event: `package.purchased` when its credits were granted, `package.refunded`
 * when revoked, `package.refund_failed` when a refund failed after it was created (its credits back);
 * none for low credits, nor for a refund that went through (`package.refund_issued`: the customer's email).
 */
function packageEvents(payload: PackageEvent['payload']): WebhookEvent[] {
  const timestamp = payload.event.at;
  if (payload.event.type === 'package.purchased') return [{ type: 'package.purchased', timestamp, data: { purchase: webhookPurchase(payload) } }];
  if (payload.event.type === 'package.refund_failed' && 'refund' in payload && 'restored' in payload.credits) {
    const { amount, currency, failureReason } = payload.refund;
    return [{ type: 'package.refund_failed', timestamp, data: { purchase: webhookPurchase(payload), refund: { amount, currency, failureReason: failureReason ?? null }, credits: payload.credits } }];
  }
  if ('revoked' in payload) return [{ type: 'package.refunded', timestamp, data: { purchase: webhookPurchase(payload), credits: { revoked: payload.revoked } } }];
  return [];
}

/**
 * A review's webhook event: `review.created` for a new one, with the review as written;
 * `review.answered` for its answer, with the review as it stood and the answer. (A row written
 * before answers had webhooks named only its review: none for it.)
 */
function reviewEvents(payload: ReviewEvent['payload']): WebhookEvent[] {
  if (!('rating' in payload.review)) return [];
  const timestamp = payload.event.at;
  if (payload.event.type === 'review.created') return [{ type: 'review.created', timestamp, data: { review: payload.review } }];
  return 'answer' in payload ? [{ type: 'review.answered', timestamp, data: { review: payload.review, answer: payload.answer } }] : [];
}

/**
 * The webhook events one outbox row sends, each with the JSON body every endpoint gets: a booking
 * change's by the action that made it; `package.purchased` for a purchase whose credits were
 * granted, `package.refunded` for one refunded in full or by its specialist (its unspent credits revoked);
 * `review.created` for a new review, `review.answered` for its answer. Low
 * credits are the customer's business, not the specialist's systems': none; nor
 * are an account's reset and verification emails.
 */
export function webhookEventsOf(event: OutboxEvent): WebhookEvent[] {
  if (isAccountEvent(event) || isAccessEvent(event)) return []; // a login's, or a customer's own sign-in link: not the specialist's business data
  if (isReviewEvent(event)) return reviewEvents(event.payload);
  if (!isBookingEvent(event)) return packageEvents(event.payload);
  const { event: change, booking } = event.payload;
  return (EVENTS[change.action]?.(change, booking) ?? []).map(([type, extra]) => ({
    type,
    timestamp: change.at,
    data: { booking: publicBooking(booking), change: { actor: change.actor as Actor, reason: change.reason }, ...extra },
  }));
}

/** Whether an endpoint subscribed to `types` gets events of `type`. */
export const subscribes = (types: readonly string[], type: WebhookEvent['type']) => types.includes('*') || types.includes(type);
