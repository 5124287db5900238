import { eq } from 'drizzle-orm';
import { payments, refunds, specialists, webhookEvents, type RefundRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { applyIntent } from './apply.js';
import { PaymentsError } from './payments-error.js';
import type { ProviderEvent, ProviderPaymentIntent, ProviderRefund } from './port.js';
import { issueDueRefunds, recomputeRefunded } from './refunds.js';
import { t } from '../messages/index.js';
import { recordRefundOutcome } from '../packages/refund-outcome.js';
import { revokedOf, revokePurchaseCredits } from '../packages/revoke.js';

const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing']);
const REFUND_EVENTS = new Set(['charge.refunded', 'charge.refund.updated', 'refund.created', 'refund.updated', 'refund.failed']);

/**
 * The refunds an event speaks of, as they are now at the provider: the refund itself for
 * `refund.*`, every refund of the charge's PaymentIntent for `charge.*` (whose refunds list Stripe
 * no longer includes in events).
 */
async function currentRefunds(deps: ServiceDeps, event: ProviderEvent): Promise<ProviderRefund[]> {
  const object = event.data.object as Record<string, unknown>;
  if (object.object === 'refund') return [await deps.payments.retrieveRefund(String(object.id))];
  return object.payment_intent ? deps.payments.listRefunds(String(object.payment_intent)) : [];
}

const statusOf = (r: ProviderRefund) => (r.status === 'succeeded' ? 'succeeded' : r.status === 'failed' || r.status === 'canceled' ? 'failed' : 'pending');

/**
 * `POST /v1/webhooks/stripe`: verifies the signature on the raw body, then records the event id
 * in the same transaction as its effect — so a duplicate does nothing and a crash leaves neither.
 * What an event is about (a PaymentIntent, refunds) is applied from its current state, read from
 * the provider, so any delivery order ends in the same place: an older `charge.refunded` that
 * arrives late cannot roll a refund back.
 */
export async function handleStripeWebhook(deps: ServiceDeps, raw: string, signature: string | undefined): Promise<{ duplicate: boolean }> {
  const now = deps.clock();
  let event: ProviderEvent;
  try {
    event = await deps.payments.verifyWebhook(raw, signature, now);
  } catch (error) {
    if (error instanceof PaymentsError) throw new ServiceError('invalid_signature', t('invalid_signature', { reason: error.message }));
    throw error;
  }
  const [seen] = await deps.database.db.select().from(webhookEvents).where(eq(webhookEvents.id, event.id));
  if (seen) return { duplicate: true };

  const object = event.data.object as Record<string, unknown>;
  let intent: ProviderPaymentIntent | undefined;
  if (INTENT_EVENTS.has(event.type)) intent = await deps.payments.retrievePaymentIntent(String(object.id));
  const current = REFUND_EVENTS.has(event.type) ? await currentRefunds(deps, event) : [];

  const result = await deps.database.write(async (tx) => {
    const inserted = await tx.insert(webhookEvents).values({ id: event.id, type: event.type, receivedAt: now }).onConflictDoNothing().returning();
    if (inserted.length === 0) return { duplicate: true, refund: false };
    if (intent) {
      const [payment] = await tx.select().from(payments).where(eq(payments.providerPaymentId, intent.id));
      if (!payment) return { duplicate: false, refund: false }; // not ours (another platform app on the account)
      return { duplicate: false, refund: (await applyIntent(tx, payment, intent, now)).refundQueued };
    }
    const touched = new Set<string>();
    // What each purchase had revoked before this event, and each refund's status before it: a package's refund outcome is told once, on its transition.
    const revokedBefore = new Map<string, number>();
    const changed: { refundId: string; from: RefundRow['status'] | undefined; purchaseId: string }[] = [];
    for (const r of current) {
      const [payment] = await tx.select().from(payments).where(eq(payments.providerPaymentId, r.paymentIntent));
      if (!payment) continue;
      touched.add(payment.id);
      const purchaseId = payment.packagePurchaseId;
      if (purchaseId && !revokedBefore.has(purchaseId)) revokedBefore.set(purchaseId, await revokedOf(tx, purchaseId));
      const ours = r.metadata.refund_id;
      const [known] = await tx.select().from(refunds).where(ours ? eq(refunds.id, ours) : eq(refunds.providerRefundId, r.id));
      let refundId = known?.id;
      if (known) {
        const failure = statusOf(r) === 'failed' ? { lastError: r.failureReason ?? 'unknown' } : {}; // Stripe's failure_reason, kept with the refund
        await tx.update(refunds).set({ status: statusOf(r), providerRefundId: r.id, nextAttemptAt: null, updatedAt: now, ...failure }).where(eq(refunds.id, known.id));
        // Slotwise's own refund of a purchase revokes once created, even when this event beats the API's answer.
        if (purchaseId && known.status === 'pending' && statusOf(r) !== 'failed') await revokePurchaseCredits(tx, purchaseId, now);
      } else {
        // A refund made elsewhere (Stripe's dashboard): record it so the books add up.
        refundId = newId('rf');
        await tx.insert(refunds).values({ id: refundId, paymentId: payment.id, amount: r.amount, feeAmount: 0, reason: 'specialist', status: statusOf(r), providerRefundId: r.id, createdAt: now, updatedAt: now });
      }
      if (purchaseId) changed.push({ refundId: refundId!, from: known?.status, purchaseId });
    }
    for (const paymentId of touched) await recomputeRefunded(tx, paymentId, now);
    for (const c of changed) await recordRefundOutcome(tx, c.refundId, c.from, revokedBefore.get(c.purchaseId)!, now);
    if (event.type === 'account.updated') {
      await tx.update(specialists).set({ stripeChargesEnabled: object.charges_enabled === true }).where(eq(specialists.stripeAccountId, String(object.id)));
    }
    return { duplicate: false, refund: false };
  });
  if (result.refund) await issueDueRefunds(deps, now);
  return { duplicate: result.duplicate };
}
