import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, formatEpochDay, isoInstant, isoWeekday, parseEpochDay } from './civil.js';

describe('civil dates', () => {
  it('round-trips every day from 1900 to 2200 like the JavaScript Date does', () => {
    // Mismatches collected and asserted once: 110,000 days × two `expect`s took seconds on a busy machine.
    const wrong: string[] = [];
    let checked = 0;
    for (let day = daysFromCivil(1900, 1, 1); day <= daysFromCivil(2200, 12, 31); day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (formatEpochDay(day) !== expected || parseEpochDay(expected) !== day) wrong.push(`${day}: ${expected} ↔ ${formatEpochDay(day)}, ${parseEpochDay(expected)}`);
      checked += 1;
    }
    expect(checked).toBe(109_938); // 1900-01-01 … 2200-12-31
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('knows leap days and weekdays', () => {
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatEpochDay(daysFromCivil(2100, 2, 28) + 1)).toBe('2100-03-01');
    expect(isoWeekday(parseEpochDay('2026-11-23'))).toBe(1); // a Monday
    expect(isoWeekday(parseEpochDay('2026-11-22'))).toBe(7); // a Sunday
    expect(isoWeekday(parseEpochDay('1969-12-31'))).toBe(3); // before the epoch: a Wednesday
  });

  it('writes instants as Date#toISOString does, dropping only zero milliseconds', () => {
    const slow = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const anyInstant = fc.integer({ min: -8.64e15, max: 8.64e15 });
    const wholeSeconds = fc.integer({ min: -62_200_000_000, max: 253_500_000_000 }).map((s) => s * 1000);
    fc.assert(fc.property(fc.oneof(anyInstant, wholeSeconds), (ms) => {
      expect(isoInstant(ms)).toBe(slow(ms));
    }), { numRuns: 5000 });
    for (const ms of [0, -1000, Date.UTC(0, 0, 1) - 1000, Date.UTC(9999, 11, 31, 23, 59, 59), Date.UTC(10000, 0, 1), Date.UTC(2026, 2, 9, 14), Date.UTC(2026, 2, 9, 14, 0, 0, 5)]) {
      expect(isoInstant(ms)).toBe(slow(ms));
    }
  });
});
