import type { BookingEvent, BookingStatus } from '@slotwise/sdk/contract';
import { asc, eq, sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { bookingEvents } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';

export async function eventsOf(db: Drizzle, bookingId: string): Promise<BookingEvent[]> {
  const rows = await db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId)).orderBy(asc(bookingEvents.at), sql`rowid`); // rowid: insertion order within one instant
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    fromStatus: r.fromStatus as BookingStatus | null,
    toStatus: r.toStatus as BookingStatus | null,
    actor: r.actor,
    reason: r.reason,
    data: r.data ?? null,
    at: isoInstant(r.at),
  }));
}
