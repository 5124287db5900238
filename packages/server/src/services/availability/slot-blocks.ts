import { DAY_MS, formatEpochDay } from '../../domain/civil.js';
import type { Slot } from '../../domain/slots.js';
import { zoneOffsets } from '../../domain/zone.js';
import type { DayRuns, SlotList } from './slots-json.js';

/**
 * A service's open slots are computed in blocks of 16 UTC days and kept written (`SlotList`).
 * Which starts are open depends only on the specialist's data and the clock, never on the window
 * asked or the visitor's zone: the engine offers the same start whichever window contains it
 * (`computeSlots` checks the window on the start alone, and the bookings and caps it reads are
 * widened around any window). So an answer for any zone and dates is the slots of the blocks it
 * overlaps whose start falls in its window, grouped by the visitor's dates — no query, no engine,
 * and its bytes copied, not written. A 14-day window overlaps two blocks at most.
 */
const BLOCK_MS = 16 * DAY_MS;

/** The blocks (their indexes) a window of instants `[from, to)` overlaps. */
export function blocksOf(from: number, to: number): number[] {
  const found: number[] = [];
  for (let block = Math.floor(from / BLOCK_MS); block * BLOCK_MS < to; block++) found.push(block);
  return found;
}

/** A block's instants, `[from, to)`. */
export const blockWindow = (block: number) => ({ from: block * BLOCK_MS, to: (block + 1) * BLOCK_MS });

const listIndexes = new WeakMap<Uint8Array, SlotList>();

/**
 * A block's list as the slot cache keeps it: its bytes are the cached body (so the cache's entry
 * and byte bounds hold it), and the rest of the list is found from them.
 */
export function listOfBody(body: Uint8Array): SlotList | undefined {
  return listIndexes.get(body);
}

/** Notes `list` under its bytes, to be found again from the cached body. */
export function bodyOfList(list: SlotList): Uint8Array<ArrayBuffer> {
  listIndexes.set(list.bytes, list);
  return list.bytes;
}

/** The engine's days flattened into one list (they come in start order). */
export const flatSlots = (days: readonly { slots: readonly Slot[] }[]): Slot[] => days.flatMap((day) => day.slots);

/** The first index of `starts` (ascending) whose value is at least `instant`. */
function firstAtOrAfter(starts: Float64Array, instant: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The slots of `lists` (consecutive blocks, in order) that start in `[from, to)`, grouped by
 * their date in `displayTimeZone` exactly as `computeSlots` groups them: a new date begins
 * wherever the wall-clock date of a start differs from the one before it.
 */
export function daysIn(lists: readonly SlotList[], from: number, to: number, displayTimeZone: string): DayRuns[] {
  const { starts: pieces, offsets } = zoneOffsets(displayTimeZone, from, to);
  const days: DayRuns[] = [];
  let current: DayRuns | undefined;
  let currentDay = Number.NaN;
  let piece = 0;
  for (const list of lists) {
    const starts = list.starts;
    const end = firstAtOrAfter(starts, to);
    let first = firstAtOrAfter(starts, from);
    for (let i = first; i < end; i++) {
      const start = starts[i]!;
      // The piece of constant offset `start` is in, as `offsetAt` finds it (starts only grow).
      while (piece + 1 < pieces.length && pieces[piece + 1]! <= start) piece++;
      const day = Math.floor((start + offsets[piece]!) / DAY_MS);
      if (day === currentDay) continue;
      if (current && i > first) current.runs.push({ list, first, end: i });
      current = { date: formatEpochDay(day), runs: [] };
      days.push(current);
      currentDay = day;
      first = i;
    }
    if (current && end > first) current.runs.push({ list, first, end });
  }
  return days;
}
