import type { Actor } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { services, specialists, type BookingRow } from '../../db/schema.js';
import { transition } from '../../domain/booking-state.js';
import { isoInstant, MINUTE_MS } from '../../domain/civil.js';
import { reschedule } from '../../domain/policy.js';
import type { Busy } from '../../domain/slots.js';
import { policyOf } from '../availability/rules.js';
import { outsideBusy } from '../availability/slots.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { changeBooking } from './road.js';
import { assertBookable } from './slot-check.js';
import { t } from '../messages/index.js';

/**
 * Moves `row` to `start` inside `tx`: state and policy, then the same slot check as a new booking
 * (its own current time excluded), then the one road with both times on the event. One
 * transaction, so the booking is never at both times or at neither.
 */
export async function rescheduleIn(tx: Tx, row: BookingRow, start: number, label: string, actor: Actor, outside: Busy[], now: number): Promise<BookingRow> {
  const state = transition(row, 'reschedule', now);
  if (!state.ok) throw new ServiceError('booking_not_reschedulable', state.why);
  const [service] = await tx.select().from(services).where(eq(services.id, row.serviceId));
  const decision = reschedule(policyOf(service!), row, now, actor);
  if (!decision.allowed) throw new ServiceError('booking_not_reschedulable', decision.why);
  if (start === row.startAt) throw new ServiceError('booking_not_reschedulable', t('booking.same_time'));
  const [specialist] = await tx.select().from(specialists).where(eq(specialists.id, row.specialistId));
  await assertBookable(tx, { specialist: specialist!, service: service!, minutes: row.durationMinutes, start, outside, now, label, excludeId: row.id });
  return changeBooking(
    tx,
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
}

/** Busy times of the specialist's outside calendars around `start`, fetched before any transaction. */
export async function outsideFor(deps: ServiceDeps, specialistId: string, start: number): Promise<Busy[]> {
  const [specialist] = await deps.database.db.select().from(specialists).where(eq(specialists.id, specialistId));
  return (await outsideBusy(deps, deps.database.db, specialist!, start, start + 1)).busy;
}
