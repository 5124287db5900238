import type { Actor } from '@slotwise/sdk/contract';

const HOUR_MS = 3_600_000;

/** A service's cancellation and reschedule policy; every time is hours before the start. */
export interface Policy {
  cancelUntilHours: number;
  rescheduleUntilHours: number;
  maxReschedules: number;
  fullRefundHours: number;
  partialRefundHours: number;
  partialRefundPercent: number;
}

export interface Refund {
  amount: number;
  percent: number;
  rule: 'full' | 'partial' | 'none';
}

export type Decision<T = object> = ({ allowed: true } & T) | ({ allowed: false; reason: string } & T);

/** `amount × percent / 100` in integer minor units, rounded half-up. */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}

/**
 * What cancelling now refunds. A specialist, the system or an operator always refunds in full;
 * a customer gets the full price up to `fullRefundHours` before the start (inclusive), the
 * partial percentage up to `partialRefundHours` before, and nothing after.
 */
export function refundFor(policy: Policy, price: number, startAt: number, now: number, actor: Actor): Refund {
  if (actor !== 'customer' || now <= startAt - policy.fullRefundHours * HOUR_MS) return { amount: price, percent: 100, rule: 'full' };
  if (now <= startAt - policy.partialRefundHours * HOUR_MS) {
    return { amount: percentOf(price, policy.partialRefundPercent), percent: policy.partialRefundPercent, rule: 'partial' };
  }
  return { amount: 0, percent: 0, rule: 'none' };
}

/** Whether `actor` may cancel now, and what it refunds. Deadlines are inclusive. */
export function cancellation(policy: Policy, booking: { price: number; startAt: number }, now: number, actor: Actor): Decision<{ refund: Refund }> {
  const refund = refundFor(policy, booking.price, booking.startAt, now, actor);
  if (now >= booking.startAt) return { allowed: false, reason: 'The session has already started, so it can no longer be cancelled.', refund };
  if (actor === 'customer' && now > booking.startAt - policy.cancelUntilHours * HOUR_MS) {
    return {
      allowed: false,
      reason: `Cancellations are possible until ${policy.cancelUntilHours} hours before the start; please contact your specialist.`,
      refund,
    };
  }
  return { allowed: true, refund };
}

/** Whether `actor` may move the booking now. Deadlines are inclusive. */
export function reschedule(policy: Policy, booking: { startAt: number; rescheduleCount: number }, now: number, actor: Actor): Decision {
  if (now >= booking.startAt) return { allowed: false, reason: 'The session has already started, so it can no longer be moved.' };
  if (actor !== 'customer') return { allowed: true };
  if (booking.rescheduleCount >= policy.maxReschedules) {
    return { allowed: false, reason: `This booking has been moved ${booking.rescheduleCount} times, the most its policy allows.` };
  }
  if (now > booking.startAt - policy.rescheduleUntilHours * HOUR_MS) {
    return { allowed: false, reason: `Bookings can be moved until ${policy.rescheduleUntilHours} hours before the start.` };
  }
  return { allowed: true };
}

/** The instants at which the customer's options run out, for showing them. */
export function deadlines(policy: Policy, startAt: number) {
  return {
    fullRefundUntil: startAt - policy.fullRefundHours * HOUR_MS,
    partialRefundUntil: startAt - policy.partialRefundHours * HOUR_MS,
    cancelUntil: startAt - policy.cancelUntilHours * HOUR_MS,
    rescheduleUntil: startAt - policy.rescheduleUntilHours * HOUR_MS,
  };
}
