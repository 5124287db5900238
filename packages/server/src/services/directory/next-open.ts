import { DIRECTORY_HORIZON_DAYS, type Slots } from '@slotwise/sdk/contract';
import { and, asc, eq } from 'drizzle-orm';
import { directoryEntries, services } from '../../db/schema.js';
import { formatEpochDay, parseEpochDay } from '../../domain/civil.js';
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

/**
 * The specialist's first open start within the directory's horizon (today in their zone and the
 * following days), over the default duration of each active service: exactly what the slots
 * endpoint offers (the same `listSlots`, its cache and its refusals of specialists who take no
 * bookings or no money), so a time shown is one that can be booked. Null when there is none.
 */
export async function nextOpenOf(deps: ServiceDeps, subject: NextOpenSubject): Promise<NextOpen | null> {
  const rows = await deps.database.db
    .select({ id: services.id, durations: services.durations })
    .from(services)
    .where(and(eq(services.specialistId, subject.specialistId), eq(services.active, true)))
    .orderBy(asc(services.position), asc(services.createdAt));
  const from = deps.slotCache.today(subject.timeZone, deps.clock());
  const to = formatEpochDay(parseEpochDay(from) + DIRECTORY_HORIZON_DAYS - 1);
  let best: NextOpen | null = null;
  for (const row of rows) {
    const body = await listSlots(deps, subject.handle, { service: row.id, duration: row.durations[0]!.minutes, from, to, timezone: subject.timeZone });
    const first = (JSON.parse(decoder.decode(body)) as Slots).days[0]?.slots[0];
    const at = first && Date.parse(first.start);
    if (at && (!best || at < best.at)) best = { at, service: row.id };
  }
  return best;
}

/** The write that files `found` as the subject's next open time, computed at its version. */
export function storeNextOpen(deps: ServiceDeps, subject: NextOpenSubject, found: NextOpen | null, now: number) {
  return deps.database.db
    .update(directoryEntries)
    .set({ nextOpenAt: found?.at ?? null, nextOpenService: found?.service ?? null, nextOpenVersion: subject.version, nextOpenCheckedAt: now })
    .where(eq(directoryEntries.specialistId, subject.specialistId));
}

/**
 * Computes the next open time of each subject and files those that differ from what is stored
 * (`stored` answers the stored value, or undefined when it must be written anyway), in one write
 * batch; an answer that matches a fresh stored one writes nothing.
 */
export async function refreshNextOpen(
  deps: ServiceDeps,
  subjects: readonly NextOpenSubject[],
  stored: (subject: NextOpenSubject) => NextOpen | null | undefined = () => undefined,
): Promise<Map<string, NextOpen | null>> {
  const now = deps.clock();
  const found = new Map<string, NextOpen | null>();
  const writes = [];
  for (const subject of subjects) {
    const open = await nextOpenOf(deps, subject);
    found.set(subject.specialistId, open);
    const before = stored(subject);
    if (before === undefined || before?.at !== open?.at || before?.service !== open?.service) writes.push(storeNextOpen(deps, subject, open, now));
  }
  if (writes.length > 0) await deps.database.batch(writes);
  return found;
}
