import { describe, expect, it } from 'vitest';
import { discounted } from './promo.js';

describe('a price after a promo code', () => {
  it('takes a percentage off, rounded half-up in minor units', () => {
    expect(discounted(9000, 'EUR', { kind: 'percent', value: 15 })).toEqual({ price: 7650, amountOff: 1350 });
    expect(discounted(999, 'EUR', { kind: 'percent', value: 5 })).toEqual({ price: 949, amountOff: 50 }); // 49.95 → 50 off
    expect(discounted(999, 'EUR', { kind: 'percent', value: 15 })).toEqual({ price: 849, amountOff: 150 }); // 149.85 → 150 off
  });

  it('takes an amount off in the same currency, never more than the price', () => {
    expect(discounted(9000, 'EUR', { kind: 'amount', value: 2000, currency: 'EUR' })).toEqual({ price: 7000, amountOff: 2000 });
    expect(discounted(9000, 'EUR', { kind: 'amount', value: 20000, currency: 'EUR' })).toEqual({ price: 0, amountOff: 9000 });
    expect(discounted(9000, 'EUR', { kind: 'amount', value: 2000, currency: 'USD' })).toEqual({ price: 9000, amountOff: 0 });
  });

  it('makes a session free only when the code covers it all', () => {
    expect(discounted(9000, 'EUR', { kind: 'percent', value: 100 })).toEqual({ price: 0, amountOff: 9000 });
  });

  it('never leaves a priced session below the processor’s minimum charge', () => {
    // 99 % of 90.00 EUR leaves 0.90 EUR: above the 0.50 minimum, kept.
    expect(discounted(9000, 'EUR', { kind: 'percent', value: 99 })).toEqual({ price: 90, amountOff: 8910 });
    // 99 % of 10.00 EUR would leave 0.10 EUR: raised to 0.50.
    expect(discounted(1000, 'EUR', { kind: 'percent', value: 99 })).toEqual({ price: 50, amountOff: 950 });
    expect(discounted(1000, 'EUR', { kind: 'amount', value: 990, currency: 'EUR' })).toEqual({ price: 50, amountOff: 950 });
    // 99 % of 0.50 EUR rounds to 0.50 off: not what the code means, so the minimum is charged.
    expect(discounted(50, 'EUR', { kind: 'percent', value: 99 })).toEqual({ price: 50, amountOff: 0 });
    // 30 CZK minimum is 1500 minor units.
    expect(discounted(2000, 'CZK', { kind: 'amount', value: 1000, currency: 'CZK' })).toEqual({ price: 1500, amountOff: 500 });
  });

  it('leaves a free session free', () => {
    expect(discounted(0, 'EUR', { kind: 'percent', value: 50 })).toEqual({ price: 0, amountOff: 0 });
  });

  it('keeps its invariants for every price and percentage', () => {
    for (const price of [50, 51, 99, 100, 101, 1234, 9000, 99_999]) {
      for (let pct = 1; pct <= 100; pct++) {
        const d = discounted(price, 'EUR', { kind: 'percent', value: pct });
        expect(d.amountOff).toBeGreaterThanOrEqual(0);
        expect(d.price + d.amountOff).toBe(price);
        expect(d.price === 0 || d.price >= 50).toBe(true);
        expect(d.price === 0).toBe(pct === 100);
      }
    }
  });
});
