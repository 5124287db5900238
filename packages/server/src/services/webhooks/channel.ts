import { and, eq, isNull } from 'drizzle-orm';
import { deliveries, notifications, webhookEndpoints, type DeliveryRow } from '../../db/schema.js';
import { DeliveryFailure, type DeliveryChannel, type DeliveryDraft } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { notifySpecialist } from '../notifications/in-app.js';
import { subscribes, webhookEventsOf } from './events.js';
import { signatureHeader, unsealSecret } from './secrets.js';

/** Deliveries are retried with backoff for this long after their first attempt was due, then dead. */
export const WEBHOOK_RETRY_MS = 3 * 24 * 3_600_000;
/** How long one attempt waits for an answer (Standard Webhooks recommends 15–30 s). */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/** What a webhook delivery carries: the message id (`webhook-id`) and the exact body every attempt sends. */
export interface WebhookDeliveryData {
  messageId: string;
  body: string;
  /** A manual redelivery: the delivery it repeats. */
  redeliveryOf?: string;
}

/**
 * What a `webhookFetch` throws when the endpoint's host resolves to an address Slotwise does not
 * deliver to (loopback, private, reserved…): the delivery is dead at once, not retried for days.
 */
export class WebhookAddressRefused extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookAddressRefused';
  }
}

export interface WebhookChannelOptions {
  /** How long one attempt waits for an answer, ms. @default WEBHOOK_TIMEOUT_MS */
  timeoutMs?: number;
}

/** Keeps the last attempt's HTTP status (null: no answer) for the delivery log; the dispatcher records the rest. */
async function recordStatus(deps: ServiceDeps, delivery: DeliveryRow, status: number | null): Promise<void> {
  await deps.database.batch([deps.database.db.update(deliveries).set({ providerRef: status === null ? null : String(status) }).where(eq(deliveries.id, delivery.id))]);
}

/**
 * Outgoing webhooks (Standard Webhooks): for each outbox event (a booking change, a package
 * purchased), one delivery per enabled endpoint of its specialist subscribed to each public event
 * it sends (`events.ts`). Each attempt reads the endpoint afresh — a disabled or deleted one is skipped,
 * a new URL is used — and is signed at send time (`webhook-timestamp` is the attempt's) with
 * the current secret, and the previous one too during a rotation's overlap. 2xx is delivered;
 * 410 Gone disables the endpoint and ends the delivery; anything else, a timeout or a network
 * error is retried with the dispatcher's backoff for `WEBHOOK_RETRY_MS`. Redirects are not followed.
 *
 * @param options.timeoutMs how long one attempt waits. @default 15000
 */
export function webhookChannel(options: WebhookChannelOptions = {}): DeliveryChannel {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    name: 'webhook',
    // A specialist's endpoint that does not answer must not hold up other specialists' webhooks or anyone's email.
    mayFinishLate: true,
    retryForMs: WEBHOOK_RETRY_MS,

    async plan(tx, event, ctx) {
      const events = webhookEventsOf(event);
      if (events.length === 0) return [];
      const endpoints = await ctx.once(`webhook-endpoints:${event.specialistId}`, () =>
        tx
          .select()
          .from(webhookEndpoints)
          .where(and(eq(webhookEndpoints.specialistId, event.specialistId), eq(webhookEndpoints.enabled, true))),
      );
      return endpoints.flatMap((endpoint) =>
        events
          .filter((e) => subscribes(endpoint.eventTypes, e.type))
          .map((e): DeliveryDraft => {
            // The delivery's own id is the message id: unique, stable across its retries, free of dots.
            const id = newDeliveryId();
            return {
              id,
              channel: 'webhook',
              kind: e.type,
              recipient: endpoint.id,
              idempotencyKey: `${event.id}:webhook:${endpoint.id}:${e.type}`,
              data: { messageId: id, body: JSON.stringify(e) } satisfies WebhookDeliveryData,
            };
          }),
      );
    },

    async send(delivery, deps) {
      const { messageId, body } = delivery.data as unknown as WebhookDeliveryData;
      const [endpoint] = await deps.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.recipient));
      if (!endpoint || !endpoint.enabled) return { status: 'skipped' };
      const now = deps.clock();
      const secrets = [await unsealSecret(deps.secretsKey, endpoint.id, endpoint.secretSealed)];
      if (endpoint.previousSecretSealed && (endpoint.previousSecretUntil ?? 0) > now) {
        secrets.push(await unsealSecret(deps.secretsKey, endpoint.id, endpoint.previousSecretSealed));
      }
      const timestamp = Math.floor(now / 1000);
      let response: Response;
      try {
        response = await deps.webhookFetch(endpoint.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Slotwise-Webhooks/1',
            'webhook-id': messageId,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': await signatureHeader(secrets, messageId, timestamp, body),
          },
          body,
        });
      } catch (error) {
        await recordStatus(deps, delivery, null);
        if (error instanceof WebhookAddressRefused) throw new DeliveryFailure(error.message, { retryable: false, cause: error });
        const name = (error as { name?: unknown } | undefined)?.name;
        const why = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
        throw new DeliveryFailure(`The endpoint could not be reached: ${why}.`, { retryable: true, cause: error });
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { status: 'sent', providerRef: String(response.status) };
      await recordStatus(deps, delivery, response.status);
      if (response.status === 410) {
        // One statement: only the delivery that actually turns the endpoint off tells the specialist.
        const [turnedOff] = (await deps.database.batch([
          deps.database.db.update(webhookEndpoints).set({ enabled: false }).where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true))).returning(),
        ])) as [unknown[]];
        const [disabled] = turnedOff;
        if (disabled) {
          await notifySpecialist(deps, endpoint.specialistId, {
            kind: 'webhook.disabled',
            bookingId: null,
            title: 'Webhook endpoint turned off',
            body: `${endpoint.url} answered 410 Gone, so it gets no more events. Turn it on again when it should.`,
          });
        }
        throw new DeliveryFailure('The endpoint answered 410 Gone: it was turned off and gets no more events until it is enabled again.', { retryable: false });
      }
      const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed: register the final URL)' : '';
      throw new DeliveryFailure(`The endpoint answered HTTP ${response.status}${redirect}.`, { retryable: true });
    },

    // Told once while unread, not once per event: an endpoint down for days fails every delivery.
    async onDead(delivery, deps) {
      const [endpoint] = await deps.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.recipient));
      if (!endpoint || !endpoint.enabled) return; // deleted, or turned off (a 410 says so itself)
      const mine = and(eq(notifications.specialistId, endpoint.specialistId), eq(notifications.kind, 'webhook.failed'), isNull(notifications.readAt));
      const [unread] = await deps.database.db.select({ id: notifications.id }).from(notifications).where(mine).limit(1);
      if (unread) return;
      await notifySpecialist(deps, endpoint.specialistId, {
        kind: 'webhook.failed',
        bookingId: delivery.bookingId,
        title: 'Webhook deliveries are failing',
        body: `A ${delivery.kind} event could not be delivered to ${endpoint.url} and was given up. Its delivery log says why; you can send it again from there.`,
      });
    },
  };
}
