import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRoom, occupiedBy } from './occupancy.js';
import { computeSlots, type Busy } from './slots.js';

const MINUTE = 60_000;
const monday = Date.parse('2026-11-23T00:00:00Z');
const open247 = { timeZone: 'UTC', weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 0, end: 1440 })) };

describe('hasRoom', () => {
  it('counts overlaps half-open: touching is free, a minute of overlap is not', () => {
    const busy = [{ start: 60 * MINUTE, end: 120 * MINUTE }];
    expect(hasRoom({ start: 0, end: 60 * MINUTE }, busy, 0)).toBe(true);
    expect(hasRoom({ start: 120 * MINUTE, end: 180 * MINUTE }, busy, 0)).toBe(true);
    expect(hasRoom({ start: 0, end: 61 * MINUTE }, busy, 0)).toBe(false);
    expect(hasRoom({ start: 119 * MINUTE, end: 180 * MINUTE }, busy, 0)).toBe(false);
  });

  it('ignores a hold once it has lapsed', () => {
    const hold = [{ start: 0, end: 60 * MINUTE, until: 10 * MINUTE }];
    expect(hasRoom({ start: 0, end: 30 * MINUTE }, hold, 10 * MINUTE - 1)).toBe(false);
    expect(hasRoom({ start: 0, end: 30 * MINUTE }, hold, 10 * MINUTE)).toBe(true);
  });

  it('lets `capacity` seats overlap, and never more', () => {
    const two = [{ start: 0, end: 60 * MINUTE }, { start: 30 * MINUTE, end: 90 * MINUTE }];
    expect(hasRoom({ start: 0, end: 60 * MINUTE }, two, 0, 2)).toBe(false);
    expect(hasRoom({ start: 0, end: 60 * MINUTE }, two, 0, 3)).toBe(true);
    expect(hasRoom({ start: 60 * MINUTE, end: 90 * MINUTE }, two, 0, 2)).toBe(true);
  });

  it('widens a booking by its own buffers', () => {
    expect(occupiedBy({ startAt: 60 * MINUTE, endAt: 90 * MINUTE, bufferBefore: 10, bufferAfter: 15 })).toEqual({ start: 50 * MINUTE, end: 105 * MINUTE });
  });

  // The write path decides with hasRoom; the slots a visitor sees come from computeSlots. If the
  // two disagreed, a time would be offered and then refused, or refused and then taken twice.
  it('agrees with the slot engine at capacity 1 on every start, buffers and holds included', () => {
    const busyArb = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 24 * 60 }), minutes: fc.integer({ min: 1, max: 180 }), until: fc.option(fc.integer({ min: -60, max: 240 }), { nil: undefined }) }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(
        busyArb,
        fc.integer({ min: 0, max: 20 * 60 }), // the session ends the same day: open hours are per date
        fc.constantFrom(15, 30, 60),
        fc.constantFrom(0, 5, 30),
        fc.constantFrom(0, 10, 15),
        fc.integer({ min: -120, max: -1 }), // before every start: notice never decides, lapsed holds do
        (raw, startMinute, duration, before, after, nowOffset) => {
          const now = monday + nowOffset * MINUTE;
          const busy: Busy[] = raw.map((b) => ({
            start: monday + b.start * MINUTE,
            end: monday + (b.start + b.minutes) * MINUTE,
            ...(b.until === undefined ? {} : { until: monday + b.until * MINUTE }),
          }));
          const start = monday + startMinute * MINUTE;
          const offered = computeSlots({
            availability: open247,
            service: { duration, step: 1, bufferBefore: before, bufferAfter: after },
            busy,
            now,
            from: start,
            to: start + 1,
            displayTimeZone: 'UTC',
          }).days.length > 0;
          const room = hasRoom(occupiedBy({ startAt: start, endAt: start + duration * MINUTE, bufferBefore: before, bufferAfter: after }), busy, now);
          expect(room).toBe(offered);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
