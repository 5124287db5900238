import type { Tx } from '../../db/client.js';
import type { DeliveryDraft, PackageEvent, PlanContext } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { LotSnapshot, PurchaseSnapshot, RefundSnapshot } from '../packages/outbox.js';
import type { PackageEmailKind } from './kinds.js';
import { optedOut } from './opt-outs.js';

const DAY_MS = 86_400_000;

/** Days before a lot's expiry its customer is reminded of the credits left on it, longest first. */
export const EXPIRY_REMINDER_DAYS: readonly number[] = [7, 1];

/**
 * What an email about a purchase carries: the purchase as it was, the lot, (expiry reminders) the
 * lead in days, and (a refund) the refund with the credits it removed and those already booked.
 */
export interface PackageEmailData {
  purchase: PurchaseSnapshot;
  lot: LotSnapshot;
  days?: number;
  refund?: RefundSnapshot;
  credits?: { removed: number; booked: number };
}

/**
 * The customer's emails of a package's event, planned once in the dispatcher's planning transaction:
 *
 * | event | customer |
 * | --- | --- |
 * | package.purchased | "your package" with its credits code (always: it is what was bought); credits expiring 7 days and 1 day before the lot's expiry |
 * | credits.low | "1 credit left" / "no credits left" |
 * | package.refund_issued | "your refund": the amount, the credits it removed, when the money arrives (once per refund) |
 * | package.refund_failed | nothing: no email may claim money is coming; the specialist sees it in the purchases list |
 *
 * The expiry reminders and the low balance are optional (`credits`): not planned for an address
 * that opted out, and checked again when due. A reminder already due is never planned (a package
 * valid for a week gets no 7-day reminder). Whether anything is left to spend is decided when one
 * is due (`package-compose.ts`).
 */
export async function planPackageEmails(tx: Tx, event: PackageEvent, ctx: PlanContext): Promise<DeliveryDraft[]> {
  const { purchase, lot } = event.payload;
  const to = purchase.customer.email;
  const drafts: DeliveryDraft[] = [];
  // Keys name the role, never the address (keys are logged).
  const add = (kind: PackageEmailKind, idempotencyKey: string, data: PackageEmailData, dueAt?: number) =>
    drafts.push({ id: newDeliveryId(), channel: 'email', kind, recipient: to, idempotencyKey, data: { ...data }, ...(dueAt === undefined ? {} : { dueAt }) });
  const optional = async () => !(await optedOut(tx, to, event.specialistId, 'credits'));

  switch (event.payload.event.type) {
    case 'package.purchased': {
      add('customer.package_purchased', `${event.id}:email:customer.package_purchased`, { purchase, lot });
      if (!(await optional())) break;
      const expiresAt = Date.parse(lot.expiresAt);
      for (const days of EXPIRY_REMINDER_DAYS) {
        const dueAt = expiresAt - days * DAY_MS;
        // Keyed by the lot: one reminder per lead for as long as the lot lives.
        if (dueAt > ctx.now) add('customer.credits_expiring', `email:credits:${lot.id}:expiring:${days}d`, { purchase, lot, days }, dueAt);
      }
      break;
    }
    case 'credits.low':
      if (await optional()) add('customer.credits_low', `${event.id}:email:customer.credits_low`, { purchase, lot });
      break;
    case 'package.refund_issued': {
      const { refund, credits } = event.payload as Extract<PackageEvent['payload'], { refund: unknown; credits: { removed: number } }>;
      // Keyed by the refund, not the event: the same refund can never be told twice.
      add('customer.package_refunded', `email:refund:${refund.id}:customer.package_refunded`, { purchase, lot, refund, credits });
      break;
    }
  }
  return drafts;
}

/**
 * Why an expiry reminder that is due now should not go, or undefined when it should: the lot is
 * gone, already expired, or has nothing left to spend; or a shorter reminder is due as well (a
 * server that was down sends one reminder, not two).
 */
export function staleExpiryReminder(lot: { expiresAt: number; left: number } | undefined, days: number, now: number): string | undefined {
  if (!lot) return 'the credits are gone';
  if (now >= lot.expiresAt) return 'the credits have expired';
  if (lot.left <= 0) return 'nothing is left to spend';
  if (EXPIRY_REMINDER_DAYS.some((d) => d < days && now >= lot.expiresAt - d * DAY_MS)) return 'a later reminder is due too';
  return undefined;
}
