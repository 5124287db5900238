import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceSlots } from '../testing/reference-slots.js';
import { queryArb } from '../testing/slot-queries.js';
import { computeSlots } from './slots.js';

const DAY = 86_400_000;

describe(`computeSlots against the reference (process TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('gives the same slots as the slow Temporal reference for random schedules', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        expect(computeSlots(q).days).toEqual(referenceSlots(q));
      }),
      { numRuns: 200 },
    );
  });

  it('returns sorted slots of exact length, inside the window and notice, clear of busy times and buffers', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const s = q.service;
        const slots = computeSlots(q).days.flatMap((d) => d.slots);
        const active = q.busy.filter((b) => b.until === undefined || b.until > q.now);
        slots.forEach((slot, i) => {
          expect(slot.end - slot.start).toBe(s.duration * 60_000);
          expect(slot.start).toBeGreaterThan(q.now + (s.minNotice ?? 0) * 60_000);
          expect(slot.start >= q.from && slot.start < q.to).toBe(true);
          if (s.maxAdvanceDays !== undefined) expect(slot.start).toBeLessThanOrEqual(q.now + s.maxAdvanceDays * DAY);
          const from = slot.start - (s.bufferBefore ?? 0) * 60_000;
          const to = slot.end + (s.bufferAfter ?? 0) * 60_000;
          expect(active.some((b) => b.start < to && b.end > from)).toBe(false);
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1]!.start);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same answer at any moment before validUntil', () => {
    fc.assert(
      fc.property(queryArb, fc.double({ min: 0, max: 1, noNaN: true }), (q, fraction) => {
        const result = computeSlots(q);
        const horizon = Math.min(result.validUntil, q.now + 7 * DAY);
        const later = q.now + Math.floor((horizon - q.now - 1) * fraction);
        if (later > q.now) expect(computeSlots({ ...q, now: later }).days).toEqual(result.days);
      }),
      { numRuns: 200 },
    );
  });
});
