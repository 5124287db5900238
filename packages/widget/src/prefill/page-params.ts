import type { Utm } from '@slotwise/sdk/contract';

/**
 * What a page's URL may fill in on `<slotwise-booking>`: attribute name → URL parameter. The
 * `slotwise_` prefix keeps them clear of the site's own parameters (a `?name=` of a search form).
 */
export const PREFILL_PARAMS = {
  name: 'slotwise_name',
  email: 'slotwise_email',
  notes: 'slotwise_notes',
  service: 'slotwise_service',
  duration: 'slotwise_duration',
  'promo-code': 'slotwise_code',
} as const;

export type PrefillKey = keyof typeof PREFILL_PARAMS;

/** The longest value each field takes: the API's own bounds, so a link never fills in what it would refuse. */
const MAX_LENGTH: Record<PrefillKey, number> = { name: 120, email: 254, notes: 2000, service: 64, duration: 4, 'promo-code': 64 };

/** The five campaign keys the API stores; typed against the contract so a new key there fails here. */
const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const satisfies readonly (keyof Utm)[];
type Complete<T extends never> = T;
export type UtmKeysComplete = Complete<Exclude<keyof Utm, (typeof UTM_KEYS)[number]>>;

/** The API refuses longer values: a longer one is cut to fit rather than failing the booking. */
const UTM_MAX_LENGTH = 200;

/**
 * The prefill values in `search` (a URL's query): known parameters only, trimmed, empty ones left
 * out, each within the API's length for its field (a longer one is dropped — a cut email is wrong).
 */
export function prefillFrom(search: string): Partial<Record<PrefillKey, string>> {
  const params = new URLSearchParams(search);
  const found: Partial<Record<PrefillKey, string>> = {};
  for (const [key, param] of Object.entries(PREFILL_PARAMS) as [PrefillKey, string][]) {
    const value = params.get(param)?.trim();
    if (value && value.length <= MAX_LENGTH[key]) found[key] = value;
  }
  if (found.duration !== undefined && !/^[1-9]\d*$/.test(found.duration)) delete found.duration;
  return found;
}

/**
 * The page's campaign parameters, as the booking sends them: the five known `utm_*` keys only,
 * trimmed, empty ones left out, each cut to 200 characters. Undefined when there are none.
 */
export function utmFrom(search: string): Utm | undefined {
  const params = new URLSearchParams(search);
  const utm: Record<string, string> = {};
  for (const key of UTM_KEYS) {
    const value = params.get(key)?.trim().slice(0, UTM_MAX_LENGTH).trim();
    if (value) utm[key] = value;
  }
  return Object.keys(utm).length > 0 ? (utm as Utm) : undefined;
}
