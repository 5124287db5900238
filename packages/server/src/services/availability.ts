import { MAX_SLOT_WINDOW_DAYS, type Slots } from '@slotwise/sdk/contract';
import type { AppDeps } from '../app-env.js';
import type { Drizzle, Tx } from '../db/client.js';
import type { ServiceRow, SpecialistRow } from '../db/schema.js';
import { DAY_MS, formatEpochDay, isoInstant, parseEpochDay } from '../domain/civil.js';
import { computeSlots, type Busy, type SlotResult } from '../domain/slots.js';
import { dateAt, startOfDate } from '../domain/zone.js';
import { ProblemError } from '../http/problem.js';
import { chooseDuration, findActiveService, findSpecialist } from './catalog.js';
import { availabilityOf, bookedTime, countedBookings, feedUrls, serviceRules } from './rules.js';

export interface SlotsRequest {
  service: string;
  duration?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  timezone?: string | undefined;
}

export interface OutsideBusy {
  busy: Busy[];
  /** Content versions of the feeds, for cache keys. */
  versions: string[];
}

/**
 * Busy times from the specialist's outside calendars around a window. Fetching is I/O, so this
 * runs before any transaction; a feed that is down gives its last good copy (or nothing) rather
 * than failing the booking page.
 */
export async function outsideBusy(deps: AppDeps, db: Drizzle | Tx, specialist: SpecialistRow, from: number, to: number): Promise<OutsideBusy> {
  const urls = await feedUrls(db, specialist.id);
  const window = { from: from - DAY_MS, to: to + DAY_MS };
  const results = await Promise.all(urls.map((url) => deps.calendarFeeds.busy(url, window, specialist.timeZone)));
  return { busy: results.flatMap((r) => r.busy), versions: results.map((r) => r.version) };
}

/**
 * Open slots of `service` for starts in `[from, to)`, from the database as it is in `db`.
 * `outside === undefined` asks for the rules alone — hours, step, notice, window — ignoring
 * every booking, cap and outside event: "could this ever be a slot?".
 */
export async function slotsFromDb(
  db: Drizzle | Tx,
  specialist: SpecialistRow,
  service: ServiceRow,
  minutes: number,
  window: { from: number; to: number; displayTimeZone: string },
  outside: Busy[] | undefined,
  now: number,
  /** A booking being moved: its own time does not block its new one. */
  excludeId?: string,
): Promise<SlotResult> {
  const rulesOnly = outside === undefined;
  const [availability, booked, counted] = await Promise.all([
    availabilityOf(db, specialist),
    rulesOnly ? [] : bookedTime(db, specialist.id, window.from, window.to, now, excludeId),
    rulesOnly ? [] : countedBookings(db, service, window.from, window.to, now, excludeId),
  ]);
  return computeSlots({
    availability,
    service: serviceRules(service, minutes),
    busy: rulesOnly ? [] : [...booked, ...outside],
    counted,
    now,
    ...window,
  });
}

/** Resolves the dates of a slots request into a window of instants, or explains what is wrong. */
function resolveWindow(query: SlotsRequest, timeZone: string, now: number) {
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
  return { from, to, start: startOfDate(timeZone, from), end: startOfDate(timeZone, formatEpochDay(toDay + 1)) };
}

/** The public slots answer, serialised, served from the slot cache when nothing changed. */
export async function listSlots(deps: AppDeps, handle: string, query: SlotsRequest, now: number): Promise<string> {
  const db = deps.database.db;
  const specialist = await findSpecialist(db, handle);
  const service = await findActiveService(db, specialist, query.service);
  const { minutes } = chooseDuration(service, query.duration);
  const timeZone = query.timezone ?? specialist.timeZone;
  const window = resolveWindow(query, timeZone, now);
  const outside = await outsideBusy(deps, db, specialist, window.start, window.end);
  const key = [specialist.id, specialist.availabilityVersion, service.id, minutes, window.from, window.to, timeZone, ...outside.versions].join('|');
  const cached = deps.slotCache.get(key, now);
  if (cached !== undefined) return cached;

  const result = await slotsFromDb(db, specialist, service, minutes, { from: window.start, to: window.end, displayTimeZone: timeZone }, outside.busy, now);
  const body: Slots = {
    service: service.id,
    duration: minutes,
    timeZone,
    from: window.from,
    to: window.to,
    days: result.days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end) })) })),
  };
  const json = JSON.stringify(body);
  deps.slotCache.set(key, json, result.validUntil);
  return json;
}
