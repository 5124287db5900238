import fc from 'fast-check';
import rrulePackage from 'rrule';
import { describe, expect, it } from 'vitest';
import { civilFromDays, DAY_MS, formatEpochDay, parseEpochDay } from './civil.js';
import { DEFAULT_MAX_STEPS, expandRule, HORIZON_DAYS, rruleProblem } from './recurrence.js';

const { RRule } = rrulePackage;
const day = parseEpochDay;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Most steps a window of up to 64 days may cost when no COUNT has to be counted down, wherever the anchor is. */
const WINDOW_STEPS = 1500;

/**
 * Plain rrule, as `occurrenceDays` used it before: the reference. rrule cannot be stopped from
 * outside, so the test stops it after `maxPeriods` periods by reading its options: its loop reads
 * `options.interval` twice a period and ends when it reads 0. `undefined` when it was stopped.
 */
function reference(rule: string, anchor: number, first: number, last: number, maxPeriods = 2000): number[] | undefined {
  let recurrence: InstanceType<typeof RRule>;
  try {
    recurrence = new RRule({ ...RRule.parseString(rule.toUpperCase()), dtstart: new Date(anchor * DAY_MS) }, true);
  } catch {
    return []; // rrule refuses to build it: no days
  }
  const options = recurrence.options as unknown as Record<string, unknown>;
  const interval = options.interval;
  // A year's period costs rrule about ten times a day's.
  if (options.freq === RRule.YEARLY) maxPeriods = Math.ceil(maxPeriods / 10);
  let reads = 0;
  Object.defineProperty(options, 'interval', { get: () => (++reads > 2 * maxPeriods ? 0 : interval) });
  const dates = recurrence.between(new Date(first * DAY_MS), new Date(last * DAY_MS), true);
  if (reads > 2 * maxPeriods) return undefined;
  return [...new Set(dates.map((d) => Math.floor(d.getTime() / DAY_MS)))].sort((a, b) => a - b);
}

const sometimes = <T,>(arb: fc.Arbitrary<T>, weight = 3) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 - weight }, { arbitrary: arb, weight });
const list = (arb: fc.Arbitrary<string>, maxLength = 3) => fc.array(arb, { minLength: 1, maxLength }).map((items) => items.join(','));
const ints = (min: number, max: number, maxLength = 3) => list(fc.integer({ min, max }).map(String), maxLength);
const untilText = (d: number, time: boolean) => formatEpochDay(d).replaceAll('-', '') + (time ? 'T235959Z' : '');

// ── Anything at all, as text stored before there was validation might be ───────────────────────

const wildValue = fc.constantFrom('', 'abc', '1.5', '99999999999', '-0', '+3', '1,', ',');
const wildPart = fc.oneof(
  fc.tuple(fc.constant('INTERVAL'), fc.oneof(fc.integer({ min: -5, max: 1000 }).map(String), wildValue)),
  fc.tuple(fc.constant('COUNT'), fc.oneof(fc.integer({ min: -5, max: 1_000_000_000 }).map(String), wildValue)),
  fc.tuple(fc.constant('UNTIL'), fc.oneof(fc.tuple(fc.integer({ min: day('0001-01-01'), max: day('9999-12-31') }), fc.boolean()).map(([d, t]) => untilText(d, t)), wildValue)),
  fc.tuple(fc.constant('BYDAY'), list(fc.tuple(sometimes(fc.integer({ min: -99, max: 99 }), 5), fc.constantFrom(...WEEKDAYS)).map(([n, d]) => `${n ?? ''}${d}`), 5)),
  fc.tuple(fc.constant('BYMONTH'), fc.oneof(ints(-2, 14, 5), wildValue)),
  fc.tuple(fc.constant('BYMONTHDAY'), fc.oneof(ints(-40, 40, 5), wildValue)),
  fc.tuple(fc.constant('BYYEARDAY'), fc.oneof(ints(-400, 400, 5), wildValue)),
  fc.tuple(fc.constant('BYWEEKNO'), fc.oneof(ints(-60, 60, 5), wildValue)),
  fc.tuple(fc.constant('BYSETPOS'), fc.oneof(ints(-400, 400, 5), wildValue)),
  fc.tuple(fc.constant('WKST'), fc.constantFrom(...WEEKDAYS, 'XX')),
  fc.tuple(fc.constantFrom('BYHOUR', 'BYEASTER', 'TZID', 'DTSTART', 'X'), fc.constantFrom('1', '0', '-3', 'UTC', '20260101')),
);
const wildRule = fc
  .tuple(
    fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'SECONDLY', 'FORTNIGHTLY'),
    fc.uniqueArray(wildPart, { selector: ([key]) => key, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([freq, parts, lower]) => {
    const text = [`FREQ=${freq}`, ...parts.map(([key, value]) => `${key}=${value}`)].join(';');
    return lower ? text.toLowerCase() : text;
  });
/** Anchors anywhere from the year 1 to 9999; windows of 1–64 days (the slot engine asks ≤ 64) from 1900 to 2200. */
const anyAnchor = fc.integer({ min: day('0001-01-01'), max: day('9999-12-31') });
const anyWindow = fc.tuple(fc.integer({ min: day('1900-01-01'), max: day('2200-12-31') }), fc.integer({ min: 1, max: 64 }));

// Generous timeouts: these run many cases, and the suite shares two cores with everything else.
describe('expansion cost, counted in steps (never timed)', { timeout: 30_000 }, () => {
  it('never spends more than the step budget, and returns ordered days inside the window', () => {
    fc.assert(
      fc.property(wildRule, anyAnchor, anyWindow, (rule, anchor, [first, length]) => {
        const last = first + length - 1;
        const e = expandRule(rule, anchor, first, last);
        expect(e.steps).toBeLessThanOrEqual(DEFAULT_MAX_STEPS);
        expect(e.days.length).toBeLessThanOrEqual(length);
        e.days.forEach((d, i) => {
          expect(d >= first && d <= last).toBe(true);
          if (i > 0) expect(d).toBeGreaterThan(e.days[i - 1]!);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('costs the same few steps however far away the anchor is, when there is no COUNT to count down', () => {
    let largest = 0;
    fc.assert(
      fc.property(wildRule.filter((r) => !/count=/i.test(r)), anyAnchor, anyWindow, (rule, anchor, [first, length]) => {
        const e = expandRule(rule, anchor, first, first + length - 1);
        largest = Math.max(largest, e.steps);
        expect(e.steps).toBeLessThanOrEqual(WINDOW_STEPS);
        expect(e.complete).toBe(true);
      }),
      { numRuns: 1500 },
    );
    expect(largest).toBeGreaterThan(100); // the generator does reach the expensive rules
  });

  it('keeps to any smaller budget and occurrence cap it is given', () => {
    fc.assert(
      fc.property(wildRule, anyAnchor, anyWindow, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 10 }), (rule, anchor, [first, length], maxSteps, maxOccurrences) => {
        const e = expandRule(rule, anchor, first, first + length - 1, { maxSteps, maxOccurrences });
        expect(e.steps).toBeLessThanOrEqual(maxSteps);
        expect(e.days.length).toBeLessThanOrEqual(maxOccurrences);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the clock passed in at most once per 256 steps, and stops once it says the time is up', () => {
    fc.assert(
      fc.property(wildRule, anyAnchor, anyWindow, fc.integer({ min: 0, max: 20 }), (rule, anchor, [first, length], maxMs) => {
        let reads = 0;
        const clock = () => reads++; // one ms per reading
        const e = expandRule(rule, anchor, first, first + length - 1, { clock, maxMs });
        expect(reads).toBeLessThanOrEqual(1 + Math.ceil(e.steps / 256));
        expect(reads).toBeLessThanOrEqual(maxMs + 2);
      }),
      { numRuns: 300 },
    );
  });

  it('validates anything without throwing, answering a sentence or nothing', () => {
    fc.assert(
      fc.property(wildRule, anyAnchor, fc.integer({ min: day('2000-01-01'), max: day('2100-12-31') }), (rule, anchor, today) => {
        const problem = rruleProblem(rule, anchor, today);
        if (problem) expect(problem.message).toMatch(/^\S.*[.]$/s);
      }),
      { numRuns: 1000 },
    );
  });
});

// ── Rules as specialists write them, with some out-of-range values and odd mixtures ───────────

interface Spec {
  freq: string;
  interval?: number | undefined;
  count?: number | undefined;
  /** Days after the anchor that UNTIL falls on. */
  until?: [offset: number, time: boolean] | undefined;
  byday?: string | undefined;
  bymonth?: string | undefined;
  bymonthday?: string | undefined;
  byyearday?: string | undefined;
  byweekno?: string | undefined;
  bysetpos?: string | undefined;
  wkst?: string | undefined;
}

const weekday = fc.constantFrom(...WEEKDAYS);
const spec: fc.Arbitrary<Spec> = fc.record({
  freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
  interval: sometimes(fc.integer({ min: 1, max: 4 })),
  count: sometimes(fc.integer({ min: 1, max: 40 }), 2),
  until: sometimes(fc.tuple(fc.integer({ min: -30, max: 900 }), fc.boolean()), 2),
  byday: sometimes(
    fc.oneof(
      list(weekday, 4),
      list(fc.tuple(fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0), weekday).map(([n, d]) => `${n}${d}`), 3),
      list(fc.tuple(fc.integer({ min: -53, max: 53 }).filter((n) => n !== 0), weekday).map(([n, d]) => `${n}${d}`), 2),
      list(fc.oneof(weekday, fc.tuple(fc.integer({ min: 1, max: 6 }), weekday).map(([n, d]) => `${n}${d}`)), 3),
    ),
    4,
  ),
  bymonth: sometimes(fc.oneof({ arbitrary: ints(1, 12), weight: 5 }, { arbitrary: ints(0, 13), weight: 1 })),
  bymonthday: sometimes(fc.oneof({ arbitrary: ints(-31, 31).filter((v) => !/(^|,)0(,|$)/.test(v)), weight: 5 }, { arbitrary: ints(-33, 33), weight: 1 })),
  byyearday: sometimes(ints(-366, 366).filter((v) => !/(^|,)0(,|$)/.test(v)), 1),
  byweekno: sometimes(fc.oneof({ arbitrary: ints(-53, 53).filter((v) => !/(^|,)0(,|$)/.test(v)), weight: 5 }, { arbitrary: ints(-55, 55), weight: 1 }), 2),
  bysetpos: sometimes(list(fc.integer({ min: -10, max: 10 }).filter((n) => n !== 0).map(String), 3), 2),
  wkst: sometimes(weekday, 2),
});

function render(s: Spec, anchor: number): string {
  const parts = [`FREQ=${s.freq}`];
  if (s.interval) parts.push(`INTERVAL=${s.interval}`);
  if (s.count) parts.push(`COUNT=${s.count}`);
  else if (s.until) parts.push(`UNTIL=${untilText(anchor + s.until[0], s.until[1])}`);
  for (const key of ['byday', 'bymonth', 'bymonthday', 'byyearday', 'byweekno', 'bysetpos', 'wkst'] as const) {
    if (s[key] !== undefined) parts.push(`${key.toUpperCase()}=${s[key]}`);
  }
  return parts.join(';');
}

const anchorNow = fc.integer({ min: day('1990-01-01'), max: day('2060-12-31') });

describe('expansion gives exactly the days plain rrule gives', { timeout: 60_000 }, () => {
  it('for any window after any realistic anchor, BY parts in and out of range', () => {
    let compared = 0;
    const runs = 600;
    fc.assert(
      fc.property(spec, anchorNow, fc.integer({ min: -100, max: 1200 }), fc.integer({ min: 1, max: 64 }), (s, anchor, offset, length) => {
        const rule = render(s, anchor);
        const first = anchor + offset;
        const last = first + length - 1;
        const expected = reference(rule, anchor, first, last);
        if (expected === undefined) return; // rrule itself did not finish in time: nothing to compare
        compared++;
        const e = expandRule(rule, anchor, first, last);
        expect({ rule, days: e.days.map(formatEpochDay) }).toEqual({ rule, days: expected.map(formatEpochDay) });
        expect(e.complete).toBe(true);
      }),
      { numRuns: runs },
    );
    expect(compared).toBeGreaterThan(runs / 2);
  });

  it('for week numbers around every New Year of a 28-year cycle, with every WKST', () => {
    // rrule's week-number mask has corners (the last week of the year before, weeks across New
    // Year) that random rules seldom reach: all of them, exhaustively.
    const weeks = ['1', '-1', '52', '53', '1,53', '-1,52', '-2,2'];
    let compared = 0;
    for (let year = 2000; year <= 2028; year++) {
      const anchor = day(`${year - 1}-12-01`);
      const [first, last] = [day(`${year - 1}-12-20`), day(`${year}-01-15`)];
      for (const wkst of WEEKDAYS) {
        for (const byweekno of weeks) {
          for (const freq of ['YEARLY', 'WEEKLY']) {
            const rule = `FREQ=${freq};BYWEEKNO=${byweekno};WKST=${wkst}`;
            const expected = reference(rule, anchor, first, last, 100_000);
            expect({ rule, year, days: expandRule(rule, anchor, first, last).days }).toEqual({ rule, year, days: expected });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(29 * 7 * 7 * 2);
  });

  it('for the rules the slot engine’s own tests use, over many windows', () => {
    const rules = ['FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', 'FREQ=DAILY;INTERVAL=3', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=WEEKLY;BYDAY=SU;COUNT=2', 'FREQ=MONTHLY;BYDAY=1MO', 'FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'];
    fc.assert(
      fc.property(fc.constantFrom(...rules), anchorNow, fc.integer({ min: -20, max: 800 }), fc.integer({ min: 1, max: 64 }), (rule, anchor, offset, length) => {
        const first = anchor + offset;
        expect(expandRule(rule, anchor, first, first + length - 1).days).toEqual(reference(rule, anchor, first, first + length - 1, 100_000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('what validation accepts', { timeout: 60_000 }, () => {
  it('occurs within two years (a leap-day rule by its next 29 February), and expands as rrule does', () => {
    let accepted = 0;
    const runs = 600;
    fc.assert(
      fc.property(spec, fc.integer({ min: day('2000-01-01'), max: day('2050-12-31') }), fc.integer({ min: -3650, max: HORIZON_DAYS }), (s, today, offset) => {
        const anchor = today + offset;
        const rule = render(s, anchor);
        const problem = rruleProblem(rule, anchor, today);
        if (problem) return;
        accepted++;
        const soon = expandRule(rule, anchor, today, today + HORIZON_DAYS, { maxOccurrences: 1000 });
        expect(soon.complete).toBe(true);
        if (soon.days.length === 0) {
          const next = expandRule(rule, anchor, today + HORIZON_DAYS + 1, today + 8 * 366).days[0];
          expect(next === undefined ? undefined : civilFromDays(next)).toMatchObject({ month: 2, day: 29 });
        }
        const expected = reference(rule, anchor, today, today + 63, 10_000);
        if (expected) expect(expandRule(rule, anchor, today, today + 63).days).toEqual(expected);
      }),
      { numRuns: runs },
    );
    expect(accepted).toBeGreaterThan(runs / 10);
  });
});
