import type { MyService } from '@slotwise/sdk/contract';

type Policy = Pick<MyService, 'cancelUntilHours' | 'rescheduleUntilHours' | 'maxReschedules' | 'fullRefundHours' | 'partialRefundHours' | 'partialRefundPercent' | 'durations'>;

const hours = (h: number) => (h === 0 ? 'the start' : h % 24 === 0 ? `${h / 24} ${h === 24 ? 'day' : 'days'} before the start` : `${h} ${h === 1 ? 'hour' : 'hours'} before the start`);

/**
 * The service's policy in the sentences its customers read before they book, so the specialist
 * sees the consequence of each number. A free service has no refund sentence.
 */
export function policySentences(policy: Policy): string[] {
  const sentences = [`You can cancel until ${hours(policy.cancelUntilHours)}.`];
  if (policy.durations.some((d) => d.price > 0)) {
    const full = `Cancel by ${hours(policy.fullRefundHours)} for a full refund`;
    const partial =
      policy.partialRefundPercent > 0 && policy.partialRefundHours < policy.fullRefundHours
        ? `; by ${hours(policy.partialRefundHours)} for a ${policy.partialRefundPercent}% refund`
        : '';
    sentences.push(`${full}${partial}; later cancellations are not refunded.`);
  }
  sentences.push(
    policy.maxReschedules === 0
      ? 'Bookings cannot be moved to another time.'
      : `You can move your booking to another time until ${hours(policy.rescheduleUntilHours)}, ${policy.maxReschedules === 1 ? 'once' : `up to ${policy.maxReschedules} times`}.`,
  );
  return sentences;
}
