import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import type { Busy } from '../../domain/slots.js';
import { CalendarFeedError } from '../../services/availability/calendar-feed-error.js';
import { busyFromIcs } from './parse-ics.js';
import { YEAR_EXPANSION_COST } from './recurrence.js';

const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Slotwise tests//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
let uids = 0;
/** A VEVENT; it gets a UID of its own unless `lines` give one. */
const event = (...lines: string[]) =>
  ['BEGIN:VEVENT', ...(lines.some((l) => l.startsWith('UID:')) ? [] : [`UID:event-${++uids}@test`]), 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];
const window = (from: string, to: string) => ({ from: Date.parse(from), to: Date.parse(to) });
const NOVEMBER = window('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
/** `2026-11-02T14:00Z/15:00Z`: start and end in UTC, the end's date left out when it is the same. */
const utc = (busy: Busy[]) =>
  busy.map(({ start, end }) => {
    const [s, e] = [start, end].map((t) => new Date(t).toISOString().replace(':00.000Z', 'Z'));
    return s!.slice(0, 10) === e!.slice(0, 10) ? `${s}/${e!.slice(11)}` : `${s}/${e}`;
  });

const NEW_YORK = (tzid: string) => [
  'BEGIN:VTIMEZONE', `TZID:${tzid}`,
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'TZNAME:EDT', 'DTSTART:19700308T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'TZNAME:EST', 'DTSTART:19701101T020000', 'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

describe('busyFromIcs: times and zones', () => {
  it('reads UTC events and returns them sorted by start, whatever the feed order', () => {
    const text = calendar(
      ...event('DTSTART:20261103T150000Z', 'DTEND:20261103T160000Z'),
      ...event('DTSTART:20261102T090000Z', 'DTEND:20261102T093000Z'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'Europe/Berlin'))).toEqual(['2026-11-02T09:00Z/09:30Z', '2026-11-03T15:00Z/16:00Z']);
  });

  it('reads TZID=America/New_York through the feed’s VTIMEZONE on both sides of the 2026-11-01 switch', () => {
    const text = calendar(
      ...NEW_YORK('America/New_York'),
      ...event('DTSTART;TZID=America/New_York:20261026T090000', 'DTEND;TZID=America/New_York:20261026T100000', 'RRULE:FREQ=WEEKLY;COUNT=3'),
      ...event('DTSTART;TZID=America/New_York:20261101T003000', 'DTEND;TZID=America/New_York:20261101T040000'),
    );
    expect(utc(busyFromIcs(text, window('2026-10-20T00:00:00Z', '2026-11-20T00:00:00Z'), 'Asia/Tokyo'))).toEqual([
      '2026-10-26T13:00Z/14:00Z', // EDT, UTC−4
      '2026-11-01T04:30Z/09:00Z', // 00:30 EDT to 04:00 EST: four and a half real hours
      '2026-11-02T14:00Z/15:00Z', // EST, UTC−5
      '2026-11-09T14:00Z/15:00Z',
    ]);
  });

  it('reads a TZID that is not an IANA name (Outlook style) through its VTIMEZONE, without leaking it to other feeds', () => {
    const meeting = event('DTSTART;TZID=Eastern Standard Time:20261102T090000', 'DTEND;TZID=Eastern Standard Time:20261102T100000');
    expect(utc(busyFromIcs(calendar(...NEW_YORK('Eastern Standard Time'), ...meeting), NOVEMBER, 'Asia/Tokyo'))).toEqual(['2026-11-02T14:00Z/15:00Z']);
    // Same TZID, no VTIMEZONE in this feed: the first feed's definition must not be reused.
    expect(utc(busyFromIcs(calendar(...meeting), NOVEMBER, 'Asia/Tokyo'))).toEqual(['2026-11-02T00:00Z/01:00Z']);
  });

  it('reads a TZID without a VTIMEZONE (Europe/Berlin) as that IANA zone, across its 2026-10-25 switch', () => {
    const text = calendar(
      ...event('DTSTART;TZID=Europe/Berlin:20261024T100000', 'DTEND;TZID=Europe/Berlin:20261024T110000'),
      ...event('DTSTART;TZID=Europe/Berlin:20261026T100000', 'DTEND;TZID=Europe/Berlin:20261026T110000'),
      ...event('DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20261027T100000', 'DTEND;TZID=/mozilla.org/20050126_1/Europe/Berlin:20261027T110000'),
    );
    expect(utc(busyFromIcs(text, window('2026-10-20T00:00:00Z', '2026-10-30T00:00:00Z'), 'America/Los_Angeles'))).toEqual([
      '2026-10-24T08:00Z/09:00Z',
      '2026-10-26T09:00Z/10:00Z',
      '2026-10-27T09:00Z/10:00Z',
    ]);
  });

  it('reads floating times and all-day dates as wall time in the specialist’s zone', () => {
    const text = calendar(
      ...event('DTSTART:20261124T090000', 'DTEND:20261124T100000'),
      ...event('DTSTART;VALUE=DATE:20261123', 'DTEND;VALUE=DATE:20261124'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'Asia/Tokyo'))).toEqual(['2026-11-22T15:00Z/2026-11-23T15:00Z', '2026-11-24T00:00Z/01:00Z']);
  });

  it('gives an event without DTEND one day for a DATE, nothing for a DATE-TIME, and honours DURATION', () => {
    const text = calendar(
      ...event('DTSTART;VALUE=DATE:20261110'),
      ...event('DTSTART:20261111T090000Z'),
      ...event('DTSTART:20261112T090000Z', 'DURATION:PT1H30M'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual(['2026-11-10T00:00Z/2026-11-11T00:00Z', '2026-11-12T09:00Z/10:30Z']);
  });
});

describe('busyFromIcs: which events count', () => {
  it('ignores transparent (free) and cancelled events', () => {
    const text = calendar(
      ...event('DTSTART:20261102T090000Z', 'DTEND:20261102T100000Z', 'TRANSP:TRANSPARENT'),
      ...event('DTSTART:20261103T090000Z', 'DTEND:20261103T100000Z', 'STATUS:CANCELLED'),
      ...event('DTSTART:20261104T090000Z', 'DTEND:20261104T100000Z', 'TRANSP:OPAQUE', 'STATUS:TENTATIVE'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual(['2026-11-04T09:00Z/10:00Z']);
  });

  it('returns only what overlaps the window, clipped to it (half-open)', () => {
    const text = calendar(
      ...event('DTSTART:20261031T220000Z', 'DTEND:20261101T020000Z'), // straddles the start
      ...event('DTSTART:20261031T230000Z', 'DTEND:20261101T000000Z'), // ends exactly at the start
      ...event('DTSTART:20261130T230000Z', 'DTEND:20261201T010000Z'), // straddles the end
      ...event('DTSTART:20261201T000000Z', 'DTEND:20261201T010000Z'), // starts exactly at the end
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual(['2026-11-01T00:00Z/02:00Z', '2026-11-30T23:00Z/2026-12-01T00:00Z']);
  });

  it('skips an event it cannot read and keeps the others', () => {
    const text = calendar(...event('DTSTART:2026-11-0', 'DTEND:20261102T100000Z'), ...event('DTSTART:20261103T090000Z', 'DTEND:20261103T100000Z'));
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual(['2026-11-03T09:00Z/10:00Z']);
  });
});

describe('busyFromIcs: recurrence', () => {
  const weekly = [
    'UID:weekly@test',
    'DTSTART;TZID=Europe/Berlin:20261102T100000',
    'DTEND;TZID=Europe/Berlin:20261102T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO',
    'EXDATE;TZID=Europe/Berlin:20261109T100000',
  ];

  it('expands a weekly rule minus its EXDATE, with RECURRENCE-ID instances moved, cancelled or moved in from outside the window', () => {
    const text = calendar(
      ...event(...weekly),
      // 16 Nov moved to Wednesday 18 Nov 15:00–16:00.
      ...event('UID:weekly@test', 'RECURRENCE-ID;TZID=Europe/Berlin:20261116T100000', 'DTSTART;TZID=Europe/Berlin:20261118T150000', 'DTEND;TZID=Europe/Berlin:20261118T160000'),
      // 23 Nov cancelled.
      ...event('UID:weekly@test', 'RECURRENCE-ID;TZID=Europe/Berlin:20261123T100000', 'DTSTART;TZID=Europe/Berlin:20261123T100000', 'DTEND;TZID=Europe/Berlin:20261123T110000', 'STATUS:CANCELLED'),
      // 7 Dec, after the window, moved into it (UTC RECURRENCE-ID naming the same instant).
      ...event('UID:weekly@test', 'RECURRENCE-ID:20261207T090000Z', 'DTSTART:20261125T120000Z', 'DTEND:20261125T130000Z'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual([
      '2026-11-02T09:00Z/10:00Z',
      '2026-11-18T14:00Z/15:00Z',
      '2026-11-25T12:00Z/13:00Z',
      '2026-11-30T09:00Z/10:00Z',
    ]);
  });

  it('applies a RECURRENCE-ID only to the series with its UID', () => {
    const text = calendar(
      ...event('UID:other@test', 'DTSTART;TZID=Europe/Berlin:20261102T100000', 'DTEND;TZID=Europe/Berlin:20261102T110000', 'RRULE:FREQ=WEEKLY;COUNT=2'),
      ...event('UID:weekly@test', 'RECURRENCE-ID;TZID=Europe/Berlin:20261102T100000', 'DTSTART:20261102T200000Z', 'DTEND:20261102T210000Z'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual(['2026-11-02T09:00Z/10:00Z', '2026-11-02T20:00Z/21:00Z', '2026-11-09T09:00Z/10:00Z']);
  });

  it('stops at COUNT and at UNTIL, and adds RDATEs', () => {
    const text = calendar(
      ...event('DTSTART:20261102T080000Z', 'DTEND:20261102T083000Z', 'RRULE:FREQ=DAILY;COUNT=3'),
      ...event('DTSTART:20261110T080000Z', 'DTEND:20261110T083000Z', 'RRULE:FREQ=DAILY;UNTIL=20261111T235959Z', 'RDATE:20261120T080000Z'),
    );
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual([
      '2026-11-02T08:00Z/08:30Z',
      '2026-11-03T08:00Z/08:30Z',
      '2026-11-04T08:00Z/08:30Z',
      '2026-11-10T08:00Z/08:30Z',
      '2026-11-11T08:00Z/08:30Z',
      '2026-11-20T08:00Z/08:30Z',
    ]);
  });

  it('keeps a recurring event’s length in real time and its start in wall time across a DST switch', () => {
    const text = calendar(...event('DTSTART;TZID=Europe/Berlin:20261023T230000', 'DTEND;TZID=Europe/Berlin:20261024T070000', 'RRULE:FREQ=DAILY;COUNT=3'));
    expect(utc(busyFromIcs(text, window('2026-10-20T00:00:00Z', '2026-10-30T00:00:00Z'), 'UTC'))).toEqual([
      '2026-10-23T21:00Z/2026-10-24T05:00Z',
      '2026-10-24T21:00Z/2026-10-25T05:00Z', // 23:00 CEST, eight hours
      '2026-10-25T22:00Z/2026-10-26T06:00Z', // 23:00 CET
    ]);
  });

  it('reads a recurring event’s real length from its first instance even when that lies a year before the window', () => {
    // 2025-10-25 23:00 CEST to 2025-10-26 07:00 CET: nine real hours, eight on the wall clock.
    const text = calendar(...event('DTSTART;TZID=Europe/Berlin:20251025T230000', 'DTEND;TZID=Europe/Berlin:20251026T070000', 'RRULE:FREQ=WEEKLY'));
    expect(utc(busyFromIcs(text, window('2026-11-01T00:00:00Z', '2026-11-09T00:00:00Z'), 'UTC'))).toEqual([
      '2026-11-01T00:00Z/07:00Z', // 31 Oct 23:00 CET, clipped to the window
      '2026-11-07T22:00Z/2026-11-08T07:00Z',
    ]);
  });

  it('still blocks a daily meeting that started in 2012, well past the per-event iteration cap', () => {
    const text = calendar(...event('DTSTART;TZID=Europe/Berlin:20120102T090000', 'DTEND;TZID=Europe/Berlin:20120102T091500', 'RRULE:FREQ=DAILY'));
    expect(utc(busyFromIcs(text, window('2026-11-02T00:00:00Z', '2026-11-05T00:00:00Z'), 'UTC'))).toEqual([
      '2026-11-02T08:00Z/08:15Z',
      '2026-11-03T08:00Z/08:15Z',
      '2026-11-04T08:00Z/08:15Z',
    ]);
  });

  it('keeps the phase of an every-other-week rule that started years before the window', () => {
    const text = calendar(...event('DTSTART:20200107T180000Z', 'DTEND:20200107T190000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH'));
    const monday = Date.parse('2020-01-06T00:00:00Z');
    const expected: string[] = [];
    for (let day = NOVEMBER.from; day < NOVEMBER.to; day += 86_400_000) {
      const weekday = new Date(day).getUTCDay();
      const week = Math.floor((day - monday) / (7 * 86_400_000));
      if ((weekday === 2 || weekday === 4) && week % 2 === 0) expected.push(`${new Date(day).toISOString().slice(0, 10)}T18:00Z/19:00Z`);
    }
    expect(expected).toHaveLength(4);
    expect(utc(busyFromIcs(text, NOVEMBER, 'UTC'))).toEqual(expected);
  });
});

describe('busyFromIcs: hostile and broken input', () => {
  /**
   * Runs `run` counting the work ical.js did in candidate times, as the expansion budget counts it
   * (recurrence.ts): the caps are asserted on this count, never on elapsed time (speed is bench/'s).
   * The charge that exhausts a budget stops ical.js before the step runs, so a cap that was hit
   * shows as `cap - YEAR_EXPANSION_COST < work <= cap`.
   */
  const counted = (run: () => Busy[]) => {
    const iterator = ICAL.RecurIterator.prototype as unknown as { check_contracting_rules(): boolean; expand_year_days(year: number): number };
    const checks = vi.spyOn(iterator, 'check_contracting_rules');
    const years = vi.spyOn(iterator, 'expand_year_days');
    try {
      const busy = run();
      return { busy, work: checks.mock.calls.length + YEAR_EXPANSION_COST * years.mock.calls.length };
    } finally {
      checks.mockRestore();
      years.mockRestore();
    }
  };

  it('bounds a FREQ=SECONDLY rule by the per-event cap, whatever the cap', () => {
    const text = calendar(...event('DTSTART:20261101T000000Z', 'DTEND:20261101T000001Z', 'RRULE:FREQ=SECONDLY'));
    for (const cap of [1000, 2000]) {
      const { busy, work } = counted(() => busyFromIcs(text, NOVEMBER, 'UTC', { maxIterationsPerEvent: cap }));
      expect(work).toBeGreaterThan(cap - YEAR_EXPANSION_COST);
      expect(work).toBeLessThanOrEqual(cap);
      // One instance per second examined: the cap, not the month, decides how many come back.
      expect(busy.length).toBeGreaterThan(cap * 0.9);
      expect(busy.length).toBeLessThanOrEqual(cap + 1);
    }
  });

  // Without the guards these do not return at all: ical.js searches inside one step.
  it.each([
    ['a seconds rule that only matches in December', 'FREQ=SECONDLY;BYMONTH=12'],
    ['a daily rule that can never match', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'],
    ['an hourly rule that can never match', 'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=31'],
    ['a yearly rule that can never match', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15'],
  ])('gives up on %s when the per-event budget runs out (%s)', (_, rule) => {
    const text = calendar(...event('DTSTART:20260101T000000Z', 'DTEND:20260101T010000Z', `RRULE:${rule}`));
    const { busy, work } = counted(() => busyFromIcs(text, NOVEMBER, 'UTC', { maxIterationsPerEvent: 3000 }));
    expect(busy).toEqual([]);
    expect(work).toBeGreaterThan(3000 - YEAR_EXPANSION_COST);
    expect(work).toBeLessThanOrEqual(3000);
  });

  it('bounds a feed of many hostile rules as a whole, and still reads its plain events', () => {
    const hostile = Array.from({ length: 300 }, () => event('DTSTART:20260101T000000Z', 'DTEND:20260101T010000Z', 'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15')).flat();
    const text = calendar(...hostile, ...event('DTSTART:20261130T090000Z', 'DTEND:20261130T100000Z'));
    // 300 events × 5000 per event would be 1.5 million; the feed's cap stops it at 20000, after
    // four events, each of which left its one exhausting charge unrun.
    const { busy, work } = counted(() => busyFromIcs(text, NOVEMBER, 'UTC', { maxIterationsPerEvent: 5000, maxIterationsPerFeed: 20_000 }));
    expect(utc(busy)).toEqual(['2026-11-30T09:00Z/10:00Z']);
    expect(work).toBeGreaterThan(20_000 - 4 * YEAR_EXPANSION_COST);
    expect(work).toBeLessThanOrEqual(20_000);
  });

  it.each([
    ['plain text', 'hello, world'],
    ['an HTML login page', '<!doctype html><html><body>Sign in</body></html>'],
    ['an empty body', ''],
    ['a calendar that never ends', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n'],
    ['a lone VEVENT', 'BEGIN:VEVENT\r\nDTSTART:20261102T090000Z\r\nEND:VEVENT\r\n'],
  ])('throws CalendarFeedError unparseable for %s', (_, text) => {
    let thrown: unknown;
    try {
      busyFromIcs(text, NOVEMBER, 'UTC');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarFeedError);
    expect((thrown as CalendarFeedError).code).toBe('unparseable');
  });
});
