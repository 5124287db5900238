import { MINUTE_MS } from './civil.js';
import type { Busy, Session } from './slots.js';

/** The time a booking takes from its specialist: its session widened by its own buffers. */
export function occupiedBy(b: { startAt: number; endAt: number; bufferBefore: number; bufferAfter: number }): { start: number; end: number } {
  return { start: b.startAt - b.bufferBefore * MINUTE_MS, end: b.endAt + b.bufferAfter * MINUTE_MS };
}

/** A seat of a group service asks for: its session (service, start, end) and the service's seats. */
export interface Seat {
  session: Session;
  capacity: number;
}

/** `a` and `b` are the same session: one service, the same start and the same end. */
export const sameSession = (a: Session | undefined, b: Session): boolean => a !== undefined && a.service === b.service && a.start === b.start && a.end === b.end;

/**
 * The seats of `seat`'s session already taken among `busy` (those in force at `now`: a hold stops
 * at `until`), or `undefined` when anything else overlaps `interval` (half-open) — a one-to-one
 * booking, another session, an outside event. `seat` absent: any overlap is "anything else".
 */
export function seatsTaken(interval: { start: number; end: number }, busy: readonly Busy[], now: number, seat?: Seat): number | undefined {
  let taken = 0;
  for (const b of busy) {
    if (b.until !== undefined && b.until <= now) continue;
    if (!(b.start < interval.end && b.end > interval.start)) continue;
    if (seat && sameSession(b.session, seat.session)) taken++;
    else return undefined;
  }
  return taken;
}

/**
 * Whether `interval` — a booking's time widened by its buffers — can take one more booking: the
 * one overlap rule of the write path (a new booking, a move, a late payment). `computeSlots`
 * applies the same rule to whole windows, and property tests hold the two together.
 *
 * One-to-one (no `seat`): nothing in force overlaps it. A seat of a group session: every busy time
 * in force that overlaps it is a seat of the SAME session (same service, same start, same end) —
 * so a one-to-one booking never overlaps a group session, nor two sessions each other — and fewer
 * than `seat.capacity` such seats exist. (Capacity 1 as a seat is the one-to-one rule again.)
 */
export function hasRoom(interval: { start: number; end: number }, busy: readonly Busy[], now: number, seat?: Seat): boolean {
  const taken = seatsTaken(interval, busy, now, seat);
  return taken !== undefined && taken < (seat?.capacity ?? 1);
}
