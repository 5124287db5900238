import { DAY_MS, formatEpochDay, parseEpochDay } from './civil.js';
import { offsetMsAt, transitionsIn, type Transitions } from './zone-clock.js';

/**
 * A time zone's UTC offsets over a window of instants, as constant pieces between transitions.
 * Built from `Intl.DateTimeFormat` reads (`zone-clock.ts`), kept per zone and 16-day chunk; after
 * that every conversion is integer arithmetic, far cheaper than a zoned call per slot.
 */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** `starts[i]` is the first instant (epoch ms) at which `offsets[i]` (ms) applies; `starts[0]` is -Infinity. */
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

// Offsets are facts of the zone database, so they are kept per zone and chunk: a deterministic
// memo (no I/O, no clock), bounded so odd inputs cannot grow it. A chunk costs 17 reads of the
// zone's clock (~2 µs each) plus ~17 per offset change in it; 16 days keeps a new 14-day window's
// first computation small while 16,384 chunks cover ~700 zones over two years.
const CHUNK_MS = 16 * DAY_MS;
const MAX_CHUNKS = 16_384;
const chunks = new Map<string, Transitions>();
const memo = new Map<string, ZoneOffsets>();

/** The offset changes of `timeZone` in chunk `index`, `(index·CHUNK_MS, (index+1)·CHUNK_MS]`. */
function chunkOf(timeZone: string, index: number): Transitions {
  const key = `${timeZone}|${index}`;
  let found = chunks.get(key);
  if (!found) {
    found = transitionsIn(timeZone, index * CHUNK_MS, (index + 1) * CHUNK_MS);
    if (chunks.size >= MAX_CHUNKS) chunks.delete(chunks.keys().next().value!);
    chunks.set(key, found);
  }
  return found;
}

/**
 * The offsets of `timeZone` for every instant in `[from, to]`, and at least three days either
 * side. Windows inside the same chunks share one computation.
 * @throws RangeError when `timeZone` is not a zone this runtime knows.
 */
export function zoneOffsets(timeZone: string, from: number, to: number): ZoneOffsets {
  const first = Math.floor((from - 3 * DAY_MS) / CHUNK_MS);
  const last = Math.floor((to + 3 * DAY_MS) / CHUNK_MS);
  const key = `${timeZone}|${first}|${last}`;
  let found = memo.get(key);
  if (!found) {
    const starts = [-Infinity];
    const offsets = [chunkOf(timeZone, first).initial];
    for (let index = first; index <= last; index++) {
      const chunk = chunkOf(timeZone, index);
      starts.push(...chunk.starts);
      offsets.push(...chunk.offsets);
    }
    found = { timeZone, starts, offsets };
    if (memo.size >= 512) memo.delete(memo.keys().next().value!);
    memo.set(key, found);
  }
  return found;
}

/** The UTC offset (ms) in force at `epochMs`. */
export function offsetAt(zone: ZoneOffsets, epochMs: number): number {
  const { starts, offsets } = zone;
  let i = starts.length - 1;
  while (i > 0 && starts[i]! > epochMs) i--;
  return offsets[i]!;
}

/** Wall-clock time as epoch ms "as if UTC" (local date-time fields read as UTC). */
export function toWall(zone: ZoneOffsets, epochMs: number): number {
  return epochMs + offsetAt(zone, epochMs);
}

/**
 * The instants at which the wall clock reads `wall` (ms "as if UTC"), earliest first: none in a
 * skipped hour, two in a repeated one.
 */
export function fromWall(zone: ZoneOffsets, wall: number): number[] {
  const { starts, offsets } = zone;
  const found: number[] = [];
  for (let i = 0; i < offsets.length; i++) {
    const instant = wall - offsets[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : Infinity;
    if (instant >= starts[i]! && instant < end) found.push(instant);
  }
  return found; // pieces are in time order, so what lands in them is too
}

/**
 * One instant for `wall`, as Temporal's `compatible` disambiguation: the earlier of a repeated
 * time, and for a skipped time the instant the clock would read if the gap were not there.
 */
export function fromWallCompatible(zone: ZoneOffsets, wall: number): number {
  const found = fromWall(zone, wall);
  if (found.length > 0) return found[0]!;
  // In a gap: use the offset before the transition, which lands after it.
  return wall - offsetAt(zone, wall - offsetAt(zone, wall) - DAY_MS);
}

/**
 * Epoch ms of the first instant of `date` (`YYYY-MM-DD`, already validated) in `timeZone`: local
 * midnight, or where midnight is skipped, the transition that skips it — Temporal's
 * `PlainDate#toZonedDateTime` (start of day).
 */
export function startOfDate(timeZone: string, date: string): number {
  const midnight = parseEpochDay(date) * DAY_MS;
  const zone = zoneOffsets(timeZone, midnight - DAY_MS, midnight + DAY_MS);
  const found = fromWall(zone, midnight);
  if (found.length > 0) return found[0]!;
  const { starts, offsets } = zone;
  let i = 1;
  while (i < starts.length - 1 && starts[i]! + offsets[i]! <= midnight) i++;
  return starts[i]!;
}

/** The date (`YYYY-MM-DD`) in `timeZone` at `now`. */
export function dateAt(timeZone: string, now: number): string {
  return formatEpochDay(Math.floor((now + offsetMsAt(timeZone, now)) / DAY_MS));
}
