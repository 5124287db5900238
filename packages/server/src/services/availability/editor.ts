import type { ServiceDeps } from '../deps.js';
import type { AvailabilityRules, DateOverride, DateOverrideCreate, Recurring, RecurringCreate, WeeklySchedule } from '@slotwise/sdk/contract';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  calendarFeeds,
  dateOverrides,
  recurringAvailability,
  weeklyHours,
  type CalendarFeedRow,
  type DateOverrideRow,
  type RecurringRow,
  type SpecialistRow,
} from '../../db/schema.js';
import { isoInstant, parseEpochDay } from '../../domain/civil.js';
import { rruleProblem } from '../../domain/recurrence.js';
import type { FeedStatus } from './calendar-port.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { t } from '../messages/index.js';
import { guardedBatch, writeOne } from '../../db/batch.js';
import { limitReached, underLimit } from '../limits.js';

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toClock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const presentOverride = (o: DateOverrideRow): DateOverride => ({
  id: o.id,
  from: o.fromDate,
  to: o.toDate,
  intervals: o.intervals.map((i) => ({ start: toClock(i.start), end: toClock(i.end) })),
});
const presentRecurring = (r: RecurringRow): Recurring => ({
  id: r.id,
  rrule: r.rrule,
  anchor: r.anchorDate,
  start: toClock(r.startMinute),
  end: toClock(r.endMinute),
});
/** A feed as the API shows it: the host only (the full address is a secret) and the cache's status of it. */
export function presentFeed(f: CalendarFeedRow, status: FeedStatus) {
  const at = (ms: number | null) => (ms === null ? null : isoInstant(ms));
  return {
    id: f.id,
    host: new URL(f.url).host,
    createdAt: isoInstant(f.createdAt),
    lastSyncedAt: at(status.lastSyncedAt),
    busyCount: status.busyCount,
    lastError: status.lastError?.message ?? null,
    lastErrorAt: at(status.lastErrorAt),
  };
}

export async function availabilityRules(deps: ServiceDeps, specialist: SpecialistRow): Promise<AvailabilityRules> {
  const db = deps.database.db;
  const mine = specialist.id;
  const [hours, overrides, recurring, feeds] = await Promise.all([
    db.select().from(weeklyHours).where(eq(weeklyHours.specialistId, mine)).orderBy(asc(weeklyHours.weekday), asc(weeklyHours.startMinute)),
    db.select().from(dateOverrides).where(eq(dateOverrides.specialistId, mine)).orderBy(asc(dateOverrides.fromDate)),
    db.select().from(recurringAvailability).where(eq(recurringAvailability.specialistId, mine)).orderBy(asc(recurringAvailability.createdAt)),
    db.select().from(calendarFeeds).where(eq(calendarFeeds.specialistId, mine)).orderBy(asc(calendarFeeds.createdAt)),
  ]);
  const hour = (h: (typeof hours)[number]) => ({ weekday: h.weekday, start: toClock(h.startMinute), end: toClock(h.endMinute) });
  return {
    timeZone: specialist.timeZone,
    weekly: hours.filter((h) => h.kind === 'open').map(hour),
    breaks: hours.filter((h) => h.kind === 'break').map(hour),
    overrides: overrides.map(presentOverride),
    recurring: recurring.map(presentRecurring),
    calendarFeeds: feeds.map((f) => presentFeed(f, deps.calendarFeeds.status(f.url))),
  };
}

/** Replaces all weekly hours and breaks at once, so a schedule is never seen half-written. */
export async function replaceWeekly(deps: ServiceDeps, specialist: SpecialistRow, input: z.output<typeof WeeklySchedule>): Promise<void> {
  const rows = [
    ...input.weekly.map((h) => ({ ...h, kind: 'open' as const })),
    ...input.breaks.map((h) => ({ ...h, kind: 'break' as const })),
  ].map((h) => ({ id: newId('wh'), specialistId: specialist.id, kind: h.kind, weekday: h.weekday, startMinute: toMinutes(h.start), endMinute: toMinutes(h.end) }));
  // One batch: the week is replaced whole or not at all; a statement per row keeps each under
  // D1's limit of bound parameters.
  const db = deps.database.db;
  await deps.database.batch([db.delete(weeklyHours).where(eq(weeklyHours.specialistId, specialist.id)), ...rows.map((row) => db.insert(weeklyHours).values(row))]);
}

export async function addOverride(deps: ServiceDeps, specialist: SpecialistRow, input: z.output<typeof DateOverrideCreate>): Promise<DateOverride> {
  const now = deps.clock();
  const row = {
    id: newId('ovr'),
    specialistId: specialist.id,
    fromDate: input.from,
    toDate: input.to ?? input.from,
    intervals: input.intervals.map((i) => ({ start: toMinutes(i.start), end: toMinutes(i.end) })),
    createdAt: now,
  };
  // The limit is the batch's guard: two requests at once cannot both add the last one allowed.
  const written = await guardedBatch(deps.database, underLimit('overrides', dateOverrides, dateOverrides.specialistId, specialist.id), [deps.database.db.insert(dateOverrides).values(row)]);
  if (!written) throw limitReached('overrides');
  return presentOverride(row);
}

export async function addRecurring(deps: ServiceDeps, specialist: SpecialistRow, input: z.output<typeof RecurringCreate>): Promise<Recurring> {
  const now = deps.clock();
  // Checked against today in the specialist's zone: a rule must have a date in the next two years.
  const today = parseEpochDay(deps.slotCache.today(specialist.timeZone, now));
  const problem = rruleProblem(input.rrule, parseEpochDay(input.anchor), today);
  if (problem) throw new ServiceError('invalid_recurrence', t('invalid_recurrence', { reason: problem.message }), { errors: [{ field: `body.${problem.field}`, message: t('invalid_recurrence', { reason: problem.message }) }] });
  const row = {
    id: newId('rec'),
    specialistId: specialist.id,
    rrule: input.rrule.replace(/^RRULE:/i, '').trim(),
    anchorDate: input.anchor,
    startMinute: toMinutes(input.start),
    endMinute: toMinutes(input.end),
    createdAt: now,
  };
  const written = await guardedBatch(deps.database, underLimit('recurring', recurringAvailability, recurringAvailability.specialistId, specialist.id), [deps.database.db.insert(recurringAvailability).values(row)]);
  if (!written) throw limitReached('recurring');
  return presentRecurring(row);
}

const ruleNotFound = (id: string) =>
  new ServiceError('availability_rule_not_found', t('availability_rule_not_found', { id }));

/** Deletes one of the caller's own overrides or recurring rules; anyone else's is a 404. */
export async function removeRule(deps: ServiceDeps, specialist: SpecialistRow, kind: 'override' | 'recurring', id: string) {
  const db = deps.database.db;
  if (kind === 'override') {
    const [row] = await writeOne(deps.database, db.delete(dateOverrides).where(and(eq(dateOverrides.id, id), eq(dateOverrides.specialistId, specialist.id))).returning());
    if (!row) throw ruleNotFound(id);
    return presentOverride(row);
  }
  const [row] = await writeOne(deps.database, db.delete(recurringAvailability).where(and(eq(recurringAvailability.id, id), eq(recurringAvailability.specialistId, specialist.id))).returning());
  if (!row) throw ruleNotFound(id);
  return presentRecurring(row);
}
