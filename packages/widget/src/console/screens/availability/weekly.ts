import type { WeeklyHours } from '@slotwise/sdk/contract';

/** Monday to Friday, 09:00–17:00: where a new specialist's week starts. */
export const DEFAULT_WEEKLY: WeeklyHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/** ISO weekday (1 = Monday) → its long name in `locale`. */
export function weekdayName(weekday: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday, 12)));
}

/** "Monday 09:00–12:00, 13:00–17:00; Tuesday …", the week in one line. */
export function weeklySummary(weekly: readonly WeeklyHours[], locale?: string): string {
  const days = [1, 2, 3, 4, 5, 6, 7]
    .map((day) => [day, weekly.filter((h) => h.weekday === day)] as const)
    .filter(([, hours]) => hours.length > 0)
    .map(([day, hours]) => `${weekdayName(day, locale)} ${hours.map((h) => `${h.start}–${h.end}`).join(', ')}`);
  return days.length ? days.join('; ') : 'No weekly hours yet.';
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The hours a day is actually open: weekly intervals minus breaks, per weekday, in order,
 * overlapping ones joined. The editor shows breaks as the gaps between intervals, so it saves
 * these with no separate breaks.
 */
export function openIntervals(weekly: readonly WeeklyHours[], breaks: readonly WeeklyHours[]): WeeklyHours[] {
  const out: WeeklyHours[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    let pieces = weekly.filter((h) => h.weekday === weekday).map((h) => [toMinutes(h.start), toMinutes(h.end)] as [number, number]);
    for (const b of breaks.filter((h) => h.weekday === weekday)) {
      const [bs, be] = [toMinutes(b.start), toMinutes(b.end)];
      pieces = pieces.flatMap(([s, e]) => [[s, Math.min(e, bs)], [Math.max(s, be), e]] as [number, number][]).filter(([s, e]) => e > s);
    }
    // Intervals saved overlapping (the API refuses them now; older weeks may hold some) show as
    // the one interval they open, so saving the week again is not refused for them.
    const merged: [number, number][] = [];
    for (const [s, e] of pieces.sort((a, b) => a[0] - b[0])) {
      const last = merged.at(-1);
      if (last && s < last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    merged.forEach(([s, e]) => out.push({ weekday, start: toTime(s), end: toTime(e) }));
  }
  return out;
}

const LAST = toMinutes('23:00');

/**
 * The hours "Add hours" proposes on `weekday` of `week`: 09:00–17:00 on a closed day; otherwise
 * free time that keeps an hour's break from the day's other intervals — after the last one (from
 * the next full hour until 23:00), else before the first (up to three hours, ending an hour before
 * it), else between two —; without the break when no gap is that wide; undefined when no
 * 30 minutes before 23:00 are free. Never an interval that ends before it starts or overlaps
 * another, which the API would refuse.
 */
export function proposedInterval(week: readonly WeeklyHours[], weekday: number): WeeklyHours | undefined {
  const taken = openIntervals(week.filter((h) => h.weekday === weekday), []).map((h) => [toMinutes(h.start), toMinutes(h.end)] as const);
  if (taken.length === 0) return { weekday, start: '09:00', end: '17:00' };
  const gaps: (readonly [number, number])[] = [];
  let from = 0;
  for (const [s, e] of taken) {
    if (s > from) gaps.push([from, s]);
    from = Math.max(from, e);
  }
  if (from < LAST) gaps.push([from, LAST]);
  const interval = (start: number, end: number) => ({ weekday, start: toTime(start), end: toTime(end) });
  const last = gaps.at(-1);
  if (last && last[1] === LAST) {
    const start = Math.floor(last[0] / 60) * 60 + 60;
    if (LAST - start >= 60) return interval(start, LAST);
  }
  const first = gaps[0];
  if (first && first[0] === 0 && first[1] - 60 >= 30) return interval(Math.max(0, first[1] - 240), first[1] - 60);
  for (const [a, b] of gaps) if (a > 0 && b - a - 120 >= 30) return interval(a + 60, b - 60);
  const wide = gaps.find(([a, b]) => b - a >= 30);
  return wide ? interval(wide[0], wide[1]) : undefined;
}
