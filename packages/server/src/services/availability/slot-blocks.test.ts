import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../domain/civil.js';
import { computeSlots, type SlotQuery } from '../../domain/slots.js';
import { queryArb } from '../../testing/slot-queries.js';
import { answerBytes, slotList } from './slots-json.js';
import { blocksOf, blockWindow, daysIn, flatSlots } from './slot-blocks.js';

const HOUR = 3_600_000;
const head = { service: 'svc', duration: 30, timeZone: 'Z', from: 'a', to: 'b' };

/** The answer's body as the engine gives it for the window itself. */
const direct = (q: SlotQuery) =>
  computeSlots(q).days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), ...(s.seatsLeft === undefined ? {} : { seatsLeft: s.seatsLeft }) })) }));

/** The answer's body from the engine run on each of `windows` (consecutive, covering `q`'s), cut and grouped by `daysIn`. */
function fromBlocks(q: SlotQuery, windows: { from: number; to: number }[]) {
  const results = windows.map((w) => computeSlots({ ...q, ...w, displayTimeZone: q.availability.timeZone }));
  const lists = results.map((r) => slotList(flatSlots(r.days)));
  const bytes = answerBytes(head, daysIn(lists, q.from, q.to, q.displayTimeZone));
  return { days: (JSON.parse(new TextDecoder().decode(bytes)) as { days: unknown }).days, validUntil: Math.min(...results.map((r) => r.validUntil)) };
}

describe('slots answered from blocks', () => {
  it('gives exactly the engine’s days for the window, in the visitor’s zone, from the 16-day blocks it overlaps', () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: -20, max: 20 }), (q, shift) => {
        // Shifted by whole days, so windows fall across block boundaries too.
        const moved = { ...q, from: q.from + shift * 24 * HOUR, to: q.to + shift * 24 * HOUR };
        const got = fromBlocks(moved, blocksOf(moved.from, moved.to).map(blockWindow));
        expect(got.days).toEqual(direct(moved));
        // Kept no longer than the window's own answer stays true.
        expect(got.validUntil).toBeLessThanOrEqual(computeSlots(moved).validUntil);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same days however the time is cut into blocks: mid-day, inside a DST change, at a slot’s start', () => {
    fc.assert(
      fc.property(queryArb, fc.array(fc.integer({ min: -48 * 4, max: 6 * 24 * 4 }), { minLength: 1, maxLength: 4 }), (q, quarters) => {
        const cuts = [...new Set(quarters.map((n) => q.from + n * 15 * 60_000))].sort((x, y) => x - y);
        const edges = [Math.min(q.from, cuts[0]!) - 24 * HOUR, ...cuts, Math.max(q.to, cuts.at(-1)!) + 24 * HOUR];
        const windows = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]! }));
        expect(fromBlocks(q, windows).days).toEqual(direct(q));
      }),
      { numRuns: 300 },
    );
  });

  it('names the blocks a window overlaps, and only those', () => {
    const block = 16 * 24 * HOUR;
    expect(blocksOf(3 * block, 4 * block)).toEqual([3]);
    expect(blocksOf(3 * block - 1, 4 * block + 1)).toEqual([2, 3, 4]);
    expect(blocksOf(3 * block + 5, 3 * block + 6)).toEqual([3]);
    expect(blockWindow(3)).toEqual({ from: 3 * block, to: 4 * block });
  });
});
