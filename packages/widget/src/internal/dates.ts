/**
 * Calendar arithmetic on plain dates (`YYYY-MM-DD`) and months (`YYYY-MM`). Dates here are
 * already in the visitor's zone, so the math runs in UTC: the host machine's zone never leaks in.
 */

const parts = new Map<string, Intl.DateTimeFormat>();

/** The date it is at `now` in `timeZone`. */
export function todayIn(timeZone: string, now: Date): string {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      numberingSystem: 'latn',
      calendar: 'iso8601',
    });
    parts.set(timeZone, format);
  }
  const pick = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(now).find((part) => part.type === type)?.value ?? '';
  return `${pick('year').padStart(4, '0')}-${pick('month')}-${pick('day')}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since midnight at `at` on the wall clock of `timeZone` (0–1439). */
export function minuteOfDay(timeZone: string, at: Date): number {
  let format = clocks.get(timeZone);
  if (!format) clocks.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23', numberingSystem: 'latn' })));
  const pick = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(at).find((part) => part.type === type)?.value ?? 0);
  return pick('hour') * 60 + pick('minute');
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = toUtc(date);
  value.setUTCDate(value.getUTCDate() + days);
  return fromUtc(value);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const value = toUtc(`${month}-01`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return monthOf(fromUtc(value));
}

export function lastDayOf(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return toUtc(date).getUTCDay() || 7;
}

/**
 * The weeks of `month` as rows of seven cells, starting on `firstDay` (ISO weekday); cells
 * outside the month are `null`.
 */
export function monthGrid(month: string, firstDay = 1): (string | null)[][] {
  const first = `${month}-01`;
  const last = lastDayOf(month);
  const lead = (isoWeekday(first) - firstDay + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let date = first; date <= last; date = addDays(date, 1)) cells.push(date);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The dates to ask the slots endpoint for when `month` is shown: never before `today`. */
export function monthWindow(month: string, today: string): { from: string; to: string } | undefined {
  const to = lastDayOf(month);
  if (to < today) return undefined;
  const first = `${month}-01`;
  return { from: first < today ? today : first, to };
}

const walls = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at `at` in `timeZone`, as if it were UTC (ms). */
function wallClock(at: number, timeZone: string): number {
  let format = walls.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', numberingSystem: 'latn', calendar: 'iso8601' });
    walls.set(timeZone, format);
  }
  const pick = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(at).find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(pick('year'), pick('month') - 1, pick('day'), pick('hour'), pick('minute'), pick('second'));
}

/**
 * The instant `date` begins in `timeZone` (its midnight, or the first minute after a midnight a
 * clock change skips), as an ISO string: what a date picked in the console means for the API.
 */
export function startOfDayIn(date: string, timeZone: string): string {
  const midnight = toUtc(date).getTime();
  let at = midnight;
  for (let i = 0; i < 3; i += 1) at = midnight - (wallClock(at, timeZone) - at);
  // A skipped midnight lands before the day: move to the day's first wall-clock minute.
  while (wallClock(at, timeZone) < midnight) at += 60_000 * 15;
  return new Date(at).toISOString();
}
