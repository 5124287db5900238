import { Temporal } from '@js-temporal/polyfill';
import type { SlotDay, SlotQuery } from '../domain/slots.js';

/**
 * The slow, obviously-correct slot computation the engine is checked against: Temporal for every
 * single wall-clock time, no cleverness. Wall times that do not exist are rejected by Temporal;
 * a repeated wall time gives only its earlier instant.
 */
/** Overlapping or touching intervals of a weekday read as one: mark each open minute, then read the runs. */
function openRuns(q: SlotQuery, weekday: number): { start: number; end: number }[] {
  const open = new Array<boolean>(1441).fill(false);
  for (const w of q.weekly) if (w.weekday === weekday) for (let m = w.start; m < w.end; m++) open[m] = true;
  const runs: { start: number; end: number }[] = [];
  for (let m = 0; m < 1440; m++) {
    if (open[m] && (m === 0 || !open[m - 1])) runs.push({ start: m, end: m + 1 });
    else if (open[m]) runs[runs.length - 1]!.end = m + 1;
  }
  return runs;
}

export function referenceSlots(q: SlotQuery): SlotDay[] {
  const out = new Map<string, { start: number; end: number }[]>();
  const first = Temporal.Instant.fromEpochMilliseconds(q.from).toZonedDateTimeISO(q.timeZone).toPlainDate().subtract({ days: 1 });
  const last = Temporal.Instant.fromEpochMilliseconds(q.to).toZonedDateTimeISO(q.timeZone).toPlainDate().add({ days: 1 });
  const seen = new Set<number>();
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    for (const interval of openRuns(q, date.dayOfWeek)) {
      const at = (minute: number) =>
        date.toPlainDateTime({ hour: 0 }).add({ minutes: minute }).toZonedDateTime(q.timeZone, { disambiguation: 'compatible' });
      const intervalStart = at(interval.start).epochMilliseconds;
      const intervalEnd = at(interval.end).epochMilliseconds;
      for (let minute = interval.start; minute < interval.end; minute += q.step) {
        let zoned: Temporal.ZonedDateTime;
        try {
          zoned = date.toPlainDateTime({ hour: 0 }).add({ minutes: minute }).toZonedDateTime(q.timeZone, { disambiguation: 'reject' });
        } catch {
          continue; // not a wall time on this day
        }
        const start = zoned.epochMilliseconds;
        const end = zoned.add({ minutes: q.duration }).epochMilliseconds;
        if (start < intervalStart || end > intervalEnd) continue;
        if (start <= q.now || start < q.from || start >= q.to) continue;
        if (q.busy.some((b) => b.start < end && b.end > start)) continue;
        if (seen.has(start)) continue;
        seen.add(start);
        const day = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(q.displayTimeZone).toPlainDate().toString();
        out.set(day, [...(out.get(day) ?? []), { start, end }]);
      }
    }
  }
  return [...out.entries()]
    .map(([date, slots]) => ({ date, slots: slots.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.slots[0]!.start - b.slots[0]!.start);
}
