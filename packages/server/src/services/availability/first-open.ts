import { findService, type Slots, type Specialist, type SpecialistQuery } from '@slotwise/sdk/contract';
import type { ServiceDeps } from '../deps.js';
import { profile } from '../catalog/catalog.js';
import { listSlots } from './slots.js';

/** Months looked at for a first open day: this one and up to two more, as the widget's calendar does. */
const MONTHS_AHEAD = 2;
const decoder = new TextDecoder();

/** `YYYY-MM-DD` dates of the month `offset` months after `today`'s: from today (or the 1st) to its last day. */
function monthWindow(today: string, offset: number): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 + offset, 1));
  const last = new Date(Date.UTC(year, month + offset, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: offset === 0 ? today : iso(first), to: iso(last) };
}

/**
 * A specialist's profile and, with `include=slots`, the preselected service's first open times:
 * the service `query.service` names (id or name slug) or, without one, their only service. The
 * times are exactly `listSlots`' answer for the first month with an open day — today's month,
 * else up to two months ahead — so the widget's calendar opens there and keeps using them as if
 * it had asked itself; they come from the same cache. Nothing is preselected (no `slots`) when
 * the named service is unknown, several services leave the choice open, or no bookings are taken.
 * A duration the service does not offer falls back to its first.
 */
export async function profileWithSlots(deps: ServiceDeps, handle: string, query: SpecialistQuery): Promise<Specialist> {
  const found = await profile(deps, handle);
  if (query.include !== 'slots' || !found.acceptingBookings) return found;
  const service = query.service ? findService(found.services, query.service) : found.services.length === 1 ? found.services[0] : undefined;
  if (!service) return found;
  const duration = service.durations.find((d) => d.minutes === Number(query.duration))?.minutes ?? service.durations[0]!.minutes;
  const timezone = query.timezone ?? found.timeZone;
  const today = deps.slotCache.today(timezone, deps.clock());
  let slots: Slots | undefined;
  for (let offset = 0; offset <= MONTHS_AHEAD && !slots?.days.length; offset += 1) {
    const body = await listSlots(deps, handle, { service: service.id, duration, timezone, ...monthWindow(today, offset) });
    slots = JSON.parse(decoder.decode(body)) as Slots;
  }
  return { ...found, slots: slots! };
}
