import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { notifications, packagePurchases, packages, services, specialists, type DeliveryRow } from '../../db/schema.js';
import { isBookingEvent, memo, type BookingEvent, type DeliveryChannel, type OutboxEvent, type PackageEvent } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { money, wallTime } from './wording.js';
import { writeOne } from '../../db/batch.js';
import { shapedInsert } from '../../db/shaped.js';

type Booking = BookingEvent['payload']['booking'];
type Change = BookingEvent['payload']['event'];
/** What a notice needs besides the change: the specialist's zone (times are written in it) and the service's name. */
interface Context {
  timeZone: string;
  serviceName: string;
}

const by: Record<string, string> = { customer: 'the customer', system: 'Slotwise', operator: 'an operator', specialist: 'you' };
const refundOf = (e: Change, currency: string) => {
  const amount = (e.data?.refund as { amount?: unknown } | undefined)?.amount;
  return typeof amount === 'number' && amount > 0 ? ` ${money(amount, currency)} is refunded.` : '';
};

/** The booking changes a specialist is told of in the app, and how each reads (times in the specialist's zone). */
const NOTICES: Record<string, (b: Booking, e: Change, c: Context) => { title: string; body: string }> = {
  confirmed: (b, _e, c) => ({ title: `New booking: ${b.customer.name}`, body: `${b.customer.name} booked ${c.serviceName} on ${wallTime(Date.parse(b.start), c.timeZone)} (${b.duration} min).` }),
  rescheduled: (b, e, c) => ({
    title: `Moved: ${b.customer.name}`,
    body: `${b.customer.name} moved ${c.serviceName} from ${typeof e.data?.from === 'string' ? wallTime(Date.parse(e.data.from), c.timeZone) : 'its old time'} to ${wallTime(Date.parse(b.start), c.timeZone)}.`,
  }),
  cancelled: (b, e, c) => ({
    title: `Cancelled: ${b.customer.name}`,
    body: `${c.serviceName} on ${wallTime(Date.parse(b.start), c.timeZone)} was cancelled by ${by[e.actor] ?? e.actor}${e.reason ? `: ${e.reason}` : '.'}${refundOf(e, b.currency)}`,
  }),
  refunded: (b, e, c) => ({
    title: `Refund issued: ${b.customer.name}`,
    body: `${typeof e.data?.amount === 'number' ? money(e.data.amount, b.currency) : 'A refund'} was refunded to ${b.customer.name} for ${c.serviceName} on ${wallTime(Date.parse(b.start), c.timeZone)}.`,
  }),
};

/**
 * Whether a change deserves a notice: a new, moved, cancelled or refunded booking — but not a move
 * or a cancellation the specialist made themselves (they know; a notice would be noise). Held,
 * expired, completed and no-show changes, notes and meetings are not notices; a package sold is
 * one of its own (`isSale`), its refunds and low credits are not.
 */
function noticeFor(event: OutboxEvent): event is BookingEvent {
  if (!isBookingEvent(event)) return false;
  const { type, actor } = event.payload.event;
  if (!(type in NOTICES)) return false;
  return !((type === 'rescheduled' || type === 'cancelled') && actor === 'specialist');
}

/** A package sold (paid, or a free one claimed): the purchase's own event, told once. */
const isSale = (event: OutboxEvent): event is PackageEvent => event.topic === 'package.purchased';

/** `Package sold: Ana Lima` — who bought which package, how many sessions, for what. */
function saleNotice(p: { customerName: string; packageName: string; sessionCount: number; price: number; currency: string }): { title: string; body: string } {
  const sessions = p.sessionCount === 1 ? '1 session' : `${p.sessionCount} sessions`;
  return { title: `Package sold: ${p.customerName}`, body: `${p.customerName} bought ${p.packageName} (${sessions}) ${p.price > 0 ? `for ${money(p.price, p.currency)}` : 'at no charge'}.` };
}

/**
 * The specialist's in-app notices. "Sending" one writes the notice the app lists
 * (`GET /v1/me/notifications`), worded when it is written, in the specialist's zone.
 */
export const inAppChannel: DeliveryChannel = {
  name: 'in_app',
  async plan(_tx: Tx, event) {
    if (isSale(event)) {
      // Only the purchase's id: the customer's name is read when the notice is written (an erasure
      // meanwhile finds no copy of it here), and the notice names the purchase for the erasure.
      return [{ id: newDeliveryId(), channel: 'in_app', kind: 'package.purchased', recipient: event.specialistId, idempotencyKey: `${event.id}:in_app:${event.specialistId}`, data: { purchaseId: event.purchaseId } }];
    }
    if (!noticeFor(event)) return [];
    return [{ id: newDeliveryId(), channel: 'in_app', kind: `booking.${event.payload.event.type}`, recipient: event.specialistId, idempotencyKey: `${event.id}:in_app:${event.specialistId}`, data: { event: event.payload.event, booking: event.payload.booking } }];
  },
  async send(delivery: DeliveryRow, deps: ServiceDeps, ctx = { once: memo() }) {
    if (delivery.kind === 'package.purchased') {
      const { purchaseId } = delivery.data as { purchaseId: string };
      const [sale] = await deps.database.db
        .select({ customerName: packagePurchases.customerName, packageName: packages.name, sessionCount: packagePurchases.sessionCount, price: packagePurchases.price, currency: packagePurchases.currency })
        .from(packagePurchases)
        .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
        .where(eq(packagePurchases.id, purchaseId))
        .limit(1);
      if (!sale) return { writes: [] };
      const notice = saleNotice(sale);
      const row = { id: `ntf_${delivery.id.slice(3)}`, specialistId: delivery.specialistId, kind: delivery.kind, bookingId: null, title: notice.title, body: notice.body, data: { purchaseId }, createdAt: deps.clock() };
      return { writes: [deps.database.db.insert(notifications).values(row).onConflictDoNothing()] };
    }
    const { event, booking } = delivery.data as BookingEvent['payload'];
    // The same for every notice of a claim about one service: read once for them all.
    const [context] = await ctx.once(`notice-context:${delivery.specialistId}:${booking.serviceId}`, () =>
      deps.database.db
        .select({ timeZone: specialists.timeZone, serviceName: services.name })
        .from(specialists)
        .innerJoin(services, eq(services.id, booking.serviceId))
        .where(eq(specialists.id, delivery.specialistId))
        .limit(1),
    );
    const notice = NOTICES[event.type]!(booking, event, context ?? { timeZone: 'UTC', serviceName: 'the session' });
    // Written with the delivery's outcome (one batch). The delivery's id is the notice's as well:
    // a send made again after a lost outcome writes nothing new.
    return {
      writes: [
        // Built once per connection (`db/shaped.ts`): one is written for nearly every booking.
        shapedInsert(
          deps.database.db,
          notifications,
          { id: `ntf_${delivery.id.slice(3)}`, specialistId: delivery.specialistId, kind: delivery.kind, bookingId: delivery.bookingId, title: notice.title, body: notice.body, data: { bookingId: delivery.bookingId }, createdAt: deps.clock() },
          { onConflictDoNothing: true },
        ),
      ],
    };
  },
};

/**
 * The notice of a new review, written in the review's own batch (a review has no outbox event):
 * who rated which session how, in the specialist's zone. The text stays on the review (the
 * console's Reviews screen shows it, moderated); the notice names the booking, so an erasure of
 * the customer finds it and replaces their name.
 */
export function reviewNotice(deps: ServiceDeps, r: { specialistId: string; bookingId: string; reviewId: string; customerName: string; serviceName: string; startAt: number; timeZone: string; rating: number }) {
  return deps.database.db.insert(notifications).values({
    id: newId('ntf'),
    specialistId: r.specialistId,
    kind: 'review.created',
    bookingId: r.bookingId,
    title: `New review: ${r.customerName}, ${r.rating} of 5`,
    body: `${r.customerName} gave ${r.rating} of 5 to ${r.serviceName} on ${wallTime(r.startAt, r.timeZone)}.`,
    data: { reviewId: r.reviewId },
    createdAt: deps.clock(),
  });
}

/** Tells the specialist of something that went wrong on their behalf (a meeting that could not be made). */
export async function notifySpecialist(deps: ServiceDeps, specialistId: string, notice: { kind: string; bookingId: string | null; title: string; body: string }): Promise<void> {
  await writeOne(deps.database, deps.database.db.insert(notifications).values({ id: newId('ntf'), specialistId, ...notice, data: {}, createdAt: deps.clock() }));
}
