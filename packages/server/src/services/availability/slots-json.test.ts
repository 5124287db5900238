import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../domain/civil.js';
import type { SlotDay } from '../../domain/slots.js';
import { answerBytes, slotList } from './slots-json.js';

/**
 * `days` written as the slots path writes them: all their slots in lists cut at `cuts` (so a date
 * may span two lists, as it spans two blocks), each date copied from its runs.
 */
function slotsBytes(head: Parameters<typeof answerBytes>[0], days: SlotDay[], cuts: number[] = []) {
  const all = days.flatMap((d) => d.slots);
  const bounds = [...new Set([0, ...cuts.map((c) => c % (all.length + 1)), all.length])].sort((x, y) => x - y);
  const lists = bounds.slice(0, -1).map((b, i) => ({ base: b, list: slotList(all.slice(b, bounds[i + 1])) }));
  let index = 0;
  return answerBytes(
    head,
    days.map((day) => {
      const first = index;
      index += day.slots.length;
      const runs = lists
        .filter(({ base, list }) => base < index && base + list.starts.length > first)
        .map(({ base, list }) => ({ list, first: Math.max(first, base) - base, end: Math.min(index, base + list.starts.length) - base }));
      return { date: day.date, runs };
    }),
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The body as JSON.stringify writes it, encoded: what `slotsBytes` must equal byte for byte. */
function expected(head: { service: string; duration: number; timeZone: string; from: string; to: string }, days: SlotDay[]) {
  const body = { ...head, days: days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), ...(s.seatsLeft === undefined ? {} : { seatsLeft: s.seatsLeft }) })) })) };
  return { body, bytes: encoder.encode(JSON.stringify(body)) };
}

describe('the slots answer as JSON bytes', () => {
  it('is exactly the UTF-8 of what JSON.stringify writes for the same body, odd strings and odd instants included, however its slots are cut into lists', () => {
    const instant = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => s * 1000), fc.integer({ min: -8.64e15, max: 8.64e15 }));
    const slot = fc.record({ start: instant, end: instant, seatsLeft: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }) }, { requiredKeys: ['start', 'end'] });
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    const day = fc.record({ date: text, slots: fc.array(slot, { maxLength: 30 }) });
    const head = fc.record({ service: text, duration: fc.integer({ min: 1, max: 1440 }), timeZone: fc.string(), from: fc.string(), to: fc.string() });
    fc.assert(
      fc.property(head, fc.array(day, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 4 }), (h, days, cuts) => {
        const { body, bytes } = expected(h, days);
        const written = slotsBytes(h, days, cuts);
        expect([...written]).toEqual([...bytes]);
        expect(JSON.parse(decoder.decode(written))).toEqual(body);
      }),
      { numRuns: 500 },
    );
  });

  it('grows past its first guess: seats on every slot, instants written the long way, a long name', () => {
    const start = Date.UTC(2026, 11, 7, 9);
    const days = Array.from({ length: 14 }, (_, d) => ({
      date: `2026-12-${String(7 + d).padStart(2, '0')}`,
      slots: Array.from({ length: 96 }, (_, i) => ({ start: start + d * 86_400_000 + i * 900_000 + 123, end: start + d * 86_400_000 + i * 900_000 + 1_800_000 + 456, seatsLeft: 1_000_000 + i })),
    }));
    for (const service of ['svc_1', 'Zoë ✓ '.repeat(3000)]) {
      const head = { service, duration: 30, timeZone: 'Europe/Berlin', from: '2026-12-07', to: '2026-12-20' };
      expect([...slotsBytes(head, days)]).toEqual([...expected(head, days).bytes]);
    }
  });
});
