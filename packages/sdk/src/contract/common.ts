import { z } from 'zod';
import { say } from './messages.js';

// Zones already found valid. Only valid names are kept, so the set stays as small as the zone
// database however many bad names arrive; building an Intl.DateTimeFormat costs ~50 µs.
const knownZones = new Set<string>();

/** True when `value` names an IANA time zone this runtime knows (e.g. `Europe/Berlin`). */
export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * `value` in the zone database's own case when it differs only in case from a zone this runtime
 * lists (`europe/berlin` → `Europe/Berlin`), so a zone stored, echoed and written in emails reads
 * as people know it; otherwise `value` unchanged (an alias keeps its name: `Asia/Calcutta`).
 */
export function zoneInItsCase(value: string): string {
  if (knownZones.has(value) || value.length > 64) return value;
  zonesByLowerCase ??= new Map(['UTC', ...(Intl.supportedValuesOf?.('timeZone') ?? [])].map((zone) => [zone.toLowerCase(), zone]));
  return zonesByLowerCase.get(value.toLowerCase()) ?? value;
}

export const TimeZone = z
  .string()
  .max(64)
  .overwrite(zoneInItsCase)
  .refine(isTimeZone, { message: say('time_zone') })
  .meta({ description: 'An IANA time zone name.', example: 'Europe/Berlin' });

/** A BCP 47 language tag without extensions, e.g. `de` or `pt-BR`. */
export const Locale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: say('language_tag') })
  .max(35)
  .meta({ description: 'A BCP 47 language tag.', example: 'de-DE' });

export const Handle = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
    message: say('handle_format'),
  })
  .meta({ description: "A specialist's public handle.", example: 'demo' });

/**
 * Words a specialist cannot take as their handle: the server's own top-level paths (a hosted
 * booking page lives at `/{handle}`, so a handle must never name one of them) and a few that
 * would mislead a visitor. Looking a specialist up by handle still accepts any `Handle`.
 */
export const RESERVED_HANDLES: readonly string[] = [
  'v1', 'console', 'widget', 'dev', 'health', 'ready', 'openapi', 'stripe', 'api', 'app', 'admin', 'operator',
  'login', 'logout', 'signup', 'account', 'settings', 'static', 'assets', 'docs', 'help', 'support', 'www', 'slotwise',
];

/** A handle someone may choose (signup, profile): a `Handle` that is not one of `RESERVED_HANDLES`. */
export const NewHandle = Handle.refine((handle) => !RESERVED_HANDLES.includes(handle), {
  message: say('handle_reserved'),
});

/** The first and last calendar dates the API accepts, as `YYYY-MM-DD` (they compare as strings). */
export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '2999-12-31';

/**
 * A calendar date, `YYYY-MM-DD`, from `MIN_DATE` to `MAX_DATE`. The bound keeps every date the
 * server derives from one (the next day, a window's edges) a four-digit year, which `9999-12-31`
 * plus a day is not; refused here, such a date is a 400 that says the range, not a 500 deep down.
 */
export const IsoDate = z.iso
  .date({ message: say('date_format'), abort: true })
  .refine((date) => date >= MIN_DATE && date <= MAX_DATE, { message: say('date_range', { from: MIN_DATE, to: MAX_DATE }) });

/** An instant in ISO 8601 with `Z` or an offset; the server always answers in UTC (`Z`). */
export const Instant = z.iso.datetime({
  offset: true,
  message: say('instant_format'),
});

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: say('currency_code') })
  .meta({ example: 'EUR' });

/** An amount in the currency's minor unit (cents for EUR and USD). */
export const MinorAmount = z.number().int().nonnegative().meta({ description: 'Integer minor units (e.g. cents).' });

/** Compared case-insensitively everywhere: stored and answered in lower case. */
/** A photo's address: https only, no credentials, at most 500 characters. */
export const PhotoUrl = z
  .url({ protocol: /^https$/, message: say('photo_url') })
  .max(500)
  .refine((value) => !/^https:\/\/[^/]*@/.test(value), { message: say('photo_url_credentials') })
  .meta({ description: 'An https address of your photo, shown on your booking page and in link previews.' });

export const Email = z
  .email({ message: say('email_format') })
  .max(254)
  .overwrite((email) => email.toLowerCase());

export const FieldError = z.strictObject({
  field: z.string().meta({ description: 'Where the problem is, e.g. `body.customer.email` or `query.from`.' }),
  message: z.string(),
});

/** An RFC 9457 problem document; `code` is stable and machine-readable. */
export const Problem = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });

export type FieldError = z.infer<typeof FieldError>;
export type Problem = z.infer<typeof Problem>;
