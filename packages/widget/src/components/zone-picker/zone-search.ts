/** How many matches the list shows at once: typing narrows it, so a long list helps nobody. */
export const MAX_MATCHES = 50;

const words = (text: string) => text.toLowerCase().replaceAll('_', ' ').split(/[\s/]+/).filter(Boolean);

/**
 * Today's IANA names of zones a browser may still list by an older one (Chromium lists
 * `Asia/Calcutta`, `Europe/Kiev`, `Asia/Saigon`…), so that the name a visitor knows finds them.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** Every name a zone answers to: its own and, for an old one, today's. */
const namesOf = (zone: string): string[] => (RENAMED[zone] ? [zone, RENAMED[zone]] : [zone]);
/** The words of a zone's city (`Ho_Chi_Minh` → ho, chi, minh). */
const cityWords = (zone: string) => words(zone.split('/').pop() ?? zone);

/**
 * The zones matching what the visitor typed, best first, at most `limit`: every typed word must
 * start a word of the zone's name or of its newer name (`new york`, `york`, `america/new`, `tok`
 * all find their zone, `kolkata` finds `Asia/Calcutta`; `_` and `/` count as spaces). Zones whose
 * city starts with the first word come first, then the rest in list order. An empty query lists
 * the first `limit` zones. Pure: returns a new array.
 */
export function searchZones(zones: readonly string[], query: string, limit = MAX_MATCHES): string[] {
  const typed = words(query);
  if (typed.length === 0) return zones.slice(0, limit);
  const first: string[] = [];
  const rest: string[] = [];
  for (const zone of zones) {
    const names = namesOf(zone);
    if (!names.some((name) => typed.every((word) => words(name).some((part) => part.startsWith(word))))) continue;
    (names.some((name) => cityWords(name)[0]?.startsWith(typed[0]!)) ? first : rest).push(zone);
    if (first.length >= limit) break;
  }
  return [...first, ...rest].slice(0, limit);
}
