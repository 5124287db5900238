import { and, eq, lte } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema.js';
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
 * finished or not). An expired claim is replaced. One write transaction, so of two concurrent
 * requests with one key exactly one runs.
 */
export async function claimIdempotencyKey(deps: Pick<ServiceDeps, 'database' | 'clock'>, claim: IdempotencyClaim, ttlMs: number): Promise<StoredAnswer | undefined> {
  const now = deps.clock();
  const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.keyHash));
  return deps.database.write(async (tx) => {
    const [existing] = await tx.select().from(idempotencyKeys).where(where);
    if (existing && existing.expiresAt > now) {
      return { requestHash: existing.requestHash, status: existing.status, body: existing.responseBody, headers: existing.responseHeaders };
    }
    if (existing) await tx.delete(idempotencyKeys).where(where);
    await tx.insert(idempotencyKeys).values({
      id: newId('idk'), scope: claim.scope, key: claim.keyHash, method: claim.method, path: claim.path, requestHash: claim.requestHash, createdAt: now, expiresAt: now + ttlMs,
    });
    return undefined;
  });
}

/** Stores the answer to replay for the claimed key. */
export async function completeIdempotencyKey(deps: Pick<ServiceDeps, 'database'>, scope: string, keyHash: string, answer: { status: number; body: string; headers: Record<string, string> }): Promise<void> {
  await deps.database.write((tx) =>
    tx.update(idempotencyKeys).set({ status: answer.status, responseBody: answer.body, responseHeaders: answer.headers }).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, keyHash))),
  );
}

/** Gives the key up (the request failed in a way worth retrying). */
export async function releaseIdempotencyKey(deps: Pick<ServiceDeps, 'database'>, scope: string, keyHash: string): Promise<void> {
  await deps.database.write((tx) => tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, keyHash))));
}

/** Deletes expired keys; the scheduler runs it. @returns how many. */
export async function purgeIdempotencyKeys(deps: Pick<ServiceDeps, 'database'>, now: number): Promise<number> {
  const purged = await deps.database.write((tx) => tx.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now)).returning({ id: idempotencyKeys.id }));
  return purged.length;
}
