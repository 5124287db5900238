import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import type { SlotQuery } from '../domain/slots.js';

// Random slot queries for the engine's property tests (`domain/slots.property.test.ts`) and the
// blocks' (`services/availability/slot-blocks.test.ts`).

const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'Asia/Tokyo', 'America/Sao_Paulo', 'Pacific/Apia', 'Europe/Berlin'];
const dayStart = (zone: string, date: string) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
const DAY = 86_400_000;
const interval = fc.record({ start: fc.integer({ min: 0, max: 1410 }), length: fc.integer({ min: 15, max: 600 }) }).map((i) => ({ start: i.start, end: Math.min(1440, i.start + i.length) }));
const weekdayInterval = fc.tuple(fc.integer({ min: 1, max: 7 }), interval).map(([weekday, i]) => ({ weekday, ...i }));
const fromDays = ['2026-03-06', '2026-03-27', '2026-04-03', '2026-09-25', '2026-10-01', '2026-10-23', '2026-10-30', '2026-06-10'];

/** Random schedules near the 2026 DST switches of the zones above, with every rule in play. */
export const queryArb = fc
  .record({
    zone: fc.constantFrom(...zones),
    display: fc.constantFrom(...zones),
    weekly: fc.array(weekdayInterval, { minLength: 1, maxLength: 6 }),
    breaks: fc.array(weekdayInterval, { maxLength: 2 }),
    overrides: fc.array(fc.record({ offset: fc.integer({ min: -1, max: 5 }), span: fc.integer({ min: 0, max: 2 }), intervals: fc.array(interval, { maxLength: 2 }) }), { maxLength: 2 }),
    recurring: fc.array(fc.record({ rrule: fc.constantFrom('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', 'FREQ=DAILY;INTERVAL=3', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=WEEKLY;BYDAY=SU;COUNT=2'), anchorOffset: fc.integer({ min: -20, max: 3 }), i: interval }), { maxLength: 1 }),
    duration: fc.constantFrom(15, 30, 45, 60, 90),
    step: fc.constantFrom(15, 30, 60),
    bufferBefore: fc.constantFrom(0, 0, 10, 15),
    bufferAfter: fc.constantFrom(0, 0, 5, 30),
    minNotice: fc.constantFrom(0, 0, 60, 240),
    maxAdvanceDays: fc.constantFrom(undefined, undefined, 1, 3),
    maxPerDay: fc.constantFrom(undefined, undefined, 1, 2),
    maxPerWeek: fc.constantFrom(undefined, undefined, 2),
    fromDay: fc.constantFrom(...fromDays),
    days: fc.integer({ min: 1, max: 5 }),
    nowOffset: fc.integer({ min: -2 * 96, max: 3 * 96 }),
    // Busy times near quarter hours, a minute either side, so boundary mistakes show.
    busy: fc.array(fc.record({ quarter: fc.integer({ min: 0, max: 6 * 96 }), jitter: fc.constantFrom(-1, 0, 1), minutes: fc.integer({ min: 1, max: 240 }), hold: fc.option(fc.integer({ min: -60, max: 600 }), { nil: undefined }) }), { maxLength: 8 }),
    counted: fc.array(fc.record({ quarter: fc.integer({ min: 0, max: 6 * 96 }), hold: fc.option(fc.integer({ min: -60, max: 600 }), { nil: undefined }) }), { maxLength: 4 }),
  })
  .map((r): SlotQuery => {
    const from = dayStart(r.zone, r.fromDay);
    const now = from + r.nowOffset * 15 * 60_000;
    const date = (offset: number) => Temporal.PlainDate.from(r.fromDay).add({ days: offset }).toString();
    return {
      availability: {
        timeZone: r.zone,
        weekly: r.weekly,
        breaks: r.breaks,
        overrides: r.overrides.map((o) => ({ from: date(o.offset), to: date(o.offset + o.span), intervals: o.intervals })),
        recurring: r.recurring.map((x) => ({ rrule: x.rrule, anchor: date(x.anchorOffset), ...x.i })),
      },
      service: {
        duration: r.duration,
        step: r.step,
        bufferBefore: r.bufferBefore,
        bufferAfter: r.bufferAfter,
        minNotice: r.minNotice,
        maxAdvanceDays: r.maxAdvanceDays,
        maxPerDay: r.maxPerDay,
        maxPerWeek: r.maxPerWeek,
      },
      displayTimeZone: r.display,
      from,
      to: from + r.days * DAY,
      now,
      busy: r.busy.map((b) => {
        const start = from + (b.quarter * 15 + b.jitter) * 60_000;
        return { start, end: start + b.minutes * 60_000, ...(b.hold === undefined ? {} : { until: now + b.hold * 60_000 }) };
      }),
      counted: r.counted.map((c) => ({ start: from + c.quarter * 15 * 60_000, ...(c.hold === undefined ? {} : { until: now + c.hold * 60_000 }) })),
    };
  });
