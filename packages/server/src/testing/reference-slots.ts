import { Temporal } from '@js-temporal/polyfill';
import rrulePackage from 'rrule';
import type { Availability } from '../domain/availability.js';
import type { SlotDay, SlotQuery } from '../domain/slots.js';

const { RRule } = rrulePackage;

/** Each open minute of `date`, marked one by one from the rules — no interval arithmetic. */
function openMinutes(rules: Availability, date: Temporal.PlainDate): boolean[] {
  const open = new Array<boolean>(1440).fill(false);
  const mark = (from: number, to: number, value: boolean) => {
    for (let m = from; m < to; m++) open[m] = value;
  };
  const override = [...(rules.overrides ?? [])]
    .reverse()
    .find((o) => Temporal.PlainDate.compare(o.from, date) <= 0 && Temporal.PlainDate.compare(date, o.to) <= 0);
  if (override) {
    for (const i of override.intervals) mark(i.start, i.end, true);
    return open;
  }
  for (const w of rules.weekly) if (w.weekday === date.dayOfWeek) mark(w.start, w.end, true);
  for (const b of rules.breaks ?? []) if (b.weekday === date.dayOfWeek) mark(b.start, b.end, false);
  for (const r of rules.recurring ?? []) {
    const anchor = Temporal.PlainDate.from(r.anchor);
    const rule = new RRule({
      ...RRule.parseString(r.rrule),
      dtstart: new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day)),
    });
    const day = new Date(Date.UTC(date.year, date.month - 1, date.day));
    if (rule.between(day, day, true).length > 0) mark(r.start, r.end, true);
  }
  return open;
}

function runs(open: boolean[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let m = 0; m < 1440; m++) {
    if (open[m] && (m === 0 || !open[m - 1])) out.push({ start: m, end: m + 1 });
    else if (open[m]) out[out.length - 1]!.end = m + 1;
  }
  return out;
}

/**
 * The slow, obviously-correct slot computation the engine is checked against: Temporal for every
 * single wall-clock time and every count, the rules applied minute by minute. A wall time that
 * does not exist is skipped; a repeated wall time gives only its earlier instant.
 */
export function referenceSlots(q: SlotQuery): SlotDay[] {
  const zone = q.availability.timeZone;
  const s = q.service;
  const out = new Map<string, { start: number; end: number }[]>();
  const localDate = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
  const first = localDate(q.from).subtract({ days: 1 });
  const last = localDate(q.to).add({ days: 1 });
  const busy = q.busy.filter((b) => b.until === undefined || b.until > q.now);
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    const counted = (q.counted ?? []).filter((c) => c.until === undefined || c.until > q.now).map((c) => c.start);
    const sameDay = counted.filter((c) => localDate(c).equals(date)).length;
    const sameWeek = counted.filter((c) => {
      const d = localDate(c);
      return d.weekOfYear === date.weekOfYear && d.yearOfWeek === date.yearOfWeek;
    }).length;
    if (s.maxPerDay !== undefined && sameDay >= s.maxPerDay) continue;
    if (s.maxPerWeek !== undefined && sameWeek >= s.maxPerWeek) continue;
    for (const interval of runs(openMinutes(q.availability, date))) {
      const wall = (minute: number) => date.toPlainDateTime({ hour: 0 }).add({ minutes: minute });
      const intervalStart = wall(interval.start).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
      const intervalEnd = wall(interval.end).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
      for (let minute = interval.start; minute < interval.end; minute += s.step) {
        // 'earlier' picks the first of a repeated wall time; in a gap it lands on another wall
        // time, which is how a skipped time shows.
        const zoned = wall(minute).toZonedDateTime(zone, { disambiguation: 'earlier' });
        if (!zoned.toPlainDateTime().equals(wall(minute))) continue;
        const start = zoned.epochMilliseconds;
        const end = zoned.add({ minutes: s.duration }).epochMilliseconds;
        const min = 60_000;
        if (start < intervalStart || end > intervalEnd) continue;
        if (start <= q.now + (s.minNotice ?? 0) * min) continue;
        if (s.maxAdvanceDays !== undefined && start > q.now + s.maxAdvanceDays * 86_400_000) continue;
        if (start < q.from || start >= q.to) continue;
        const occupied = { start: start - (s.bufferBefore ?? 0) * min, end: end + (s.bufferAfter ?? 0) * min };
        if (busy.some((b) => b.start < occupied.end && b.end > occupied.start)) continue;
        const day = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(q.displayTimeZone).toPlainDate().toString();
        out.set(day, [...(out.get(day) ?? []), { start, end }]);
      }
    }
  }
  return [...out.entries()]
    .map(([date, slots]) => ({ date, slots: slots.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.slots[0]!.start - b.slots[0]!.start);
}
