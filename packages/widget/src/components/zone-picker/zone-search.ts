/** How many matches the list shows at once: typing narrows it, so a long list helps nobody. */
export const MAX_MATCHES = 50;

const words = (text: string) => text.toLowerCase().replaceAll('_', ' ').split(/[\s/]+/).filter(Boolean);

/**
 * The zones matching what the visitor typed, best first, at most `limit`: every typed word must
 * start a word of the zone's name (`new york`, `york`, `america/new`, `tok` all find their
 * zone; `_` and `/` count as spaces). Zones whose city starts with the first word come first, then
 * the rest in list order. An empty query lists the first `limit` zones. Pure: returns a new array.
 */
export function searchZones(zones: readonly string[], query: string, limit = MAX_MATCHES): string[] {
  const typed = words(query);
  if (typed.length === 0) return zones.slice(0, limit);
  const first: string[] = [];
  const rest: string[] = [];
  for (const zone of zones) {
    const own = words(zone);
    if (!typed.every((word) => own.some((part) => part.startsWith(word)))) continue;
    const city = own.slice(own.length - (zone.split('/').pop()?.split('_').length ?? 1));
    (city[0]?.startsWith(typed[0]!) ? first : rest).push(zone);
    if (first.length >= limit) break;
  }
  return [...first, ...rest].slice(0, limit);
}
