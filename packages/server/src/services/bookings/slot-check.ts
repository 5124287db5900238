import type { Tx } from '../../db/client.js';
import type { BookingRow, ServiceRow, SpecialistRow } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import { hasRoom, occupiedBy } from '../../domain/occupancy.js';
import { computeSlots, type Busy } from '../../domain/slots.js';
import { availabilityOf, bookedTime, countedBookings, serviceRules } from '../availability/rules.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

/** Sessions booked for one time at once; group sessions will raise it per service. */
export const ONE_TO_ONE = 1;

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

const unavailable = () =>
  new ServiceError('slot_unavailable', t('slot_unavailable'), {
    errors: [{ field: 'body.start', message: t('slot_unavailable.field') }],
  });

/**
 * Whether `booking`'s time, with its buffers, still has room among the specialist's other active
 * bookings — the one free-time check of the write path, `capacity` seats (1 today).
 */
export async function isFree(tx: Tx, booking: Pick<BookingRow, 'id' | 'specialistId' | 'startAt' | 'endAt' | 'bufferBefore' | 'bufferAfter'>, now: number, capacity = ONE_TO_ONE): Promise<boolean> {
  const booked = await bookedTime(tx, booking.specialistId, booking.startAt, booking.endAt, now, booking.id);
  return hasRoom(occupiedBy(booking), booked, now, capacity);
}

/**
 * Throws unless `start` is a slot right now: "could it ever be one?" (hours, step, notice, advance
 * window) → `not_a_slot`; "is it free?" (caps, outside calendars, then room among the bookings and
 * their buffers, holds included) → `slot_unavailable`. Must run inside the write transaction that
 * inserts or moves the booking: that is what makes double booking impossible.
 */
export async function assertBookable(tx: Tx, check: SlotCheck): Promise<void> {
  const { specialist, service, minutes, start, now } = check;
  const window = { from: start, to: start + 1, displayTimeZone: specialist.timeZone };
  const rules = serviceRules(service, minutes);
  const [availability, counted] = await Promise.all([availabilityOf(tx, specialist), countedBookings(tx, service, start, start + 1, now, check.excludeId)]);
  const open = computeSlots({ availability, service: rules, busy: check.outside, counted, now, ...window });
  if (open.days.length === 0) {
    const possible = computeSlots({ availability, service: rules, busy: [], counted: [], now, ...window });
    if (possible.days.length === 0) {
      throw new ServiceError('not_a_slot', t('not_a_slot', { time: check.label, name: specialist.name, service: service.name }), {
        errors: [{ field: 'body.start', message: t('not_a_slot.field') }],
      });
    }
    throw unavailable();
  }
  const candidate = { id: check.excludeId ?? '', specialistId: specialist.id, startAt: start, endAt: start + minutes * MINUTE_MS, bufferBefore: service.bufferBefore, bufferAfter: service.bufferAfter };
  if (!(await isFree(tx, candidate, now))) throw unavailable();
}
