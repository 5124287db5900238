import { DAY_MS, daysFromCivil } from './civil.js';

/**
 * A time zone's UTC offset at any instant, read from `Intl.DateTimeFormat` — the same zone
 * database the Temporal polyfill reads (it formats through Intl too), at a few µs per read instead
 * of the polyfill's tens of µs per zoned operation and its ms-long first use of a zone. Pure:
 * formatters are cached per zone name, nothing else is kept here.
 */

// One formatter per zone name. Only names Intl accepts are kept, and at most this many (names are
// case-insensitive to Intl, so spellings of valid zones are the only way to grow it).
const MAX_FORMATTERS = 1024;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The cached `en-US`, `h23` formatter of `timeZone`: `M/D/YYYY, HH:MM:SS` in ASCII digits.
 * @throws RangeError when `timeZone` is not a zone this runtime knows.
 */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value!);
    formatters.set(timeZone, found);
  }
  return found;
}

/** Throws RangeError unless `timeZone` names a zone this runtime knows; builds its formatter. */
export function assertTimeZone(timeZone: string): void {
  formatterOf(timeZone);
}

// `en-US` without an era writes years before 1 CE as positive numbers. No zone has a transition
// before 1800, so earlier instants take the offset of 0001-01-01 (local mean time, constant).
const YEAR_ONE_MS = daysFromCivil(1, 1, 1) * DAY_MS + DAY_MS;

/**
 * The UTC offset (ms) of `timeZone` at `epochMs`. Offsets are whole seconds (tzdb's local mean
 * times have seconds, e.g. Monrovia's −0:44:30 until 1972), so both sides are taken to the second.
 * @throws RangeError when `timeZone` is not a zone this runtime knows.
 */
export function offsetMsAt(timeZone: string, epochMs: number): number {
  const at = Math.max(epochMs, YEAR_ONE_MS);
  const second = at - (((at % 1000) + 1000) % 1000);
  const text = formatterOf(timeZone).format(second);
  // Six numbers in the order month, day, year, hour, minute, second; anything else separates them.
  let month = 0, day = 0, year = 0, hour = 0, minute = 0, sec = 0;
  let field = 0;
  let inNumber = false;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) {
      inNumber = true;
      if (field === 0) month = month * 10 + digit;
      else if (field === 1) day = day * 10 + digit;
      else if (field === 2) year = year * 10 + digit;
      else if (field === 3) hour = hour * 10 + digit;
      else if (field === 4) minute = minute * 10 + digit;
      else sec = sec * 10 + digit;
    } else if (inNumber) {
      field++;
      inNumber = false;
    }
  }
  const wall = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + sec) * 1000;
  return wall - second;
}

/**
 * How far apart offset samples are. Two offset changes closer than this could cancel out between
 * two samples (A → B → A) and be missed, so this must stay below the shortest time between two
 * consecutive offset changes of any zone. In tzdata 2025 that is 6.96 days for 1970–2100 (Gaza and
 * Hebron's Ramadan DST suspensions from 2040; Brazil's Noronha, Recife and Boa Vista in October
 * 2000); one day leaves a seven-fold margin for rules not yet written. The property test
 * (`zone.property.test.ts`) holds every zone to Temporal's exact offsets.
 */
export const SAMPLE_MS = DAY_MS;

/** Offset changes of a zone over an interval: `starts[i]` is when `offsets[i]` begins. */
export interface Transitions {
  /** The offset at the interval's start. */
  readonly initial: number;
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

/**
 * Every change of `timeZone`'s offset in `(from, to]` (`from`, `to` whole seconds): sampled every
 * `SAMPLE_MS`, and each sample pair that differs bisected to the second — at most one change lies
 * between two samples (see `SAMPLE_MS`), and tzdb's changes fall on whole seconds, so the
 * bisection finds it exactly. Costs (to − from) / SAMPLE_MS reads plus ~17 per change.
 */
export function transitionsIn(timeZone: string, from: number, to: number): Transitions {
  const initial = offsetMsAt(timeZone, from);
  const starts: number[] = [];
  const offsets: number[] = [];
  let left = from;
  let leftOffset = initial;
  while (left < to) {
    const right = Math.min(left + SAMPLE_MS, to);
    const rightOffset = offsetMsAt(timeZone, right);
    // Normally one pass; more only if two changes with three distinct offsets share a sample gap.
    while (rightOffset !== leftOffset) {
      // offset(lo) = leftOffset, offset(hi) ≠ leftOffset; the change is at hi once they are a second apart.
      let lo = left;
      let hi = right;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetMsAt(timeZone, mid) === leftOffset) lo = mid;
        else hi = mid;
      }
      left = hi;
      leftOffset = hi === right ? rightOffset : offsetMsAt(timeZone, hi);
      starts.push(left);
      offsets.push(leftOffset);
    }
    left = right;
  }
  return { initial, starts, offsets };
}
