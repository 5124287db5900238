import { ar, de, es, fr, ja, pt } from 'zod/v4/locales';
import type { z } from 'zod';
import type { Language } from '../services/messages/index.js';

const maps: Partial<Record<Language, () => { localeError: z.core.$ZodErrorMap }>> = { ar, de, es, fr, ja, pt };
const built = new Map<Language, z.core.$ZodErrorMap>();

/**
 * zod's own messages for a failed parse in `language` ("Ungültige Eingabe: …"), for the issues
 * the contract gives no message of its own; undefined for English, which zod speaks already — so
 * English answers stay exactly as they were. Each map is built once, on first use.
 */
export function zodErrorMap(language: Language): z.core.$ZodErrorMap | undefined {
  const make = maps[language];
  if (!make) return undefined;
  let map = built.get(language);
  if (!map) built.set(language, (map = make().localeError));
  return map;
}
