import { and, eq, lte, sql } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY } from '../db/batch.js';
import { idempotencyKeys } from '../db/schema.js';
import { writeContention } from './errors.js';
import type { ServiceDeps } from './deps.js';
import { newId } from './ids.js';

/** One request's claim on an idempotency key: who sent it, the key's hash, what was asked. */
export interface IdempotencyClaim {
  scope: string;
  keyHash: string;
  method: string;
  path: string;
  requestHash: string;
}

export interface StoredAnswer {
  requestHash: string;
  /** Null while the first request is still being handled. */
  status: number | null;
  body: string | null;
  headers: Record<string, string> | null;
}

/**
 * Claims `claim.keyHash` for `ttlMs`, or answers what is already stored under it (a live claim,
 * finished or not). An expired claim is replaced. One guarded batch (`db/batch.ts`) behind "the
 * key's row is still the one read" (none, or that expired one): of two concurrent requests with
 * one key, on one server or two, exactly one claims it; the other's guard refuses, it reads again
 * and answers the first one's claim.
 */
export async function claimIdempotencyKey(deps: Pick<ServiceDeps, 'database' | 'clock'>, claim: IdempotencyClaim, ttlMs: number): Promise<StoredAnswer | undefined> {
  const now = deps.clock();
  const { database } = deps;
  const { db } = database;
  const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.keyHash));
  const attempt = async (): Promise<StoredAnswer | undefined | typeof RETRY> => {
    const [existing] = await db.select().from(idempotencyKeys).where(where);
    if (existing && existing.expiresAt > now) {
      return { requestHash: existing.requestHash, status: existing.status, body: existing.responseBody, headers: existing.responseHeaders };
    }
    const still = existing
      ? sql`exists (select 1 from ${idempotencyKeys} where ${idempotencyKeys.id} = ${existing.id} and ${idempotencyKeys.expiresAt} = ${existing.expiresAt})`
      : sql`not exists (select 1 from ${idempotencyKeys} where ${where})`;
    const row = { id: newId('idk'), scope: claim.scope, key: claim.keyHash, method: claim.method, path: claim.path, requestHash: claim.requestHash, createdAt: now, expiresAt: now + ttlMs };
    const queries = [...(existing ? [db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, existing.id))] : []), db.insert(idempotencyKeys).values(row)];
    return (await guardedBatch(database, still, queries)) ? undefined : RETRY;
  };
  return optimistic(database, `idempotency:${claim.scope}`, attempt, writeContention);
}

/** Stores the answer to replay for the claimed key (one statement: a batch of one). */
export async function completeIdempotencyKey(deps: Pick<ServiceDeps, 'database'>, scope: string, keyHash: string, answer: { status: number; body: string; headers: Record<string, string> }): Promise<void> {
  const { database } = deps;
  await database.batch([
    database.db.update(idempotencyKeys).set({ status: answer.status, responseBody: answer.body, responseHeaders: answer.headers }).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, keyHash))),
  ]);
}

/** Gives the key up (the request failed in a way worth retrying). */
export async function releaseIdempotencyKey(deps: Pick<ServiceDeps, 'database'>, scope: string, keyHash: string): Promise<void> {
  const { database } = deps;
  await database.batch([database.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, keyHash)))]);
}

/** Deletes expired keys; the scheduler runs it. @returns how many. */
export async function purgeIdempotencyKeys(deps: Pick<ServiceDeps, 'database'>, now: number): Promise<number> {
  const { database } = deps;
  const [purged] = (await database.batch([database.db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now)).returning({ id: idempotencyKeys.id })])) as [{ id: string }[]];
  return purged.length;
}
