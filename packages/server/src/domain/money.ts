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
