import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRoom, occupiedBy, seatsTaken } from './occupancy.js';
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

  const session = { service: 'svc_group', start: 60 * MINUTE, end: 120 * MINUTE };
  const seatOfSession = { start: 50 * MINUTE, end: 130 * MINUTE, session }; // with 10-minute buffers
  const group = { session, capacity: 3 };

  it('lets a session take seats up to its capacity, and never more', () => {
    expect(hasRoom({ start: 50 * MINUTE, end: 130 * MINUTE }, [seatOfSession, seatOfSession], 0, group)).toBe(true);
    expect(hasRoom({ start: 50 * MINUTE, end: 130 * MINUTE }, [seatOfSession, seatOfSession, seatOfSession], 0, group)).toBe(false);
    expect(seatsTaken({ start: 50 * MINUTE, end: 130 * MINUTE }, [seatOfSession, seatOfSession], 0, group)).toBe(2);
  });

  it('refuses a seat when anything but its own session overlaps: a one-to-one booking, another session, another service', () => {
    const interval = { start: 50 * MINUTE, end: 130 * MINUTE };
    expect(hasRoom(interval, [{ start: 125 * MINUTE, end: 200 * MINUTE }], 0, group)).toBe(false);
    expect(hasRoom(interval, [{ start: 80 * MINUTE, end: 150 * MINUTE, session: { ...session, start: 90 * MINUTE, end: 150 * MINUTE } }], 0, group)).toBe(false);
    expect(hasRoom(interval, [{ ...seatOfSession, session: { ...session, end: 150 * MINUTE } }], 0, group)).toBe(false); // same start, longer
    expect(hasRoom(interval, [{ ...seatOfSession, session: { ...session, service: 'svc_other' } }], 0, group)).toBe(false);
  });

  it('refuses a one-to-one booking overlapping a seat of a group session', () => {
    expect(hasRoom({ start: 0, end: 61 * MINUTE }, [seatOfSession], 0)).toBe(false);
    expect(hasRoom({ start: 0, end: 50 * MINUTE }, [seatOfSession], 0)).toBe(true);
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
  it('agrees with the slot engine for a group service on every start, seats, other sessions, one-to-one bookings and holds included', () => {
    const busyArb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 8 }).map((h) => h * 30),
        minutes: fc.constantFrom(30, 60),
        kind: fc.constantFrom('seat', 'seat', 'other-service', 'one-to-one'),
        until: fc.option(fc.integer({ min: -60, max: 240 }), { nil: undefined }),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(busyArb, fc.integer({ min: 0, max: 8 }), fc.constantFrom(30, 60), fc.constantFrom(0, 10), fc.integer({ min: 2, max: 4 }), fc.integer({ min: -120, max: -1 }), (raw, slot, duration, buffer, capacity, nowOffset) => {
        const now = monday + nowOffset * MINUTE;
        const busy: Busy[] = raw.map((b) => {
          const start = monday + b.start * MINUTE;
          const end = start + b.minutes * MINUTE;
          const service = b.kind === 'seat' ? 'svc_g' : 'svc_h';
          return {
            start: start - buffer * MINUTE,
            end: end + buffer * MINUTE,
            ...(b.until === undefined ? {} : { until: monday + b.until * MINUTE }),
            ...(b.kind === 'one-to-one' ? {} : { session: { service, start, end } }),
          };
        });
        const start = monday + slot * 30 * MINUTE;
        const end = start + duration * MINUTE;
        const offered = computeSlots({
          availability: open247,
          service: { duration, step: 1, bufferBefore: buffer, bufferAfter: buffer, seats: { service: 'svc_g', capacity } },
          busy,
          now,
          from: start,
          to: start + 1,
          displayTimeZone: 'UTC',
        }).days[0]?.slots[0];
        const seat = { session: { service: 'svc_g', start, end }, capacity };
        const interval = occupiedBy({ startAt: start, endAt: end, bufferBefore: buffer, bufferAfter: buffer });
        expect(hasRoom(interval, busy, now, seat)).toBe(offered !== undefined);
        if (offered) expect(offered.seatsLeft).toBe(capacity - seatsTaken(interval, busy, now, seat)!);
      }),
      { numRuns: 2000 },
    );
  });
});
