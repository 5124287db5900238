import { MINIMUM_CHARGE, mulDivHalfUp } from './money.js';

/** What a promo code takes off: a percentage (1–100) or an amount in minor units of its currency. */
export type Discount = { kind: 'percent'; value: number } | { kind: 'amount'; value: number; currency: string };

/** A price after a code: what is charged and what was taken off, both in minor units. */
export interface Discounted {
  price: number;
  amountOff: number;
}

/**
 * `price` (minor units of `currency`) after `discount`, rounded half-up. A priced session stays
 * payable: a result between 0 and the processor's minimum charge is raised to that minimum (the
 * code takes off less); only a discount that covers the whole price makes it free (0), and then
 * no payment is asked at all. A free price stays free. An `amount` code in another currency
 * takes nothing off — the caller refuses it before (`services/promo/apply.ts`).
 *
 * Invariants: `0 ≤ amountOff ≤ price`, `price − amountOff` is the result, and the result is 0 or
 * at least `MINIMUM_CHARGE[currency]` whenever the original price was.
 */
export function discounted(price: number, currency: string, discount: Discount): Discounted {
  if (price <= 0) return { price, amountOff: 0 };
  const off =
    discount.kind === 'percent'
      ? mulDivHalfUp(price, discount.value, 100)
      : discount.currency === currency
        ? Math.min(discount.value, price)
        : 0;
  // Free only when the code means it (100 %, or an amount covering the price): a rounding to 0 is not.
  const covers = discount.kind === 'percent' ? discount.value >= 100 : off >= price;
  let after = price - off;
  const minimum = Math.max(1, MINIMUM_CHARGE[currency] ?? 0);
  if (!covers && after < minimum) after = Math.min(price, minimum);
  return { price: after, amountOff: price - after };
}
