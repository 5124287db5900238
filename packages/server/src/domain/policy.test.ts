import { describe, expect, it } from 'vitest';
import { cancellation, percentOf, refundFor, reschedule, type Policy } from './policy.js';

const H = 3_600_000;
const start = Date.parse('2026-12-10T10:00:00Z');
const policy: Policy = { cancelUntilHours: 12, rescheduleUntilHours: 24, maxReschedules: 2, fullRefundHours: 48, partialRefundHours: 24, partialRefundPercent: 50 };
const at = (hoursBefore: number, ms = 0) => start - hoursBefore * H + ms;

describe('refund policy', () => {
  it('refunds in full up to and at the full-refund deadline, then the percentage, then nothing', () => {
    expect(refundFor(policy, 9000, start, at(48), 'customer')).toEqual({ amount: 9000, percent: 100, rule: 'full' });
    expect(refundFor(policy, 9000, start, at(48, 1), 'customer')).toEqual({ amount: 4500, percent: 50, rule: 'partial' });
    expect(refundFor(policy, 9000, start, at(24), 'customer')).toEqual({ amount: 4500, percent: 50, rule: 'partial' });
    expect(refundFor(policy, 9000, start, at(24, 1), 'customer')).toEqual({ amount: 0, percent: 0, rule: 'none' });
  });

  it('always refunds in full when the specialist or the system cancels', () => {
    expect(refundFor(policy, 9000, start, at(1), 'specialist').rule).toBe('full');
    expect(refundFor(policy, 9000, start, at(1), 'system').amount).toBe(9000);
  });

  it('rounds a percentage of minor units half-up', () => {
    expect(percentOf(999, 50)).toBe(500); // 499.5 → 500
    expect(percentOf(997, 50)).toBe(499); // 498.5 → 499
    expect(percentOf(1, 50)).toBe(1);
    expect(percentOf(1, 49)).toBe(0);
    expect(percentOf(12345, 33)).toBe(4074); // 4073.85
  });
});

describe('who may cancel and move, when', () => {
  const booking = { price: 9000, startAt: start, rescheduleCount: 0 };
  it('lets a customer cancel until the deadline inclusive, never after the start', () => {
    expect(cancellation(policy, booking, at(12), 'customer').allowed).toBe(true);
    const late = cancellation(policy, booking, at(12, 1), 'customer');
    expect(late.allowed).toBe(false);
    expect(late.allowed === false && late.why).toEqual({ key: 'policy.cancel_deadline', params: { hours: 12 } });
    expect(cancellation(policy, booking, at(1), 'specialist').allowed).toBe(true);
    expect(cancellation(policy, booking, start, 'specialist').allowed).toBe(false);
  });

  it('lets a customer move a booking until its deadline and at most maxReschedules times', () => {
    expect(reschedule(policy, booking, at(24), 'customer').allowed).toBe(true);
    expect(reschedule(policy, booking, at(24, 1), 'customer').allowed).toBe(false);
    expect(reschedule(policy, { ...booking, rescheduleCount: 2 }, at(100), 'customer').allowed).toBe(false);
    expect(reschedule(policy, { ...booking, rescheduleCount: 5 }, at(1), 'specialist').allowed).toBe(true);
  });
});
