import { MAX_WEBHOOK_ENDPOINTS, type WebhookEndpoint, type WebhookEndpointCreate, type WebhookEndpointUpdate, type WebhookEndpointWithSecret } from '@slotwise/sdk/contract';
import { and, asc, eq, sql } from 'drizzle-orm';
import { guardedBatch, writeOne } from '../../db/batch.js';
import type { Reader } from '../../db/client.js';
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
export async function myEndpoint(db: Reader, specialist: SpecialistRow, id: string): Promise<WebhookEndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(mine(specialist, id));
  return found(row, id);
}

/** The endpoint `id` of this specialist's (never another's). */
const mine = (specialist: SpecialistRow, id: string) => and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.specialistId, specialist.id));

/** The row a scoped read or write answered, or the 404 for an endpoint that is not the caller's. */
function found(row: WebhookEndpointRow | undefined, id: string): WebhookEndpointRow {
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
  // The cap is the batch's guard: two requests at once cannot both add the last allowed endpoint.
  const underCap = sql`(select count(*) from ${webhookEndpoints} where ${webhookEndpoints.specialistId} = ${specialist.id}) < ${MAX_WEBHOOK_ENDPOINTS}`;
  const written = await guardedBatch(deps.database, underCap, [deps.database.db.insert(webhookEndpoints).values(row)]);
  if (!written) throw new ServiceError('too_many_webhook_endpoints', t('too_many_webhook_endpoints', { max: MAX_WEBHOOK_ENDPOINTS }));
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
  const changes = {
    ...(url === undefined ? {} : { url }),
    ...(input.eventTypes === undefined ? {} : { eventTypes: input.eventTypes }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
  };
  if (Object.keys(changes).length === 0) return presentEndpoint(await myEndpoint(deps.database.db, specialist, id), deps.clock());
  const [updated] = await writeOne(deps.database, deps.database.db.update(webhookEndpoints).set(changes).where(mine(specialist, id)).returning());
  return presentEndpoint(found(updated, id), deps.clock());
}

/** Removes the endpoint; its pending deliveries find it gone and are skipped, and its delivery log is no longer listed. */
export async function deleteWebhookEndpoint(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<WebhookEndpoint> {
  const [deleted] = await writeOne(deps.database, deps.database.db.delete(webhookEndpoints).where(mine(specialist, id)).returning());
  return presentEndpoint(found(deleted, id), deps.clock());
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
  // One statement: the previous secret is the row's own current one as the update finds it
  // (SQLite reads every right-hand side from the old row), so two rotations at once lose neither.
  const [rotated] = await writeOne(
    deps.database,
    deps.database.db
      .update(webhookEndpoints)
      .set({ secretSealed: sealed, previousSecretSealed: sql`${webhookEndpoints.secretSealed}`, previousSecretUntil: now + ROTATION_OVERLAP_MS })
      .where(mine(specialist, id))
      .returning(),
  );
  return { ...presentEndpoint(found(rotated, id), now), secret };
}
