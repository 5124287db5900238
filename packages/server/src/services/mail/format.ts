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

/** `Monday, 23 November 2026, 09:00 – 09:30` */
export const span = (start: number, end: number, zone: string, locale: string) => `${longDate(start, zone, locale)}, ${time(start, zone, locale)} – ${time(end, zone, locale)}`;

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
