import { MINUTE_MS } from './civil.js';
import type { Busy } from './slots.js';

/** The time a booking takes from its specialist: its session widened by its own buffers. */
export function occupiedBy(b: { startAt: number; endAt: number; bufferBefore: number; bufferAfter: number }): { start: number; end: number } {
  return { start: b.startAt - b.bufferBefore * MINUTE_MS, end: b.endAt + b.bufferAfter * MINUTE_MS };
}

/**
 * Whether `interval` can take one more booking: fewer than `capacity` of the `busy` times still in
 * force at `now` (a hold stops at `until`) overlap it, half-open. The one overlap rule of the
 * write path — a new booking, a move, a late payment —; `computeSlots` applies the same rule to
 * whole windows (capacity 1), and a property test holds the two together.
 *
 * With `capacity` above 1 (group sessions, later) every overlapping busy time counts as a seat,
 * which never lets more than `capacity` overlap the interval.
 */
export function hasRoom(interval: { start: number; end: number }, busy: readonly Busy[], now: number, capacity = 1): boolean {
  let taken = 0;
  for (const b of busy) {
    if (b.until !== undefined && b.until <= now) continue;
    if (b.start < interval.end && b.end > interval.start && ++taken >= capacity) return false;
  }
  return true;
}
