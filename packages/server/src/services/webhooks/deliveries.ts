import type { WebhookDelivery, WebhookDeliveryList, WebhookDeliveryStatus, WebhookEventType } from '@slotwise/sdk/contract';
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { deliveries, type DeliveryRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import type { WebhookDeliveryData } from './channel.js';
import { myEndpoint } from './endpoints.js';
import { t } from '../messages/index.js';
import { guardedBatch } from '../../db/batch.js';

const STATUSES: Record<DeliveryRow['status'], WebhookDeliveryStatus> = {
  pending: 'pending',
  sending: 'sending',
  sent: 'sent',
  dead: 'dead',
  skipped: 'skipped',
  // Not used by the webhook channel; read as their nearest public meaning.
  failed: 'dead',
  cancelled: 'skipped',
};

export function presentDelivery(row: DeliveryRow): WebhookDelivery {
  const data = row.data as unknown as WebhookDeliveryData;
  const status = STATUSES[row.status];
  return {
    id: row.id,
    messageId: data.messageId,
    eventType: row.kind as WebhookEventType,
    bookingId: row.bookingId,
    status,
    attempts: row.attempts,
    lastStatusCode: row.providerRef === null ? null : Number(row.providerRef),
    lastError: row.lastError,
    nextAttemptAt: status === 'pending' ? isoInstant(row.nextAttemptAt) : null,
    redeliveryOf: data.redeliveryOf ?? null,
    createdAt: isoInstant(row.createdAt),
    updatedAt: isoInstant(row.updatedAt),
    sentAt: row.sentAt === null ? null : isoInstant(row.sentAt),
  };
}

const ofEndpoint = (specialist: SpecialistRow, endpointId: string) =>
  and(eq(deliveries.specialistId, specialist.id), eq(deliveries.channel, 'webhook'), eq(deliveries.recipient, endpointId));

/** The endpoint's delivery log, newest first; `starting_after` is the last delivery id of the previous page. */
export async function listWebhookDeliveries(
  deps: ServiceDeps,
  specialist: SpecialistRow,
  endpointId: string,
  query: { limit: number; starting_after?: string | undefined },
): Promise<WebhookDeliveryList> {
  const db = deps.database.db;
  await myEndpoint(db, specialist, endpointId);
  let cursor;
  if (query.starting_after) {
    const [after] = await db.select().from(deliveries).where(and(ofEndpoint(specialist, endpointId), eq(deliveries.id, query.starting_after)));
    if (!after) {
      throw new ServiceError('invalid_request', t('invalid_request.cursor_delivery', { id: query.starting_after }), {
        errors: [{ field: 'query.starting_after', message: t('invalid_request.cursor_delivery_field') }],
      });
    }
    // Insertion order (rowid) breaks ties: one change plans several deliveries in the same millisecond.
    cursor = or(lt(deliveries.createdAt, after.createdAt), and(eq(deliveries.createdAt, after.createdAt), sql`rowid < (select rowid from deliveries where id = ${after.id})`));
  }
  const rows = await db
    .select()
    .from(deliveries)
    .where(and(ofEndpoint(specialist, endpointId), cursor))
    .orderBy(desc(deliveries.createdAt), sql`rowid desc`)
    .limit(query.limit + 1);
  return { data: rows.slice(0, query.limit).map(presentDelivery), hasMore: rows.length > query.limit };
}

/**
 * Sends a delivery's message again as a new delivery, due now and retried like any other. It keeps
 * the message's `webhook-id` and body — Standard Webhooks: the id stays the same however often
 * one message is sent, so a receiver that already processed it can tell — and is signed afresh
 * at its own send time. The original's record is left as it was.
 */
export async function redeliverWebhook(deps: ServiceDeps, specialist: SpecialistRow, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  const now = deps.clock();
  // Reads, then one insert: an endpoint disabled or deleted in between finds the new delivery
  // skipped when it is sent, as any pending delivery of it would be.
  const db = deps.database.db;
  const endpoint = await myEndpoint(db, specialist, endpointId);
  const [original] = await db.select().from(deliveries).where(and(ofEndpoint(specialist, endpointId), eq(deliveries.id, deliveryId)));
  if (!original) throw new ServiceError('webhook_delivery_not_found', t('webhook_delivery_not_found', { endpoint: endpointId, id: deliveryId }));
  if (!endpoint.enabled) throw new ServiceError('webhook_endpoint_disabled', t('webhook_endpoint_disabled'));
  const data = original.data as unknown as WebhookDeliveryData;
  // One redelivery of a message on its way at a time: a loop of them would have the platform's
  // addresses send a host, whoever's it is, as many POSTs as it was asked for, each retried for
  // days. The original's own retries do not count: "send it now" while it waits is what this is for.
  const inFlight = and(
    ofEndpoint(specialist, endpointId),
    inArray(deliveries.status, ['pending', 'sending']),
    sql`json_extract(${deliveries.data}, '$.messageId') = ${data.messageId} and json_extract(${deliveries.data}, '$.redeliveryOf') is not null`,
  );
  const pendingOne = async () => {
    const [pending] = await db.select({ id: deliveries.id }).from(deliveries).where(inFlight).limit(1);
    return pending && new ServiceError('webhook_redelivery_pending', t('webhook_redelivery_pending', { id: pending.id }));
  };
  const already = await pendingOne();
  if (already) throw already;
  const id = newDeliveryId();
  const written = await guardedBatch(deps.database, sql`not exists (select 1 from ${deliveries} where ${inFlight})`, [
    db
      .insert(deliveries)
      .values({
        id,
        outboxId: original.outboxId,
        bookingId: original.bookingId,
        specialistId: original.specialistId,
        channel: 'webhook',
        kind: original.kind,
        recipient: original.recipient,
        idempotencyKey: `${original.idempotencyKey}:redelivery:${id}`,
        data: { messageId: data.messageId, body: data.body, redeliveryOf: original.id } satisfies WebhookDeliveryData,
        status: 'pending',
        dueAt: now,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  ]);
  if (!written) {
    // Another redelivery went in between the check and the write; if it is already done, go again.
    const pending = await pendingOne();
    if (pending) throw pending;
    return redeliverWebhook(deps, specialist, endpointId, deliveryId);
  }
  return presentDelivery((written[0] as DeliveryRow[])[0]!);
}
