import { Temporal } from '@js-temporal/polyfill';
import { describe, expect, it } from 'vitest';
import type { Availability, WeeklyInterval } from './availability.js';
import { computeSlots, type ServiceRules, type SlotQuery } from './slots.js';

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const everyDay = (start: string, end: string, days = [1, 2, 3, 4, 5, 6, 7]): WeeklyInterval[] =>
  days.map((weekday) => ({ weekday, start: minutes(start), end: minutes(end) }));
const at = (zone: string, local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
const dayStart = (zone: string, date: string) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
const nextDate = (date: string, days = 1) => Temporal.PlainDate.from(date).add({ days }).toString();

interface Case {
  zone: string;
  dates: [string, string?];
  availability?: Partial<Availability>;
  service?: Partial<ServiceRules>;
  extra?: Partial<SlotQuery>;
}

/** The offered starts as `HH:MM±offset/length` in the specialist's zone, per local date. */
function wall(c: Case): string[] {
  const [fromDate, toDate = fromDate] = c.dates;
  const result = computeSlots({
    availability: { timeZone: c.zone, weekly: everyDay('09:00', '17:00'), ...c.availability },
    service: { duration: 60, step: 60, ...c.service },
    busy: [],
    now: 0,
    from: dayStart(c.zone, fromDate),
    to: dayStart(c.zone, nextDate(toDate)),
    displayTimeZone: c.zone,
    ...c.extra,
  });
  return result.days.flatMap((d) =>
    d.slots.map((s) => {
      const local = Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO(c.zone);
      const time = `${local.toPlainTime().toString().slice(0, 5)}${local.offset}/${(s.end - s.start) / 60_000}`;
      return c.dates[1] ? `${d.date} ${time}` : time;
    }),
  );
}

describe('time zones: the case table', () => {
  const cases: [string, Case, string[]][] = [
    ['New York spring-forward: no slot in the skipped 02:00 hour', { zone: 'America/New_York', dates: ['2026-03-08'], availability: { weekly: everyDay('00:00', '04:00') } },
      ['00:00-05:00/60', '01:00-05:00/60', '03:00-04:00/60']],
    ['New York spring-forward: a 1–6pm schedule stays 1–6pm (not 2–7pm)', { zone: 'America/New_York', dates: ['2026-03-08'], availability: { weekly: everyDay('13:00', '18:00') } },
      ['13:00-04:00/60', '14:00-04:00/60', '15:00-04:00/60', '16:00-04:00/60', '17:00-04:00/60']],
    ['New York fall-back: the repeated 01:00 is offered once', { zone: 'America/New_York', dates: ['2026-11-01'], availability: { weekly: everyDay('00:00', '03:00') } },
      ['00:00-04:00/60', '01:00-04:00/60', '02:00-05:00/60']],
    ['New York after fall-back: 09:00 is 09:00 (not an hour early)', { zone: 'America/New_York', dates: ['2026-11-01', '2026-11-02'], availability: { weekly: everyDay('09:00', '10:00') } },
      ['2026-11-01 09:00-05:00/60', '2026-11-02 09:00-05:00/60']],
    ['London spring-forward: 00:30–03:00 loses the 01:xx hour', { zone: 'Europe/London', dates: ['2026-03-29'], availability: { weekly: everyDay('00:30', '03:00') }, service: { duration: 30, step: 30 } },
      ['00:30+00:00/30', '02:00+01:00/30', '02:30+01:00/30']],
    ['London fall-back: 09:00–12:00 on the switch day', { zone: 'Europe/London', dates: ['2026-10-25'], availability: { weekly: everyDay('09:00', '12:00') } },
      ['09:00+00:00/60', '10:00+00:00/60', '11:00+00:00/60']],
    ['Lord Howe (half-hour DST): the repeated 01:30 is offered once', { zone: 'Australia/Lord_Howe', dates: ['2026-04-05'], availability: { weekly: everyDay('01:00', '03:00') }, service: { duration: 30, step: 30 } },
      ['01:00+11:00/30', '01:30+11:00/30', '02:00+10:30/30', '02:30+10:30/30']],
    ['Lord Howe spring-forward: 02:00–02:30 does not exist', { zone: 'Australia/Lord_Howe', dates: ['2026-10-04'], availability: { weekly: everyDay('01:30', '03:30') }, service: { duration: 30, step: 30 } },
      ['01:30+10:30/30', '02:30+11:00/30', '03:00+11:00/30']],
    ['Chatham (+12:45)', { zone: 'Pacific/Chatham', dates: ['2026-07-01'], availability: { weekly: everyDay('09:00', '11:00') } },
      ['09:00+12:45/60', '10:00+12:45/60']],
    ['Chatham DST (+13:45) on its switch day', { zone: 'Pacific/Chatham', dates: ['2026-09-27'], availability: { weekly: everyDay('02:00', '05:00') } },
      ['02:00+12:45/60', '04:00+13:45/60']],
    ['Kathmandu (+05:45)', { zone: 'Asia/Kathmandu', dates: ['2026-07-01'], availability: { weekly: everyDay('09:00', '11:00') } },
      ['09:00+05:45/60', '10:00+05:45/60']],
    ['Tokyo (no DST) in March', { zone: 'Asia/Tokyo', dates: ['2026-03-08'], availability: { weekly: everyDay('13:30', '15:30') } },
      ['13:30+09:00/60', '14:30+09:00/60']],
    ['90-minute sessions across the New York spring gap last 90 real minutes', { zone: 'America/New_York', dates: ['2026-03-08'], availability: { weekly: everyDay('00:00', '05:00') }, service: { duration: 90, step: 90 } },
      ['00:00-05:00/90', '01:30-05:00/90', '03:00-04:00/90']],
  ];
  for (const [name, c, expected] of cases) {
    it(name, () => {
      expect(wall(c)).toEqual(expected);
    });
  }

  it('groups by the visitor’s dates: Tokyo sees a New York Monday evening on Tuesday', () => {
    const result = computeSlots({
      availability: { timeZone: 'America/New_York', weekly: [{ weekday: 1, start: minutes('18:00'), end: minutes('20:00') }] },
      service: { duration: 60, step: 60 },
      busy: [],
      now: 0,
      from: at('America/New_York', '2026-11-23T00:00'),
      to: at('America/New_York', '2026-11-24T00:00'),
      displayTimeZone: 'Asia/Tokyo',
    });
    expect(result.days.map((d) => d.date)).toEqual(['2026-11-24']);
    expect(result.days[0]!.slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-11-23T23:00:00.000Z', '2026-11-24T00:00:00.000Z']);
  });

  it('splits one specialist day over two visitor dates at the visitor’s midnight', () => {
    const result = computeSlots({
      availability: { timeZone: 'Europe/Berlin', weekly: everyDay('09:00', '13:00') },
      service: { duration: 60, step: 60 },
      busy: [],
      now: 0,
      from: at('Pacific/Kiritimati', '2026-11-23T00:00'),
      to: at('Pacific/Kiritimati', '2026-11-25T00:00'),
      displayTimeZone: 'Pacific/Kiritimati', // UTC+14: Berlin 10:00 is 23:00 there
    });
    const byDate = Object.fromEntries(result.days.map((d) => [d.date, d.slots.length]));
    expect(byDate['2026-11-23']).toBeGreaterThan(0);
    expect(result.days.every((d) => d.slots.every((s) => Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO('Pacific/Kiritimati').toPlainDate().toString() === d.date))).toBe(true);
  });
});

describe('availability rules', () => {
  const berlin = 'Europe/Berlin';
  const startsOn = (date: string, c: Omit<Case, 'zone' | 'dates'>) => wall({ zone: berlin, dates: [date], ...c }).map((s) => s.slice(0, 5));

  it('takes breaks out of weekly hours and joins several intervals a day', () => {
    expect(startsOn('2026-11-23', { availability: { weekly: [...everyDay('09:00', '12:00'), ...everyDay('14:00', '16:00')], breaks: everyDay('10:00', '11:00') } }))
      .toEqual(['09:00', '11:00', '14:00', '15:00']);
  });

  it('lets a date override replace the hours, or close a range of dates', () => {
    const overrides = [
      { from: '2026-11-23', to: '2026-11-23', intervals: [{ start: minutes('18:00'), end: minutes('20:00') }] },
      { from: '2026-12-24', to: '2026-12-26', intervals: [] },
    ];
    expect(startsOn('2026-11-23', { availability: { overrides } })).toEqual(['18:00', '19:00']);
    expect(startsOn('2026-12-24', { availability: { overrides } })).toEqual([]);
    expect(startsOn('2026-12-26', { availability: { overrides } })).toEqual([]);
    expect(startsOn('2026-12-27', { availability: { overrides } })).toHaveLength(8);
  });

  it('adds every other Saturday 10:00–12:00 from an RRULE, in wall time across DST', () => {
    const recurring = [{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', anchor: '2026-10-17', start: minutes('10:00'), end: minutes('12:00') }];
    const saturdays = wall({ zone: berlin, dates: ['2026-10-17', '2026-11-14'], availability: { weekly: everyDay('09:00', '17:00', [1, 2, 3, 4, 5]), recurring } })
      .filter((s) => s.includes(' 10:00'));
    // Saturdays only, fortnightly, 10:00 local both before (+02:00) and after (+01:00) the October switch.
    expect(saturdays.filter((s) => ['2026-10-17', '2026-10-31', '2026-11-14'].includes(s.slice(0, 10)))).toEqual([
      '2026-10-17 10:00+02:00/60',
      '2026-10-31 10:00+01:00/60',
      '2026-11-14 10:00+01:00/60',
    ]);
    expect(saturdays.some((s) => s.startsWith('2026-10-24') || s.startsWith('2026-11-07'))).toBe(false);
  });

  it('keeps buffers free on both sides of a busy time, and lets them reach outside hours', () => {
    const busy = [{ start: at(berlin, '2026-11-23T12:00'), end: at(berlin, '2026-11-23T13:00') }];
    expect(startsOn('2026-11-23', { service: { duration: 60, step: 30, bufferBefore: 15, bufferAfter: 30 }, extra: { busy } }))
      .toEqual(['09:00', '09:30', '10:00', '10:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
  });

  it('respects minimum notice and the advance window', () => {
    const now = at(berlin, '2026-11-23T10:10');
    expect(startsOn('2026-11-23', { service: { minNotice: 120 }, extra: { now } })).toEqual(['13:00', '14:00', '15:00', '16:00']);
    const window = wall({ zone: berlin, dates: ['2026-11-23', '2026-11-30'], service: { maxAdvanceDays: 3 }, extra: { now } });
    expect(window.at(-1)).toBe('2026-11-26 10:00+01:00/60');
  });

  it('stops offering a date or a week once the caps are reached', () => {
    const counted = [at(berlin, '2026-11-23T09:00'), at(berlin, '2026-11-23T11:00'), at(berlin, '2026-11-25T11:00')].map((start) => ({ start }));
    const week = wall({ zone: berlin, dates: ['2026-11-23', '2026-12-01'], service: { maxPerDay: 2 }, extra: { counted } });
    expect(week.some((s) => s.startsWith('2026-11-23'))).toBe(false);
    expect(week.some((s) => s.startsWith('2026-11-25'))).toBe(true);
    const capped = wall({ zone: berlin, dates: ['2026-11-23', '2026-12-01'], service: { maxPerWeek: 3 }, extra: { counted } });
    expect(capped.every((s) => s.slice(0, 10) >= '2026-11-30')).toBe(true); // the next ISO week opens on Monday
    expect(capped.length).toBeGreaterThan(0);
  });

  it('lets a hold block only until it expires, and says when the answer changes', () => {
    const now = at(berlin, '2026-11-23T08:00');
    const hold = { start: at(berlin, '2026-11-23T09:00'), end: at(berlin, '2026-11-23T10:00'), until: at(berlin, '2026-11-23T08:15') };
    const q = (t: number): SlotQuery => ({
      availability: { timeZone: berlin, weekly: everyDay('09:00', '11:00') },
      service: { duration: 60, step: 60, minNotice: 30 },
      busy: [hold],
      now: t,
      from: dayStart(berlin, '2026-11-23'),
      to: dayStart(berlin, '2026-11-24'),
      displayTimeZone: berlin,
    });
    const before = computeSlots(q(now));
    expect(before.days[0]!.slots).toHaveLength(1); // 10:00 only
    expect(before.validUntil).toBe(hold.until);
    const after = computeSlots(q(hold.until));
    expect(after.days[0]!.slots).toHaveLength(2);
    expect(after.validUntil).toBe(at(berlin, '2026-11-23T08:30')); // 09:00 minus 30 minutes' notice
  });
});
