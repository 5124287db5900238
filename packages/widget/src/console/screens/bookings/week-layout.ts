import type { Booking } from '@slotwise/sdk/contract';
import { minuteOfDay } from '../../../internal/dates.js';
import { dayOf } from './agenda.js';

const DAY_MINUTES = 24 * 60;

/** Where a session sits in its day column, as fractions of the column (0–1). */
export interface Placement {
  top: number;
  height: number;
  /** Side-by-side share when sessions overlap: `lane` of `lanes`. */
  lane: number;
  lanes: number;
}

export interface WeekLayout {
  /** The axis runs from `fromHour`:00 to `toHour`:00, whole hours around the week's sessions. */
  fromHour: number;
  toHour: number;
  place: Map<string, Placement>;
}

/** Start and end minute of a session on the wall clock of its first day; past midnight ends at 24:00. */
function span(booking: Booking, timeZone: string): [number, number] {
  const start = minuteOfDay(timeZone, new Date(booking.start));
  const sameDay = dayOf({ start: booking.end }, timeZone) === dayOf(booking, timeZone);
  const end = sameDay ? minuteOfDay(timeZone, new Date(booking.end)) : DAY_MINUTES;
  return [start, Math.max(end, start + 1)];
}

/**
 * The Week view's time axis, in the specialist's zone: from the earliest session's hour to the
 * latest one's end (rounded out to whole hours), each session placed by its start and sized by its
 * length. Sessions that overlap on a day (a cancelled one and its replacement) share the width in
 * lanes, so none hides another. Pure: the template turns fractions into CSS.
 */
export function weekLayout(bookings: readonly Booking[], timeZone: string): WeekLayout {
  const spans = bookings.map((booking) => ({ booking, day: dayOf(booking, timeZone), span: span(booking, timeZone) }));
  if (spans.length === 0) return { fromHour: 9, toHour: 17, place: new Map() };
  const fromHour = Math.floor(Math.min(...spans.map((s) => s.span[0])) / 60);
  const toHour = Math.max(fromHour + 1, Math.ceil(Math.max(...spans.map((s) => s.span[1])) / 60));
  const axis = (toHour - fromHour) * 60;
  const place = new Map<string, Placement>();
  const days = new Map<string, typeof spans>();
  for (const s of spans) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  for (const day of days.values()) {
    const sorted = day.sort((a, b) => a.span[0] - b.span[0]);
    const laneEnds: number[] = [];
    const lanesOf = sorted.map(({ span: [start, end] }) => {
      let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
      if (lane === -1) lane = laneEnds.push(end) - 1;
      else laneEnds[lane] = end;
      return lane;
    });
    sorted.forEach(({ booking, span: [start, end] }, i) => {
      place.set(booking.id, { top: (start - fromHour * 60) / axis, height: (end - start) / axis, lane: lanesOf[i]!, lanes: laneEnds.length });
    });
  }
  return { fromHour, toHour, place };
}
