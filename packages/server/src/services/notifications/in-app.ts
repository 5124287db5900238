import { and, count, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { notifications, type DeliveryRow, type SpecialistRow } from '../../db/schema.js';
import type { DeliveryChannel, OutboxEvent } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';

/** The booking changes a specialist is told of in the app, and how each reads. */
const NOTICES: Record<string, (b: OutboxEvent['payload']['booking'], e: OutboxEvent['payload']['event']) => { title: string; body: string } | undefined> = {
  confirmed: (b) => ({ title: `New booking: ${b.customer.name}`, body: `${b.customer.name} booked ${b.start} (${b.duration} min).` }),
  rescheduled: (b, e) => ({ title: `Moved: ${b.customer.name}`, body: `${b.customer.name}'s session moved from ${String(e.data?.from)} to ${b.start}.` }),
  cancelled: (b, e) => ({ title: `Cancelled: ${b.customer.name}`, body: `The session at ${b.start} was cancelled by the ${e.actor}${e.reason ? `: ${e.reason}` : '.'}` }),
  refunded: (b, e) => ({ title: `Refund issued: ${b.customer.name}`, body: `A refund of ${String(e.data?.amount)} (${b.currency} minor units) was issued for ${b.start}.` }),
};

/**
 * The specialist's in-app notices: one per booking change that needs their attention (new,
 * moved, cancelled, refunded). "Sending" one writes the notice the app lists.
 */
export const inAppChannel: DeliveryChannel = {
  name: 'in_app',
  async plan(_tx: Tx, event) {
    const notice = NOTICES[event.payload.event.type];
    if (!notice || !notice(event.payload.booking, event.payload.event)) return [];
    return [{ id: newDeliveryId(), channel: 'in_app', kind: `booking.${event.payload.event.type}`, recipient: event.specialistId, idempotencyKey: `${event.id}:in_app:${event.specialistId}`, data: { event: event.payload.event, booking: event.payload.booking } }];
  },
  async send(delivery: DeliveryRow, deps: ServiceDeps) {
    const { event, booking } = delivery.data as OutboxEvent['payload'];
    const notice = NOTICES[event.type]!(booking, event)!;
    // The delivery's id is the notice's: a retry after a lost answer writes nothing new.
    await deps.database.write((tx) =>
      tx
        .insert(notifications)
        .values({ id: `ntf_${delivery.id.slice(3)}`, specialistId: delivery.specialistId, kind: delivery.kind, bookingId: delivery.bookingId, title: notice.title, body: notice.body, data: { bookingId: delivery.bookingId }, createdAt: deps.clock() })
        .onConflictDoNothing(),
    );
  },
};

/** Tells the specialist of something that went wrong on their behalf (a meeting that could not be made). */
export async function notifySpecialist(deps: ServiceDeps, specialistId: string, notice: { kind: string; bookingId: string | null; title: string; body: string }): Promise<void> {
  await deps.database.write((tx) => tx.insert(notifications).values({ id: newId('ntf'), specialistId, ...notice, data: {}, createdAt: deps.clock() }));
}

export interface NotificationPage {
  data: { id: string; kind: string; bookingId: string | null; title: string; body: string; read: boolean; createdAt: string }[];
  unread: number;
  hasMore: boolean;
}

/** The caller's notices, newest first (cursor: the id of the last one seen), and how many are unread. */
export async function listNotifications(deps: ServiceDeps, specialist: SpecialistRow, query: { limit: number; starting_after?: string | undefined; unread?: boolean | undefined }): Promise<NotificationPage> {
  const db = deps.database.db;
  const mine = eq(notifications.specialistId, specialist.id);
  let cursor;
  if (query.starting_after) {
    const [after] = await db.select().from(notifications).where(and(mine, eq(notifications.id, query.starting_after)));
    if (!after) throw new ServiceError('invalid_request', `"${query.starting_after}" is not one of your notifications.`, { errors: [{ field: 'query.starting_after', message: 'Use the id of the last notification of the previous page.' }] });
    cursor = or(lt(notifications.createdAt, after.createdAt), and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)));
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine, cursor, query.unread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const [{ unread }] = (await db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)))) as [{ unread: number }];
  return {
    data: rows.slice(0, query.limit).map((r) => ({ id: r.id, kind: r.kind, bookingId: r.bookingId, title: r.title, body: r.body, read: r.readAt !== null, createdAt: new Date(r.createdAt).toISOString() })),
    unread,
    hasMore: rows.length > query.limit,
  };
}

/** Marks the caller's notices read: the ones named, or all. @returns how many are still unread */
export async function markNotificationsRead(deps: ServiceDeps, specialist: SpecialistRow, ids: readonly string[] | 'all'): Promise<{ unread: number }> {
  const now = deps.clock();
  const mine = eq(notifications.specialistId, specialist.id);
  await deps.database.write(async (tx) => {
    const which = ids === 'all' ? undefined : or(...ids.map((id) => eq(notifications.id, id)));
    await tx.update(notifications).set({ readAt: now }).where(and(mine, isNull(notifications.readAt), which));
  });
  const [{ unread }] = (await deps.database.db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)))) as [{ unread: number }];
  return { unread };
}
