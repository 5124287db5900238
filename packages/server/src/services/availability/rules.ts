import { and, asc, eq, gt, inArray, lt, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import { shaped } from '../../db/shaped.js';
import {
  bookings,
  calendarFeeds,
  dateOverrides,
  recurringAvailability,
  weeklyHours,
  type DateOverrideRow,
  type RecurringRow,
  type ServiceRow,
  type SpecialistRow,
  type WeeklyHoursRow,
} from '../../db/schema.js';
import type { Availability } from '../../domain/availability.js';
import { ACTIVE_STATUSES } from '../../domain/booking-state.js';
import { DAY_MS, MINUTE_MS } from '../../domain/civil.js';
import type { Policy } from '../../domain/policy.js';
import type { Busy, ServiceRules } from '../../domain/slots.js';

/** Bookings the day and week caps count (a hold only until it expires). */
type Counted = { start: number; until?: number }[];

type Reader = Drizzle | Tx;

/** The three queries of a specialist's availability rules (`specialistId` a value or a subquery). */
export function availabilityQueries(db: Reader, specialistId: string | SQL) {
  if (typeof specialistId !== 'string') return availabilityBuilders(db, specialistId);
  const values = { specialist: specialistId };
  return [
    shaped(db, 'weekly-hours', () => availabilityBuilders(db, sql.placeholder('specialist'))[0], values),
    shaped(db, 'date-overrides', () => availabilityBuilders(db, sql.placeholder('specialist'))[1], values),
    shaped(db, 'recurring', () => availabilityBuilders(db, sql.placeholder('specialist'))[2], values),
  ] as const;
}

function availabilityBuilders(db: Reader, specialistId: Text) {
  return [
    db.select().from(weeklyHours).where(eq(weeklyHours.specialistId, specialistId)),
    db.select().from(dateOverrides).where(eq(dateOverrides.specialistId, specialistId)).orderBy(asc(dateOverrides.createdAt)),
    db.select().from(recurringAvailability).where(eq(recurringAvailability.specialistId, specialistId)),
  ] as const;
}

type AvailabilityRows = [WeeklyHoursRow[], DateOverrideRow[], RecurringRow[]];

/** `availabilityQueries`' answers in the slot engine's terms. */
export function toAvailability(timeZone: string, [hours, overrides, recurring]: AvailabilityRows): Availability {
  const interval = (h: WeeklyHoursRow) => ({ weekday: h.weekday, start: h.startMinute, end: h.endMinute });
  return {
    timeZone,
    weekly: hours.filter((h) => h.kind === 'open').map(interval),
    breaks: hours.filter((h) => h.kind === 'break').map(interval),
    overrides: overrides.map((o) => ({ from: o.fromDate, to: o.toDate, intervals: o.intervals })),
    recurring: recurring.map((r) => ({ rrule: r.rrule, anchor: r.anchorDate, start: r.startMinute, end: r.endMinute })),
  };
}

/** A specialist's availability rules in the slot engine's terms. */
export async function availabilityOf(db: Reader, specialist: SpecialistRow): Promise<Availability> {
  return toAvailability(specialist.timeZone, await Promise.all(availabilityQueries(db, specialist.id)));
}

export function serviceRules(service: ServiceRow, minutes: number): ServiceRules {
  return {
    duration: minutes,
    step: service.slotStep ?? minutes,
    bufferBefore: service.bufferBefore,
    bufferAfter: service.bufferAfter,
    minNotice: service.minNotice,
    maxAdvanceDays: service.maxAdvanceDays ?? undefined,
    maxPerDay: service.maxPerDay ?? undefined,
    maxPerWeek: service.maxPerWeek ?? undefined,
    ...(service.capacity > 1 ? { seats: { service: service.id, capacity: service.capacity } } : {}),
  };
}

/** Buffers and durations are at most 8 hours each, so a day either side finds every overlap. */
const REACH_MS = DAY_MS;

/** The query behind `bookedTime` (`specialistId` a value or a subquery). */
export function bookedTimeQuery(db: Reader, specialistId: string | SQL, from: number, to: number, excludeId?: string) {
  const values = { specialist: specialistId, before: to + REACH_MS, after: from - 2 * REACH_MS, ...(excludeId ? { exclude: excludeId } : {}) };
  if (typeof specialistId !== 'string') return bookedTimeBuilder(db, specialistId, values.before, values.after, excludeId);
  const build = () => bookedTimeBuilder(db, sql.placeholder('specialist'), sql.placeholder('before'), sql.placeholder('after'), excludeId ? sql.placeholder('exclude') : undefined);
  return shaped(db, excludeId ? 'booked-time-excluding' : 'booked-time', build, values);
}

/** A value in a query: as given, or a subquery or a shaped query's placeholder. */
type Text = string | SQLWrapper;
type Int = number | SQLWrapper;

function bookedTimeBuilder(db: Reader, specialistId: Text, before: Int, after: Int, excludeId: Text | undefined) {
  return db
    .select({
      service: bookings.serviceId,
      start: bookings.startAt,
      end: bookings.endAt,
      before: bookings.bufferBefore,
      after: bookings.bufferAfter,
      status: bookings.status,
      expires: bookings.holdExpiresAt,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.specialistId, specialistId),
        inArray(bookings.status, [...ACTIVE_STATUSES]),
        lt(bookings.startAt, before),
        gt(bookings.startAt, after),
        excludeId ? ne(bookings.id, excludeId) : undefined,
      ),
    );
}

/** `bookedTimeQuery`'s rows as busy time: each widened by its buffers, a hold only until it expires. */
export function toBookedTime(rows: Awaited<ReturnType<typeof bookedTimeQuery>>, now: number): Busy[] {
  return rows
    .filter((r) => r.status !== 'held' || (r.expires ?? 0) > now)
    .map((r) => ({
      start: r.start - r.before * MINUTE_MS,
      end: r.end + r.after * MINUTE_MS,
      ...(r.status === 'held' ? { until: r.expires! } : {}),
      session: { service: r.service, start: r.start, end: r.end },
    }));
}

/**
 * Time taken by the specialist's active bookings around `[from, to)`, each widened by its own
 * buffers; a hold blocks only until it expires.
 */
export async function bookedTime(db: Reader, specialistId: string, from: number, to: number, now: number, excludeId?: string): Promise<Busy[]> {
  return toBookedTime(await bookedTimeQuery(db, specialistId, from, to, excludeId), now);
}

/** The query behind `countedBookings`: the service's active bookings in the weeks around `[from, to)`. */
export function countedQuery(db: Reader, serviceId: string, from: number, to: number, excludeId?: string) {
  const values = { service: serviceId, after: from - 8 * DAY_MS, before: to + 8 * DAY_MS, ...(excludeId ? { exclude: excludeId } : {}) };
  const build = () =>
    db
      .select({ start: bookings.startAt, status: bookings.status, expires: bookings.holdExpiresAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.serviceId, sql.placeholder('service')),
          inArray(bookings.status, [...ACTIVE_STATUSES]),
          gt(bookings.startAt, sql.placeholder('after')),
          lt(bookings.startAt, sql.placeholder('before')),
          excludeId ? ne(bookings.id, sql.placeholder('exclude')) : undefined,
        ),
      );
  return shaped(db, excludeId ? 'counted-excluding' : 'counted', build, values);
}

/** `countedQuery`'s rows as the caps count them — none when the service has no cap. */
export function toCounted(service: ServiceRow, rows: Awaited<ReturnType<typeof countedQuery>>, now: number): Counted {
  if (service.maxPerDay === null && service.maxPerWeek === null) return [];
  return rows
    .filter((r) => r.status !== 'held' || (r.expires ?? 0) > now)
    .map((r) => (r.status === 'held' ? { start: r.start, until: r.expires! } : { start: r.start }));
}

/** This service's active bookings in the weeks around `[from, to)`, for the day and week caps. */
export async function countedBookings(db: Reader, service: ServiceRow, from: number, to: number, now: number, excludeId?: string): Promise<Counted> {
  if (service.maxPerDay === null && service.maxPerWeek === null) return [];
  return toCounted(service, await countedQuery(db, service.id, from, to, excludeId), now);
}

/** The cancellation and reschedule policy of a service. */
export function policyOf(service: ServiceRow): Policy {
  return {
    cancelUntilHours: service.cancelUntilHours,
    rescheduleUntilHours: service.rescheduleUntilHours,
    maxReschedules: service.maxReschedules,
    fullRefundHours: service.fullRefundHours,
    partialRefundHours: service.partialRefundHours,
    partialRefundPercent: service.partialRefundPercent,
  };
}

/** The query of a specialist's outside calendar feeds (`specialistId` a value or a subquery). */
export const feedsQuery = (db: Reader, specialistId: string | SQL) => db.select({ url: calendarFeeds.url }).from(calendarFeeds).where(eq(calendarFeeds.specialistId, specialistId));

export async function feedUrls(db: Reader, specialistId: string): Promise<string[]> {
  const rows = await feedsQuery(db, specialistId);
  return rows.map((r) => r.url);
}
