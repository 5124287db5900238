import { Temporal } from '@js-temporal/polyfill';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from './civil.js';
import { offsetAt, startOfDate, zoneOffsets } from './zone.js';
import { offsetMsAt } from './zone-clock.js';

const offsetRef = (zone: string, epochMs: number) =>
  Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
const startOfDayRef = (zone: string, date: string) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
const HOUR = 3_600_000;

/** The changes a table lists inside `[from, to]`, as `[instant, offset before, offset after]`. */
function changes(zone: string, from: number, to: number) {
  const table = zoneOffsets(zone, from, to);
  const found: [string, number, number][] = [];
  for (let i = 1; i < table.starts.length; i++) {
    const at = table.starts[i]!;
    if (at >= from && at <= to) found.push([new Date(at).toISOString(), table.offsets[i - 1]! / HOUR, table.offsets[i]! / HOUR]);
  }
  return found;
}

describe('zone offsets', () => {
  it('finds both changes of a summer time that lasted one week (Recife, October 2000)', () => {
    const from = Date.UTC(2000, 9, 1);
    expect(changes('America/Recife', from, from + 20 * DAY_MS)).toEqual([
      ['2000-10-08T03:00:00.000Z', -3, -2],
      ['2000-10-15T02:00:00.000Z', -2, -3],
    ]);
    expect(offsetAt(zoneOffsets('America/Recife', from, from + 20 * DAY_MS), Date.UTC(2000, 9, 11))).toBe(offsetRef('America/Recife', Date.UTC(2000, 9, 11)));
  });

  it('finds both changes around a week-long Ramadan suspension of summer time (Gaza, October 2040)', () => {
    const from = Date.UTC(2040, 9, 10);
    const found = changes('Asia/Gaza', from, from + 20 * DAY_MS);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const [at, before, after] of found) {
      expect(offsetRef('Asia/Gaza', Date.parse(at) - 1000) / HOUR).toBe(before);
      expect(offsetRef('Asia/Gaza', Date.parse(at)) / HOUR).toBe(after);
    }
  });

  it('keeps the seconds of a local mean time offset and the second it ended (Monrovia, −0:44:30 until 1972)', () => {
    expect(offsetMsAt('Africa/Monrovia', Date.UTC(1971, 5, 1))).toBe(-(44 * 60 + 30) * 1000);
    const [change] = changes('Africa/Monrovia', Date.UTC(1972, 0, 1), Date.UTC(1972, 0, 20));
    expect(change).toEqual(['1972-01-07T00:44:30.000Z', -(44 * 60 + 30) / 3600, 0]);
  });

  it('lists every change of every zone in 2026 exactly as Temporal does', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const expected: [string, number, number][] = [];
      let at = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
      for (;;) {
        const next = at.getTimeZoneTransition('next');
        if (!next || next.epochMilliseconds > to) break;
        expected.push([next.toInstant().toString({ fractionalSecondDigits: 3 }), at.offsetNanoseconds / 1e9 / 3600, next.offsetNanoseconds / 1e9 / 3600]);
        at = next;
      }
      expect({ zone, changes: changes(zone, from, to) }).toEqual({ zone, changes: expected });
    }
  });

  it('starts a day whose midnight is skipped where the skip ends, as Temporal does', () => {
    // Santiago and Havana move their clocks at midnight; Apia skipped 30 December 2011 entirely.
    for (const [zone, date] of [['America/Santiago', '2026-09-06'], ['America/Havana', '2026-03-08'], ['Pacific/Apia', '2011-12-30'], ['Pacific/Apia', '2011-12-31']] as const) {
      expect({ zone, date, start: startOfDate(zone, date) }).toEqual({ zone, date, start: startOfDayRef(zone, date) });
    }
  });

  it('reads instants before year 1 with the local mean time of year 1, like Temporal', () => {
    const longAgo = Date.UTC(-500, 0, 1);
    expect(offsetMsAt('Europe/Berlin', longAgo)).toBe(offsetRef('Europe/Berlin', longAgo));
  });

  it('refuses a name that is not a time zone with a RangeError', () => {
    expect(() => zoneOffsets('Mars/Olympus_Mons', 0, DAY_MS)).toThrow(RangeError);
  });
});
