import { z } from 'zod';
import { Currency, Handle, Instant, MinorAmount } from './common.js';
import { say } from './messages.js';

// ── A specialist's promo codes ───────────────────────────────────────────────────────────────

/** Letters, digits, `-` and `_`, 3–40 characters; matched whatever the case (`SPRING` = `spring`). */
export const PromoCodeText = z
  .string()
  .trim()
  .min(3, { message: say('promo_code_format') })
  .max(40, { message: say('promo_code_format') })
  .regex(/^[A-Za-z0-9_-]+$/, { message: say('promo_code_format') })
  .meta({ description: 'Letters, digits, `-` and `_`, 3–40 characters; matched whatever the case.', example: 'SPRING25' });

export const PromoCodeCreate = z
  .strictObject({
    code: PromoCodeText,
    kind: z.enum(['percent', 'amount']).meta({ description: '`percent`: `value` percent off (1–100). `amount`: `value` minor units of `currency` off.' }),
    value: z.number().int().min(1).max(99_999_999),
    currency: Currency.optional().meta({ description: 'For `amount` codes; defaults to your profile’s currency. Services priced in another currency are not discounted.' }),
    serviceIds: z.array(z.string().min(1).max(64)).min(1).max(50).optional().meta({ description: 'The services it applies to; every service when left out.' }),
    validFrom: Instant.optional().meta({ description: 'Usable from this instant (at booking time); at once when left out.' }),
    validUntil: Instant.optional().meta({ description: 'Usable until this instant (excluded); forever when left out.' }),
    maxRedemptions: z.number().int().min(1).max(1_000_000).optional().meta({ description: 'Uses in all. A use counts while its booking is held or went ahead: an expired hold or a cancellation gives it back.' }),
    maxPerCustomer: z.number().int().min(1).max(1000).optional().meta({ description: 'Uses per customer email.' }),
    firstBookingOnly: z.boolean().default(false).meta({ description: 'Only for a customer email with no booking with you yet.' }),
  })
  .meta({ id: 'PromoCodeCreate' });

/**
 * What may change on a code: whether it is active, its end, its limits. Its text, discount and
 * services stay as created (customers and links already know them): make a new code for another offer.
 */
export const PromoCodeUpdate = z
  .strictObject({
    active: z.boolean().optional().meta({ description: '`false` stops the code (as `DELETE`); `true` makes it usable again.' }),
    validUntil: Instant.nullable().optional().meta({ description: 'A new end (excluded); null: no end.' }),
    maxRedemptions: z.number().int().min(1).max(1_000_000).nullable().optional().meta({ description: 'Uses in all; null: no limit. Below the uses so far, the code simply takes no more.' }),
    maxPerCustomer: z.number().int().min(1).max(1000).nullable().optional().meta({ description: 'Uses per customer email; null: no limit.' }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: say('promo_code_update_empty') })
  .meta({ id: 'PromoCodeUpdate' });

export const MyPromoCode = z
  .strictObject({
    id: z.string().meta({ example: 'promo_4kq0m3x9c2vbn7wd' }),
    code: z.string(),
    kind: z.enum(['percent', 'amount']),
    value: z.number().int(),
    currency: Currency.nullable(),
    serviceIds: z.array(z.string()).nullable().meta({ description: 'null: every service.' }),
    validFrom: Instant.nullable(),
    validUntil: Instant.nullable(),
    maxRedemptions: z.number().int().nullable(),
    maxPerCustomer: z.number().int().nullable(),
    firstBookingOnly: z.boolean(),
    active: z.boolean(),
    redemptions: z.number().int().meta({ description: 'Uses that count: bookings held or gone ahead with it.' }),
    createdAt: Instant,
  })
  .meta({ id: 'MyPromoCode' });

export const MyPromoCodeList = z.strictObject({ data: z.array(MyPromoCode) }).meta({ id: 'MyPromoCodeList' });
export const PromoCodeParams = z.strictObject({ id: z.string().min(1).max(64) });

// ── What a customer sees ─────────────────────────────────────────────────────────────────────

/** The code a booking was made with, and what it took off the service's price. */
export const BookingPromo = z
  .strictObject({ code: z.string(), amountOff: MinorAmount })
  .meta({ id: 'BookingPromo', description: 'The promo code applied; the booking’s `price` is already the price after it.' });

export const PromoCheckParams = z.strictObject({ handle: Handle, code: z.string().min(1).max(64) });

export const PromoCheckQuery = z.strictObject({
  service: z.string().min(1).max(64).meta({ description: 'The service id.' }),
  duration: z.coerce.number<number>().int().positive().optional().meta({ description: "Minutes; defaults to the service's first duration." }),
});

/** What a code does to a service's price now. Limits per customer and first-booking-only are checked when booking. */
export const PromoQuote = z
  .strictObject({
    code: z.string(),
    price: MinorAmount.meta({ description: 'The price before the code.' }),
    amountOff: MinorAmount,
    total: MinorAmount.meta({ description: 'What the booking will cost: 0 means free, with no payment step.' }),
    currency: Currency,
    firstBookingOnly: z.boolean(),
  })
  .meta({ id: 'PromoQuote' });

export type PromoCodeCreate = z.input<typeof PromoCodeCreate>;
export type PromoCodeUpdate = z.input<typeof PromoCodeUpdate>;
export type MyPromoCode = z.infer<typeof MyPromoCode>;
export type BookingPromo = z.infer<typeof BookingPromo>;
export type PromoQuote = z.infer<typeof PromoQuote>;
