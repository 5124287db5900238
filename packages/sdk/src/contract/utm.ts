import { z } from 'zod';
import { say } from './messages.js';

/** The campaign parameters a booking remembers, as they appear in the page's URL. */
export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

/** At most this many characters per value: enough for any real campaign name, bounded for storage. */
export const UTM_MAX_LENGTH = 200;

const value = z
  .string()
  .trim()
  .min(1, { message: say('utm_empty') })
  .max(UTM_MAX_LENGTH, { message: say('utm_too_long', { max: UTM_MAX_LENGTH }) });

/**
 * Where a booking came from: the `utm_*` parameters of the page the widget was on. Only the five
 * known keys (an unknown key is a 400), each a short string. Shown to the specialist (their
 * bookings, webhooks) and never to any customer.
 */
export const Utm = z
  .strictObject({
    utm_source: value.optional(),
    utm_medium: value.optional(),
    utm_campaign: value.optional(),
    utm_term: value.optional(),
    utm_content: value.optional(),
  })
  .meta({ id: 'Utm', description: 'Campaign parameters (`utm_*`) of the page the booking was made on.', example: { utm_source: 'newsletter', utm_medium: 'email' } });

export type Utm = z.infer<typeof Utm>;
