import type { SQL } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import type { BookingRow, ServiceRow, SpecialistRow } from '../../db/schema.js';
import { MINUTE_MS } from '../../domain/civil.js';
import { hasRoom, occupiedBy, type Seat } from '../../domain/occupancy.js';
import { services } from '../../db/schema.js';
import { eq } from 'drizzle-orm';
import type { Availability } from '../../domain/availability.js';
import { computeSlots, type Busy } from '../../domain/slots.js';
import { availabilityQueries, bookedTime, bookedTimeQuery, countedQuery, serviceRules, toAvailability, toBookedTime, toCounted } from '../availability/rules.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

type Reader = Drizzle | Tx;

/**
 * What a booking of `service` at `[start, end)` asks of the calendar: for a group service
 * (capacity above 1) a seat of that session; one-to-one (`undefined`): nothing may overlap.
 */
export function seatOf(service: Pick<ServiceRow, 'id' | 'capacity'>, start: number, end: number): Seat | undefined {
  return service.capacity > 1 ? { session: { service: service.id, start, end }, capacity: service.capacity } : undefined;
}

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
 * bookings — the one free-time check of the write path (`hasRoom`): for a seat of a group
 * service, room in its own session and nothing else overlapping.
 */
export async function isFree(tx: Tx, booking: Pick<BookingRow, 'id' | 'specialistId' | 'serviceId' | 'startAt' | 'endAt' | 'bufferBefore' | 'bufferAfter'>, now: number): Promise<boolean> {
  const [[service], booked] = await Promise.all([
    tx.select({ id: services.id, capacity: services.capacity }).from(services).where(eq(services.id, booking.serviceId)),
    bookedTime(tx, booking.specialistId, booking.startAt, booking.endAt, now, booking.id),
  ]);
  return hasRoom(occupiedBy(booking), booked, now, service && seatOf(service, booking.startAt, booking.endAt));
}

/** What the slot check reads about one start — from one snapshot, so one read batch can carry it. */
export interface SlotFacts {
  availability: Availability;
  /** The service's bookings the day and week caps count. */
  counted: ReturnType<typeof toCounted>;
  /** Other active bookings around the start, widened by their buffers. */
  booked: Busy[];
}

/**
 * The queries behind `SlotFacts` for a booking of `[start, end)`, keyed on `specialistId` (a value
 * or `specialistIdOf(handle)`, so they can ride in the same read batch as the specialist's row).
 */
export function slotFactsQueries(db: Reader, specialistId: string | SQL, serviceId: string, start: number, end: number, excludeId?: string) {
  return [...availabilityQueries(db, specialistId), countedQuery(db, serviceId, start, start + 1, excludeId), bookedTimeQuery(db, specialistId, start, end, excludeId)] as const;
}

/** `slotFactsQueries`' answers (in their order) as `SlotFacts`. */
export function toSlotFacts(specialist: SpecialistRow, service: ServiceRow, rows: readonly unknown[], now: number): SlotFacts {
  const [hours, overrides, recurring, counted, booked] = rows as unknown as [...Parameters<typeof toAvailability>[1], Parameters<typeof toCounted>[1], Parameters<typeof toBookedTime>[0]];
  return { availability: toAvailability(specialist.timeZone, [hours, overrides, recurring]), counted: toCounted(service, counted, now), booked: toBookedTime(booked, now) };
}

/**
 * Throws unless `start` is a slot as of `facts`: "could it ever be one?" (hours, step, notice,
 * advance window) → `not_a_slot`; "is it free?" (caps, outside calendars, then room among the
 * bookings and their buffers, holds included) → `slot_unavailable`. Pure: the caller read `facts`
 * in the snapshot its guarded write is checked against — that is what makes double booking
 * impossible.
 */
export function assertOpen(facts: SlotFacts, check: SlotCheck): void {
  const { specialist, service, minutes, start, now } = check;
  const window = { from: start, to: start + 1, displayTimeZone: specialist.timeZone };
  const rules = serviceRules(service, minutes);
  const open = computeSlots({ availability: facts.availability, service: rules, busy: check.outside, counted: facts.counted, now, ...window });
  if (open.days.length === 0) {
    const possible = computeSlots({ availability: facts.availability, service: rules, busy: [], counted: [], now, ...window });
    if (possible.days.length === 0) {
      throw new ServiceError('not_a_slot', t('not_a_slot', { time: check.label, name: specialist.name, service: service.name }), {
        errors: [{ field: 'body.start', message: t('not_a_slot.field') }],
      });
    }
    throw unavailable();
  }
  const candidate = { startAt: start, endAt: start + minutes * MINUTE_MS, bufferBefore: service.bufferBefore, bufferAfter: service.bufferAfter };
  if (!hasRoom(occupiedBy(candidate), facts.booked, now, seatOf(service, candidate.startAt, candidate.endAt))) throw unavailable();
}

/** `assertOpen` on facts read now from `db` (a snapshot's reader). */
export async function assertBookable(db: Reader, check: SlotCheck): Promise<void> {
  const end = check.start + check.minutes * MINUTE_MS;
  const rows = await Promise.all(slotFactsQueries(db, check.specialist.id, check.service.id, check.start, end, check.excludeId));
  assertOpen(toSlotFacts(check.specialist, check.service, rows, check.now), check);
}
