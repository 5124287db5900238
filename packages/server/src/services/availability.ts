import { MAX_SLOT_WINDOW_DAYS, type Slots } from '@slotwise/sdk/contract';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Drizzle, Tx } from '../db/client.js';
import { bookings, type ServiceRow, type SpecialistRow } from '../db/schema.js';
import { formatEpochDay, isoInstant as iso, MINUTE_MS, parseEpochDay } from '../domain/civil.js';
import { ACTIVE_STATUSES } from '../domain/booking-state.js';
import { computeSlots, type Busy, type SlotDay } from '../domain/slots.js';
import { dateAt, startOfDate } from '../domain/zone.js';
import { ProblemError } from '../http/problem.js';
import { chooseDuration, findActiveService, findSpecialist, weeklyFor } from './catalog.js';

/** Active bookings of `specialistId` that overlap `[from, to)`. */
export async function busyBetween(db: Drizzle | Tx, specialistId: string, from: number, to: number): Promise<Busy[]> {
  return db
    .select({ start: bookings.startAt, end: bookings.endAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.specialistId, specialistId),
        inArray(bookings.status, [...ACTIVE_STATUSES]),
        lt(bookings.startAt, to),
        gt(bookings.endAt, from),
      ),
    );
}

export interface SlotsRequest {
  service: string;
  duration?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  timezone?: string | undefined;
}

/** Open slots of one service between two inclusive dates in the visitor's zone. */
export async function openSlots(
  db: Drizzle,
  specialist: SpecialistRow,
  service: ServiceRow,
  minutes: number,
  window: { from: number; to: number; timeZone: string },
  now: number,
): Promise<SlotDay[]> {
  const durationMs = minutes * MINUTE_MS;
  const [weekly, busy] = await Promise.all([
    weeklyFor(db, specialist.id),
    busyBetween(db, specialist.id, window.from, window.to + durationMs),
  ]);
  return computeSlots({
    timeZone: specialist.timeZone,
    weekly,
    duration: minutes,
    step: service.slotStep ?? minutes,
    busy,
    now,
    from: window.from,
    to: window.to,
    displayTimeZone: window.timeZone,
  });
}

export async function listSlots(db: Drizzle, handle: string, query: SlotsRequest, now: number): Promise<Slots> {
  const specialist = await findSpecialist(db, handle);
  const service = await findActiveService(db, specialist, query.service);
  const { minutes } = chooseDuration(service, query.duration);
  const timeZone = query.timezone ?? specialist.timeZone;
  const fromDay = parseEpochDay(query.from ?? dateAt(timeZone, now));
  const toDay = query.to ? parseEpochDay(query.to) : fromDay + 30;
  if (toDay < fromDay) {
    throw new ProblemError('invalid_range', `"to" (${query.to}) is before "from" (${formatEpochDay(fromDay)}).`, {
      errors: [{ field: 'query.to', message: 'Use a date on or after "from".' }],
    });
  }
  if (toDay - fromDay + 1 > MAX_SLOT_WINDOW_DAYS) {
    throw new ProblemError('invalid_range', `Ask for at most ${MAX_SLOT_WINDOW_DAYS} days at a time; this range has ${toDay - fromDay + 1}.`, {
      errors: [{ field: 'query.to', message: `Use a date at most ${MAX_SLOT_WINDOW_DAYS - 1} days after "from".` }],
    });
  }
  const from = formatEpochDay(fromDay);
  const to = formatEpochDay(toDay);
  const window = { from: startOfDate(timeZone, from), to: startOfDate(timeZone, formatEpochDay(toDay + 1)), timeZone };
  const days = await openSlots(db, specialist, service, minutes, window, now);
  return {
    service: service.id,
    duration: minutes,
    timeZone,
    from,
    to,
    days: days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: iso(s.start), end: iso(s.end) })) })),
  };
}
