import type { Actor } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { services, specialists, type BookingRow } from '../../db/schema.js';
import { transition } from '../../domain/booking-state.js';
import { isoInstant, MINUTE_MS } from '../../domain/civil.js';
import { reschedule } from '../../domain/policy.js';
import type { Busy } from '../../domain/slots.js';
import { policyOf } from '../availability/rules.js';
import { outsideBusy } from '../availability/slots.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { assertUnchangedSince, changeOfBooking } from './guarded-change.js';
import { changeBookingQueries } from './road.js';
import { assertBookable } from './slot-check.js';
import { t } from '../messages/index.js';

/**
 * Moves the booking `find` reads to `start`, as `actor`: state and policy, then the same slot
 * check as a new booking on the same snapshot (its own current time excluded), then the one road
 * with both times on the event — ONE guarded batch (`guarded-change.ts`). Each try reads the
 * specialist's availability version first (every booking, rule and service change of this
 * calendar moves it), then the booking's history length and the booking; the guard holds them
 * still. So the booking is never at both times or at neither, never moved onto a time another
 * writer took meanwhile (the fresh snapshot answers `slot_unavailable`), and a move that raced
 * another change of the same booking answers `booking_not_reschedulable` ("changed meanwhile")
 * instead of moving it a second time. A change elsewhere in the calendar only retries.
 *
 * @param find reads the booking (scoped to its caller: token or specialist); runs once per try.
 * @param outside busy times of the outside calendars, fetched before (`outsideFor`): I/O, no version covers them.
 */
export async function rescheduleGuarded(
  deps: Pick<ServiceDeps, 'database'>,
  find: (db: Drizzle) => Promise<BookingRow>,
  move: { start: number; label: string; actor: Actor; outside: Busy[] },
  now: number,
): Promise<BookingRow> {
  const db = deps.database.db;
  const { start, label, actor } = move;
  return changeOfBooking(deps.database, find, true, async ({ row, first }) => {
    const state = transition(row, 'reschedule', now);
    if (!state.ok) throw new ServiceError('booking_not_reschedulable', state.why);
    assertUnchangedSince(first, row, 'booking_not_reschedulable');
    const [service] = await db.select().from(services).where(eq(services.id, row.serviceId));
    const decision = reschedule(policyOf(service!), row, now, actor);
    if (!decision.allowed) throw new ServiceError('booking_not_reschedulable', decision.why);
    if (start === row.startAt) throw new ServiceError('booking_not_reschedulable', t('booking.same_time'));
    const [specialist] = await db.select().from(specialists).where(eq(specialists.id, row.specialistId));
    await assertBookable(db as unknown as Tx, { specialist: specialist!, service: service!, minutes: row.durationMinutes, start, outside: move.outside, now, label, excludeId: row.id });
    const change = changeBookingQueries(
      db,
      row,
      {
        action: 'reschedule',
        actor,
        data: { from: isoInstant(row.startAt), to: isoInstant(start) },
        set: {
          startAt: start,
          endAt: start + row.durationMinutes * MINUTE_MS,
          // The buffers of the service as it is now, like a new booking.
          bufferBefore: service!.bufferBefore,
          bufferAfter: service!.bufferAfter,
          rescheduleCount: row.rescheduleCount + 1,
        },
      },
      now,
    );
    return { queries: change.queries, condition: change.still, answer: change.row };
  });
}

/** Busy times of the specialist's outside calendars around `start`, fetched before any transaction. */
export async function outsideFor(deps: ServiceDeps, specialistId: string, start: number): Promise<Busy[]> {
  const [specialist] = await deps.database.db.select().from(specialists).where(eq(specialists.id, specialistId));
  return (await outsideBusy(deps, deps.database.db, specialist!, start, start + 1)).busy;
}
