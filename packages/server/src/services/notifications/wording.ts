// Times and amounts as people read them, for short notices (in the app, by text message). Building
// an Intl formatter costs ~100 µs and using one ~1 µs, so they are kept per zone (bounded).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-GB: "Mon 23 Nov, 10:00" — a 24-hour clock and only ASCII, so a text message stays in the
    // GSM alphabet (160 characters a part) whatever the zone.
    format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (formatters.size >= 200) formatters.delete(formatters.keys().next().value!);
    formatters.set(timeZone, format);
  }
  return format;
}

/** `Mon 23 Nov, 10:00`: the wall-clock time of `ms` in `timeZone`. */
export function wallTime(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute}`;
}

/** How a zone is named to a person: `Europe/Berlin` → `Berlin time`, `America/Sao_Paulo` → `Sao Paulo time`, `UTC` → `UTC`. */
export function zoneLabel(timeZone: string): string {
  if (!timeZone.includes('/')) return timeZone;
  return `${timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ')} time`;
}

/** Minor units in the currency's own digits: `2500, EUR` → `€25.00`, `500, JPY` → `¥500`. */
export function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
