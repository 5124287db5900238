import type { Actor, WebhookBooking, WebhookEvent, WebhookEventType } from '@slotwise/sdk/contract';
import type { OutboxEvent } from '../delivery/channel.js';

type Change = OutboxEvent['payload']['event'];
type Snapshot = OutboxEvent['payload']['booking'];
type Extra = Omit<WebhookEvent['data'], 'booking' | 'change'>;

const amount = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);
const paid = (b: Snapshot): Extra => ({ payment: { amount: b.price, currency: b.currency } });

/**
 * Which public events each booking change sends, by the action that made it (the outbox topic
 * alone cannot tell a free booking from a paid confirmation). The README's "Outgoing webhooks"
 * table is this one. Changes not listed here (`note`, `attach_meeting`) send nothing.
 */
const EVENTS: Record<string, (change: Change, booking: Snapshot) => [WebhookEventType, Extra?][]> = {
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
    return [['booking.cancelled'], ...(refunded > 0 ? [['payment.refunded', { refund: { amount: refunded, currency: b.currency } }] as [WebhookEventType, Extra]] : [])];
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
    createdAt: b.createdAt,
  };
}

/** The webhook events one booking change sends, each with the JSON body every endpoint gets. */
export function webhookEventsOf(event: OutboxEvent['payload']): WebhookEvent[] {
  const { event: change, booking } = event;
  return (EVENTS[change.action]?.(change, booking) ?? []).map(([type, extra]) => ({
    type,
    timestamp: change.at,
    data: { booking: publicBooking(booking), change: { actor: change.actor as Actor, reason: change.reason }, ...extra },
  }));
}

/** Whether an endpoint subscribed to `types` gets events of `type`. */
export const subscribes = (types: readonly string[], type: WebhookEventType) => types.includes('*') || types.includes(type);
