import { describe, expect, it } from 'vitest';
import { feeRefund, MAXIMUM_CHARGE, mulDivHalfUp, platformFee, priceProblem } from './money.js';

describe('platform fee', () => {
  it('takes the basis points of integer minor units, rounding half-up', () => {
    expect(platformFee(9000, 2000)).toBe(1800);
    expect(platformFee(999, 2000)).toBe(200); // 199.8
    expect(platformFee(1, 5000)).toBe(1); // 0.5 → 1
    expect(platformFee(3, 5000)).toBe(2); // 1.5 → 2
    expect(platformFee(1, 4999)).toBe(0); // 0.4999 → 0
    expect(platformFee(12345, 1750)).toBe(2160); // 2160.375
    expect(platformFee(2025, 2000)).toBe(405);
    expect(platformFee(0, 2000)).toBe(0);
  });

  it('stays exact for large amounts', () => {
    expect(mulDivHalfUp(99_999_999, 2_000, 10_000)).toBe(20_000_000); // 19,999,999.8
  });
});

describe('fee given back with a refund', () => {
  it('is proportional, half-up, and the last refund takes whatever is left', () => {
    // Paid 999 with a fee of 200: refund half (499.5 → 500 is not the amount; refund 500).
    const first = feeRefund(200, 999, 500, 0, 0); // 100.1 → 100
    expect(first).toBe(100);
    const second = feeRefund(200, 999, 499, first, 500); // the rest of the amount: the rest of the fee
    expect(second).toBe(100);
    expect(first + second).toBe(200);
    expect(feeRefund(1800, 9000, 4500, 0, 0)).toBe(900);
    expect(feeRefund(0, 9000, 4500, 0, 0)).toBe(0);
  });
});

describe('priceProblem', () => {
  it('accepts 0 and any price between the processor’s minimum for the currency and its maximum', () => {
    expect(priceProblem(0, 'XYZ')).toBeUndefined();
    expect(priceProblem(50, 'EUR')).toBeUndefined();
    expect(priceProblem(30, 'GBP')).toBeUndefined();
    expect(priceProblem(50, 'JPY')).toBeUndefined();
    expect(priceProblem(MAXIMUM_CHARGE, 'USD')).toBeUndefined();
  });

  it('refuses what Stripe would refuse at checkout, saying the limit', () => {
    // In the unit a person types (a console field in euros) and in the API's minor units.
    expect(priceProblem(49, 'EUR')).toBe('The smallest price Stripe can charge in EUR is 0.50 EUR (50 in minor units); use 0 for a free session, or at least that.');
    expect(priceProblem(49, 'JPY')).toBe('The smallest price Stripe can charge in JPY is 50 JPY (50 in minor units); use 0 for a free session, or at least that.');
    expect(priceProblem(1, 'USD')).toMatch(/50/);
    expect(priceProblem(29, 'GBP')).toMatch(/30/);
    expect(priceProblem(MAXIMUM_CHARGE + 1, 'EUR')).toBe('The largest price Stripe can charge in EUR is 999999.99 EUR (99999999 in minor units).');
    expect(priceProblem(MAXIMUM_CHARGE + 1, 'JPY')).toBe('The largest price Stripe can charge in JPY is 99999999 JPY (99999999 in minor units).');
    expect(priceProblem(1000, 'XYZ')).toMatch(/XYZ can only be used for free sessions/);
    expect(priceProblem(10.5, 'EUR')).toMatch(/whole number/);
  });
});
