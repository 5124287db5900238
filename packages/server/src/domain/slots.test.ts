import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceSlots } from '../testing/reference-slots.js';
import { computeSlots, type SlotQuery, type WeeklyInterval } from './slots.js';

const weekdays = (start: string, end: string): WeeklyInterval[] => {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: toMin(start), end: toMin(end) }));
};
const at = (zone: string, local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
const dayStart = (zone: string, date: string) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;

/** Slots of one date in `zone`, as local wall times there with their real-time length. */
function localDay(zone: string, date: string, weekly: WeeklyInterval[], extra: Partial<SlotQuery> = {}) {
  const days = computeSlots({
    timeZone: zone,
    weekly,
    duration: 60,
    step: 60,
    busy: [],
    now: 0,
    from: dayStart(zone, date),
    to: dayStart(zone, Temporal.PlainDate.from(date).add({ days: 1 }).toString()),
    displayTimeZone: zone,
    ...extra,
  });
  return days.flatMap((d) =>
    d.slots.map((s) => {
      const local = Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO(zone);
      return `${local.toPlainTime().toString().slice(0, 5)}${local.offset}/${(s.end - s.start) / 60_000}`;
    }),
  );
}

describe('computeSlots across DST and odd offsets', () => {
  it('New York spring-forward (2026-03-08): skips the missing 02:00 and keeps 13:00–18:00 at 13:00 local', () => {
    expect(localDay('America/New_York', '2026-03-08', weekdays('00:00', '04:00'))).toEqual([
      '00:00-05:00/60',
      '01:00-05:00/60',
      '03:00-04:00/60',
    ]);
    expect(localDay('America/New_York', '2026-03-08', weekdays('13:00', '18:00'))[0]).toBe('13:00-04:00/60');
    expect(localDay('America/New_York', '2026-03-08', weekdays('13:00', '18:00'))).toHaveLength(5);
  });

  it('New York fall-back (2026-11-01): offers the repeated 01:00 once and every slot lasts 60 real minutes', () => {
    expect(localDay('America/New_York', '2026-11-01', weekdays('00:00', '04:00'))).toEqual([
      '00:00-04:00/60',
      '01:00-04:00/60',
      '02:00-05:00/60',
      '03:00-05:00/60',
    ]);
    expect(localDay('America/New_York', '2026-11-01', weekdays('09:00', '17:00'))[0]).toBe('09:00-05:00/60');
  });

  it('London (2026-03-29 and 2026-10-25) keeps 09:00 at 09:00 local on both switch days', () => {
    expect(localDay('Europe/London', '2026-03-29', weekdays('09:00', '12:00'))).toEqual(['09:00+01:00/60', '10:00+01:00/60', '11:00+01:00/60']);
    expect(localDay('Europe/London', '2026-10-25', weekdays('09:00', '12:00'))).toEqual(['09:00+00:00/60', '10:00+00:00/60', '11:00+00:00/60']);
  });

  it('Lord Howe half-hour DST (2026-04-05): a 30-minute slot in the repeated half hour is offered once', () => {
    const slots = localDay('Australia/Lord_Howe', '2026-04-05', weekdays('01:00', '03:00'), { duration: 30, step: 30 });
    expect(slots).toEqual(['01:00+11:00/30', '01:30+11:00/30', '02:00+10:30/30', '02:30+10:30/30']);
  });

  it('Chatham (+12:45/+13:45) and Kathmandu (+05:45) start on their own quarter hours', () => {
    expect(localDay('Pacific/Chatham', '2026-07-01', weekdays('09:00', '11:00'))).toEqual(['09:00+12:45/60', '10:00+12:45/60']);
    expect(localDay('Asia/Kathmandu', '2026-07-01', weekdays('09:00', '11:00'))).toEqual(['09:00+05:45/60', '10:00+05:45/60']);
  });

  it('groups by the visitor’s dates: Tokyo sees a New York evening on the next day', () => {
    const days = computeSlots({
      timeZone: 'America/New_York',
      weekly: [{ weekday: 1, start: 18 * 60, end: 20 * 60 }],
      duration: 60,
      step: 60,
      busy: [],
      now: 0,
      from: at('America/New_York', '2026-11-23T00:00'),
      to: at('America/New_York', '2026-11-24T00:00'),
      displayTimeZone: 'Asia/Tokyo',
    });
    expect(days.map((d) => d.date)).toEqual(['2026-11-24']);
    expect(days[0]!.slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-11-23T23:00:00.000Z', '2026-11-24T00:00:00.000Z']);
  });

  it('never offers a start at or before now, nor one overlapping a busy time by a minute', () => {
    const zone = 'Europe/Berlin';
    const base = { timeZone: zone, weekly: weekdays('09:00', '12:00'), duration: 60, step: 30, displayTimeZone: zone };
    const window = { from: dayStart(zone, '2026-11-23'), to: dayStart(zone, '2026-11-24') };
    const starts = (q: Partial<SlotQuery>) =>
      computeSlots({ ...base, ...window, busy: [], now: 0, ...q }).flatMap((d) => d.slots.map((s) => Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO(zone).toPlainTime().toString().slice(0, 5)));
    expect(starts({})).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    expect(starts({ now: at(zone, '2026-11-23T09:30') })).toEqual(['10:00', '10:30', '11:00']);
    expect(starts({ busy: [{ start: at(zone, '2026-11-23T10:59'), end: at(zone, '2026-11-23T11:10') }] })).toEqual(['09:00', '09:30']);
  });
});

const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'Asia/Tokyo', 'America/Sao_Paulo', 'Pacific/Apia'];

const queryArb = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    displayTimeZone: fc.constantFrom(...zones),
    weekly: fc.array(
      fc.record({ weekday: fc.integer({ min: 1, max: 7 }), start: fc.integer({ min: 0, max: 1410 }), length: fc.integer({ min: 15, max: 600 }) }).map((w) => ({
        weekday: w.weekday,
        start: w.start,
        end: Math.min(1440, w.start + w.length),
      })),
      { minLength: 1, maxLength: 6 },
    ),
    duration: fc.constantFrom(15, 30, 45, 60, 90),
    step: fc.constantFrom(15, 30, 60),
    // Windows around the 2026 DST switches of the zones above.
    fromDay: fc.constantFrom('2026-03-06', '2026-03-27', '2026-04-03', '2026-09-25', '2026-10-23', '2026-10-30', '2026-06-10'),
    days: fc.integer({ min: 1, max: 5 }),
    nowOffset: fc.integer({ min: -2 * 86_400_000, max: 3 * 86_400_000 }),
    // Busy times near quarter hours, one minute either side, so boundary mistakes show.
    busy: fc.array(
      fc.record({ quarter: fc.integer({ min: 0, max: 6 * 96 }), jitter: fc.constantFrom(-1, 0, 1), minutes: fc.integer({ min: 1, max: 240 }) }),
      { maxLength: 8 },
    ),
  })
  .map((r): SlotQuery => {
    const from = dayStart(r.timeZone, r.fromDay);
    return {
      timeZone: r.timeZone,
      displayTimeZone: r.displayTimeZone,
      weekly: r.weekly,
      duration: r.duration,
      step: r.step,
      from,
      to: from + r.days * 86_400_000,
      now: from + r.nowOffset,
      busy: r.busy.map((b) => {
        const start = from + (b.quarter * 15 + b.jitter) * 60_000;
        return { start, end: start + b.minutes * 60_000 };
      }),
    };
  });

describe('computeSlots against the reference', () => {
  it('gives the same slots as the slow Temporal reference for random schedules', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        expect(computeSlots(q)).toEqual(referenceSlots(q));
      }),
      { numRuns: 150 },
    );
  });

  it('returns sorted, non-overlapping-with-busy slots of exact length inside the window', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const slots = computeSlots(q).flatMap((d) => d.slots);
        for (let i = 0; i < slots.length; i++) {
          const s = slots[i]!;
          expect(s.end - s.start).toBe(q.duration * 60_000);
          expect(s.start > q.now && s.start >= q.from && s.start < q.to).toBe(true);
          expect(q.busy.some((b) => b.start < s.end && b.end > s.start)).toBe(false);
          if (i > 0) expect(s.start).toBeGreaterThan(slots[i - 1]!.start);
        }
      }),
      { numRuns: 150 },
    );
  });
});
