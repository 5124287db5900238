/**
 * The contract's own sentences for a value it refuses (password length, an origin's form…), in
 * English, by key. The schemas take them through `say`, so a program validating with the contract
 * reads English (the SDK's default); the server reads the key back (`contractMessageOf`) and
 * answers the same sentence in the caller's language (`Accept-Language`), its catalogs
 * translating every key here. A sentence's parameters are constants of the contract (lengths,
 * limits), never a request's input: what `say` remembers stays bounded.
 */
export const contractMessages = {
  // Shared values (common.ts).
  time_zone: () => 'Use an IANA time zone name such as "Europe/Berlin" or "America/New_York".',
  language_tag: () => 'Use a language tag such as en or en-GB.',
  handle_format: () => 'A handle is 1–40 lowercase letters, digits or dashes, not starting or ending with a dash.',
  handle_reserved: () => 'This word is reserved for Slotwise’s own pages (like /console or /widget); choose another handle.',
  date_format: () => 'Use a calendar date written as YYYY-MM-DD.',
  date_range: (p: { from: string; to: string }) => `Use a date from ${p.from} to ${p.to}.`,
  instant_format: () => 'Use an ISO 8601 date-time with a zone offset, e.g. 2026-03-09T14:00:00Z.',
  currency_code: () => 'Use a three-letter ISO 4217 currency code such as EUR.',
  photo_url: () => 'Use an https:// address of an image, like https://example.com/me.jpg.',
  price_max: () => 'A price can be at most 999,999.99 (99999999 in minor units, such as cents), the most Stripe can charge.',
  photo_url_credentials: () => 'Leave the user name and password out of the address.',
  stripe_return_url: () => 'Use an http:// or https:// address of a page of yours, like https://example.com/settings.',
  email_format: () => 'Use an email address such as ada@example.com.',
  whole_minutes: () => 'Use a whole number of minutes.',
  promo_code_format: () => 'A promo code is 3–40 letters, digits, - or _, like SPRING25.',
  promo_code_update_empty: () => 'Send active, validUntil, maxRedemptions or maxPerCustomer.',

  // Accounts, profile, keys, services (account.ts, data.ts, recovery.ts).
  password_too_short: (p: { min: number }) => `Use at least ${p.min} characters; a few unrelated words make a good password.`,
  password_too_long: (p: { max: number }) => `Use at most ${p.max} characters.`,
  password_required: () => 'Enter your password.',
  password_confirm_required: () => 'Enter your password to confirm it is you.',
  handle_confirm_required: () => 'Type your handle to confirm.',
  display_name_required: () => 'Tell us the name to show.',
  origin_format: () => 'Use an origin alone, like https://coach.example or http://localhost:3000 (no path, no wildcard).',
  origins_too_many: (p: { max: number }) => `Register at most ${p.max} origins.`,
  reminder_too_late: () => 'A reminder goes at least 1 hour before.',
  reminder_too_early: () => 'A reminder goes at most 14 days (336 hours) before.',
  reminders_too_many: () => 'Choose at most 5 reminder times.',
  api_key_name_required: () => 'Name the key after where it is used.',
  service_name_required: () => 'Name the service.',
  durations_unique: () => 'Offer each duration once.',
  service_capacity: (p: { max: number }) => `Use a whole number of seats from 1 (one-to-one) to ${p.max} (a group session).`,
  refund_tiers_order: () => 'The partial refund\'s deadline cannot come before the full refund\'s: the full refund is for the earlier cancellations.',
  emailed_token_required: () => 'Paste the token from the link in the email.',
  suspend_reason_required: () => 'Say why: the specialist reads it in their console.',

  // Availability (availability.ts).
  clock_time: () => 'Use a 24-hour time such as 09:00 or 17:30 (24:00 ends the day).',
  end_after_start: () => 'The end must be after the start on the same day.',
  hours_overlap: () => 'These hours overlap other hours of the same day: join them into one interval, or start these when the others end.',
  override_order: () => 'Use a "to" date on or after "from".',
  override_too_long: () => 'An override covers at most 366 days.',

  // Where a session happens (locations.ts).
  meeting_link: () => 'Use an https:// link, like https://zoom.us/j/1234567890 or https://meet.jit.si/your-room.',
  meeting_link_credentials: () => 'Leave the user name and password out of the link.',
  phone_format: () => 'Use a phone number such as +49 30 1234567.',
  address_required: () => 'Write the address the customer should come to.',
  provider_video_only: () => 'Only a video location has a provider; leave it out.',
  phone_detail_required: () => 'A phone location needs a phone number in detail.',
  address_detail_required: () => 'An in-person location needs an address in detail.',
  detail_not_allowed: () => 'Only in-person (an address) and phone (a number) locations have a detail; leave it out.',

  // Bookings and customers (bookings.ts, customer-access.ts, utm.ts).
  customer_name_required: () => 'Tell us your name.',
  phone_international: () => 'Use the international format with the country code, e.g. +14155552671 or +49 170 1234567.',
  sms_needs_phone: () => 'Give a mobile number for the text reminders, or leave smsConsent out.',
  visitor_id: () => 'Use the random visitor id the widget keeps (letters, digits, - and _).',
  shared_notes_too_long: () => 'Keep the shared notes under 5000 characters.',
  booking_update_empty: () => 'Send notes, sharedNotes or recordingUrl.',
  return_url: () => 'Use the address of the page with the widget, starting with https://.',
  utm_empty: () => 'Leave out a UTM parameter that has no value.',
  utm_too_long: (p: { max: number }) => `Keep each UTM value within ${p.max} characters.`,

  // Packages, notifications, webhooks.
  package_name_required: () => 'Name the package.',
  package_services_required: () => 'Name at least one service a credit can book.',
  package_services_unique: () => 'List each service once.',
  mark_read_one_of: () => 'Send the notifications to mark read as `ids`, or `all: true` — one of the two.',
  webhook_event_types: (p: { types: string }) => `Use event types from: ${p.types}, or "*" for all.`,
  webhook_url_required: () => 'Give the https:// address that should receive the events.',
  webhook_events_required: () => 'Subscribe to at least one event type, or "*".',

  // The directory (directory.ts).
  directory_category: () => 'Use a category as lower-case words joined by hyphens, like career-coaching.',
  directory_language: () => 'Use a two-letter language code, like en or de.',
  headline_too_long: (p: { max: number }) => `Keep the headline within ${p.max} characters.`,
  categories_too_many: (p: { max: number }) => `Choose at most ${p.max} categories.`,
  languages_too_many: (p: { max: number }) => `List at most ${p.max} languages.`,
  directory_query_too_long: (p: { max: number }) => `Keep the search within ${p.max} characters.`,
  directory_price_max: () => 'Give the highest price as a whole amount in minor units, like 5000 for 50.00.',
  directory_within_days: (p: { max: number }) => `Give a whole number of days from 1 to ${p.max}.`,
  directory_price_currency: () => 'Say which currency the highest price is in, like currency=EUR.',
} as const;

export type ContractMessageKey = keyof typeof contractMessages;

/** A contract sentence's key and the parameters it was written with. */
export interface ContractMessage {
  readonly key: ContractMessageKey;
  readonly params?: Readonly<Record<string, unknown>>;
}

type ParamsOf<K extends ContractMessageKey> = Parameters<(typeof contractMessages)[K]> extends [infer P] ? [P] : [];

const written = new Map<string, ContractMessage>();

/**
 * The English sentence `key` with `params`, as a schema's `message`; remembered, so the server can
 * tell which sentence an issue carries (`contractMessageOf`) and write it in another language.
 */
export function say<K extends ContractMessageKey>(key: K, ...params: ParamsOf<K>): string {
  const text = (contractMessages[key] as (p?: unknown) => string)(params[0]);
  if (!written.has(text)) written.set(text, params.length === 0 ? { key } : { key, params: params[0] as Record<string, unknown> });
  return text;
}

/** Which contract sentence `text` is, if it is one (a zod issue's `message`); undefined for any other text. */
export function contractMessageOf(text: string): ContractMessage | undefined {
  return written.get(text);
}
