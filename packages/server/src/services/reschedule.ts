import type { Actor, Booking } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-env.js';
import type { Tx } from '../db/client.js';
import { bookings, services, specialists, type BookingRow } from '../db/schema.js';
import { transition } from '../domain/booking-state.js';
import { isoInstant, MINUTE_MS } from '../domain/civil.js';
import { reschedule } from '../domain/policy.js';
import { ProblemError } from '../http/problem.js';
import { hashToken } from '../http/tokens.js';
import { outsideBusy } from './availability.js';
import { recordEvent } from './booking-events.js';
import { present } from './booking-present.js';
import { assertBookable } from './booking-slot.js';
import { findByToken } from './bookings.js';
import { bumpAvailability, policyOf } from './rules.js';

/**
 * Moves `row` to `start` inside `tx`: policy, then the same slot check as a new booking (its own
 * current time excluded), then the update and a `rescheduled` event with both times. One
 * transaction, so the booking is never at both times or at neither.
 */
export async function rescheduleIn(tx: Tx, row: BookingRow, start: number, label: string, actor: Actor, outside: AppDepsBusy, now: number): Promise<BookingRow> {
  const state = transition(row, 'reschedule', now);
  if (!state.ok) throw new ProblemError('booking_not_reschedulable', state.reason);
  const [service] = await tx.select().from(services).where(eq(services.id, row.serviceId));
  const decision = reschedule(policyOf(service!), row, now, actor);
  if (!decision.allowed) throw new ProblemError('booking_not_reschedulable', decision.reason);
  if (start === row.startAt) throw new ProblemError('booking_not_reschedulable', 'The booking is already at that time.');
  const [specialist] = await tx.select().from(specialists).where(eq(specialists.id, row.specialistId));
  await assertBookable(tx, { specialist: specialist!, service: service!, minutes: row.durationMinutes, start, outside, now, label, excludeId: row.id });
  const [updated] = await tx
    .update(bookings)
    .set({
      startAt: start,
      endAt: start + row.durationMinutes * MINUTE_MS,
      // The buffers of the service as it is now, like a new booking.
      bufferBefore: service!.bufferBefore,
      bufferAfter: service!.bufferAfter,
      rescheduleCount: row.rescheduleCount + 1,
    })
    .where(eq(bookings.id, row.id))
    .returning();
  await recordEvent(tx, row, { type: 'rescheduled', actor, from: row.status, to: row.status, data: { from: isoInstant(row.startAt), to: isoInstant(start) } }, now);
  await bumpAvailability(tx, row.specialistId);
  return updated!;
}

type AppDepsBusy = Awaited<ReturnType<typeof outsideBusy>>['busy'];

/** Busy times of the specialist's outside calendars around `start`, fetched before any transaction. */
export async function outsideFor(deps: AppDeps, specialistId: string, start: number) {
  const [specialist] = await deps.database.db.select().from(specialists).where(eq(specialists.id, specialistId));
  return (await outsideBusy(deps, deps.database.db, specialist!, start, start + 1)).busy;
}

export async function rescheduleBooking(deps: AppDeps, id: string, token: string, startText: string, now: number): Promise<Booking> {
  const tokenHash = await hashToken(token);
  const current = await findByToken(deps.database.db, id, tokenHash);
  const start = Date.parse(startText);
  const outside = await outsideFor(deps, current.specialistId, start);
  const row = await deps.database.write(async (tx) => rescheduleIn(tx, await findByToken(tx, id, tokenHash), start, startText, 'customer', outside, now));
  return present(deps.database.db, row);
}
