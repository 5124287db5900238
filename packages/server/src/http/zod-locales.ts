import { ar, de, es, fr, ja, pt } from 'zod/v4/locales';
import type { z } from 'zod';
import type { Language } from '../services/messages/index.js';

const maps: Partial<Record<Language, () => { localeError: z.core.$ZodErrorMap }>> = { ar, de, es, fr, ja, pt };
const built = new Map<Language, z.core.$ZodErrorMap>();

/**
 * English for the issues the contract gives no sentence of its own, written for the person who
 * reads it beside a field ("Use 0 or more.") rather than zod's own ("Too small: expected number to
 * be >=0", "Invalid input: expected string, received undefined"); anything else keeps zod's words.
 */
const english: z.core.$ZodErrorMap = (issue) => {
  const origin = 'origin' in issue ? issue.origin : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required.';
      return ({ int: 'Use a whole number.', number: 'Use a number.', string: 'Use text.', boolean: 'Use true or false.', array: 'Use a list.', object: 'Use an object.' } as Record<string, string>)[issue.expected];
    case 'too_small': {
      const n = Number(issue.minimum);
      if (origin === 'number' || origin === 'int') return issue.inclusive ? `Use ${n} or more.` : `Use more than ${n}.`;
      if (origin === 'string') return n === 1 ? 'This cannot be empty.' : `Use at least ${n} characters.`;
      if (origin === 'array' || origin === 'set') return n === 1 ? 'Give at least one.' : `Give at least ${n}.`;
      return undefined;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (origin === 'number' || origin === 'int') return issue.inclusive ? `Use ${n} or less.` : `Use less than ${n}.`;
      if (origin === 'string') return `Use at most ${n} characters.`;
      if (origin === 'array' || origin === 'set') return `Give at most ${n}.`;
      return undefined;
    }
    case 'invalid_value': {
      // An enum or a literal: name what is accepted, as a person would type it.
      const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
      return values.length === 1 ? `Use ${values[0]}.` : `Use one of: ${values.join(', ')}.`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Use an email address such as ada@example.com.';
      if (issue.format === 'url') return 'Use a full web address, such as https://example.com.';
      return undefined;
    default:
      return undefined;
  }
};

/**
 * zod's own messages for a failed parse in `language` ("Ungültige Eingabe: …"), for the issues
 * the contract gives no message of its own — in English, the plainer sentences above. Each map
 * is built once, on first use.
 */
export function zodErrorMap(language: Language): z.core.$ZodErrorMap | undefined {
  if (language === 'en') return english;
  const make = maps[language];
  if (!make) return undefined;
  let map = built.get(language);
  if (!map) built.set(language, (map = make().localeError));
  return map;
}
