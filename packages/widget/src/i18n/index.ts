/**
 * The widget's languages. English is built in (the first screens' strings; each lazy part adds
 * its own when it loads, see `en.ts`); every other catalog is its own chunk, loaded with
 * `import()` the first time a widget on the page asks for it, so the default bundle does not grow
 * per language. Until it arrives (a few ms from the same origin) English is shown.
 */
import { en, type Messages } from './en.js';

export { en } from './en.js';
export type { Messages, Rich } from './en.js';

/** The languages with a catalog, by their primary subtag. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Right-to-left languages: the widget mirrors its layout for them (`dir="rtl"`). */
const RTL = new Set<string>(['ar', 'he', 'fa', 'ur']);

/** Each a separate chunk: `import()` with a literal path, so the bundler splits it out. */
const loaders: Partial<Record<Language, () => Promise<Messages>>> = {
  de: () => import('./de.js').then((module) => module.de),
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
  pt: () => import('./pt.js').then((module) => module.pt),
  ja: () => import('./ja.js').then((module) => module.ja),
  ar: () => import('./ar.js').then((module) => module.ar),
};
const loaded = new Map<Language, Messages>([['en', en]]);
const pending = new Map<Language, Promise<Messages>>();

/** The catalog language for a locale (`pt-BR` → `pt`); English when there is none for it. */
export function catalogLanguage(locale: string | undefined): Language {
  const primary = (locale ?? globalThis.navigator?.language ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** The text direction of a locale's script. */
export function directionOf(locale: string | undefined): 'ltr' | 'rtl' {
  const primary = (locale ?? globalThis.navigator?.language ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return RTL.has(primary) ? 'rtl' : 'ltr';
}

/**
 * Which way to lay the widget out: right to left only while a right-to-left catalog is shown. A
 * Hebrew page reads English (there is no Hebrew catalog), so it stays left to right, and so does
 * an Arabic one for the moment its catalog is still on its way.
 */
export function layoutDirection(locale: string | undefined, messages: Messages): 'ltr' | 'rtl' {
  return messages !== en && directionOf(locale) === 'rtl' ? 'rtl' : 'ltr';
}

/** The catalog for `locale` if it is loaded, else English (call `loadMessages` to load it). */
export function messagesFor(locale: string | undefined): Messages {
  return loaded.get(catalogLanguage(locale)) ?? en;
}

/** Loads the catalog for `locale` once per page; English if it cannot be loaded. */
export function loadMessages(locale: string | undefined): Promise<Messages> {
  const language = catalogLanguage(locale);
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  const load = loaders[language];
  if (!load) return Promise.resolve(en);
  let promise = pending.get(language);
  if (!promise) {
    promise = load().then(
      (messages) => (loaded.set(language, messages), messages),
      () => (pending.delete(language), en),
    );
    pending.set(language, promise);
  }
  return promise;
}
