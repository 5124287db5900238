/**
 * Integer calendar arithmetic on "epoch days" (days since 1970-01-01) — proleptic Gregorian, as
 * ISO 8601 and Temporal use. Pure and allocation-free, so the slot engine can walk dates without
 * a Temporal call per day.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the civil date `y-m-d` (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of an epoch day. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of an epoch day. */
export function formatEpochDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The epoch day of a `YYYY-MM-DD` string (already validated). */
export function parseEpochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

// isoInstant runs twice per slot of every answer served (thousands per miss), so whole seconds in
// years 0000–9999 are assembled from tables and the last day's `YYYY-MM-DDT` (slots come in date
// order) instead of a Date and a replace per call.
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => pad(i, 2));
const HOUR_MINUTE = Array.from({ length: 1440 }, (_, i) => `${TWO_DIGITS[Math.floor(i / 60)]}:${TWO_DIGITS[i % 60]}:`);
const FIRST_DAY = daysFromCivil(0, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);
let lastDay = Number.NaN;
let lastPrefix = '';

/** An instant as ISO 8601 in UTC, without milliseconds when they are zero: `2026-03-09T14:00:00Z`. */
export function isoInstant(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  const msOfDay = epochMs - day * DAY_MS;
  if (msOfDay % 1000 !== 0 || !(day >= FIRST_DAY && day <= LAST_DAY)) return new Date(epochMs).toISOString().replace('.000Z', 'Z');
  if (day !== lastDay) {
    lastPrefix = `${formatEpochDay(day)}T`;
    lastDay = day;
  }
  const second = msOfDay / 1000;
  return lastPrefix + HOUR_MINUTE[Math.floor(second / 60)]! + TWO_DIGITS[second % 60]! + 'Z';
}
