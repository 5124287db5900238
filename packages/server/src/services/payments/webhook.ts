import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-env.js';
import { payments, refunds, specialists, webhookEvents } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import { newId } from '../../http/tokens.js';
import { PaymentsError, type ProviderEvent, type ProviderPaymentIntent } from '../../providers/payments/index.js';
import { applyIntent } from './apply.js';
import { issueDueRefunds, recomputeRefunded } from './refunds.js';

const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing']);

/**
 * `POST /v1/webhooks/stripe`: verifies the signature on the raw body, then records the event id
 * in the same transaction as its effect — so a duplicate does nothing and a crash leaves neither.
 * PaymentIntent events are applied from the intent's current state, read from the provider, so
 * any delivery order ends in the same place.
 */
export async function handleStripeWebhook(deps: AppDeps, raw: string, signature: string | undefined, now: number): Promise<{ duplicate: boolean }> {
  let event: ProviderEvent;
  try {
    event = await deps.payments.verifyWebhook(raw, signature, now);
  } catch (error) {
    if (error instanceof PaymentsError) throw new ProblemError('invalid_signature', `The Stripe-Signature header does not verify: ${error.message}`);
    throw error;
  }
  const [seen] = await deps.database.db.select().from(webhookEvents).where(eq(webhookEvents.id, event.id));
  if (seen) return { duplicate: true };

  const object = event.data.object as Record<string, unknown>;
  let intent: ProviderPaymentIntent | undefined;
  if (INTENT_EVENTS.has(event.type)) intent = await deps.payments.retrievePaymentIntent(String(object.id));

  const result = await deps.database.write(async (tx) => {
    const inserted = await tx.insert(webhookEvents).values({ id: event.id, type: event.type, receivedAt: now }).onConflictDoNothing().returning();
    if (inserted.length === 0) return { duplicate: true, refund: false };
    if (intent) {
      const [payment] = await tx.select().from(payments).where(eq(payments.providerPaymentId, intent.id));
      if (!payment) return { duplicate: false, refund: false }; // not ours (another platform app on the account)
      return { duplicate: false, refund: (await applyIntent(tx, payment, intent, now)).refundQueued };
    }
    if (event.type === 'charge.refunded') {
      const [payment] = await tx.select().from(payments).where(eq(payments.providerPaymentId, String(object.payment_intent)));
      if (!payment) return { duplicate: false, refund: false };
      const listed = ((object.refunds as { data?: Record<string, unknown>[] } | undefined)?.data ?? []);
      for (const r of listed) {
        const ours = (r.metadata as Record<string, string> | undefined)?.refund_id;
        const status = r.status === 'succeeded' ? 'succeeded' : r.status === 'failed' ? 'failed' : 'pending';
        if (ours) {
          await tx.update(refunds).set({ status, providerRefundId: String(r.id), nextAttemptAt: null, updatedAt: now }).where(eq(refunds.id, ours));
        } else {
          // A refund made elsewhere (Stripe's dashboard): record it so the books add up.
          const [known] = await tx.select().from(refunds).where(eq(refunds.providerRefundId, String(r.id)));
          if (!known) {
            await tx.insert(refunds).values({ id: newId('rf'), paymentId: payment.id, amount: Number(r.amount), feeAmount: 0, reason: 'specialist', status, providerRefundId: String(r.id), createdAt: now, updatedAt: now });
          }
        }
      }
      await recomputeRefunded(tx, payment.id, now);
    } else if (event.type === 'account.updated') {
      await tx.update(specialists).set({ stripeChargesEnabled: object.charges_enabled === true }).where(eq(specialists.stripeAccountId, String(object.id)));
    }
    return { duplicate: false, refund: false };
  });
  if (result.refund) await issueDueRefunds(deps, now);
  return { duplicate: result.duplicate };
}
