import type { NotificationList, NotificationsReadResult } from '@slotwise/sdk/contract';
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { writeOne } from '../../db/batch.js';
import type { Drizzle } from '../../db/client.js';
import { notifications, type NotificationRow, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';

const toWire = (r: NotificationRow): NotificationList['data'][number] => ({
  id: r.id,
  kind: r.kind,
  bookingId: r.bookingId,
  title: r.title,
  body: r.body,
  read: r.readAt !== null,
  readAt: r.readAt === null ? null : isoInstant(r.readAt),
  createdAt: isoInstant(r.createdAt),
});

async function unreadOf(db: Drizzle, specialistId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.specialistId, specialistId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * The caller's notices, newest first, and how many of all of them are unread. The order is
 * `(createdAt, id)` descending and the cursor is a notice's own id, so a page is stable while new
 * notices arrive or old ones are read: the next page starts right after the cursor's place in that
 * order, whatever has happened since (with `unread`, a cursor that has been read meanwhile still
 * works). Only the caller's own notices are ever read; another specialist's id as a cursor is
 * refused like one that does not exist.
 */
export async function listNotifications(
  deps: ServiceDeps,
  specialist: SpecialistRow,
  query: { limit: number; starting_after?: string | undefined; unread?: boolean | undefined },
): Promise<NotificationList> {
  const db = deps.database.db;
  const mine = eq(notifications.specialistId, specialist.id);
  let after: SQL | undefined;
  if (query.starting_after) {
    const [cursor] = await db.select().from(notifications).where(and(mine, eq(notifications.id, query.starting_after))).limit(1);
    if (!cursor) {
      throw new ServiceError('invalid_request', t('invalid_request.cursor_notification', { id: query.starting_after }), {
        errors: [{ field: 'query.starting_after', message: t('invalid_request.cursor_notification_field') }],
      });
    }
    after = or(lt(notifications.createdAt, cursor.createdAt), and(eq(notifications.createdAt, cursor.createdAt), lt(notifications.id, cursor.id)));
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine, after, query.unread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  return { data: rows.slice(0, query.limit).map(toWire), hasMore: rows.length > query.limit, unread: await unreadOf(db, specialist.id) };
}

/**
 * Marks the caller's notices read: the ones named (ids that are not theirs, or unknown, change
 * nothing and say nothing), or all. A notice already read keeps the time it was first read.
 */
export async function markNotificationsRead(deps: ServiceDeps, specialist: SpecialistRow, which: { ids: readonly string[] } | 'all'): Promise<NotificationsReadResult> {
  // An empty list names nothing; it must never turn into "no filter", which would mean all.
  if (which !== 'all' && which.ids.length === 0) return { marked: 0, unread: await unreadOf(deps.database.db, specialist.id) };
  const now = deps.clock();
  const changed = await writeOne(
    deps.database,
    deps.database.db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.specialistId, specialist.id), isNull(notifications.readAt), which === 'all' ? undefined : inArray(notifications.id, [...which.ids])))
      .returning({ id: notifications.id }),
  );
  const marked = changed.length;
  return { marked, unread: await unreadOf(deps.database.db, specialist.id) };
}
