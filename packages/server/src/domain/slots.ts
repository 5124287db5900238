import { openIntervals, type Availability } from './availability.js';
import { DAY_MS, formatEpochDay, isoWeekday, MINUTE_MS } from './civil.js';
import { fromWall, fromWallCompatible, toWall, zoneOffsets, type ZoneOffsets } from './zone.js';

/** Time that cannot be booked, epoch ms, half-open. A hold stops blocking at `until`. */
export interface Busy {
  start: number;
  end: number;
  until?: number;
  /** The session this booking is a seat of (its own times, without buffers); absent for outside events. */
  session?: Session;
}

/** One session of a service: every seat of a group session has the same service, start and end. */
export interface Session {
  service: string;
  start: number;
  end: number;
}

/** What a service asks of a slot. All lengths are minutes. */
export interface ServiceRules {
  /** Length of the session, in real (elapsed) minutes. */
  duration: number;
  /** Between offered wall-clock starts, counted from each open interval's start. */
  step: number;
  /** Kept free before and after a session; may extend beyond working hours. */
  bufferBefore?: number;
  bufferAfter?: number;
  /** No start sooner than this after `now`. */
  minNotice?: number;
  /** No start later than this many days after `now`. */
  maxAdvanceDays?: number;
  /** Caps on this service's active bookings per local date and per ISO week (Monday first). */
  maxPerDay?: number;
  maxPerWeek?: number;
  /**
   * A group service (capacity above 1): a start is offered while every busy time around it is a
   * seat of its own session and fewer than `capacity` are taken (`domain/occupancy.ts`' rule);
   * each slot then says its `seatsLeft`. Absent: one-to-one, nothing may overlap.
   */
  seats?: { service: string; capacity: number };
}

export interface SlotQuery {
  availability: Availability;
  service: ServiceRules;
  /** Occupied time: active bookings widened by their own buffers, holds, outside events. */
  busy: readonly Busy[];
  /** This service's active bookings, for the per-day and per-week caps; a hold counts until `until`. */
  counted?: readonly { start: number; until?: number }[];
  now: number;
  /** Offer starts in `[from, to)`, epoch ms. */
  from: number;
  to: number;
  /** The zone whose dates group the result (the visitor's). */
  displayTimeZone: string;
}

export interface Slot {
  start: number;
  end: number;
  /** Seats still open, for a group service only. */
  seatsLeft?: number;
}

export interface SlotDay {
  date: string;
  slots: Slot[];
}

export interface SlotResult {
  days: SlotDay[];
  /** The first instant at which time passing alone (no write) could change `days`. */
  validUntil: number;
}

const offsetsFor = (q: SlotQuery, zone: string) => zoneOffsets(zone, q.from, q.to);

/** Counts of `starts` per local epoch day and per ISO week (keyed by its Monday). */
function tally(zone: ZoneOffsets, starts: readonly number[]) {
  const perDay = new Map<number, number>();
  const perWeek = new Map<number, number>();
  for (const start of starts) {
    const day = Math.floor(toWall(zone, start) / DAY_MS);
    const monday = day - isoWeekday(day) + 1;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
  }
  return { perDay, perWeek };
}

/** A busy time (a session widened by its buffers) spans at most this: sessions and buffers are at most 8 hours each. */
const SEAT_REACH_MS = DAY_MS;

/** The seats of `service`'s sessions still in force at `now`, by start (buffers included). */
function ownSeats(busy: readonly Busy[], service: string, now: number): Busy[] {
  return busy.filter((b) => b.session?.service === service && b.end > b.start && (b.until === undefined || b.until > now)).sort((x, y) => x.start - y.start);
}

/**
 * The busy times still in force at `now`, sorted and merged into two typed arrays: thousands of
 * bookings cost one index sort and no object per interval.
 */
function mergeBusy(busy: readonly Busy[], now: number) {
  const order: number[] = [];
  for (let i = 0; i < busy.length; i++) {
    const b = busy[i]!;
    if (b.end > b.start && (b.until === undefined || b.until > now)) order.push(i);
  }
  order.sort((x, y) => busy[x]!.start - busy[y]!.start);
  const starts = new Float64Array(order.length);
  const ends = new Float64Array(order.length);
  let count = 0;
  for (const i of order) {
    const { start, end } = busy[i]!;
    if (count > 0 && start <= ends[count - 1]!) ends[count - 1] = Math.max(ends[count - 1]!, end);
    else {
      starts[count] = start;
      ends[count] = end;
      count++;
    }
  }
  return { starts, ends, count };
}

/**
 * The open start times of one service — the heart of Slotwise. Pure: rules, busy times and the
 * clock are arguments. Wall-clock starts in a DST gap are skipped, repeated ones offered once
 * (the earlier), and every slot lasts exactly `duration` real minutes inside its open interval.
 * A slot plus its buffers never overlaps a busy time. Sorted, grouped by `displayTimeZone` date.
 */
export function computeSlots(q: SlotQuery): SlotResult {
  const s = q.service;
  if (q.to <= q.from || s.duration <= 0 || s.step <= 0) return { days: [], validUntil: Infinity };
  const zone = offsetsFor(q, q.availability.timeZone);
  const display = q.displayTimeZone === q.availability.timeZone ? zone : offsetsFor(q, q.displayTimeZone);
  const durationMs = s.duration * MINUTE_MS;
  const before = (s.bufferBefore ?? 0) * MINUTE_MS;
  const after = (s.bufferAfter ?? 0) * MINUTE_MS;
  const notice = (s.minNotice ?? 0) * MINUTE_MS;
  const advance = s.maxAdvanceDays === undefined ? Infinity : s.maxAdvanceDays * DAY_MS;
  const earliest = Math.max(q.from, q.now + notice + 1);
  const latest = Math.min(q.to - 1, q.now + advance);
  let validUntil = Infinity;
  const capped = s.maxPerDay !== undefined || s.maxPerWeek !== undefined;
  const counted = capped ? (q.counted ?? []).filter((c) => c.until === undefined || c.until > q.now) : [];
  for (const c of counted) if (c.until !== undefined) validUntil = Math.min(validUntil, c.until);
  const caps = capped ? tally(zone, counted.map((c) => c.start)) : undefined;

  // A group service's own seats are weighed per start (same session or not); the rest merged.
  const group = s.seats;
  const own = group ? ownSeats(q.busy, group.service, q.now) : [];
  const busy = mergeBusy(group ? q.busy.filter((x) => x.session?.service !== group.service) : q.busy, q.now);
  let o = 0;
  for (const b of q.busy) if (b.until !== undefined && b.until > q.now) validUntil = Math.min(validUntil, b.until);

  const firstDay = Math.floor(toWall(zone, q.from) / DAY_MS) - 1;
  const lastDay = Math.floor(toWall(zone, q.to) / DAY_MS) + 1;
  const intervalsOf = openIntervals(q.availability, firstDay, lastDay);
  const days: SlotDay[] = [];
  let current: SlotDay | undefined;
  let currentDay = NaN;
  let b = 0;
  scan: for (let day = firstDay; day <= lastDay; day++) {
    if (caps) {
      const monday = day - isoWeekday(day) + 1;
      if ((s.maxPerDay !== undefined && (caps.perDay.get(day) ?? 0) >= s.maxPerDay) ||
        (s.maxPerWeek !== undefined && (caps.perWeek.get(monday) ?? 0) >= s.maxPerWeek)) continue;
    }
    const midnight = day * DAY_MS;
    for (const interval of intervalsOf(day)) {
      const intervalStart = fromWallCompatible(zone, midnight + interval.start * MINUTE_MS);
      const intervalEnd = fromWallCompatible(zone, midnight + interval.end * MINUTE_MS);
      const lastWall = midnight + interval.end * MINUTE_MS;
      for (let wall = midnight + interval.start * MINUTE_MS; wall < lastWall; wall += s.step * MINUTE_MS) {
        const start = fromWall(zone, wall)[0];
        if (start === undefined) continue; // a wall time the DST gap skips
        const end = start + durationMs;
        if (start >= q.to) break scan;
        if (end > intervalEnd) break;
        if (start < intervalStart || start < q.from) continue;
        if (start < earliest) continue; // too soon; only ever gets sooner
        if (start > latest) {
          // Beyond the advance window: it opens when now reaches start − advance.
          validUntil = Math.min(validUntil, start - advance);
          break scan; // starts only grow from here
        }
        while (b < busy.count && busy.ends[b]! <= start - before) b++;
        if (b < busy.count && busy.starts[b]! < end + after) continue;
        let seatsLeft: number | undefined;
        if (group) {
          while (o < own.length && own[o]!.start < start - before - SEAT_REACH_MS) o++;
          let taken = 0;
          for (let i = o; i < own.length && own[i]!.start < end + after; i++) {
            const seat = own[i]!;
            if (seat.end <= start - before) continue;
            if (seat.session!.start !== start || seat.session!.end !== end) {
              taken = Infinity; // another session of this service overlaps
              break;
            }
            taken++;
          }
          if (taken >= group.capacity) continue;
          seatsLeft = group.capacity - taken;
        }
        // Offered until now + notice reaches it; the first offered slot is the first to go.
        if (current === undefined) validUntil = Math.min(validUntil, start - notice);
        const localDay = Math.floor(toWall(display, start) / DAY_MS);
        if (localDay !== currentDay) {
          currentDay = localDay;
          current = { date: formatEpochDay(localDay), slots: [] };
          days.push(current);
        }
        current!.slots.push(seatsLeft === undefined ? { start, end } : { start, end, seatsLeft });
      }
    }
  }
  return { days, validUntil };
}
