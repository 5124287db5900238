import { Temporal } from '@js-temporal/polyfill';
import { DAY_MS } from './civil.js';

/**
 * A time zone's UTC offsets over a window of instants, as constant pieces between transitions.
 * Built with a handful of Temporal calls per window (one per DST switch); after that every
 * conversion is integer arithmetic — the polyfill costs ~20 µs per zoned operation, far too much
 * to spend per slot.
 */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** `starts[i]` is the first instant (epoch ms) at which `offsets[i]` (ms) applies; `starts[0]` is -Infinity. */
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

const offsetMsAt = (timeZone: string, epochMs: number) =>
  Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;

// Offsets are facts of the zone database, so they are kept per zone and 32-day block: a
// deterministic memo (no I/O, no clock), bounded so odd inputs cannot grow it.
const BLOCK_MS = 32 * DAY_MS;
const memo = new Map<string, ZoneOffsets>();

/**
 * The offsets of `timeZone` for every instant in `[from, to]`, and at least three days either
 * side. Windows inside the same 32-day blocks share one computation.
 */
export function zoneOffsets(timeZone: string, from: number, to: number): ZoneOffsets {
  const start = Math.floor(from / BLOCK_MS) * BLOCK_MS - 3 * DAY_MS;
  const end = Math.ceil(to / BLOCK_MS) * BLOCK_MS + 3 * DAY_MS;
  const key = `${timeZone}|${start}|${end}`;
  let found = memo.get(key);
  if (!found) {
    found = computeOffsets(timeZone, start, end);
    if (memo.size >= 512) memo.delete(memo.keys().next().value!);
    memo.set(key, found);
  }
  return found;
}

function computeOffsets(timeZone: string, from: number, to: number): ZoneOffsets {
  const starts = [-Infinity];
  const offsets = [offsetMsAt(timeZone, from - DAY_MS)];
  let zdt = Temporal.Instant.fromEpochMilliseconds(from - DAY_MS).toZonedDateTimeISO(timeZone);
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > to + DAY_MS) break;
    starts.push(next.epochMilliseconds);
    offsets.push(next.offsetNanoseconds / 1e6);
    zdt = next;
  }
  return { timeZone, starts, offsets };
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
  return found.sort((a, b) => a - b);
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

/** Epoch ms of local midnight starting `date` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfDate(timeZone: string, date: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** Today's date (`YYYY-MM-DD`) in `timeZone` at `now`. */
export function dateAt(timeZone: string, now: number): string {
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
