/**
 * Display formatting through `Intl`. Formatters are cached by their options because creating
 * one costs about 100 µs, far more than using it.
 */

/**
 * A page's `lang` as a locale `Intl` accepts, or undefined (the browser's own) when it is not a
 * language tag at all. Real pages write `en_US` (a POSIX name, not BCP 47): read as `en-US`. An
 * attribute value must never throw out of a formatter and blank the widget.
 */
export function pageLocale(lang: string | null | undefined): string | undefined {
  const tag = lang?.trim().replace(/_/g, '-');
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, options]);
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify([locale, options]);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

let warmed = false;

/**
 * Makes the formatters the first frame needs (a price, the month's title, weekday and day names)
 * in a task of its own, once per page: a fresh page's first `Intl` formatters load the locale's
 * data (≈ 20–30 ms together), which then happens while the profile request is on its way instead
 * of inside the render that shows its answer. The script-tag loader does the same even earlier.
 */
export function warmFormats(locale: string | undefined): void {
  if (warmed) return;
  warmed = true;
  setTimeout(() => {
    formatAmount(100, 'EUR', locale);
    formatMonth('2026-01', locale);
    formatDate('2026-01-05', locale);
    weekdayNames(locale, 1, 'short');
  });
}

const joiners = new Map<string, string>();

/**
 * What `locale` writes between a date and a time of day, as its own medium date-and-time does:
 * ", " in English and the European languages, " " in Japanese, "، " in Arabic. For a date and a
 * time formatted apart and shown together (`${date}${joiner}${time}`).
 */
export function dateTimeJoiner(locale?: string): string {
  const key = locale ?? '';
  let joiner = joiners.get(key);
  if (joiner === undefined) {
    const parts = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 11, 14, 9)));
    const before = parts[parts.findIndex((part) => part.type === 'hour') - 1];
    joiners.set(key, (joiner = before?.type === 'literal' ? before.value : ', '));
  }
  return joiner;
}

/** The time of day of `instant` in `timeZone`, e.g. "14:30" or "2:30 PM". */
export function formatTime(instant: string, timeZone: string, locale?: string): string {
  return dateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(new Date(instant));
}

/** The date of `instant` as seen in `timeZone`, e.g. "Monday, 23 November 2026" (or in `style`, e.g. "3 Mar"). */
export function formatInstantDate(instant: string, timeZone: string, locale?: string, style: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string {
  return dateTimeFormat(locale, { timeZone, ...style }).format(new Date(instant));
}

/** A plain calendar date (`YYYY-MM-DD`), e.g. "Monday, 23 November". */
export function formatDate(date: string, locale?: string, options: Intl.DateTimeFormatOptions = {}): string {
  const style: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', ...options };
  return dateTimeFormat(locale, { ...style, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A month (`YYYY-MM`), e.g. "November 2026". */
export function formatMonth(month: string, locale?: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));
}

/** Short weekday names for a week starting on `firstDay` (ISO weekday). */
export function weekdayNames(locale: string | undefined, firstDay: number, width: 'narrow' | 'short' | 'long'): string[] {
  const format = dateTimeFormat(locale, { timeZone: 'UTC', weekday: width });
  // 2024-01-01 was a Monday (ISO weekday 1).
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, ((firstDay - 1 + i) % 7) + 1, 12))));
}

/** The zone's name with its offset at `at`, e.g. "Asia/Kathmandu (GMT+5:45)". */
export function zoneLabel(timeZone: string, at: Date, locale?: string): string {
  const offset = dateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const name = timeZone.replaceAll('_', ' ');
  return offset ? `${name} (${offset})` : name;
}

/** A price in minor units; zero reads `free` ("Free", or the visitor's catalog's word for it). */
export function formatPrice(minor: number, currency: string, locale?: string, free = 'Free'): string {
  return minor === 0 ? free : formatAmount(minor, currency, locale);
}

/**
 * An amount in minor units in its currency, e.g. 9000 EUR → "€90.00", 9000 JPY → "¥9,000": the
 * currency's own number of digits (ISO 4217, as `Intl` knows it) says where the point goes.
 */
export function formatAmount(minor: number, currency: string, locale?: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** currencyDigits(currency));
}

/** How many digits follow the point in `currency` (ISO 4217 as `Intl` knows it): EUR 2, JPY 0. */
export function currencyDigits(currency: string): number {
  return numberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Time left as a clock, e.g. "14:32", or "1:05:00" from an hour up. Whole seconds rounded up,
 * so "0:00" appears only once nothing is left.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * How long until something, for a countdown in words: "2 hr, 14 min", "3 days, 4 hr", "45 sec"
 * (in `locale`'s words and units). Rounded up in the smallest unit shown, so it never says "0 min"
 * while time is left, nor that something is later than it is by more than that unit.
 */
export function formatTimeLeft(ms: number, locale?: string): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return unitText(seconds, 'second', locale);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return unitText(minutes, 'minute', locale);
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return unitList([[hours, 'hour'], [minutes % 60, 'minute']], locale);
  }
  const hours = Math.ceil(minutes / 60);
  return unitList([[Math.floor(hours / 24), 'day'], [hours % 24, 'hour']], locale);
}

function unitText(value: number, unit: string, locale: string | undefined): string {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** "2 hr, 14 min"; zero amounts are left out ("2 hr"). */
function unitList(amounts: [number, string][], locale: string | undefined): string {
  const key = locale ?? '';
  let list = listFormats.get(key);
  if (!list) listFormats.set(key, (list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' })));
  return list.format(amounts.filter(([value]) => value > 0).map(([value, unit]) => unitText(value, unit, locale)));
}

/**
 * When something happens, for a sentence like "from 09:50": the time alone when it falls on the
 * same day as `now` in `timeZone`, else the date too ("23 Nov 2026, 09:50").
 */
export function formatMoment(instant: string, timeZone: string, locale: string | undefined, now: Date): string {
  const day = dateTimeFormat('en-CA', { timeZone, dateStyle: 'short' });
  if (day.format(new Date(instant)) === day.format(now)) return formatTime(instant, timeZone, locale);
  return dateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** A length of time, e.g. "30 min". */
export function formatMinutes(minutes: number, locale?: string): string {
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
}

/** The first day of the week for `locale` (ISO weekday), Monday when the runtime cannot tell. */
export function firstDayOfWeek(locale?: string): number {
  try {
    const info = new Intl.Locale(locale ?? navigator.language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** `n` with its noun in the right number: `countOf(1, 'booking', 'bookings')` → "1 booking". */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * How long ago `instant` was, in words: "just now" under a minute, then "3 minutes ago",
 * "2 hours ago", "yesterday"… (whole units, rounded down: never says something is older than it is).
 */
export function formatAgo(instant: string, now: Date, locale?: string): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(instant)) / 1000));
  if (seconds < 60) return 'just now';
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 3600) return words.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return words.format(-Math.floor(seconds / 3600), 'hour');
  return words.format(-Math.floor(seconds / 86_400), 'day');
}
