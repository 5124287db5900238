import { describe, expect, it } from 'vitest';
import { formatEpochDay, parseEpochDay } from './civil.js';
import { DEFAULT_MAX_STEPS, expandRule, occurrenceDays, rruleProblem } from './recurrence.js';

const day = parseEpochDay;
const TODAY = day('2026-06-01');
const dates = (days: number[]) => days.map(formatEpochDay);
/** The problem with `rule` started today, as the message only (undefined when accepted). */
const problem = (rule: string, anchor = TODAY, today = TODAY) => rruleProblem(rule, anchor, today)?.message;

describe('rruleProblem: rules a specialist may save', () => {
  it.each([
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA',
    'FREQ=MONTHLY;BYDAY=1MO',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'RRULE:FREQ=DAILY;INTERVAL=3',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=WEEKLY;BYDAY=SU;COUNT=2',
    'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231',
    'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;WKST=SU',
    'freq=weekly;byday=sa',
  ])('accepts %s', (rule) => {
    expect(rruleProblem(rule, TODAY, TODAY)).toBeUndefined();
  });

  it('accepts a leap-day rule even when the next 29 February is more than two years away', () => {
    const today = day('2025-12-05'); // next 29 February: 2028-02-29, 816 days on
    expect(problem('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', today, today)).toBeUndefined();
    expect(problem('FREQ=YEARLY;BYYEARDAY=60;BYMONTH=2', today, today)).toBeUndefined();
  });

  it('accepts a start date in the past when the rule still has dates ahead', () => {
    expect(problem('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', day('2020-01-04'))).toBeUndefined();
  });
});

describe('rruleProblem: rules refused, with the reason in the sentence', () => {
  it.each([
    // Refused before this change, with the same sentences.
    ['FREQ=HOURLY', 'Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; the hours are set separately.'],
    ['FREQ=DAILY;BYHOUR=9', 'Leave BYHOUR/BYMINUTE/BYSECOND out; the hours are set separately.'],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', 'Give only the RRULE part (e.g. FREQ=WEEKLY;BYDAY=SA); the start date is a separate field.'],
    ['BYDAY=SA', 'An RRULE needs FREQ, e.g. FREQ=WEEKLY;BYDAY=SA.'],
    ['every saturday', 'Write the rule without spaces, like FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.'],
    ['saturdays', '"saturdays" is not an RRULE; write it like FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.'],
    // Text rrule reads differently from what it says, or not at all.
    ['FREQ=WEEKLY;BYDAY=SA;', '"" in FREQ=WEEKLY;BYDAY=SA; is not a NAME=VALUE part; separate parts with ";" as in FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.'],
    ['FREQ=WEEKLY;BYWEEKDAY=SA', 'BYWEEKDAY is not an RRULE part; use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS or WKST.'],
    ['FREQ=WEEKLY;BYDAY=SA;BYDAY=SU', 'BYDAY appears twice in FREQ=WEEKLY;BYDAY=SA;BYDAY=SU; give each part once.'],
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY is not a frequency; use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.'],
    ['FREQ=DAILY;TZID=Europe/Paris', 'Leave TZID out: a rule follows the time zone of your profile.'],
    ['FREQ=YEARLY;BYEASTER=0', 'BYEASTER is not part of the RRULE standard; add Easter as a date override instead.'],
    // Intervals and counts.
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL=0 would never move on to a next day: it counts the days from one occurrence to the next, so use 1 or more (INTERVAL=2 is every other day).'],
    ['FREQ=WEEKLY;INTERVAL=-2;BYDAY=SA', 'INTERVAL=-2 would never move on to a next week: it counts the weeks from one occurrence to the next, so use 1 or more (INTERVAL=2 is every other week).'],
    ['FREQ=WEEKLY;INTERVAL=1.5', 'INTERVAL=1.5 is not a whole number; INTERVAL=2 means every other week.'],
    ['FREQ=DAILY;INTERVAL=5000', 'INTERVAL=5000 puts more than 1000 days between occurrences; use at most 1000, or add single dates as overrides.'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0 would give no date at all; leave COUNT out to repeat without end.'],
    ['FREQ=DAILY;COUNT=1000000000', 'COUNT=1000000000 is more than the 1000 occurrences a rule may have; leave COUNT out to repeat without end, or end the rule on a date with UNTIL=YYYYMMDD.'],
    ['FREQ=DAILY;UNTIL=00500101', 'FREQ=DAILY;UNTIL=00500101 ends (UNTIL) before its start date 2026-06-01, so it never occurs.'],
    ['FREQ=DAILY;COUNT=100000', 'COUNT=100000 is more than the 1000 occurrences a rule may have; leave COUNT out to repeat without end, or end the rule on a date with UNTIL=YYYYMMDD.'],
    ['FREQ=DAILY;COUNT=5;UNTIL=20261231', 'Use COUNT or UNTIL, not both: each one ends the rule.'],
    ['FREQ=DAILY;UNTIL=20260230', 'UNTIL=20260230 is not a date; write the last day as YYYYMMDD, e.g. UNTIL=20261231.'],
    // Values out of range.
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH=13 is not a month: use 1 (January) to 12 (December).'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY=32 is not a day of the month: use 1 to 31, or -1 to -31 counted from the end of the month (-1 is its last day).'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0 is not a day of the month: use 1 to 31, or -1 to -31 counted from the end of the month (-1 is its last day).'],
    ['FREQ=YEARLY;BYYEARDAY=367', 'BYYEARDAY=367 is not a day of the year: use 1 to 366, or -1 to -366 counted from the end of the year.'],
    ['FREQ=YEARLY;BYWEEKNO=54', 'BYWEEKNO=54 is not a week of the year: use 1 to 53, or -1 to -53 counted from the end of the year.'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'BYSETPOS=0 is not a position: use 1 for the first matching day of each month, 2 for the second…, or -1 for the last.'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX is not a weekday: use MO, TU, WE, TH, FR, SA or SU, numbered like 1MO (first Monday) or -1FR (last Friday) with FREQ=MONTHLY or YEARLY.'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'BYDAY=0MO: there is no 0th Monday; use 1MO for the first or -1MO for the last.'],
    ['FREQ=WEEKLY;WKST=XX', 'WKST=XX is not a weekday; use MO, TU, WE, TH, FR, SA or SU.'],
    // Combinations that do not go together.
    ['FREQ=WEEKLY;BYDAY=2MO', 'BYDAY=2MO numbers the Mondays of a month or a year, so it needs FREQ=MONTHLY or FREQ=YEARLY; with FREQ=WEEKLY write MO.'],
    ['FREQ=MONTHLY;BYDAY=MO,1TU', 'BYDAY=MO,1TU mixes plain weekdays with numbered ones, which one rule cannot hold; save two rules, one with each (e.g. BYDAY=MO and BYDAY=1TU).'],
    ['FREQ=YEARLY;BYWEEKNO=10;BYDAY=1MO', 'A numbered weekday (1MO) cannot go with BYWEEKNO; write MO for every Monday of those weeks.'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY does not go with FREQ=WEEKLY; for days of the month use FREQ=MONTHLY;BYMONTHDAY=1.'],
    ['FREQ=MONTHLY;BYYEARDAY=100', 'BYYEARDAY needs FREQ=YEARLY: it counts the days of a year.'],
    ['FREQ=MONTHLY;BYWEEKNO=20', 'BYWEEKNO needs FREQ=YEARLY: it counts the weeks of a year.'],
    ['FREQ=DAILY;BYSETPOS=1;BYDAY=MO', 'BYSETPOS picks among the matching days of each week, month or year; with FREQ=DAILY there is only one day to pick from.'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS picks among the days the other BY… parts give, so it needs one of them, e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 for the last weekday of each month.'],
    // Rules that never occur, and why.
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 never occurs: February has no 30th.'],
    ['FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31', 'FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31 never occurs: none of April or June has a 31st.'],
    ['FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30,-31', 'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-30,-31 never occurs: February has no 30th-to-last day or 31st-to-last day.'],
    ['FREQ=MONTHLY;BYDAY=6FR', 'BYDAY=6FR never occurs: a month has at most 5 Fridays.'],
    ['FREQ=YEARLY;BYDAY=54SU', 'BYDAY=54SU never occurs: a year has at most 53 Sundays.'],
    ['FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=15', 'FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=15 never occurs: the 1st Monday of a month is always between the 1st and the 7th, never the 15th.'],
    ['FREQ=MONTHLY;BYDAY=-1FR;BYMONTHDAY=1,2', 'FREQ=MONTHLY;BYDAY=-1FR;BYMONTHDAY=1,2 never occurs: the last Friday of a month is always among its last 7 days, never the 1st or the 2nd.'],
    ['FREQ=YEARLY;BYYEARDAY=1;BYMONTH=6', 'FREQ=YEARLY;BYYEARDAY=1;BYMONTH=6 never occurs: BYYEARDAY=1 falls in January, never in June.'],
    ['FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', 'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2 never occurs: BYSETPOS=2 asks for the 2nd matching day of each week, but no week has more than 1.'],
    ['FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6', 'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6 has no date in the next 8 years: a date must meet every BY… part at once (BYMONTH and BYWEEKNO here), and no day before 2034-06-08 meets them all.'],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO has no date in the next 8 years: a date must meet every BY… part at once (BYMONTH, BYMONTHDAY and BYDAY here), and no day before 2034-06-08 meets them all.'],
    ['FREQ=WEEKLY;INTERVAL=2;BYMONTH=2;BYDAY=MO;BYSETPOS=2', 'FREQ=WEEKLY;INTERVAL=2;BYMONTH=2;BYDAY=MO;BYSETPOS=2 never occurs: BYSETPOS=2 asks for the 2nd matching day of each week, but no week has more than 1.'],
    // Negative positions past the set: rrule would quietly give the first day instead.
    ['FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=-3', 'FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=-3: BYSETPOS=-3 asks for the 3rd-to-last matching day of each week, but the week from 2026-06-01 has only 2; use positions every week has.'],
  ])('refuses %s', (rule, message) => {
    expect(rruleProblem(rule, TODAY, TODAY)).toEqual({ field: 'rrule', message });
  });

  it('says when a YEARLY rule takes an impossible day from its start date', () => {
    // rrule fills the day of the month from the start date: 30 February.
    expect(problem('FREQ=YEARLY;BYMONTH=2', day('2026-01-30'))).toBe(
      'FREQ=YEARLY;BYMONTH=2 never occurs (its day of the month comes from the start date, 2026-01-30): February has no 30th.',
    );
  });

  it('refuses a rule whose next date is more than two years away', () => {
    expect(problem('FREQ=YEARLY;INTERVAL=5', day('2025-04-27'))).toBe(
      'FREQ=YEARLY;INTERVAL=5 next occurs on 2030-04-27, more than two years from now; choose a start date or a rule that brings a date sooner.',
    );
  });

  it('refuses rules that have ended, by UNTIL or by COUNT', () => {
    expect(problem('FREQ=DAILY;UNTIL=20260101', day('2025-12-01'))).toBe('FREQ=DAILY;UNTIL=20260101 ended on 2026-01-01 (UNTIL), before today; give a later UNTIL or leave it out.');
    expect(problem('FREQ=DAILY;UNTIL=20260101', day('2026-02-01'))).toBe('FREQ=DAILY;UNTIL=20260101 ends (UNTIL) before its start date 2026-02-01, so it never occurs.');
    expect(problem('FREQ=WEEKLY;BYDAY=SU;COUNT=2', day('2026-02-20'))).toBe('FREQ=WEEKLY;BYDAY=SU;COUNT=2 has used up its 2 dates (the last on 2026-03-01); raise COUNT or leave it out.');
  });

  it('refuses start dates absurdly far from today, naming the anchor field', () => {
    expect(rruleProblem('FREQ=DAILY', day('0001-01-01'), TODAY)).toEqual({
      field: 'anchor',
      message: 'The start date 0001-01-01 is more than 10 years ago; give the date the rule starts from, e.g. its next date (any date in step with the rule keeps the same days).',
    });
    expect(rruleProblem('FREQ=DAILY', day('2030-01-01'), TODAY)).toEqual({ field: 'anchor', message: 'The start date 2030-01-01 is more than two years away; add the rule closer to the time.' });
  });
});

describe('occurrenceDays: the same days as before for ordinary rules', () => {
  it('gives every other Saturday from the anchor, in phase however far back the anchor is', () => {
    const days = occurrenceDays('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', day('2026-10-17'), day('2026-10-01'), day('2026-11-30'));
    expect(dates(days)).toEqual(['2026-10-17', '2026-10-31', '2026-11-14', '2026-11-28']);
    const longAgo = day('2026-10-17') - 14 * 2609; // 2609 fortnights earlier
    expect(formatEpochDay(longAgo)).toBe('1926-10-16');
    const fromLongAgo = occurrenceDays('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', longAgo, day('2026-10-01'), day('2026-11-30'));
    expect(dates(fromLongAgo)).toEqual(['2026-10-03', '2026-10-17', '2026-10-31', '2026-11-14', '2026-11-28']);
  });

  it('gives the first Monday, the last day and 29 February', () => {
    expect(dates(occurrenceDays('FREQ=MONTHLY;BYDAY=1MO', day('2026-01-01'), day('2026-06-01'), day('2026-07-31')))).toEqual(['2026-06-01', '2026-07-06']);
    expect(dates(occurrenceDays('FREQ=MONTHLY;BYMONTHDAY=-1', day('2026-01-01'), day('2026-01-15'), day('2026-03-15')))).toEqual(['2026-01-31', '2026-02-28']);
    expect(dates(occurrenceDays('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', day('2026-01-01'), day('2028-02-01'), day('2028-03-31')))).toEqual(['2028-02-29']);
  });

  it('counts COUNT from the anchor and stops at UNTIL', () => {
    expect(dates(occurrenceDays('FREQ=WEEKLY;BYDAY=SU;COUNT=2', day('2026-03-02'), day('2026-03-01'), day('2026-03-31')))).toEqual(['2026-03-08', '2026-03-15']);
    expect(dates(occurrenceDays('FREQ=DAILY;UNTIL=20260303', day('2026-03-01'), day('2026-03-01'), day('2026-03-31')))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
  });

  it('has no day before its anchor', () => {
    expect(occurrenceDays('FREQ=DAILY', day('2026-03-10'), day('2026-03-01'), day('2026-03-09'))).toEqual([]);
  });
});

describe('expandRule: bounded whatever the stored text', () => {
  const window = [day('2026-06-01'), day('2026-08-02')] as const; // 63 days, as the slot engine asks

  it('skips to the window instead of walking from an anchor in the year 1', () => {
    const e = expandRule('FREQ=DAILY', day('0001-01-01'), ...window);
    expect(e.days).toHaveLength(63);
    expect(e.complete).toBe(true);
    expect(e.steps).toBeLessThan(200);
  });

  it('gives nothing, cheaply, for a rule that never occurs (rrule walks to the year 9999)', () => {
    const e = expandRule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', day('2025-01-01'), ...window);
    expect(e).toEqual({ days: [], steps: expect.any(Number), complete: true });
    expect(e.steps).toBeLessThan(200);
  });

  it('gives nothing for a negative or zero INTERVAL (rrule walks backwards for ever on a negative one)', () => {
    expect(expandRule('FREQ=DAILY;INTERVAL=-1', day('2026-01-01'), ...window)).toEqual({ days: [], steps: 0, complete: true });
    expect(expandRule('FREQ=WEEKLY;INTERVAL=0', day('2026-01-01'), ...window)).toEqual({ days: [], steps: 0, complete: true });
  });

  it('treats a COUNT too large to run out before the window as no COUNT', () => {
    const e = expandRule('FREQ=DAILY;COUNT=1000000000', day('0001-01-01'), ...window);
    expect(e.days).toHaveLength(63);
    expect(e.steps).toBeLessThan(200);
  });

  it('stops at the step budget when a COUNT must be counted down from far back', () => {
    const e = expandRule('FREQ=DAILY;COUNT=40000;BYMONTH=2;BYMONTHDAY=30', day('1900-01-01'), ...window);
    expect(e).toEqual({ days: [], steps: expect.any(Number), complete: false });
    expect(e.steps).toBeLessThanOrEqual(DEFAULT_MAX_STEPS);
    const small = expandRule('FREQ=DAILY;COUNT=40000', day('1900-01-01'), ...window, { maxSteps: 500 });
    expect(small.complete).toBe(false);
    expect(small.steps).toBeLessThanOrEqual(500);
  });

  it('stops when the clock passed in says the time is up', () => {
    let now = 0;
    const clock = () => (now += 1_000); // every reading is a second later
    const e = expandRule('FREQ=DAILY;COUNT=40000', day('1900-01-01'), ...window, { clock, maxMs: 1_500 });
    expect(e.complete).toBe(false);
    expect(e.steps).toBeLessThanOrEqual(2 * 256); // the first or second reading ends it
  });

  it('returns at most maxOccurrences days', () => {
    const e = expandRule('FREQ=DAILY', day('2026-01-01'), ...window, { maxOccurrences: 10 });
    expect(e.days).toHaveLength(10);
    expect(e.complete).toBe(false);
  });

  it('gives nothing, without throwing, for text rrule cannot read', () => {
    for (const text of ['saturdays', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=WEEKLY;INTERVAL=abc', 'FREQ=HOURLY', 'FREQ=DAILY;BYHOUR=9', 'FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', 'x'.repeat(5000)]) {
      expect(expandRule(text, day('2026-01-01'), ...window)).toEqual({ days: [], steps: 0, complete: true });
    }
  });

  it('reads lowercase text as rrule would read it in capitals', () => {
    expect(occurrenceDays('freq=weekly;byday=sa', day('2026-06-01'), ...window)).toEqual(occurrenceDays('FREQ=WEEKLY;BYDAY=SA', day('2026-06-01'), ...window));
  });
});
