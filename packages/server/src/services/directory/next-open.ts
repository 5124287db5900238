import { DIRECTORY_HORIZON_DAYS } from '@slotwise/sdk/contract';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { directoryEntries, services } from '../../db/schema.js';
import { formatEpochDay, isoInstant, parseEpochDay } from '../../domain/civil.js';
import { startOfDate } from '../../domain/zone.js';
import type { ServiceDeps } from '../deps.js';
import { listSlots } from '../availability/slots.js';

const decoder = new TextDecoder();

/** A stored next open time older than this is computed again: the horizon moves with the clock. */
export const NEXT_OPEN_FRESH_MS = 60 * 60 * 1000;

export interface NextOpen {
  at: number;
  service: string;
}

/** Whose next open time to compute: the specialist and the availability version read with them. */
export interface NextOpenSubject {
  specialistId: string;
  handle: string;
  timeZone: string;
  version: number;
}

/** The first look ahead, in days: most specialists open within a week, and a short window is cheap to compute and to cache. */
const FIRST_LOOK_DAYS = 7;

/** The first `"start":"…"` of a slots answer (its days are in order, each day's slots too), without parsing the rest. */
function firstStart(body: Uint8Array): number | undefined {
  const text = decoder.decode(body);
  const at = text.indexOf('"start":"');
  return at < 0 ? undefined : Date.parse(text.slice(at + 9, text.indexOf('"', at + 9)));
}

/** The two windows looked at, as days after today: the first week, then the rest of the horizon. */
const WINDOWS = [
  [0, FIRST_LOOK_DAYS - 1],
  [FIRST_LOOK_DAYS, DIRECTORY_HORIZON_DAYS - 1],
] as const;

const slotsOf = (deps: ServiceDeps, subject: NextOpenSubject, service: ServiceDefault, today: number, window: (typeof WINDOWS)[number]) =>
  listSlots(deps, subject.handle, { service: service.id, duration: service.minutes, timezone: subject.timeZone, from: formatEpochDay(today + window[0]), to: formatEpochDay(today + window[1]) });

/**
 * The specialist's first open start within the directory's horizon (today in their zone and the
 * following days), over the default duration of each active service (`services`, in their order):
 * exactly what the slots endpoint offers (the same `listSlots`, its cache and its refusals of
 * specialists who take no bookings or no money), so a time shown is one that can be booked. The
 * first week is asked first, the rest of the horizon only when it has nothing. Null when there is none.
 */
export async function nextOpenOf(deps: ServiceDeps, subject: NextOpenSubject, offered?: readonly ServiceDefault[]): Promise<NextOpen | null> {
  const rows = offered ?? (await defaultsOf(deps, [subject.specialistId])).get(subject.specialistId) ?? [];
  const today = parseEpochDay(deps.slotCache.today(subject.timeZone, deps.clock()));
  for (const window of WINDOWS) {
    let best: NextOpen | null = null;
    for (const row of rows) {
      const at = firstStart(await slotsOf(deps, subject, row, today, window));
      if (at !== undefined && (!best || at < best.at)) best = { at, service: row.id };
    }
    if (best) return best;
  }
  return null;
}

/**
 * Whether `stored` — the next open time computed at the subject's CURRENT availability version — is
 * still offered: one slots answer instead of every service's. At one version nothing can open an
 * earlier time (only the clock moves, and it only takes times away), so a stored time that is still
 * offered is still the first.
 */
async function stillOffered(deps: ServiceDeps, subject: NextOpenSubject, stored: NextOpen, offered: readonly ServiceDefault[]): Promise<boolean> {
  const service = offered.find((row) => row.id === stored.service);
  if (!service || stored.at <= deps.clock()) return false;
  const today = parseEpochDay(deps.slotCache.today(subject.timeZone, deps.clock()));
  const window = stored.at < startOfDate(subject.timeZone, formatEpochDay(today + FIRST_LOOK_DAYS)) ? WINDOWS[0] : WINDOWS[1];
  return decoder.decode(await slotsOf(deps, subject, service, today, window)).includes(`"start":"${isoInstant(stored.at)}"`);
}

/** An active service's id and default (first) duration. */
export interface ServiceDefault {
  id: string;
  minutes: number;
}

/** The active services of each specialist, in their order, in one query. */
export async function defaultsOf(deps: ServiceDeps, specialistIds: readonly string[]): Promise<Map<string, ServiceDefault[]>> {
  const found = new Map<string, ServiceDefault[]>();
  if (specialistIds.length === 0) return found;
  const rows = await deps.database.db
    .select({ id: services.id, specialistId: services.specialistId, durations: services.durations })
    .from(services)
    .where(and(inArray(services.specialistId, [...specialistIds]), eq(services.active, true)))
    .orderBy(asc(services.position), asc(services.createdAt));
  for (const row of rows) found.set(row.specialistId, [...(found.get(row.specialistId) ?? []), { id: row.id, minutes: row.durations[0]!.minutes }]);
  return found;
}

/** The write that files `found` as the subject's next open time, computed at its version. */
export function storeNextOpen(deps: ServiceDeps, subject: NextOpenSubject, found: NextOpen | null, now: number) {
  return deps.database.db
    .update(directoryEntries)
    .set({ nextOpenAt: found?.at ?? null, nextOpenService: found?.service ?? null, nextOpenVersion: subject.version, nextOpenCheckedAt: now })
    .where(eq(directoryEntries.specialistId, subject.specialistId));
}

/**
 * The next open time of each subject, checked with the slot engine, filed where it differs from
 * what is stored, in one write batch. `stored` answers a subject's stored time when it was
 * computed at the subject's current version (and recently): then it only needs checking that it
 * is still offered (`stillOffered`); undefined (never, another version, too old) computes it anew.
 */
export async function refreshNextOpen(
  deps: ServiceDeps,
  subjects: readonly NextOpenSubject[],
  stored: (subject: NextOpenSubject) => NextOpen | null | undefined = () => undefined,
): Promise<Map<string, NextOpen | null>> {
  const now = deps.clock();
  const found = new Map<string, NextOpen | null>();
  const writes = [];
  const offered = await defaultsOf(deps, subjects.map((s) => s.specialistId));
  for (const subject of subjects) {
    const before = stored(subject);
    const services = offered.get(subject.specialistId) ?? [];
    const open = before && (await stillOffered(deps, subject, before, services)) ? before : await nextOpenOf(deps, subject, services);
    found.set(subject.specialistId, open);
    if (before === undefined || before?.at !== open?.at || before?.service !== open?.service) writes.push(storeNextOpen(deps, subject, open, now));
  }
  if (writes.length > 0) await deps.database.batch(writes);
  return found;
}
