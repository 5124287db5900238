import type { ServiceDeps } from '../deps.js';
import type { ApiKey, ApiKeyCreated } from '@slotwise/sdk/contract';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import { ServiceError } from '../errors.js';
import { hashToken, newId, newSecretToken } from '../ids.js';
import { t } from '../messages/index.js';

export interface NewApiKey {
  key: string;
  prefix: string;
  secretHash: string;
}

/** A fresh secret key and its hash; made outside any transaction (hashing is async). */
export async function newApiKey(): Promise<NewApiKey> {
  const key = newSecretToken('sk');
  return { key, prefix: key.slice(0, 7), secretHash: await hashToken(key) };
}

/** Stores `prepared` for `specialistId`: only the hash is kept, the key is shown once. */
export async function insertApiKey(tx: Tx, specialistId: string, name: string, prepared: NewApiKey, now: number): Promise<string> {
  const id = newId('key');
  await tx.insert(apiKeys).values({ id, specialistId, name, prefix: prepared.prefix, secretHash: prepared.secretHash, createdAt: now });
  return id;
}

/** Active keys one specialist may hold: enough for every server and a rotation, few enough to audit. */
export const MAX_ACTIVE_API_KEYS = 20;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toApiKey(row: ApiKeyRow): ApiKey {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: iso(row.createdAt)!, lastUsedAt: iso(row.lastUsedAt), revokedAt: iso(row.revokedAt) };
}

const notFound = (id: string) => new ServiceError('api_key_not_found', t('api_key_not_found', { id }));

/** The caller's keys, newest first, revoked ones too; never a secret or its hash. */
export async function listApiKeys(deps: ServiceDeps, specialistId: string): Promise<ApiKey[]> {
  const db = deps.database.db;
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.specialistId, specialistId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toApiKey);
}

async function activeCount(tx: Tx, specialistId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(apiKeys).where(and(eq(apiKeys.specialistId, specialistId), isNull(apiKeys.revokedAt)));
  return row?.n ?? 0;
}

/** A new key named `name`; the key is in the answer only. */
export async function createApiKey(deps: ServiceDeps, specialistId: string, name: string): Promise<ApiKeyCreated> {
  const now = deps.clock();
  const prepared = await newApiKey();
  return deps.database.write(async (tx) => {
    if ((await activeCount(tx, specialistId)) >= MAX_ACTIVE_API_KEYS) {
      throw new ServiceError('too_many_api_keys', t('too_many_api_keys', { max: MAX_ACTIVE_API_KEYS }));
    }
    const id = await insertApiKey(tx, specialistId, name, prepared, now);
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id));
    return { ...toApiKey(row!), key: prepared.key };
  });
}

/** Revokes one of the caller's keys at once; revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: ServiceDeps, specialistId: string, id: string): Promise<ApiKey> {
  const now = deps.clock();
  return deps.database.write(async (tx) => {
    const mine = and(eq(apiKeys.id, id), eq(apiKeys.specialistId, specialistId));
    const [row] = await tx.select().from(apiKeys).where(mine);
    if (!row) throw notFound(id);
    if (row.revokedAt !== null) return toApiKey(row);
    const [revoked] = await tx.update(apiKeys).set({ revokedAt: now }).where(mine).returning();
    return toApiKey(revoked!);
  });
}

/** A new key with the same name in place of `id`, which stops working in the same transaction. */
export async function rotateApiKey(deps: ServiceDeps, specialistId: string, id: string): Promise<ApiKeyCreated> {
  const now = deps.clock();
  const prepared = await newApiKey();
  return deps.database.write(async (tx) => {
    const mine = and(eq(apiKeys.id, id), eq(apiKeys.specialistId, specialistId));
    const [row] = await tx.select().from(apiKeys).where(mine);
    if (!row) throw notFound(id);
    if (row.revokedAt !== null) throw new ServiceError('api_key_revoked', t('api_key_revoked'));
    await tx.update(apiKeys).set({ revokedAt: now }).where(mine);
    const freshId = await insertApiKey(tx, specialistId, row.name, prepared, now);
    const [created] = await tx.select().from(apiKeys).where(eq(apiKeys.id, freshId));
    return { ...toApiKey(created!), key: prepared.key };
  });
}
