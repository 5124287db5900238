import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from './civil.js';
import { dateAt, fromWall, fromWallCompatible, offsetAt, startOfDate, toWall, zoneOffsets } from './zone.js';
import { offsetMsAt } from './zone-clock.js';

// The reference: Temporal's exact answers for one instant or one wall time. (Its own transition
// search steps two weeks at a time, so it is used here only to find DST edges to probe, never as
// the list of transitions.)
const offsetRef = (zone: string, epochMs: number) =>
  Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
const plain = (wall: number) => {
  const d = new Date(wall);
  return Temporal.PlainDateTime.from({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
  });
};
const wallRef = (zone: string, wall: number, disambiguation: 'compatible' | 'earlier' | 'later' | 'reject') =>
  plain(wall).toZonedDateTime(zone, { disambiguation }).epochMilliseconds;
/** Temporal's instants for a wall time: one, two in a fold, none in a gap. */
function possibleRef(zone: string, wall: number): number[] {
  try {
    return [wallRef(zone, wall, 'reject')];
  } catch {
    const [earlier, later] = [wallRef(zone, wall, 'earlier'), wallRef(zone, wall, 'later')];
    return earlier + offsetRef(zone, earlier) === wall ? [earlier, later] : [];
  }
}

// Every zone this runtime names, plus aliases a visitor's browser may still send.
const allZones = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/GMT+5', 'Etc/GMT-14', 'US/Eastern', 'Asia/Calcutta', 'Europe/Kiev', 'America/Buenos_Aires'];
const zone = fc.constantFrom(...allZones);
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2100, 11, 31);
const instant = fc.integer({ min: FROM, max: TO });

/** An instant at most two hours from one of the zone's offset changes (Temporal finds it), or anywhere when it has none. */
const nearEdge = fc
  .tuple(zone, instant, fc.oneof(fc.constantFrom(-3_600_000, -1000, -1, 0, 1, 999, 1000, 1800_000), fc.integer({ min: -7_200_000, max: 7_200_000 })))
  .map(([z, at, delta]) => {
    const next = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(z).getTimeZoneTransition('next');
    const edge = next && next.epochMilliseconds <= TO ? next.epochMilliseconds : at;
    return { zone: z, at: edge + delta };
  });

describe('zone offsets from Intl against Temporal, every IANA zone, 1970–2100', () => {
  it('reads the same offset at any instant, DST edges included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ zone, at: instant }), nearEdge), ({ zone: z, at }) => {
        const expected = offsetRef(z, at);
        expect(offsetMsAt(z, at)).toBe(expected);
        expect(offsetAt(zoneOffsets(z, at - 10 * DAY_MS, at + 4 * DAY_MS), at)).toBe(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('tables a random 14-day window whose every piece and change matches Temporal', () => {
    fc.assert(
      fc.property(zone, instant, fc.array(fc.integer({ min: -3 * DAY_MS, max: 17 * DAY_MS }), { minLength: 5, maxLength: 5 }), (z, from, probes) => {
        const table = zoneOffsets(z, from, from + 14 * DAY_MS);
        for (let i = 1; i < table.starts.length; i++) {
          expect(offsetRef(z, table.starts[i]!)).toBe(table.offsets[i]);
          expect(offsetRef(z, table.starts[i]! - 1)).toBe(table.offsets[i - 1]);
        }
        for (const probe of probes) expect(offsetAt(table, from + probe)).toBe(offsetRef(z, from + probe));
      }),
      { numRuns: 300 },
    );
  });

  it('turns wall times into the same instants: gaps skipped, folds twice, compatible forward in gaps and earlier in folds', () => {
    const wallNearEdge = nearEdge.map(({ zone: z, at }) => ({ zone: z, wall: at + offsetRef(z, at) }));
    fc.assert(
      fc.property(fc.oneof(fc.record({ zone, wall: instant }), wallNearEdge), ({ zone: z, wall }) => {
        const table = zoneOffsets(z, wall - 2 * DAY_MS, wall + 2 * DAY_MS);
        expect(fromWall(table, wall)).toEqual(possibleRef(z, wall));
        expect(fromWallCompatible(table, wall)).toBe(wallRef(z, wall, 'compatible'));
        const at = fromWallCompatible(table, wall);
        expect(toWall(table, at)).toBe(at + offsetRef(z, at));
      }),
      { numRuns: 600 },
    );
  });

  it('finds the start of a local date and the local date of an instant like Temporal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ zone, at: instant }), nearEdge), ({ zone: z, at }) => {
        const date = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(z).toPlainDate();
        expect(dateAt(z, at)).toBe(date.toString());
        expect(startOfDate(z, date.toString())).toBe(date.toZonedDateTime({ timeZone: z }).epochMilliseconds);
      }),
      { numRuns: 400 },
    );
  });
});
