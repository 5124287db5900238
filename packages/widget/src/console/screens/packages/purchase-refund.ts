import type { SpecialistPackagePurchase } from '@slotwise/sdk/contract';
import { describeError } from '../../../internal/errors.js';
import { formatAmount } from '../../../internal/format.js';
import type { SlotwiseConsolePackages } from './packages.component.js';

/**
 * What is left to refund of a purchase: paid less the refunds issued or being issued (a failed one
 * gave nothing back). 0 for an unpaid or free purchase, or one refunded in full — no Refund action.
 */
export function refundable(purchase: SpecialistPackagePurchase): number {
  const payment = purchase.payment;
  if (!payment || payment.status !== 'succeeded') return 0;
  const taken = payment.refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amount, 0);
  return Math.max(0, payment.amount - taken);
}

/** What the refund will do, in one sentence the confirmation states before anything happens. */
export function refundConsequence(purchase: SpecialistPackagePurchase): string {
  const amount = formatAmount(refundable(purchase), purchase.payment!.currency);
  const unused = purchase.credits && !purchase.credits.expired ? purchase.credits.remaining : 0;
  const credits = unused === 0 ? 'No unused credits are left to remove' : unused === 1 ? 'remove 1 unused credit' : `remove ${unused} unused credits`;
  return unused === 0
    ? `Refund ${amount} to ${purchase.customerEmail}. ${credits}; sessions already booked keep theirs. This cannot be undone.`
    : `Refund ${amount} and ${credits} from ${purchase.customerEmail}. Sessions already booked keep their credits. This cannot be undone.`;
}

/**
 * Asks, then refunds all that is left of `purchase` and shows what the server answered: the row
 * as it is now, and a sentence under the purchases (a status region, so it is read out; not also
 * the shell's announcement, which would show it twice) saying what happened (a refund the provider has not taken yet is
 * said to be waiting, its credits not yet removed). Focus goes to that sentence, or to the error.
 */
export async function refundPurchase(host: SlotwiseConsolePackages, purchase: SpecialistPackagePurchase): Promise<void> {
  const me = host.session?.client.me;
  const left = refundable(purchase);
  if (!me || left === 0 || host.refunding) return;
  const amount = formatAmount(left, purchase.payment!.currency);
  const ok = await host.confirm.ask({
    heading: `Refund ${purchase.customerName}’s “${purchase.package.name}”?`,
    consequence: refundConsequence(purchase),
    action: `Refund ${amount}`,
    back: 'Keep the purchase',
  });
  if (!ok) return;
  host.refunding = purchase.id;
  host.notice = '';
  host.error = '';
  try {
    const done = await me.packagePurchases.refund(purchase.id, {}, { idempotencyKey: `console-refund-${purchase.id}-${left}` });
    host.purchases = host.purchases.map((p) => (p.id === purchase.id ? done.purchase : p));
    const refunded = formatAmount(done.refund.amount, done.refund.currency);
    const removed = done.revoked === 0 ? 'no unused credits were left to remove' : done.revoked === 1 ? '1 unused credit removed' : `${done.revoked} unused credits removed`;
    host.notice =
      done.refund.status === 'pending' && done.revoked === 0 && (done.purchase.credits?.remaining ?? 0) > 0
        ? `The refund of ${refunded} to ${purchase.customerEmail} is waiting for the payment provider; the unused credits are removed once it is made.`
        : `Refunded ${refunded} to ${purchase.customerEmail}; ${removed}.`;
  } catch (error) {
    host.error = describeError(error).message;
  } finally {
    host.refunding = undefined;
  }
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(host.error ? '#packages-error' : '#purchases-notice')?.focus();
}
