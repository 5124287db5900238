import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Drizzle, Tx } from '../../db/client.js';
import {
  bookings,
  calendarFeeds,
  dateOverrides,
  recurringAvailability,
  weeklyHours,
  type ServiceRow,
  type SpecialistRow,
} from '../../db/schema.js';
import type { Availability } from '../../domain/availability.js';
import { ACTIVE_STATUSES } from '../../domain/booking-state.js';
import { DAY_MS, MINUTE_MS } from '../../domain/civil.js';
import type { Policy } from '../../domain/policy.js';
import type { Busy, ServiceRules } from '../../domain/slots.js';

type Reader = Drizzle | Tx;

/** A specialist's availability rules in the slot engine's terms. */
export async function availabilityOf(db: Reader, specialist: SpecialistRow): Promise<Availability> {
  const [hours, overrides, recurring] = await Promise.all([
    db.select().from(weeklyHours).where(eq(weeklyHours.specialistId, specialist.id)),
    db.select().from(dateOverrides).where(eq(dateOverrides.specialistId, specialist.id)).orderBy(asc(dateOverrides.createdAt)),
    db.select().from(recurringAvailability).where(eq(recurringAvailability.specialistId, specialist.id)),
  ]);
  const interval = (h: (typeof hours)[number]) => ({ weekday: h.weekday, start: h.startMinute, end: h.endMinute });
  return {
    timeZone: specialist.timeZone,
    weekly: hours.filter((h) => h.kind === 'open').map(interval),
    breaks: hours.filter((h) => h.kind === 'break').map(interval),
    overrides: overrides.map((o) => ({ from: o.fromDate, to: o.toDate, intervals: o.intervals })),
    recurring: recurring.map((r) => ({ rrule: r.rrule, anchor: r.anchorDate, start: r.startMinute, end: r.endMinute })),
  };
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
  };
}

/** Buffers and durations are at most 8 hours each, so a day either side finds every overlap. */
const REACH_MS = DAY_MS;

/**
 * Time taken by the specialist's active bookings around `[from, to)`, each widened by its own
 * buffers; a hold blocks only until it expires.
 */
export async function bookedTime(db: Reader, specialistId: string, from: number, to: number, now: number, excludeId?: string): Promise<Busy[]> {
  const rows = await db
    .select({
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
        lt(bookings.startAt, to + REACH_MS),
        gt(bookings.startAt, from - 2 * REACH_MS),
        excludeId ? ne(bookings.id, excludeId) : undefined,
      ),
    );
  return rows
    .filter((r) => r.status !== 'held' || (r.expires ?? 0) > now)
    .map((r) => ({
      start: r.start - r.before * MINUTE_MS,
      end: r.end + r.after * MINUTE_MS,
      ...(r.status === 'held' ? { until: r.expires! } : {}),
    }));
}

/** This service's active bookings in the weeks around `[from, to)`, for the day and week caps. */
export async function countedBookings(db: Reader, service: ServiceRow, from: number, to: number, now: number, excludeId?: string) {
  if (service.maxPerDay === null && service.maxPerWeek === null) return [];
  const rows = await db
    .select({ start: bookings.startAt, status: bookings.status, expires: bookings.holdExpiresAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.serviceId, service.id),
        inArray(bookings.status, [...ACTIVE_STATUSES]),
        gt(bookings.startAt, from - 8 * DAY_MS),
        lt(bookings.startAt, to + 8 * DAY_MS),
        excludeId ? ne(bookings.id, excludeId) : undefined,
      ),
    );
  return rows
    .filter((r) => r.status !== 'held' || (r.expires ?? 0) > now)
    .map((r) => (r.status === 'held' ? { start: r.start, until: r.expires! } : { start: r.start }));
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

export async function feedUrls(db: Reader, specialistId: string): Promise<string[]> {
  const rows = await db.select({ url: calendarFeeds.url }).from(calendarFeeds).where(eq(calendarFeeds.specialistId, specialistId));
  return rows.map((r) => r.url);
}
