import { DAY_MS, formatEpochDay, isoWeekday, MINUTE_MS } from './civil.js';
import { fromWall, fromWallCompatible, toWall, zoneOffsets } from './zone.js';

/** Working hours on one ISO weekday (1 = Monday), in minutes after local midnight. */
export interface WeeklyInterval {
  weekday: number;
  start: number;
  end: number;
}

/** A time that cannot be booked, in epoch ms, half-open `[start, end)`. */
export interface Busy {
  start: number;
  end: number;
}

export interface SlotQuery {
  /** The specialist's IANA zone: working hours are wall-clock time there. */
  timeZone: string;
  weekly: readonly WeeklyInterval[];
  /** Length of the session in minutes of real time. */
  duration: number;
  /** Minutes between offered wall-clock start times, counted from each interval's start. */
  step: number;
  busy: readonly Busy[];
  /** The clock, epoch ms: no start at or before it is offered. */
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
}

export interface SlotDay {
  date: string;
  slots: Slot[];
}

/** Start-sorted intervals merged where they overlap or touch; `end` is exclusive. */
function mergeIntervals<T extends { start: number; end: number }>(items: readonly T[]): T[] {
  const sorted = items.filter((i) => i.end > i.start).map((i) => ({ ...i })).sort((a, b) => a.start - b.start);
  const out: T[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.start <= last.end) last.end = Math.max(last.end, item.end);
    else out.push(item);
  }
  return out;
}

/** The merged working intervals of each ISO weekday (index 1–7). */
function byWeekday(weekly: readonly WeeklyInterval[]): WeeklyInterval[][] {
  return Array.from({ length: 8 }, (_, weekday) => mergeIntervals(weekly.filter((w) => w.weekday === weekday)));
}

/**
 * The open start times for one service. Pure: the clock, the rules and the busy times are all
 * arguments. Wall-clock start times that do not exist (a DST gap) are skipped, repeated ones are
 * offered once (the first), and every slot lasts exactly `duration` minutes of real time and ends
 * inside its working interval. The result is sorted and grouped by date in `displayTimeZone`.
 */
export function computeSlots(q: SlotQuery): SlotDay[] {
  if (q.to <= q.from || q.duration <= 0 || q.step <= 0) return [];
  const zone = zoneOffsets(q.timeZone, q.from, q.to);
  const display = q.displayTimeZone === q.timeZone ? zone : zoneOffsets(q.displayTimeZone, q.from, q.to);
  const weekdays = byWeekday(q.weekly);
  // Merged, so one forward pointer can test each slot.
  const busy = mergeIntervals(q.busy);
  const durationMs = q.duration * MINUTE_MS;
  const stepMs = q.step * MINUTE_MS;
  const earliest = Math.max(q.from, q.now + 1);

  const days: SlotDay[] = [];
  let current: SlotDay | undefined;
  let currentDay = NaN;
  let b = 0;
  const firstDay = Math.floor(toWall(zone, q.from) / DAY_MS) - 1;
  const lastDay = Math.floor(toWall(zone, q.to) / DAY_MS) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY_MS;
    for (const interval of weekdays[isoWeekday(day)]!) {
      const intervalStart = fromWallCompatible(zone, midnight + interval.start * MINUTE_MS);
      const intervalEnd = fromWallCompatible(zone, midnight + interval.end * MINUTE_MS);
      const lastWall = midnight + interval.end * MINUTE_MS;
      for (let wall = midnight + interval.start * MINUTE_MS; wall < lastWall; wall += stepMs) {
        const start = fromWall(zone, wall)[0];
        if (start === undefined) continue; // skipped by a DST gap
        const end = start + durationMs;
        if (end > intervalEnd) break;
        if (start < intervalStart || start < earliest) continue;
        if (start >= q.to) break;
        while (b < busy.length && busy[b]!.end <= start) b++;
        if (b < busy.length && busy[b]!.start < end) continue;
        const localDay = Math.floor(toWall(display, start) / DAY_MS);
        if (localDay !== currentDay) {
          currentDay = localDay;
          current = { date: formatEpochDay(localDay), slots: [] };
          days.push(current);
        }
        current!.slots.push({ start, end });
      }
    }
  }
  return days;
}
