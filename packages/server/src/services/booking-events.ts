import type { Actor, BookingEvent, BookingStatus } from '@slotwise/sdk/contract';
import { asc, eq, sql } from 'drizzle-orm';
import type { Drizzle, Tx } from '../db/client.js';
import { bookingEvents, type BookingRow } from '../db/schema.js';
import { isoInstant } from '../domain/civil.js';
import { newId } from '../http/tokens.js';

export interface EventInput {
  type: 'created' | 'held' | 'confirmed' | 'cancelled' | 'expired' | 'completed' | 'no_show' | 'rescheduled' | 'notes_updated' | 'refunded';
  actor: Actor;
  from?: BookingStatus | null;
  to?: BookingStatus | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** Appends one event; called inside the transaction that makes the change, never on its own. */
export async function recordEvent(tx: Tx, booking: Pick<BookingRow, 'id' | 'specialistId'>, event: EventInput, now: number): Promise<void> {
  await tx.insert(bookingEvents).values({
    id: newId('ev'),
    bookingId: booking.id,
    specialistId: booking.specialistId,
    type: event.type,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    actor: event.actor,
    reason: event.reason ?? null,
    data: event.data ?? null,
    at: now,
  });
}

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
