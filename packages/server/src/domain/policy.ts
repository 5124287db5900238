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

/** Why the policy refuses, as a key of the refusal sentences (`services/messages/`) and what goes into it. */
export type PolicyRefusal =
  | { key: 'policy.cancel_started' | 'policy.move_started' }
  | { key: 'policy.cancel_deadline' | 'policy.move_deadline'; params: { hours: number } }
  | { key: 'policy.move_count'; params: { count: number } };

export type Decision<T = object> = ({ allowed: true } & T) | ({ allowed: false; why: PolicyRefusal } & T);

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
  if (now >= booking.startAt) return { allowed: false, why: { key: 'policy.cancel_started' }, refund };
  if (actor === 'customer' && now > booking.startAt - policy.cancelUntilHours * HOUR_MS) {
    return {
      allowed: false,
      why: { key: 'policy.cancel_deadline', params: { hours: policy.cancelUntilHours } },
      refund,
    };
  }
  return { allowed: true, refund };
}

/** Whether `actor` may move the booking now. Deadlines are inclusive. */
export function reschedule(policy: Policy, booking: { startAt: number; rescheduleCount: number }, now: number, actor: Actor): Decision {
  if (now >= booking.startAt) return { allowed: false, why: { key: 'policy.move_started' } };
  if (actor !== 'customer') return { allowed: true };
  if (booking.rescheduleCount >= policy.maxReschedules) {
    return { allowed: false, why: { key: 'policy.move_count', params: { count: booking.rescheduleCount } } };
  }
  if (now > booking.startAt - policy.rescheduleUntilHours * HOUR_MS) {
    return { allowed: false, why: { key: 'policy.move_deadline', params: { hours: policy.rescheduleUntilHours } } };
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
