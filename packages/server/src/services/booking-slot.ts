import type { Tx } from '../db/client.js';
import type { ServiceRow, SpecialistRow } from '../db/schema.js';
import type { Busy } from '../domain/slots.js';
import { ProblemError } from '../http/problem.js';
import { slotsFromDb } from './availability.js';

export interface SlotCheck {
  specialist: SpecialistRow;
  service: ServiceRow;
  minutes: number;
  start: number;
  outside: Busy[];
  now: number;
  /** How the start was written, for the error message. */
  label: string;
  /** A booking being moved: its own time does not count against it. */
  excludeId?: string;
}

/**
 * Throws unless `start` is a slot right now: first "could it ever be one?" (hours, step, notice,
 * advance window) → `not_a_slot`; then "is it free?" (bookings and their buffers, holds, caps,
 * outside calendars) → `slot_unavailable`. Must run inside the write transaction that inserts or
 * moves the booking: that is what makes double booking impossible.
 */
export async function assertBookable(tx: Tx, check: SlotCheck): Promise<void> {
  const { specialist, service, minutes, start, now } = check;
  const window = { from: start, to: start + 1, displayTimeZone: specialist.timeZone };
  const possible = await slotsFromDb(tx, specialist, service, minutes, window, undefined, now);
  if (possible.days.length === 0) {
    throw new ProblemError('not_a_slot', `${check.label} is not a start time ${specialist.name} offers for "${service.name}". Pick one from the slots list.`, {
      errors: [{ field: 'body.start', message: 'Use a start time returned by the slots endpoint.' }],
    });
  }
  const open = await slotsFromDb(tx, specialist, service, minutes, window, check.outside, now, check.excludeId);
  if (open.days.length === 0) {
    throw new ProblemError('slot_unavailable', 'Someone else has just booked this time. Please pick another one.', {
      errors: [{ field: 'body.start', message: 'This time is taken.' }],
    });
  }
}
