import type { BookingEvent, BookingStatus } from '@slotwise/sdk/contract';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { bookingEvents, type BookingEventRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';

const toEvent = (r: BookingEventRow): BookingEvent => ({
  id: r.id,
  type: r.type,
  fromStatus: r.fromStatus as BookingStatus | null,
  toStatus: r.toStatus as BookingStatus | null,
  actor: r.actor,
  reason: r.reason,
  data: r.data ?? null,
  at: isoInstant(r.at),
});

export async function eventsOf(db: Drizzle, bookingId: string): Promise<BookingEvent[]> {
  return (await eventsOfBookings(db, [bookingId])).get(bookingId) ?? [];
}

/** The history of each of `bookingIds` in one query (a page of an export), oldest first. */
export async function eventsOfBookings(db: Drizzle, bookingIds: readonly string[]): Promise<Map<string, BookingEvent[]>> {
  const out = new Map<string, BookingEvent[]>();
  if (bookingIds.length === 0) return out;
  const where = bookingIds.length === 1 ? eq(bookingEvents.bookingId, bookingIds[0]!) : inArray(bookingEvents.bookingId, [...bookingIds]);
  const rows = await db.select().from(bookingEvents).where(where).orderBy(asc(bookingEvents.at), sql`rowid`); // rowid: insertion order within one instant
  for (const r of rows) out.set(r.bookingId, [...(out.get(r.bookingId) ?? []), toEvent(r)]);
  return out;
}
