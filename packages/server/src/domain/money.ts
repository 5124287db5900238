/**
 * Money is integer minor units (cents for EUR/USD) with an ISO 4217 currency; nothing here ever
 * sees a float amount. Rounding is half-up, as the platform's terms say.
 */

/** `value × numerator / denominator` rounded half-up, in integers (exact below 2^53). */
export function mulDivHalfUp(value: number, numerator: number, denominator: number): number {
  const product = value * numerator;
  const quotient = Math.floor(product / denominator);
  return product - quotient * denominator >= denominator / 2 ? quotient + 1 : quotient;
}

/** The platform's fee on `amount` at `bps` basis points (2000 = 20 %), rounded half-up. */
export function platformFee(amount: number, bps: number): number {
  return mulDivHalfUp(amount, bps, 10_000);
}

/**
 * The share of `fee` given back when `refund` of `paid` is refunded: in proportion, half-up, and
 * never more than what is left of the fee (so several partial refunds add up to the whole fee).
 */
export function feeRefund(fee: number, paid: number, refund: number, alreadyRefundedFee: number, alreadyRefunded: number): number {
  if (paid <= 0) return 0;
  if (alreadyRefunded + refund >= paid) return fee - alreadyRefundedFee; // the last refund takes the rest
  return Math.min(fee - alreadyRefundedFee, mulDivHalfUp(fee, refund, paid));
}

/**
 * The smallest charge Stripe accepts per presentment currency, in minor units
 * (docs.stripe.com/currencies, "Minimum and maximum charge amounts"). A priced offer in a currency
 * not listed here is refused: Slotwise could not promise that its checkout would go through.
 */
export const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  USD: 50, AED: 200, AUD: 50, BGN: 100, BRL: 50, CAD: 50, CHF: 50, CZK: 1500, DKK: 250, EUR: 50, GBP: 30, HKD: 400,
  HUF: 17500, INR: 50, JPY: 50, MXN: 1000, MYR: 200, NOK: 300, NZD: 50, PLN: 200, RON: 200, SEK: 300, SGD: 50, THB: 1000,
};

/** The largest amount of one charge Stripe accepts (eight digits of minor units). */
export const MAXIMUM_CHARGE = 99_999_999;

/** `minor` written in `currency`'s major unit, as a person types it: 50 EUR → "0.50", 50 JPY → "50". */
function inMajorUnits(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * Why `amount` (minor units) cannot be a price in `currency`, or undefined when it can: 0 (free)
 * always can; anything else must lie between the processor's minimum charge for the currency and
 * its maximum — so a price accepted today never fails at checkout, and sums stay exact integers.
 */
export function priceProblem(amount: number, currency: string): string | undefined {
  if (amount === 0) return undefined;
  if (!Number.isSafeInteger(amount) || amount < 0) return 'A price is a whole number of minor units (cents), 0 or more.';
  const minimum = MINIMUM_CHARGE[currency];
  if (minimum === undefined) return `Payments can be taken in ${Object.keys(MINIMUM_CHARGE).join(', ')}; ${currency} can only be used for free sessions.`;
  if (amount < minimum) return `The smallest price Stripe can charge in ${currency} is ${inMajorUnits(minimum, currency)} ${currency} (${minimum} in minor units); use 0 for a free session, or at least that.`;
  if (amount > MAXIMUM_CHARGE) return `The largest price Stripe can charge in ${currency} is ${inMajorUnits(MAXIMUM_CHARGE, currency)} ${currency} (${MAXIMUM_CHARGE} in minor units).`;
  return undefined;
}
