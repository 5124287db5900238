import * as rrulePackage from 'rrule';
import { civilFromDays, DAY_MS, daysFromCivil, formatEpochDay } from './civil.js';

// rrule ships CommonJS for Node (its named exports reachable only through the default export) and
// ES modules for bundlers (named exports, no default): the Workers build reads the latter.
const { RRule } = 'RRule' in rrulePackage ? rrulePackage : (Reflect.get(rrulePackage, 'default') as typeof rrulePackage);

/*
 * Recurring availability: RRULE bodies of whole days, anchored at a local date.
 *
 * rrule parses and normalises the text (its `parseString` and the options of `new RRule`), but its
 * iterator is not used to expand: it walks one period at a time from DTSTART and stops only at an
 * occurrence past the window, at UNTIL/COUNT or at the year 9999. An impossible rule
 * (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) walks to 9999 (about 20 s), a negative INTERVAL walks
 * backwards for ever, and every period allocates a year-sized array. So the iteration is redone
 * here: the same masks and the same order of checks as rrule 2.8's `iter()` (its quirks included,
 * so a stored rule gives exactly the days it gave before), but evaluated only for the periods that
 * can touch the window, under a step budget. `recurrence.fuzz.test.ts` holds it to rrule.
 */

/** rrule's frequency numbers; sub-daily ones never reach the expander. */
const YEARLY = 0;
const MONTHLY = 1;
const WEEKLY = 2;
const DAILY = 3;
/** rrule stops after a period in this year. */
const MAX_YEAR = 9999;
/** Longer text is not expanded at all (the API takes 256 characters). */
const MAX_RULE_LENGTH = 2048;

/** Limits on one expansion. Whatever the rule, the work done is at most `maxSteps` steps. */
export interface ExpansionLimits {
  /** Steps allowed: one per period entered, per candidate day examined, per BYSETPOS position, and a few per year set up. @default 20000 */
  maxSteps?: number;
  /** Distinct days returned at most. @default 400 */
  maxOccurrences?: number;
  /** An optional time budget: a clock in ms (any origin), read every 256 steps, and the ms allowed. */
  clock?: () => number;
  maxMs?: number;
}

export interface Expansion {
  /** Ascending, distinct epoch days. */
  days: number[];
  /** Steps spent, never more than `maxSteps`. */
  steps: number;
  /** False when a limit cut the expansion short: `days` may then miss some occurrences. */
  complete: boolean;
}

export const DEFAULT_MAX_STEPS = 20_000;
const DEFAULT_MAX_OCCURRENCES = 400;
const CLOCK_EVERY = 256;

/** A rule as rrule normalised it, checked to hold only integers (python weekdays: 0 = Monday). */
interface CompiledRule {
  freq: number;
  interval: number;
  /** Occurrences until rrule stops; Infinity without COUNT, or with a negative one (never counted down to 0). */
  count: number;
  /** The last instant (epoch ms) an occurrence may start at; Infinity without UNTIL. */
  until: number;
  wkst: number;
  bymonth: ReadonlySet<number> | undefined;
  byweekno: readonly number[] | undefined;
  byweekday: ReadonlySet<number> | undefined;
  bynweekday: readonly (readonly [weekday: number, n: number])[] | undefined;
  /** Positive and negative BYMONTHDAY values; either being present makes the filter apply. */
  bymonthday: ReadonlySet<number> | undefined;
  bynmonthday: ReadonlySet<number> | undefined;
  byyearday: ReadonlySet<number> | undefined;
  bysetpos: readonly number[] | undefined;
  byeaster: number | undefined;
}

const pymod = (a: number, b: number) => ((a % b) + b) % b;
/** Python weekday (0 = Monday) of an epoch day; 1970-01-01 was a Thursday. */
const pyWeekday = (day: number) => pymod(day + 3, 7);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** undefined: absent or empty; false: something other than a list of integers. */
function integers(value: unknown): number[] | undefined | false {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v))) return false;
  return value.length > 0 ? (value as number[]) : undefined;
}

/**
 * rrule's reading of `text` anchored at `anchorDay`, or `undefined` for anything it cannot expand
 * safely: unparseable text, sub-daily or time-of-day parts, an INTERVAL below 1, non-integers.
 */
function compile(text: string, anchorDay: number): CompiledRule | undefined {
  if (text.length > MAX_RULE_LENGTH) return undefined;
  let o: Record<string, unknown>;
  try {
    const parsed = RRule.parseString(text.replace(/^RRULE:/i, '').trim().toUpperCase());
    if (parsed.byhour != null || parsed.byminute != null || parsed.bysecond != null) return undefined;
    // The anchor, not any DTSTART in the text; and wall-time dates, never a zone's.
    o = new RRule({ ...parsed, dtstart: new Date(anchorDay * DAY_MS), tzid: null }, true).options as unknown as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { freq, interval, count, until, wkst, byeaster } = o;
  if (freq !== YEARLY && freq !== MONTHLY && freq !== WEEKLY && freq !== DAILY) return undefined;
  if (!Number.isSafeInteger(interval) || (interval as number) < 1) return undefined;
  if (count != null && !Number.isSafeInteger(count)) return undefined;
  if (typeof wkst !== 'number' || !(wkst >= 0 && wkst <= 6)) return undefined;
  if (byeaster != null && !Number.isSafeInteger(byeaster)) return undefined;
  const lists = ['bymonth', 'byweekno', 'byweekday', 'bymonthday', 'bynmonthday', 'byyearday', 'bysetpos'].map((key) => integers(o[key]));
  if (lists.includes(false)) return undefined;
  const [bymonth, byweekno, byweekday, bymonthday, bynmonthday, byyearday, bysetpos] = lists as (number[] | undefined)[];
  const nth = o.bynweekday;
  if (nth != null && !(Array.isArray(nth) && nth.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isSafeInteger(v))))) return undefined;
  const set = (values: number[] | undefined) => (values ? new Set(values) : undefined);
  return {
    freq,
    interval: interval as number,
    count: count == null || (count as number) < 0 ? Infinity : (count as number),
    until: until instanceof Date ? until.getTime() : Infinity,
    wkst,
    bymonth: set(bymonth),
    byweekno,
    byweekday: set(byweekday),
    bynweekday: nth != null && (nth as unknown[]).length > 0 ? (nth as [number, number][]) : undefined,
    bymonthday: set(bymonthday),
    bynmonthday: set(bynmonthday),
    byyearday: set(byyearday),
    bysetpos,
    byeaster: byeaster == null ? undefined : (byeaster as number),
  };
}

// ── Calendar masks ──────────────────────────────────────────────────────────────────────────────

/** For each day of a 365- or 366-day year and 7 more (next January, for weeks across New Year): month, day, day from the month's end (-1 = last). */
interface YearTables {
  month: Int8Array;
  mday: Int8Array;
  nmday: Int8Array;
}

function yearTables(year: number): YearTables {
  const start = daysFromCivil(year, 1, 1);
  const length = (isLeap(year) ? 366 : 365) + 7;
  const tables = { month: new Int8Array(length), mday: new Int8Array(length), nmday: new Int8Array(length) };
  for (let i = 0; i < length; i++) {
    const { year: y, month, day } = civilFromDays(start + i);
    tables.month[i] = month;
    tables.mday[i] = day;
    tables.nmday[i] = day - (daysFromCivil(y, month + 1, 1) - daysFromCivil(y, month, 1)) - 1;
  }
  return tables;
}
const COMMON_YEAR = yearTables(2001);
const LEAP_YEAR = yearTables(2000);

interface YearInfo {
  year: number;
  /** Epoch day of 1 January. */
  start: number;
  length: number;
  nextLength: number;
  weekday0: number;
  tables: YearTables;
  /** rrule's `wnomask`: the days BYWEEKNO keeps. */
  weeks: Uint8Array | undefined;
  /** Day index of Easter plus BYEASTER. */
  easter: number | undefined;
}

/** rrule's week-number mask for one year, transcribed (`iterinfo/yearinfo.js`), its odd corners included. */
function weekNumberMask(year: number, start: number, length: number, weekday0: number, byweekno: readonly number[], wkst: number): Uint8Array {
  const mask = new Uint8Array(length + 14);
  const weekday = (i: number) => (weekday0 + i) % 7;
  let no1wkst = pymod(7 - weekday0 + wkst, 7);
  const firstwkst = no1wkst;
  let wyearlen: number;
  if (no1wkst >= 4) {
    no1wkst = 0;
    wyearlen = length + pymod(weekday0 - wkst, 7);
  } else {
    wyearlen = length - no1wkst;
  }
  const numweeks = Math.floor(Math.floor(wyearlen / 7) + pymod(wyearlen, 7) / 4);
  for (let n of byweekno) {
    if (n < 0) n += numweeks + 1;
    if (!(n > 0 && n <= numweeks)) continue;
    let i = no1wkst;
    if (n > 1) {
      i = no1wkst + (n - 1) * 7;
      if (no1wkst !== firstwkst) i -= 7 - firstwkst;
    }
    for (let k = 0; k < 7; k++) {
      mask[i] = 1;
      i++;
      if (weekday(i) === wkst) break;
    }
  }
  if (byweekno.includes(1)) {
    let i = no1wkst + numweeks * 7;
    if (no1wkst !== firstwkst) i -= 7 - firstwkst;
    if (i < length) {
      for (let k = 0; k < 7; k++) {
        mask[i] = 1;
        i++;
        if (weekday(i) === wkst) break;
      }
    }
  }
  if (no1wkst) {
    let lnumweeks = -1;
    if (!byweekno.includes(-1)) {
      const lweekday0 = pyWeekday(daysFromCivil(year - 1, 1, 1));
      const lno1wkst = pymod(7 - lweekday0 + wkst, 7);
      // rrule takes this year's length in the second branch; kept, to give the same days.
      const weekst = lno1wkst >= 4 ? (isLeap(year - 1) ? 366 : 365) + pymod(lweekday0 - wkst, 7) : length - no1wkst;
      lnumweeks = Math.floor(52 + pymod(weekst, 7) / 4);
    }
    if (byweekno.includes(lnumweeks)) mask.fill(1, 0, no1wkst);
  }
  return mask;
}

/** Day index, in `year`, of Easter Sunday plus `offset` days (rrule's `easter.js`). */
function easterIndex(year: number, offset: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = Math.floor(19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = Math.floor(32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day) + offset - daysFromCivil(year, 1, 1);
}

/**
 * rrule's mask of numbered weekdays (`1MO`, `-1FR`) for a YEARLY period (within each BYMONTH
 * month, else the year) or a MONTHLY one (within `month`). Months outside 1–12 mark nothing that
 * the BYMONTH filter would keep, so they are skipped.
 */
function nthWeekdayMask(rule: CompiledRule, info: YearInfo, month: number): Uint8Array {
  const mask = new Uint8Array(info.length);
  const monthStart = (m: number) => daysFromCivil(info.year, m, 1) - info.start;
  const months = rule.freq === MONTHLY ? [month] : rule.bymonth ? [...rule.bymonth].filter((m) => m >= 1 && m <= 12) : [];
  const ranges = rule.freq === YEARLY && !rule.bymonth ? [[0, info.length]] : months.map((m) => [monthStart(m), monthStart(m + 1)]);
  for (const [first, end] of ranges as [number, number][]) {
    const last = end - 1;
    for (const [weekday, n] of rule.bynweekday!) {
      let i: number;
      if (n < 0) {
        i = last + (n + 1) * 7;
        if (i < 0) continue;
        i -= pymod((info.weekday0 + i) % 7 - weekday, 7);
      } else {
        i = first + (n - 1) * 7;
        i += pymod(7 - ((info.weekday0 + i) % 7) + weekday, 7);
      }
      if (first <= i && i <= last) mask[i] = 1;
    }
  }
  return mask;
}

/** rrule's `isFiltered`, negated: does day index `d` of `info`'s year pass every BY part? */
function passes(rule: CompiledRule, info: YearInfo, nth: Uint8Array | undefined, d: number): boolean {
  const t = info.tables;
  if (rule.bymonth && !rule.bymonth.has(t.month[d]!)) return false;
  if (rule.byweekno && !info.weeks![d]) return false;
  if (rule.byweekday && !rule.byweekday.has((info.weekday0 + d) % 7)) return false;
  if (nth && !nth[d]) return false;
  if (rule.byeaster !== undefined && d !== info.easter) return false;
  if ((rule.bymonthday || rule.bynmonthday) && !rule.bymonthday?.has(t.mday[d]!) && !rule.bynmonthday?.has(t.nmday[d]!)) return false;
  if (rule.byyearday) {
    const y = rule.byyearday;
    const inYear = d < info.length;
    if (inYear ? !y.has(d + 1) && !y.has(d - info.length) : !y.has(d + 1 - info.length) && !y.has(d - info.length - info.nextLength)) return false;
  }
  return true;
}

// ── Expansion ───────────────────────────────────────────────────────────────────────────────────

interface Period {
  /** The year and month of rrule's counter date, whose masks the period's days are checked against. */
  year: number;
  month: number;
  /** Epoch days, half-open. */
  from: number;
  to: number;
}

/** What validation wants to know beyond the days. */
interface RunStats {
  /** Most days any scanned period offered to BYSETPOS. */
  largestSet: number;
  /** A negative BYSETPOS larger than its period's set, which rrule answers with the set's first day. */
  setposOverflow: { pos: number; size: number; periodStart: number } | undefined;
}

/**
 * The periods of `rule` as rrule's counter walks them from `anchorDay`, numbered from 0, and the
 * first one that can hold a day ≥ `from`. Whole periods of INTERVAL units keep the phase: the
 * walk may start there instead of at the anchor when no COUNT has to be counted down on the way.
 */
function periods(rule: CompiledRule, anchorDay: number) {
  const anchor = civilFromDays(anchorDay);
  const step = rule.interval;
  switch (rule.freq) {
    case DAILY:
      return {
        at: (k: number): Period => {
          const day = anchorDay + k * step;
          const { year, month } = civilFromDays(day);
          return { year, month, from: day, to: day + 1 };
        },
        firstFrom: (from: number) => Math.max(0, Math.ceil((from - anchorDay) / step)),
      };
    case WEEKLY: {
      // Period 0 runs from the anchor to the next week start; then whole weeks from WKST.
      const week0 = anchorDay - pymod(pyWeekday(anchorDay) - rule.wkst, 7);
      return {
        at: (k: number): Period => {
          const from = k === 0 ? anchorDay : week0 + 7 * step * k;
          const { year, month } = civilFromDays(from);
          return { year, month, from, to: week0 + 7 * step * k + 7 };
        },
        firstFrom: (from: number) => (week0 + 7 > from ? 0 : Math.max(1, Math.ceil((from - 6 - week0) / (7 * step)))),
      };
    }
    case MONTHLY: {
      const month0 = anchor.year * 12 + anchor.month - 1;
      return {
        at: (k: number): Period => {
          const index = month0 + k * step;
          const year = Math.floor(index / 12);
          const month = index - year * 12 + 1;
          return { year, month, from: daysFromCivil(year, month, 1), to: daysFromCivil(year, month + 1, 1) };
        },
        firstFrom: (from: number) => {
          const { year, month } = civilFromDays(from);
          return Math.max(0, Math.ceil((year * 12 + month - 1 - month0) / step));
        },
      };
    }
    default:
      return {
        at: (k: number): Period => {
          const year = anchor.year + k * step;
          return { year, month: anchor.month, from: daysFromCivil(year, 1, 1), to: daysFromCivil(year + 1, 1, 1) };
        },
        firstFrom: (from: number) => Math.max(0, Math.ceil((civilFromDays(from).year - anchor.year) / step)),
      };
  }
}

/**
 * The days of `rule` in `[firstDay, lastDay]`, as rrule's `between(first, last, true)` gives them
 * from DTSTART `anchorDay`, within the limits. Termination does not depend on the rule: every
 * loop iteration spends at least one step, and the run stops when the steps run out.
 */
function run(rule: CompiledRule, anchorDay: number, firstDay: number, lastDay: number, limits: ExpansionLimits) {
  const maxSteps = limits.maxSteps ?? DEFAULT_MAX_STEPS;
  const maxOccurrences = limits.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  const { clock, maxMs = Infinity } = limits;
  const startedAt = clock?.();
  let nextClockRead = CLOCK_EVERY;
  const stats: RunStats = { largestSet: 0, setposOverflow: undefined };
  const found = new Set<number>();
  let steps = 0;
  let complete = true;
  const finish = () => ({ days: [...found].sort((a, b) => a - b), steps, complete, stats });

  /** Takes `cost` steps if they are left (and the clock allows), else marks the run cut short. */
  const spend = (cost: number): boolean => {
    if (steps + cost > maxSteps) return (complete = false);
    steps += cost;
    if (clock && steps >= nextClockRead) {
      nextClockRead = steps + CLOCK_EVERY;
      if (clock() - startedAt! > maxMs) return (complete = false);
    }
    return true;
  };

  if (rule.count === 0 || lastDay < firstDay || lastDay < anchorDay) return finish();
  const setpos = rule.bysetpos;
  // COUNT decides only if it can run out before the window ends: at most one emission per day,
  // or one per BYSETPOS position per period (rrule emits repeated positions twice).
  const counting = rule.count <= (lastDay - anchorDay + 1) * Math.max(1, setpos?.length ?? 0);
  let count = rule.count;
  const low = counting ? anchorDay : Math.max(firstDay, anchorDay);
  const walk = periods(rule, anchorDay);

  let info: YearInfo | undefined;
  let nth: Uint8Array | undefined;
  let nthKey = NaN;

  /** rrule's handling of one candidate; false once the iteration is over. */
  const emit = (day: number): boolean => {
    if (day * DAY_MS > rule.until) return false;
    if (day < anchorDay) return true;
    if (day > lastDay) return false;
    if (day >= firstDay && !found.has(day)) {
      if (found.size >= maxOccurrences) return (complete = false);
      found.add(day);
    }
    return --count !== 0;
  };

  for (let k = counting ? 0 : walk.firstFrom(low); ; k++) {
    const period = walk.at(k);
    if ((k > 0 && period.year > MAX_YEAR) || period.from > lastDay) break;
    if (!spend(1 + (setpos?.length ?? 0))) break;
    if (info?.year !== period.year) {
      const year = period.year;
      const start = daysFromCivil(year, 1, 1);
      const length = isLeap(year) ? 366 : 365;
      if (!spend(1 + (rule.byweekno ? 7 * (rule.byweekno.length + 1) : 0))) break;
      const weekday0 = pyWeekday(start);
      info = {
        year, start, length, weekday0,
        nextLength: isLeap(year + 1) ? 366 : 365,
        tables: length === 366 ? LEAP_YEAR : COMMON_YEAR,
        weeks: rule.byweekno ? weekNumberMask(year, start, length, weekday0, rule.byweekno, rule.wkst) : undefined,
        easter: rule.byeaster === undefined ? undefined : easterIndex(year, rule.byeaster),
      };
    }
    if (rule.bynweekday && (rule.freq === YEARLY || rule.freq === MONTHLY)) {
      const key = period.year * 100 + (rule.freq === MONTHLY ? period.month : 0);
      if (key !== nthKey) {
        if (!spend(1 + 12 * rule.bynweekday.length)) break;
        nth = nthWeekdayMask(rule, info, period.month);
        nthKey = key;
      }
    }
    // BYSETPOS needs the whole period's set; otherwise only the days that can be emitted matter.
    const from = setpos ? period.from : Math.max(period.from, low);
    const to = setpos ? period.to : Math.min(period.to, lastDay + 1);
    const candidates: number[] = [];
    let examined = true;
    for (let day = from; day < to; day++) {
      if (!spend(1)) {
        examined = false;
        break;
      }
      if (passes(rule, info, nth, day - info.start)) candidates.push(day);
    }
    if (!examined) break;

    let going = true;
    if (setpos) {
      const size = candidates.length;
      stats.largestSet = Math.max(stats.largestSet, size);
      // As rrule: a position past the set is an invalid date (NaN) that is skipped, except a
      // negative one, which `slice` turns into the first day; NaNs stay in the sort, as there.
      const picked = setpos.map((pos) => {
        if (pos < 0 && -pos > size && size > 0) stats.setposOverflow ??= { pos, size, periodStart: period.from };
        return pos > 0 ? (candidates[pos - 1] ?? NaN) : size === 0 ? NaN : candidates[Math.max(size + pos, 0)]!;
      });
      picked.sort((a, b) => a - b);
      for (const day of picked) if (!Number.isNaN(day) && !(going = emit(day))) break;
    } else {
      for (const day of candidates) if (!(going = emit(day))) break;
    }
    if (!going) break;
  }
  return finish();
}

/**
 * The epoch days in `[firstDay, lastDay]` on which `rule`, anchored at `anchorDay`, occurs, with the
 * work it took. Expanded in wall time: dates are computed with UTC standing in for the local
 * calendar, which is exact because only whole dates are produced — no instant is involved until
 * the caller turns a date plus a time of day into one with the zone's offsets.
 *
 * Bounded by construction, whatever text is stored: without a COUNT to count down, the walk starts
 * at the first period that reaches the window (whole INTERVALs from the anchor, so in phase) and
 * ends past it, so a window of W days costs about W + 2 × 366 steps however far the anchor is.
 * Every path spends steps, and none goes beyond `limits.maxSteps`; a rule cut short returns the days
 * found so far with `complete: false`. Text rrule cannot read, or could not expand safely (negative
 * INTERVAL, non-numbers), has no days.
 */
export function expandRule(rule: string, anchorDay: number, firstDay: number, lastDay: number, limits: ExpansionLimits = {}): Expansion {
  if (![anchorDay, firstDay, lastDay].every(Number.isSafeInteger)) return { days: [], steps: 0, complete: true };
  const compiled = compile(rule, anchorDay);
  if (!compiled) return { days: [], steps: 0, complete: true };
  const { days, steps, complete } = run(compiled, anchorDay, firstDay, lastDay, limits);
  return { days, steps, complete };
}

/** The days of {@link expandRule}, for the slot engine. */
export function occurrenceDays(rule: string, anchorDay: number, firstDay: number, lastDay: number, limits?: ExpansionLimits): number[] {
  return expandRule(rule, anchorDay, firstDay, lastDay, limits).days;
}

// ── Validation ──────────────────────────────────────────────────────────────────────────────────

/** Why a rule cannot be saved, and which field of the request is at fault. */
export interface RuleProblem {
  field: 'rrule' | 'anchor';
  /** A sentence the specialist can act on. */
  message: string;
}

/** A rule must have a date within two years of today (a leap-day rule: by the next 29 February). */
export const HORIZON_DAYS = 2 * 365;
const LEAP_HORIZON_DAYS = 8 * 366;
/** Anchors further back than this are refused (stored ones still expand). */
const MAX_ANCHOR_AGE_DAYS = 3653;
const MAX_COUNT = 1000;
const MAX_INTERVAL = 1000;
/** Validation scans up to 8 years (and back to the anchor for COUNT): bounded too, just wider. */
const VALIDATION_LIMITS: ExpansionLimits = { maxSteps: 100_000, maxOccurrences: 4000 };

const PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST'];
const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'];
const UNITS = ['year', 'month', 'week', 'day'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};
/** "the 3rd" / "the last" / "the 2nd-to-last", for positions counted from either end. */
const position = (n: number) => (n > 0 ? `the ${ordinal(n)}` : n === -1 ? 'the last' : `the ${ordinal(-n)}-to-last`);
const monthDayName = (d: number) => (d > 0 ? `a ${ordinal(d)}` : d === -1 ? 'a last day' : `a ${ordinal(-d)}-to-last day`);
/** "a, b or c". */
const either = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : items[0]!);

const INTEGER = /^[+-]?\d+$/;
const NTH_WEEKDAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

interface ReadRule {
  text: string;
  freq: number;
  interval: number;
  count: number | undefined;
  /** Epoch day of the last date UNTIL allows. */
  untilDay: number | undefined;
  byday: { weekday: number; n: number | undefined }[] | undefined;
  bymonth: number[] | undefined;
  bymonthday: number[] | undefined;
  byyearday: number[] | undefined;
  byweekno: number[] | undefined;
  bysetpos: number[] | undefined;
}

/** Reads the text strictly enough that rrule reads it the same way; a string is the sentence why not. */
function readRule(rule: string): ReadRule | string {
  const body = rule.replace(/^RRULE:/i, '').trim();
  if (/DTSTART|\n/i.test(body)) return 'Give only the RRULE part (e.g. FREQ=WEEKLY;BYDAY=SA); the start date is a separate field.';
  if (/\s/.test(body)) return `Write the rule without spaces, like FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.`;
  const text = body.toUpperCase();
  if (!text.includes('=')) return `"${rule}" is not an RRULE; write it like FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.`;
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const match = /^([A-Z]+)=([^=]+)$/.exec(part);
    if (!match) return `"${part}" in ${text} is not a NAME=VALUE part; separate parts with ";" as in FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.`;
    const [, key, value] = match as unknown as [string, string, string];
    if (['BYHOUR', 'BYMINUTE', 'BYSECOND'].includes(key)) return 'Leave BYHOUR/BYMINUTE/BYSECOND out; the hours are set separately.';
    if (key === 'TZID') return 'Leave TZID out: a rule follows the time zone of your profile.';
    if (key === 'BYEASTER') return 'BYEASTER is not part of the RRULE standard; add Easter as a date override instead.';
    if (!PARTS.includes(key)) return `${key} is not an RRULE part; use ${either(PARTS)}.`;
    if (parts.has(key)) return `${key} appears twice in ${text}; give each part once.`;
    parts.set(key, value);
  }

  const freqName = parts.get('FREQ');
  if (!freqName) return 'An RRULE needs FREQ, e.g. FREQ=WEEKLY;BYDAY=SA.';
  if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freqName)) return 'Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; the hours are set separately.';
  const freq = FREQS.indexOf(freqName);
  if (freq < 0) return `FREQ=${freqName} is not a frequency; use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.`;
  const unit = UNITS[freq]!;

  /** The comma-separated integers of `key` within `[-max, max]` without 0, or the sentence why not. */
  const numbers = (key: string, max: number, explain: string): number[] | undefined | string => {
    const value = parts.get(key);
    if (value === undefined) return undefined;
    const out: number[] = [];
    for (const item of value.split(',')) {
      const n = INTEGER.test(item) ? Number(item) : NaN;
      if (!(n !== 0 && Math.abs(n) <= max)) return `${key}=${item} ${explain}`;
      out.push(n);
    }
    return out;
  };
  const bymonth = numbers('BYMONTH', 12, 'is not a month: use 1 (January) to 12 (December).');
  if (typeof bymonth === 'string') return bymonth;
  if (bymonth?.some((m) => m < 0)) return `BYMONTH=${parts.get('BYMONTH')} is not a month: use 1 (January) to 12 (December).`;
  const bymonthday = numbers('BYMONTHDAY', 31, 'is not a day of the month: use 1 to 31, or -1 to -31 counted from the end of the month (-1 is its last day).');
  if (typeof bymonthday === 'string') return bymonthday;
  const byyearday = numbers('BYYEARDAY', 366, 'is not a day of the year: use 1 to 366, or -1 to -366 counted from the end of the year.');
  if (typeof byyearday === 'string') return byyearday;
  const byweekno = numbers('BYWEEKNO', 53, 'is not a week of the year: use 1 to 53, or -1 to -53 counted from the end of the year.');
  if (typeof byweekno === 'string') return byweekno;
  const bysetpos = numbers('BYSETPOS', 366, `is not a position: use 1 for the first matching day of each ${unit}, 2 for the second…, or -1 for the last.`);
  if (typeof bysetpos === 'string') return bysetpos;

  const intervalText = parts.get('INTERVAL') ?? '1';
  const interval = INTEGER.test(intervalText) ? Number(intervalText) : NaN;
  if (!Number.isInteger(interval)) return `INTERVAL=${intervalText} is not a whole number; INTERVAL=2 means every other ${unit}.`;
  if (interval < 1) return `INTERVAL=${intervalText} would never move on to a next ${unit}: it counts the ${unit}s from one occurrence to the next, so use 1 or more (INTERVAL=2 is every other ${unit}).`;
  if (interval > MAX_INTERVAL) return `INTERVAL=${intervalText} puts more than ${MAX_INTERVAL} ${unit}s between occurrences; use at most ${MAX_INTERVAL}, or add single dates as overrides.`;

  const countText = parts.get('COUNT');
  const count = countText === undefined ? undefined : INTEGER.test(countText) ? Number(countText) : NaN;
  if (countText !== undefined) {
    if (!Number.isInteger(count)) return `COUNT=${countText} is not a whole number of occurrences.`;
    if (count! < 1) return `COUNT=${countText} would give no date at all; leave COUNT out to repeat without end.`;
    if (count! > MAX_COUNT) return `COUNT=${countText} is more than the ${MAX_COUNT} occurrences a rule may have; leave COUNT out to repeat without end, or end the rule on a date with UNTIL=YYYYMMDD.`;
  }
  const untilText = parts.get('UNTIL');
  let untilDay: number | undefined;
  if (untilText !== undefined) {
    if (countText !== undefined) return 'Use COUNT or UNTIL, not both: each one ends the rule.';
    const m = UNTIL_VALUE.exec(untilText);
    const [y, mo, d, h = 0, mi = 0, s = 0] = (m ?? []).slice(1).map((v) => (v === undefined ? undefined : Number(v)));
    const day = m ? daysFromCivil(y!, mo!, d!) : NaN;
    if (!m || civilFromDays(day).month !== mo || civilFromDays(day).day !== d || h! > 23 || mi! > 59 || s! > 59) {
      return `UNTIL=${untilText} is not a date; write the last day as YYYYMMDD, e.g. UNTIL=20261231.`;
    }
    untilDay = day;
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !WEEKDAYS.includes(wkst)) return `WKST=${wkst} is not a weekday; use MO, TU, WE, TH, FR, SA or SU.`;

  let byday: ReadRule['byday'];
  const bydayText = parts.get('BYDAY');
  if (bydayText !== undefined) {
    byday = [];
    for (const item of bydayText.split(',')) {
      const m = NTH_WEEKDAY.exec(item);
      if (!m) return `BYDAY=${item} is not a weekday: use MO, TU, WE, TH, FR, SA or SU, numbered like 1MO (first Monday) or -1FR (last Friday) with FREQ=MONTHLY or YEARLY.`;
      const weekday = WEEKDAYS.indexOf(m[2]!);
      const n = m[1] === undefined ? undefined : Number(m[1]);
      const name = WEEKDAY_NAMES[weekday]!;
      if (n === 0) return `BYDAY=${item}: there is no 0th ${name}; use 1${m[2]} for the first or -1${m[2]} for the last.`;
      if (n !== undefined) {
        if (freq === WEEKLY || freq === DAILY) return `BYDAY=${item} numbers the ${name}s of a month or a year, so it needs FREQ=MONTHLY or FREQ=YEARLY; with FREQ=${freqName} write ${m[2]}.`;
        if (byweekno) return `A numbered weekday (${item}) cannot go with BYWEEKNO; write ${m[2]} for every ${name} of those weeks.`;
        const inMonth = freq === MONTHLY || bymonth !== undefined;
        const most = inMonth ? 5 : 53;
        if (Math.abs(n) > most) return `BYDAY=${item} never occurs: a ${inMonth ? 'month' : 'year'} has at most ${most} ${name}s.`;
      }
      byday.push({ weekday, n });
    }
    const numbered = byday.filter((d) => d.n !== undefined);
    if (numbered.length > 0 && numbered.length < byday.length) {
      return `BYDAY=${bydayText} mixes plain weekdays with numbered ones, which one rule cannot hold; save two rules, one with each (e.g. BYDAY=MO and BYDAY=1TU).`;
    }
  }

  if (bymonthday && freq === WEEKLY) return `BYMONTHDAY does not go with FREQ=WEEKLY; for days of the month use FREQ=MONTHLY;BYMONTHDAY=${parts.get('BYMONTHDAY')}.`;
  if (byyearday && freq !== YEARLY) return 'BYYEARDAY needs FREQ=YEARLY: it counts the days of a year.';
  if (byweekno && freq !== YEARLY) return 'BYWEEKNO needs FREQ=YEARLY: it counts the weeks of a year.';
  if (bysetpos) {
    if (freq === DAILY) return 'BYSETPOS picks among the matching days of each week, month or year; with FREQ=DAILY there is only one day to pick from.';
    if (!byday && !bymonthday && !byyearday && !byweekno && !bymonth) {
      return 'BYSETPOS picks among the days the other BY… parts give, so it needs one of them, e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 for the last weekday of each month.';
    }
  }
  return { text, freq, interval, count, untilDay, byday, bymonth, bymonthday, byyearday, byweekno, bysetpos };
}

/** Whether month `m` (1–12) ever has day `d` (negative: counted from its end). */
const monthHas = (m: number, d: number) => Math.abs(d) <= MONTH_MAX_DAYS[m - 1]!;

/**
 * A reason `rule` can never occur that can be seen without expanding it, in a sentence that says
 * why. rrule fills a YEARLY rule without day parts from the start date (its month and day), and a
 * MONTHLY one with the start date's day: those count here too.
 */
function impossibility(rule: ReadRule, anchorDay: number): string | undefined {
  const anchor = civilFromDays(anchorDay);
  const noDayParts = !rule.byday && !rule.bymonthday && !rule.byyearday && !rule.byweekno;
  const monthDays = rule.bymonthday ?? (noDayParts && (rule.freq === YEARLY || rule.freq === MONTHLY) ? [anchor.day] : undefined);
  const months = rule.bymonth ?? (noDayParts && rule.freq === YEARLY ? [anchor.month] : undefined);
  const fromAnchor = (rule.bymonthday ? '' : ` (its day of the month comes from the start date, ${formatEpochDay(anchorDay)})`);

  if (months && monthDays && !months.some((m) => monthDays.some((d) => monthHas(m, d)))) {
    const names = either(months.map((m) => MONTH_NAMES[m - 1]!));
    const why = months.length > 1
      ? `none of ${names} has ${either(monthDays.map(monthDayName))}`
      : `${names} has no ${either(monthDays.map((d) => monthDayName(d).replace(/^a /, '')))}`;
    return `${rule.text} never occurs${fromAnchor}: ${why}.`;
  }

  // Numbered weekdays within a month (MONTHLY, or YEARLY with BYMONTH) against BYMONTHDAY.
  const numbered = rule.byday?.filter((d) => d.n !== undefined);
  if (numbered?.length && rule.bymonthday && (rule.freq === MONTHLY || rule.bymonth)) {
    const lengths = [...new Set((rule.bymonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).flatMap((m) => (m === 2 ? [28, 29] : [MONTH_MAX_DAYS[m - 1]!])))];
    const fits = lengths.some((length) =>
      numbered.some(({ n }) => {
        const first = n! > 0 ? 7 * (n! - 1) + 1 : length + 7 * n! + 1;
        return rule.bymonthday!.some((d) => {
          const day = d > 0 ? d : length + d + 1;
          return day >= 1 && day <= length && day >= first && day <= first + 6;
        });
      }),
    );
    if (!fits) {
      if (numbered.length === 1) {
        const { weekday, n } = numbered[0]!;
        const where = n! > 0
          ? `between the ${ordinal(7 * n! - 6)} and the ${ordinal(7 * n!)}`
          : n === -1 ? 'among its last 7 days' : `among the ${ordinal(-7 * n! - 6)} to ${ordinal(-7 * n!)} days from its end`;
        const days = either(rule.bymonthday.map((d) => (d > 0 ? `the ${ordinal(d)}` : `${position(d)} day`)));
        return `${rule.text} never occurs: ${position(n!)} ${WEEKDAY_NAMES[weekday]} of a month is always ${where}, never ${days}.`;
      }
      return `${rule.text} never occurs: none of the numbered weekdays in BYDAY falls on a day in BYMONTHDAY.`;
    }
  }

  // Days of the year against BYMONTH.
  if (rule.byyearday && rule.bymonth) {
    const monthsOf = rule.byyearday.flatMap((v) =>
      [365, 366].map((length) => {
        const index = v > 0 ? v - 1 : length + v;
        return index >= 0 && index < length ? (length === 366 ? LEAP_YEAR : COMMON_YEAR).month[index]! : 0;
      }),
    );
    if (!monthsOf.some((m) => rule.bymonth!.includes(m))) {
      const inMonths = either([...new Set(monthsOf.filter((m) => m > 0))].map((m) => MONTH_NAMES[m - 1]!));
      return `${rule.text} never occurs: BYYEARDAY=${rule.byyearday.join(',')} falls in ${inMonths}, never in ${either(rule.bymonth.map((m) => MONTH_NAMES[m - 1]!))}.`;
    }
  }
  return undefined;
}

/**
 * Whether a specialist may save `rule` anchored at `anchorDay`, judged on `todayDay` (epoch days of
 * the specialist's local dates; the clock is the caller's). Refuses what cannot be expanded as
 * written (sub-daily frequencies, hours, DTSTART in the text, unknown parts, out-of-range values),
 * combinations that never occur — saying why —, rules with no date within two years of today (a
 * leap-day rule within the next 29 February), a COUNT above 1000 and anchors more than 10 years ago
 * or 2 years ahead. Its own expansion is bounded like every other.
 * @returns the problem, or `undefined` when the rule is fine.
 */
export function rruleProblem(rule: string, anchorDay: number, todayDay: number): RuleProblem | undefined {
  const read = readRule(rule);
  if (typeof read === 'string') return { field: 'rrule', message: read };
  const problem = (message: string): RuleProblem => ({ field: 'rrule', message });
  if (!Number.isSafeInteger(anchorDay) || !Number.isSafeInteger(todayDay)) return { field: 'anchor', message: 'Give the start date as YYYY-MM-DD.' };
  const anchor = formatEpochDay(anchorDay);
  if (anchorDay < todayDay - MAX_ANCHOR_AGE_DAYS) {
    return { field: 'anchor', message: `The start date ${anchor} is more than 10 years ago; give the date the rule starts from, e.g. its next date (any date in step with the rule keeps the same days).` };
  }
  if (anchorDay > todayDay + HORIZON_DAYS) return { field: 'anchor', message: `The start date ${anchor} is more than two years away; add the rule closer to the time.` };
  if (read.untilDay !== undefined && read.untilDay < anchorDay) return problem(`${read.text} ends (UNTIL) before its start date ${anchor}, so it never occurs.`);
  if (read.untilDay !== undefined && read.untilDay < todayDay) return problem(`${read.text} ended on ${formatEpochDay(read.untilDay)} (UNTIL), before today; give a later UNTIL or leave it out.`);
  const impossible = impossibility(read, anchorDay);
  if (impossible) return problem(impossible);

  const compiled = compile(read.text, anchorDay);
  if (!compiled) return problem(`"${rule}" is not an RRULE; write it like FREQ=WEEKLY;INTERVAL=2;BYDAY=SA.`);
  const limits = VALIDATION_LIMITS;
  const soon = run(compiled, anchorDay, todayDay, todayDay + HORIZON_DAYS, limits);
  const unit = UNITS[read.freq]!;
  const overflow = soon.stats.setposOverflow;
  if (overflow) {
    return problem(`${read.text}: BYSETPOS=${overflow.pos} asks for ${position(overflow.pos)} matching day of each ${unit}, but the ${unit} from ${formatEpochDay(overflow.periodStart)} has only ${overflow.size}; use positions every ${unit} has.`);
  }
  if (soon.days.length > 0) return undefined;
  if (!soon.complete) return problem(`${read.text} is too intricate to check; write it with fewer parts.`);
  if (read.count !== undefined) {
    const before = run(compiled, anchorDay, anchorDay, todayDay - 1, limits);
    if (before.days.length > 0) {
      return problem(`${read.text} has used up its ${read.count} date${read.count === 1 ? '' : 's'} (the last on ${formatEpochDay(before.days.at(-1)!)}); raise COUNT or leave it out.`);
    }
  }
  const later = run(compiled, anchorDay, todayDay + HORIZON_DAYS + 1, todayDay + LEAP_HORIZON_DAYS, limits);
  const next = later.days[0];
  if (next !== undefined) {
    const { month, day } = civilFromDays(next);
    if (month === 2 && day === 29) return undefined;
    return problem(`${read.text} next occurs on ${formatEpochDay(next)}, more than two years from now; choose a start date or a rule that brings a date sooner.`);
  }
  const largest = Math.max(soon.stats.largestSet, later.stats.largestSet);
  const smallest = read.bysetpos ? Math.min(...read.bysetpos.filter((p) => p > 0)) : Infinity;
  if (read.bysetpos && read.bysetpos.every((p) => p > 0) && smallest > largest) {
    return problem(`${read.text} never occurs: BYSETPOS=${read.bysetpos.join(',')} asks for ${position(smallest)} matching day of each ${unit}, but no ${unit} has more than ${largest}.`);
  }
  const byParts = ['BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY', 'BYSETPOS'].filter((p) => read.text.includes(`${p}=`));
  const among = read.interval > 1 ? ` among the ${unit}s INTERVAL=${read.interval} keeps` : '';
  return problem(
    `${read.text} has no date in the next 8 years: a date must meet every BY… part at once${byParts.length > 1 ? ` (${either(byParts).replace(/ or (?=\S+$)/, ' and ')} here)` : ''}, and no day before ${formatEpochDay(todayDay + LEAP_HORIZON_DAYS + 1)} meets them all${among}.`,
  );
}
