import ICAL from 'ical.js';
import { DAY_MS, daysFromCivil } from '../../domain/civil.js';
import { fromWallCompatible, zoneOffsets, type ZoneOffsets } from '../../domain/zone.js';

export type IcalTime = InstanceType<typeof ICAL.Time>;

/**
 * Turns an iCalendar time into an instant (epoch ms). `tzid` is the TZID parameter of the property
 * the time came from; `exact` asks for an offset table of the time's own year instead of the window's.
 */
export type InstantReader = (time: IcalTime, tzid: string | undefined, exact?: boolean) => number;

/** Zone-years a reader keeps offsets for, so a feed spread over thousands of years stays cheap. */
const MAX_YEAR_TABLES = 64;

/** The time's fields read as if they were UTC ("wall" ms), for any year. */
export function wallMs(time: IcalTime): number {
  const seconds = time.isDate ? 0 : (time.hour * 60 + time.minute) * 60 + time.second;
  return daysFromCivil(time.year, time.month, time.day) * DAY_MS + seconds * 1000;
}

/** `Europe/Berlin`, then shorter `/`-suffixes (`/mozilla.org/20050126_1/America/New_York`). */
function* zoneCandidates(tzid: string): Generator<string> {
  const parts = tzid.replace(/^"|"$/g, '').split('/');
  for (let i = 0; i < parts.length; i++) if (parts[i]) yield parts.slice(i).join('/');
}

/**
 * A reader for one parse over `window`. Which clock a time is read on:
 * - `…Z` (UTC): as is;
 * - a TZID defined by a VTIMEZONE in the same calendar (ical.js resolves it while parsing): that
 *   definition, as the feed's author meant it, even for names that are not IANA (Outlook's
 *   "W. Europe Standard Time");
 * - a TZID without a VTIMEZONE: that IANA zone (`domain/zone.ts`); a name the runtime does not know
 *   falls back to `timeZone`;
 * - floating times and DATE values (all-day): wall time in `timeZone`, the specialist's zone.
 *
 * Offsets come from `domain/zone.ts` (tables built from Intl reads, kept per zone), then
 * conversions are integer arithmetic. The table covers the window padded by a day, so reads are exact wherever they can matter; a time far
 * outside is off by at most a DST shift, which cannot bring it into the window. `exact` is for the
 * few values that can matter far away (a recurring event's length, read from its first instance
 * years before the window): those use a table for their year, up to 64 zone-years per reader.
 *
 * @throws RangeError when `timeZone` is not a time zone the runtime knows.
 */
export function createInstantReader(window: { from: number; to: number }, timeZone: string): InstantReader {
  const tables = new Map<string, ZoneOffsets>();
  const names = new Map<string, string>();
  const table = (zone: string) => {
    let found = tables.get(zone);
    if (!found) tables.set(zone, (found = zoneOffsets(zone, window.from, window.to)));
    return found;
  };
  table(timeZone);
  const years = new Map<string, ZoneOffsets>();
  const yearTable = (zone: string, year: number) => {
    const key = `${year} ${zone}`;
    let found = years.get(key);
    if (!found && years.size < MAX_YEAR_TABLES) {
      const start = daysFromCivil(year, 1, 1) * DAY_MS;
      years.set(key, (found = zoneOffsets(zone, start, start + 366 * DAY_MS)));
    }
    return found;
  };
  const zoneFor = (tzid: string | undefined): string => {
    if (!tzid) return timeZone;
    let name = names.get(tzid);
    if (name === undefined) {
      name = timeZone;
      for (const candidate of zoneCandidates(tzid)) {
        try {
          table(candidate);
          name = candidate;
          break;
        } catch {
          // Not a zone the runtime knows: try a shorter suffix, then the specialist's zone.
        }
      }
      names.set(tzid, name);
    }
    return name;
  };

  return (time, tzid, exact = false) => {
    const wall = wallMs(time);
    const zone = time.zone;
    if (!time.isDate && zone && zone !== ICAL.Timezone.localTimezone) {
      // UTC, or a Timezone built from the feed's VTIMEZONE: ical.js knows the offset (seconds).
      return wall - time.utcOffset() * 1000;
    }
    const name = time.isDate ? timeZone : zoneFor(tzid);
    const near = wall > window.from - DAY_MS && wall < window.to + DAY_MS;
    return fromWallCompatible((exact && !near && yearTable(name, time.year)) || table(name), wall);
  };
}
