import { LANGUAGES, type Language } from '../services/messages/index.js';

const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
const WEIGHT = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The language to answer in for an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language of the highest weight, earlier on ties; a range matches by its primary subtag
 * (`de-AT` → `de`); `*` stands for any supported language the header does not name; `q=0`
 * refuses one. A malformed entry is skipped; no header, junk or nothing supported → English.
 *
 * @param header the header's value, if any
 * @param supported the languages to choose from, the first the default (`LANGUAGES`)
 */
export function negotiateLanguage(header: string | null | undefined, supported: readonly Language[] = LANGUAGES): Language {
  const fallback = supported[0] ?? 'en';
  if (!header) return fallback;
  const ranges = header
    .slice(0, 1024) // bounded work: a real header is a few dozen characters
    .split(',')
    .flatMap((part, order) => {
      const [range = '', ...rest] = part.split(';').map((s) => s.trim().toLowerCase());
      if (!RANGE.test(range)) return [];
      const weight = rest.find((p) => p.startsWith('q='));
      if (weight !== undefined && !WEIGHT.test(weight)) return [];
      return [{ language: range.split('-')[0]!, q: weight === undefined ? 1 : Number(weight.slice(2)), order }];
    });
  const weightOf = (language: string) => ranges.find((r) => r.language === language)?.q ?? ranges.find((r) => r.language === '*')?.q ?? 0;
  // A language's weight is that of its first range; among equals, the one named first wins, and
  // one matched only by `*` comes after every named one (order = Infinity).
  const orderOf = (language: string) => ranges.find((r) => r.language === language)?.order ?? Infinity;
  const best = supported
    .map((language) => ({ language, q: weightOf(language), order: orderOf(language) }))
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)[0];
  return best?.language ?? fallback;
}
