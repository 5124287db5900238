/**
 * Dates, times and amounts as a recipient reads them: in their time zone and their locale. Only
 * Intl — no process zone is ever involved, so a server in UTC writes Berlin times for Berlin.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (cache.size > 500) cache.clear();
    cache.set(key, f);
  }
  return f;
}

/** `Monday, 23 November 2026` */
export const longDate = (at: number, zone: string, locale: string) => formatter(locale, zone, { dateStyle: 'full' }).format(at);

/** `09:00` (or `9:00 AM`, as the locale writes it) */
export const time = (at: number, zone: string, locale: string) => formatter(locale, zone, { timeStyle: 'short' }).format(at);

/** `Mon, 23 Nov, 09:00` — for subjects. */
export const shortWhen = (at: number, zone: string, locale: string) =>
  formatter(locale, zone, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(at);

const joiners = new Map<string, string>();

/**
 * What `locale` writes between a date and a time of day, as its own medium date-and-time does
 * (the widget's joiner too, so a booking reads the same in both): ", " in English and the
 * European languages, " " in Japanese, "، " in Arabic. Found by difference, not from the parts,
 * because Intl merges adjacent literals ("日 " in Japanese long dates).
 */
export function dateTimeJoiner(locale: string): string {
  let joiner = joiners.get(locale);
  if (joiner === undefined) {
    const at = Date.UTC(2026, 11, 16, 17);
    const date = formatter(locale, 'UTC', { dateStyle: 'medium' }).format(at);
    const clock = formatter(locale, 'UTC', { timeStyle: 'short' }).format(at);
    const both = formatter(locale, 'UTC', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    const fits = both.startsWith(date) && both.endsWith(clock) && both.length > date.length + clock.length;
    joiners.set(locale, (joiner = fits ? both.slice(date.length, both.length - clock.length) : ', '));
  }
  return joiner;
}

/** `Monday, 23 November 2026, 09:00` (`2026年11月23日月曜日 9:00` in Japanese) */
export const longWhen = (at: number, zone: string, locale: string) => `${longDate(at, zone, locale)}${dateTimeJoiner(locale)}${time(at, zone, locale)}`;

/** `Monday, 23 November 2026, 09:00 – 09:30` */
export const span = (start: number, end: number, zone: string, locale: string) => `${longWhen(start, zone, locale)} – ${time(end, zone, locale)}`;

/** `Europe/Berlin (GMT+1)` at that instant (the offset changes with daylight saving time). */
export function zoneLabel(zone: string, at: number, locale: string): string {
  const offset = formatter(locale, zone, { timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${zone} (${offset})` : zone;
}

/** `€90.00` of 9000 minor units of EUR (`¥50` of 50 JPY): the currency's own number of decimals. */
export function money(minor: number, currency: string, locale: string): string {
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}
