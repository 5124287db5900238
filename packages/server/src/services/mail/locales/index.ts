import { ar } from './ar.js';
import { de } from './de.js';
import { en, type Strings } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { pt } from './pt.js';

/** The languages emails are written in, by primary language subtag. Add one: a file and a line. */
const LOCALES: Readonly<Record<string, Strings>> = { en, de, fr, es, pt, ja, ar };

/**
 * The strings for a recipient's BCP 47 locale (`de-AT` → `de`), English when there are none for
 * it; and the locale to format dates and amounts with (the recipient's own, when Intl knows it).
 */
export function stringsFor(locale: string | null | undefined): { t: Strings; locale: string } {
  const wanted = (locale ?? 'en').trim() || 'en';
  const language = wanted.split('-')[0]!.toLowerCase();
  const t = LOCALES[language] ?? en;
  let format = LOCALES[language] ? wanted : 'en';
  try {
    format = Intl.DateTimeFormat.supportedLocalesOf([format])[0] ?? 'en';
  } catch {
    format = 'en'; // a malformed tag
  }
  return { t, locale: format };
}

export type { Strings };
