import type { CalendarFeed } from '@slotwise/sdk/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { ServiceDeps } from '../deps.js';
import { calendarFeeds, type SpecialistRow } from '../../db/schema.js';
import { DAY_MS } from '../../domain/civil.js';
import { ServiceError } from '../errors.js';
import { newId } from '../ids.js';
import { CalendarFeedError } from './calendar-feed-error.js';
import { presentFeed } from './editor.js';
import { t, type Message } from '../messages/index.js';
import { guardedBatch, writeOne } from '../../db/batch.js';

/** More feeds than this per specialist slows every slot request for little gain. */
export const MAX_FEEDS = 10;

const invalid = (detail: Message) =>
  new ServiceError('invalid_calendar_feed', detail, { errors: [{ field: 'body.url', message: detail }] });

/**
 * Adds an outside calendar after fetching it once, so a wrong address is refused now rather than
 * silently blocking nothing later.
 */
export async function addCalendarFeed(deps: ServiceDeps, specialist: SpecialistRow, rawUrl: string): Promise<CalendarFeed> {
  const now = deps.clock();
  let url: string;
  try {
    url = deps.calendarFeeds.validateUrl(rawUrl);
  } catch (error) {
    if (error instanceof CalendarFeedError) throw invalid(t('invalid_calendar_feed', { reason: error.message }));
    throw error;
  }
  const probe = await deps.calendarFeeds.busy(url, { from: now, to: now + DAY_MS }, specialist.timeZone);
  if (probe.error && probe.stale === false && probe.fetchedAt === 0) {
    throw invalid(t('invalid_calendar_feed.unreadable', { reason: probe.error.message }));
  }
  const row = { id: newId('cal'), specialistId: specialist.id, url, createdAt: now };
  // The cap is the batch's guard: two requests at once cannot both add the last allowed feed.
  const underCap = sql`(select count(*) from ${calendarFeeds} where ${calendarFeeds.specialistId} = ${specialist.id}) < ${MAX_FEEDS}`;
  const written = await guardedBatch(deps.database, underCap, [deps.database.db.insert(calendarFeeds).values(row)]);
  if (!written) throw invalid(t('invalid_calendar_feed.too_many', { max: MAX_FEEDS }));
  return presentFeed(row, deps.calendarFeeds.status(url));
}

export async function removeCalendarFeed(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<CalendarFeed> {
  const [row] = await writeOne(deps.database, deps.database.db.delete(calendarFeeds).where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.specialistId, specialist.id))).returning());
  if (!row) throw new ServiceError('calendar_feed_not_found', t('calendar_feed_not_found', { id }));
  return presentFeed(row, deps.calendarFeeds.status(row.url));
}

/**
 * Fetches one of the specialist's feeds now (outside any transaction; the fetch's own time and
 * size limits apply) and answers it with the fresh status. A failed fetch is not an error of
 * this request: it is reported in `lastError`, like in the editor.
 */
export async function syncCalendarFeed(deps: ServiceDeps, specialist: SpecialistRow, id: string): Promise<CalendarFeed> {
  const [row] = await deps.database.db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.specialistId, specialist.id)));
  if (!row) throw new ServiceError('calendar_feed_not_found', t('calendar_feed_not_found', { id }));
  return presentFeed(row, await deps.calendarFeeds.sync(row.url));
}
