import type { Context } from 'hono';
import { isRightToLeft } from '../../../services/mail/layout.js';
import { stringsFor, type Strings } from '../../../services/mail/locales/index.js';
import type { Language } from '../../../services/messages/index.js';
import { negotiateLanguage } from '../../accept-language.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en, type PageWords } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { pt } from './pt.js';

/** The customer's pages' words by language: the API's languages, each a file. */
const WORDS: Record<Language, PageWords> = { en, de, fr, es, pt, ja, ar };

/** What a page a customer opens is written in. */
export interface PageLanguage {
  /** The `<html lang>`: the customer's own tag when its language is one of ours (`de-AT`), else `en`. */
  lang: string;
  /** The `<html dir>`: `rtl` for Arabic. */
  dir: 'ltr' | 'rtl';
  /** The page's words. */
  words: PageWords;
  /** The emails' words in the same language (counts, minutes, the unsubscribe page): the same as in their inbox. */
  mail: Strings;
}

/**
 * The language of a page a customer opens on the server: their own (`customerLocale`, stored with
 * the booking or purchase the page belongs to — their emails are in it too), else the browser's
 * (`Accept-Language`); English when it is none of the seven. Says so on the answer:
 * `Content-Language`, and `Vary: Accept-Language` when the browser chose.
 */
export function pageLanguage(c: Context, customerLocale?: string | null): PageLanguage {
  if (!customerLocale) c.header('vary', 'Accept-Language', { append: true });
  const language = languageOf(customerLocale || negotiateLanguage(c.req.header('accept-language')));
  c.header('content-language', language.lang);
  return language;
}

/** The page language of a BCP 47 tag (`de-AT`, `ar`), English for one of none of the seven. */
export function languageOf(tag: string): PageLanguage {
  const { t: mail, locale } = stringsFor(tag);
  const words = WORDS[locale.split('-')[0]!.toLowerCase() as Language];
  const lang = words ? locale : 'en';
  return { lang, dir: isRightToLeft(lang) ? 'rtl' : 'ltr', words: words ?? en, mail };
}

/**
 * `Monday 23 November 2026, 10:00 EST`: an instant as the page's reader writes it, in `timeZone`,
 * the zone named. A plain `en` keeps the day-first English these pages have always shown.
 */
export function longWhen(at: number, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short',
  }).format(at);
}
