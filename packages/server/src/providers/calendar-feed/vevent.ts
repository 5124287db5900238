import ICAL from 'ical.js';
import { DAY_MS } from '../../domain/civil.js';
import { wallMs, type IcalTime, type InstantReader } from './ics-time.js';

/** Reading one VEVENT's properties, tolerant of what feeds leave out. */
export type IcalComponent = InstanceType<typeof ICAL.Component>;

const text = (event: IcalComponent, name: string) => {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.toUpperCase() : undefined;
};
/** The TZID parameter of the property `name`, if it has one. */
export const tzidOf = (event: IcalComponent, name: string) => {
  const tzid = event.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
};
/** The value of the property `name` when it is a DATE or DATE-TIME. */
export const timeOf = (event: IcalComponent, name: string) => {
  const value = event.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value : undefined;
};

/**
 * When an instance starting at `start` ends. RFC 5545 §3.8.5.3: with DTEND every instance lasts
 * the exact duration of the first; DURATION and all-day spans are counted in wall-clock days.
 * No DTEND or DURATION: one day for a DATE, zero (blocks nothing) for a DATE-TIME.
 */
export function endReader(event: IcalComponent, dtstart: IcalTime, tzid: string | undefined, read: InstantReader, recurring: boolean) {
  const dtend = timeOf(event, 'dtend');
  const duration = event.getFirstPropertyValue('duration');
  const shifted = (start: IcalTime, add: (t: IcalTime) => void) => {
    const end = start.clone();
    add(end);
    return read(end, tzid);
  };
  if (dtend && dtstart.isDate) {
    const days = Math.round((wallMs(dtend) - wallMs(dtstart)) / DAY_MS);
    return (start: IcalTime) => shifted(start, (end) => end.adjust(days, 0, 0, 0));
  }
  if (dtend) {
    // Far from the window the offset table is approximate; a recurring event's length is not.
    const length = read(dtend, tzidOf(event, 'dtend'), recurring) - read(dtstart, tzid, recurring);
    return (_start: IcalTime, startMs: number) => startMs + length;
  }
  if (duration instanceof ICAL.Duration) return (start: IcalTime) => shifted(start, (end) => end.addDuration(duration));
  if (dtstart.isDate) return (start: IcalTime) => shifted(start, (end) => end.adjust(1, 0, 0, 0));
  return (_start: IcalTime, startMs: number) => startMs;
}

/** Whether the event makes its time busy: not cancelled, not marked free (TRANSP:TRANSPARENT). */
export const blocks = (event: IcalComponent) => text(event, 'status') !== 'CANCELLED' && text(event, 'transp') !== 'TRANSPARENT';
