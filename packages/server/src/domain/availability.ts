import { isoWeekday, parseEpochDay } from './civil.js';
import { occurrenceDays } from './recurrence.js';

/** Minutes after local midnight, half-open `[start, end)`; `end` may be 1440. */
export interface MinuteInterval {
  start: number;
  end: number;
}

/** Working hours on one ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeeklyInterval extends MinuteInterval {
  weekday: number;
}

/** Other hours for the dates `from`–`to` (inclusive, `YYYY-MM-DD`); no intervals means closed. */
export interface DateOverride {
  from: string;
  to: string;
  intervals: readonly MinuteInterval[];
}

/** Extra hours on the dates an RRULE produces, counted from the `anchor` date. */
export interface RecurringAvailability extends MinuteInterval {
  rrule: string;
  anchor: string;
}

/** A specialist's availability rules: wall-clock times in `timeZone`. */
export interface Availability {
  timeZone: string;
  weekly: readonly WeeklyInterval[];
  /** Taken out of the weekly hours (e.g. lunch 12:00–13:00 on weekdays). */
  breaks?: readonly WeeklyInterval[];
  /** Replace every other rule on their dates. */
  overrides?: readonly DateOverride[];
  recurring?: readonly RecurringAvailability[];
}

/** Start-sorted intervals merged where they overlap or touch. */
export function mergeIntervals<T extends MinuteInterval>(items: readonly T[]): T[] {
  const sorted = items.filter((i) => i.end > i.start).map((i) => ({ ...i })).sort((a, b) => a.start - b.start);
  const out: T[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.start <= last.end) last.end = Math.max(last.end, item.end);
    else out.push(item);
  }
  return out;
}

/** `intervals` with every part covered by `cuts` removed; both merged and sorted. */
function subtract(intervals: MinuteInterval[], cuts: MinuteInterval[]): MinuteInterval[] {
  let out = intervals;
  for (const cut of cuts) {
    out = out.flatMap((i) =>
      cut.end <= i.start || cut.start >= i.end
        ? [i]
        : [
            ...(cut.start > i.start ? [{ start: i.start, end: cut.start }] : []),
            ...(cut.end < i.end ? [{ start: cut.end, end: i.end }] : []),
          ],
    );
  }
  return out;
}

/**
 * The open wall-clock intervals of every local date in `[firstDay, lastDay]` (epoch days), with
 * overrides winning over weekly hours, breaks and recurring rules. Weekly hours are computed once
 * per weekday and shared, so a long window costs one array lookup per ordinary day.
 */
export function openIntervals(rules: Availability, firstDay: number, lastDay: number): (day: number) => readonly MinuteInterval[] {
  const weekly: MinuteInterval[][] = [[]];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const open = mergeIntervals(rules.weekly.filter((w) => w.weekday === weekday));
    weekly.push(subtract(open, mergeIntervals((rules.breaks ?? []).filter((b) => b.weekday === weekday))));
  }
  const special = new Map<number, MinuteInterval[]>();
  for (const rule of rules.recurring ?? []) {
    for (const day of occurrenceDays(rule.rrule, parseEpochDay(rule.anchor), firstDay, lastDay)) {
      const base = special.get(day) ?? weekly[isoWeekday(day)]!;
      special.set(day, mergeIntervals([...base, { start: rule.start, end: rule.end }]));
    }
  }
  for (const override of rules.overrides ?? []) {
    const last = Math.min(parseEpochDay(override.to), lastDay);
    const first = Math.max(parseEpochDay(override.from), firstDay);
    if (first > last) continue;
    // Merged once and shared by its days (the intervals are only read).
    const open = mergeIntervals(override.intervals);
    for (let day = first; day <= last; day++) special.set(day, open);
  }
  return (day) => special.get(day) ?? weekly[isoWeekday(day)]!;
}
