import { MAX_WEBHOOK_ENDPOINTS, type WebhookEndpoint, type WebhookEndpointCreate, type WebhookEndpointUpdate, type WebhookEndpointWithSecret } from '@slotwise/sdk/contract';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { webhookEndpoints, type SpecialistRow, type WebhookEndpointRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { webhookUrl } from './endpoint-url.js';
import { newWebhookSecret, sealSecret } from './secrets.js';
import { t } from '../messages/index.js';

/** How long the previous secret keeps signing after a rotation, beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export function presentEndpoint(row: WebhookEndpointRow, now: number): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as WebhookEndpoint['eventTypes'],
    enabled: row.enabled,
    previousSecretExpiresAt: row.previousSecretSealed && row.previousSecretUntil !== null && row.previousSecretUntil > now ? isoInstant(row.previousSecretUntil) : null,
    createdAt: isoInstant(row.createdAt),
  };
}

/** The caller's endpoint `id`, or `webhook_endpoint_not_found` (someone else's too: it does not exist for them). */
export async function myEndpoint(db: Tx | ServiceDeps['database']['db'], specialist: SpecialistRow, id: string): Promise<WebhookEndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.specialistId, specialist.id)));
  if (!row) throw new ServiceError('webhook_endpoint_not_found', t('webhook_endpoint_not_found', { id }));
  return row;
}

/** Registers an endpoint with a new signing secret, which the answer shows this once. */
export async function createWebhookEndpoint(deps: ServiceDeps, specialist: SpecialistRow, input: WebhookEndpointCreate): Promise<WebhookEndpointWithSecret> {
  const now = deps.clock();
  const url = webhookUrl(input.url, { allowLoopback: deps.allowLoopbackWebhooks });
  const id = newId('wep');
  const secret = newWebhookSecret();
  const row: WebhookEndpointRow = {
    id,
    specialistId: specialist.id,
    url,
    description: input.description ?? '',
    eventTypes: input.eventTypes,
    enabled: input.enabled ?? true,
    secretSealed: await sealSecret(deps.secretsKey, id, secret),
    previousSecretSealed: null,
    previousSecretUntil: null,
    createdAt: now,
  };
  await deps.database.write(async (tx) => {
    const [{ n }] = (await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.specialistId, specialist.id))) as [{ n: number }];
    if (n >= MAX_WEBHOOK_ENDPOINTS) throw new ServiceError('too_many_webhook_endpoints', t('too_many_webhook_endpoints', { max: MAX_WEBHOOK_ENDPOINTS }));
    await tx.insert(webhookEndpoints).values(row);
  });
  return { ...presentEndpoint(row, now), secret };
}

export async function listWebhookEndpoints(deps: ServiceDeps, specialist: SpecialistRow): Promise<{ data: WebhookEndpoint[] }> {
  const rows = await deps.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.specialistId, specialist.id)).orderBy(asc(webhookEndpoints.createdAt), sql`rowid`);
  const now = deps.clock();
  return { data: rows.map((row) => presentEndpoint(row, now)) };
}

export async function retrieveWebhookEndpoint(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<WebhookEndpoint> {
  return presentEndpoint(await myEndpoint(deps.database.db, specialist, id), deps.clock());
}

/** Changes what is given; a new URL is checked like a new endpoint's. Turning it on again resumes deliveries of new events. */
export async function updateWebhookEndpoint(deps: ServiceDeps, specialist: SpecialistRow, id: string, input: WebhookEndpointUpdate): Promise<WebhookEndpoint> {
  const url = input.url === undefined ? undefined : webhookUrl(input.url, { allowLoopback: deps.allowLoopbackWebhooks });
  const row = await deps.database.write(async (tx) => {
    await myEndpoint(tx, specialist, id);
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url === undefined ? {} : { url }),
        ...(input.eventTypes === undefined ? {} : { eventTypes: input.eventTypes }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    return updated!;
  });
  return presentEndpoint(row, deps.clock());
}

/** Removes the endpoint; its pending deliveries find it gone and are skipped, and its delivery log is no longer listed. */
export async function deleteWebhookEndpoint(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<WebhookEndpoint> {
  const row = await deps.database.write(async (tx) => {
    await myEndpoint(tx, specialist, id);
    const [deleted] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
    return deleted!;
  });
  return presentEndpoint(row, deps.clock());
}

/**
 * A new signing secret, shown this once. The current one becomes the previous and keeps signing
 * beside it for `ROTATION_OVERLAP_MS` (two `v1,` signatures in one header), so a receiver can
 * switch without losing a delivery. Rotating again within the overlap drops the older previous.
 */
export async function rotateWebhookSecret(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<WebhookEndpointWithSecret> {
  const now = deps.clock();
  const secret = newWebhookSecret();
  const sealed = await sealSecret(deps.secretsKey, id, secret);
  const row = await deps.database.write(async (tx) => {
    const current = await myEndpoint(tx, specialist, id);
    const [rotated] = await tx
      .update(webhookEndpoints)
      .set({ secretSealed: sealed, previousSecretSealed: current.secretSealed, previousSecretUntil: now + ROTATION_OVERLAP_MS })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    return rotated!;
  });
  return { ...presentEndpoint(row, now), secret };
}
