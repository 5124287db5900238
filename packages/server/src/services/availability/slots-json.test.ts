import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../domain/civil.js';
import { slotsJson, utf8 } from './slots-json.js';

describe('the slots answer as JSON', () => {
  it('is exactly what JSON.stringify writes for the same body, odd strings and odd instants included', () => {
    const instant = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => s * 1000), fc.integer({ min: -8.64e15, max: 8.64e15 }));
    const slot = fc.record({ start: instant, end: instant, seatsLeft: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }) }, { requiredKeys: ['start', 'end'] });
    const day = fc.record({ date: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), slots: fc.array(slot, { maxLength: 30 }) });
    const head = fc.record({ service: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), duration: fc.integer({ min: 1, max: 1440 }), timeZone: fc.string(), from: fc.string(), to: fc.string() });
    fc.assert(
      fc.property(head, fc.array(day, { maxLength: 8 }), (h, days) => {
        const body = { ...h, days: days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), ...(s.seatsLeft === undefined ? {} : { seatsLeft: s.seatsLeft }) })) })) };
        expect(slotsJson(h, days)).toBe(JSON.stringify(body));
        expect(JSON.parse(slotsJson(h, days))).toEqual(body);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the slots answer as bytes', () => {
  it('is the UTF-8 of the text, whatever characters it holds', () => {
    const encoder = new TextEncoder();
    for (const text of ['', '{"service":"svc_1","days":[]}', '{"service":"Zoë"}', 'Ünïcødé ✓ 🧘', 'a\uD800b', 'x'.repeat(70_000) + 'é']) {
      expect([...utf8(text)]).toEqual([...encoder.encode(text)]);
    }
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect([...utf8(text)]).toEqual([...encoder.encode(text)]);
      }),
      { numRuns: 500 },
    );
  });
});
