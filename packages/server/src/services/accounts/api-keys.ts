import type { ServiceDeps } from '../deps.js';
import type { ApiKey, ApiKeyCreated } from '@slotwise/sdk/contract';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY, writeOne } from '../../db/batch.js';
import type { Tx } from '../../db/client.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import { ServiceError, writeContention } from '../errors.js';
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
  const row = apiKeyValues(specialistId, name, prepared, now);
  await tx.insert(apiKeys).values(row);
  return row.id;
}

/** The row of a new key (its secret only as a hash). */
const apiKeyValues = (specialistId: string, name: string, prepared: NewApiKey, now: number) => ({ id: newId('key'), specialistId, name, prefix: prepared.prefix, secretHash: prepared.secretHash, createdAt: now });

/** Active keys one specialist may hold: enough for every server and a rotation, few enough to audit. */
export const MAX_ACTIVE_API_KEYS = 20;
/** How many revoked keys the list shows, the latest revoked first: older ones are kept, not listed. */
export const MAX_LISTED_REVOKED_KEYS = 20;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toApiKey(row: ApiKeyRow): ApiKey {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: iso(row.createdAt)!, lastUsedAt: iso(row.lastUsedAt), revokedAt: iso(row.revokedAt) };
}

const notFound = (id: string) => new ServiceError('api_key_not_found', t('api_key_not_found', { id }));

/** The caller's keys, newest first, revoked ones too; never a secret or its hash. */
export async function listApiKeys(deps: ServiceDeps, specialistId: string): Promise<ApiKey[]> {
  const db = deps.database.db;
  const mine = eq(apiKeys.specialistId, specialistId);
  // The active keys (at most MAX_ACTIVE_API_KEYS) and the latest revoked ones: a key rotated every
  // day for years must not make this answer grow without end.
  const [active, revoked] = await Promise.all([
    db.select().from(apiKeys).where(and(mine, isNull(apiKeys.revokedAt))),
    db.select().from(apiKeys).where(and(mine, isNotNull(apiKeys.revokedAt))).orderBy(desc(apiKeys.revokedAt), desc(apiKeys.id)).limit(MAX_LISTED_REVOKED_KEYS),
  ]);
  return [...active, ...revoked].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map(toApiKey);
}

/** A new key named `name`; the key is in the answer only. */
export async function createApiKey(deps: ServiceDeps, specialistId: string, name: string): Promise<ApiKeyCreated> {
  const now = deps.clock();
  const prepared = await newApiKey();
  const { database } = deps;
  // The cap is the batch's guard: two keys made at once cannot both be the 21st.
  const underCap = sql`(select count(*) from ${apiKeys} where ${apiKeys.specialistId} = ${specialistId} and ${apiKeys.revokedAt} is null) < ${MAX_ACTIVE_API_KEYS}`;
  const written = await guardedBatch(database, underCap, [database.db.insert(apiKeys).values(apiKeyValues(specialistId, name, prepared, now)).returning()]);
  if (!written) throw new ServiceError('too_many_api_keys', t('too_many_api_keys', { max: MAX_ACTIVE_API_KEYS }));
  return { ...toApiKey((written[0] as ApiKeyRow[])[0]!), key: prepared.key };
}

/** Revokes one of the caller's keys at once; revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: ServiceDeps, specialistId: string, id: string): Promise<ApiKey> {
  const now = deps.clock();
  const { database } = deps;
  const mine = and(eq(apiKeys.id, id), eq(apiKeys.specialistId, specialistId));
  // One statement; a key revoked already (or not the caller's) is then read as it is.
  const [revoked] = await writeOne(database, database.db.update(apiKeys).set({ revokedAt: now }).where(and(mine, isNull(apiKeys.revokedAt))).returning());
  if (revoked) return toApiKey(revoked);
  const [row] = await database.db.select().from(apiKeys).where(mine);
  if (!row) throw notFound(id);
  return toApiKey(row);
}

/** A new key with the same name in place of `id`, which stops working in the same transaction. */
export async function rotateApiKey(deps: ServiceDeps, specialistId: string, id: string): Promise<ApiKeyCreated> {
  const now = deps.clock();
  const prepared = await newApiKey();
  const { database } = deps;
  const db = database.db;
  const mine = and(eq(apiKeys.id, id), eq(apiKeys.specialistId, specialistId));
  // Read, then ONE guarded batch — the old key still live, revoked, and the new one stored —; a key
  // revoked meanwhile is found so on the fresh read and refused.
  return optimistic(
    database,
    specialistId,
    async () => {
      const [row] = await db.select().from(apiKeys).where(mine);
      if (!row) throw notFound(id);
      if (row.revokedAt !== null) throw new ServiceError('api_key_revoked', t('api_key_revoked'));
      const live = and(mine, isNull(apiKeys.revokedAt));
      const written = await guardedBatch(database, sql`exists (select 1 from ${apiKeys} where ${live})`, [
        db.update(apiKeys).set({ revokedAt: now }).where(live),
        db.insert(apiKeys).values(apiKeyValues(specialistId, row.name, prepared, now)).returning(),
      ]);
      return written ? { ...toApiKey((written[1] as ApiKeyRow[])[0]!), key: prepared.key } : RETRY;
    },
    writeContention,
  );
}
