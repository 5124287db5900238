import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../db/shaped.js';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { payments, specialists, webhookEvents } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError, writeContention } from '../errors.js';
import { applyIntentQueries } from './apply.js';
import { PaymentsError } from './payments-error.js';
import type { ProviderEvent, ProviderPaymentIntent, ProviderRefund } from './port.js';
import { issueDueRefunds } from './refunds.js';
import { refundsChange } from './refund-events.js';
import { t } from '../messages/index.js';

const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing']);
const REFUND_EVENTS = new Set(['charge.refunded', 'charge.refund.updated', 'refund.created', 'refund.updated', 'refund.failed']);

/** The guard's condition that the event is not recorded yet. */
const notSeen = (id: string): SQL => sql`not exists (select 1 from ${webhookEvents} where ${webhookEvents.id} = ${id})`;

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

/**
 * `POST /v1/webhooks/stripe`: verifies the signature on the raw body, then records the event id
 * in the same guarded batch (`db/batch.ts`) as its effect — so a crash leaves neither, and of two
 * deliveries of one event, even at once on two servers, one applies it: the guard holds only while
 * the event is unrecorded (and what its effect was computed from is as read), so the other is
 * refused, reads again, and finds it recorded.
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

  const { database } = deps;
  const db = database.db;
  const [ours] = intent ? await db.select({ id: payments.id, specialistId: payments.specialistId }).from(payments).where(eq(payments.providerPaymentId, intent.id)) : [];
  /** One try: a snapshot, the event's effect computed on it, then the event row and the effect in one batch. */
  const attempt = async (): Promise<{ duplicate: boolean; refund: boolean } | typeof RETRY> => {
    const [again] = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, event.id));
    if (again) return { duplicate: true, refund: false };
    let change: { queries: Query[]; still: (SQL | undefined)[]; refund: boolean } = { queries: [], still: [], refund: false };
    if (intent) {
      const applied = ours ? await applyIntentQueries(db, ours.id, intent, now) : undefined; // none: not ours (another platform app on the account)
      if (applied) change = { queries: applied.books.queries, still: [applied.still], refund: applied.refundQueued };
    } else if (current.length > 0) {
      change = await refundsChange(db, current, now);
    }
    if (event.type === 'account.updated') {
      change.queries.push(db.update(specialists).set({ stripeChargesEnabled: object.charges_enabled === true }).where(eq(specialists.stripeAccountId, String(object.id))));
    }
    const seen = db.insert(webhookEvents).values({ id: event.id, type: event.type, receivedAt: now });
    const written = await guardedBatch(database, and(notSeen(event.id), ...change.still)!, [seen, ...change.queries]);
    return written ? { duplicate: false, refund: change.refund } : RETRY;
  };
  // A payment's event queues behind its specialist's other changes in this process, as booking
  // creation does; any other event only behind another delivery of itself.
  const result = await optimistic(database, ours?.specialistId ?? `stripe-event:${event.id}`, attempt, writeContention);
  if (result.refund) await issueDueRefunds(deps, now);
  return { duplicate: result.duplicate };
}
