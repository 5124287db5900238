import { and, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import type { Database, Reader } from '../../db/client.js';
import { releasedHandles, specialists } from '../../db/schema.js';

/**
 * Days a handle given up by renaming stays its specialist's: the widgets, hosted-page links and
 * bookmarks that still name it answer "not found" meanwhile rather than another specialist's
 * services. Without it, a newcomer could take a renamed specialist's handle at once and sell their
 * own sessions, and take payments, on that specialist's site.
 */
export const HANDLE_HOLD_DAYS = 90;

const holdStart = (now: number) => now - HANDLE_HOLD_DAYS * 86_400_000;

/** Whether `handle` is someone's other than `me`'s: a specialist's handle now, or held after a rename. */
export async function handleTaken(db: Reader, handle: string, me: string | undefined, now: number): Promise<boolean> {
  const [owner] = await db
    .select({ id: specialists.id })
    .from(specialists)
    .where(me ? and(eq(specialists.handle, handle), ne(specialists.id, me)) : eq(specialists.handle, handle))
    .limit(1);
  if (owner) return true;
  const [held] = await db
    .select({ id: releasedHandles.specialistId })
    .from(releasedHandles)
    .where(and(eq(releasedHandles.handle, handle), gt(releasedHandles.releasedAt, holdStart(now)), me ? ne(releasedHandles.specialistId, me) : undefined))
    .limit(1);
  return Boolean(held);
}

/** The same as a batch guard: true while `handle` is still free for `me` (undefined: a new specialist). */
export function handleStillFree(handle: string, me: string | undefined, now: number): SQL {
  const notMine = (column: SQL) => (me ? sql` and ${column} <> ${me}` : sql``);
  return sql`not exists (select 1 from ${specialists} where ${specialists.handle} = ${handle}${notMine(sql`${specialists.id}`)}) and not exists (select 1 from ${releasedHandles} where ${releasedHandles.handle} = ${handle} and ${releasedHandles.releasedAt} > ${holdStart(now)}${notMine(sql`${releasedHandles.specialistId}`)})`;
}

/** A rename's writes beside the specialist's update: the old handle held for them, the new one no longer held for anyone. */
export function renameQueries(database: Database, specialistId: string, oldHandle: string, newHandle: string, now: number) {
  const db = database.db;
  return [
    db.delete(releasedHandles).where(eq(releasedHandles.handle, newHandle)),
    db
      .insert(releasedHandles)
      .values({ handle: oldHandle, specialistId, releasedAt: now })
      .onConflictDoUpdate({ target: releasedHandles.handle, set: { specialistId, releasedAt: now } }),
  ] as const;
}
