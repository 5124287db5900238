import type { BookingsFeed, BookingsFeedRevoked } from '@slotwise/sdk/contract';
import { calendarFiles } from '@slotwise/sdk/contract';
import { and, asc, eq, exists, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Drizzle } from '../../db/client.js';
import { bookingEvents, bookings, services, specialists, type SpecialistRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { hashToken, newSecretToken } from '../ids.js';
import { organizerOf, specialistEvent } from './booking-event.js';
import { calendarIcs } from './ics.js';
import { t } from '../messages/index.js';
import { writeOne } from '../../db/batch.js';

const DAY = 86_400_000;

/** What one feed answers, at most: a window around now and a number of events. */
export interface FeedLimits {
  /** Sessions that started up to this many days ago stay on the calendar. @default 30 */
  daysBack: number;
  /** Sessions up to this many days ahead. @default 365 */
  daysAhead: number;
  /** At most this many events, the earliest first (so the far future is what a cap drops). @default 1000 */
  maxEvents: number;
  /** How often calendars should fetch it again (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`), minutes. @default 60 */
  refreshMinutes: number;
}

export const FEED_LIMITS: FeedLimits = { daysBack: 30, daysAhead: 365, maxEvents: 1000, refreshMinutes: 60 };

/**
 * A feed token is `<specialist id>.feed_<256 random bits>`. The id only locates the row (a
 * primary-key read: the hash column has no index and needs none); the whole token is the secret,
 * and only its SHA-256 is stored. A new token replaces the hash, so the old address dies at once.
 */
const TOKEN = /^([A-Za-z0-9_]{1,80})\.feed_[A-Za-z0-9_-]{43}$/;

/** The one answer for every address that is not a live feed: malformed, unknown, rotated or revoked. */
const noFeed = () => new ServiceError('not_found', t('not_found.calendar'));

export function feedUrl(api: string, token: string): string {
  return `${api.replace(/\/+$/, '')}${calendarFiles.bookingsFeed.path.replace('{token}', encodeURIComponent(token))}`;
}

/** Makes the specialist's feed, or rotates it: a new secret address, answered this once. */
export async function rotateBookingsFeed(deps: ServiceDeps, specialist: SpecialistRow): Promise<BookingsFeed> {
  const token = `${specialist.id}.${newSecretToken('feed')}`;
  const feedTokenHash = await hashToken(token);
  const now = deps.clock();
  await writeOne(deps.database, deps.database.db.update(specialists).set({ feedTokenHash }).where(eq(specialists.id, specialist.id)));
  return { url: feedUrl(deps.links.api, token), createdAt: isoInstant(now) };
}

/** Ends the specialist's feed: its address answers 404 from now on. */
export async function revokeBookingsFeed(deps: ServiceDeps, specialist: SpecialistRow): Promise<BookingsFeedRevoked> {
  const revoked = await writeOne(
    deps.database,
    deps.database.db
      .update(specialists)
      .set({ feedTokenHash: null })
      .where(and(eq(specialists.id, specialist.id), isNotNull(specialists.feedTokenHash)))
      .returning({ id: specialists.id }),
  );
  return { revoked: revoked.length > 0 };
}

/** Constant-time comparison of two hex digests, so timing says nothing about the stored one. */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The specialist whose live feed `token` is, or a 404 that says nothing more. */
export async function specialistForFeed(db: Drizzle, token: string): Promise<SpecialistRow> {
  const id = TOKEN.exec(token)?.[1];
  if (!id) throw noFeed();
  const [row] = await db.select().from(specialists).where(eq(specialists.id, id)).limit(1);
  if (!row?.feedTokenHash || !sameDigest(row.feedTokenHash, await hashToken(token))) throw noFeed();
  return row;
}

/**
 * The feed's bookings: confirmed ones and sessions that took place (completed, no-show) from
 * `daysBack` ago to `daysAhead` ahead, and those cancelled in the last `daysBack` days that had
 * been confirmed (so a calendar drops the event; a hold that never was one stays out). One range
 * read of the `(specialist_id, start_at)` index, in start order, capped.
 */
export function feedBookingsQuery(db: Drizzle, specialistId: string, now: number, limits: FeedLimits) {
  const from = now - limits.daysBack * DAY;
  const wasConfirmed = db
    .select({ one: bookingEvents.id })
    .from(bookingEvents)
    .where(and(eq(bookingEvents.bookingId, bookings.id), eq(bookingEvents.toStatus, 'confirmed')));
  return db
    .select({ booking: bookings, service: services })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(
      and(
        eq(bookings.specialistId, specialistId),
        gte(bookings.startAt, from),
        lt(bookings.startAt, now + limits.daysAhead * DAY),
        or(
          inArray(bookings.status, ['confirmed', 'completed', 'no_show']),
          and(eq(bookings.status, 'cancelled'), gte(bookings.cancelledAt, from), exists(wasConfirmed)),
        ),
      ),
    )
    .orderBy(asc(bookings.startAt))
    .limit(limits.maxEvents);
}

/**
 * The specialist's private feed as an iCalendar document (`METHOD:PUBLISH`): one VEVENT per
 * booking with the same UID as its invites, the customer's name and email in the description, a
 * calendar name, and how often to refresh.
 */
export async function bookingsFeedIcs(deps: ServiceDeps, token: string, limits: FeedLimits = FEED_LIMITS): Promise<string> {
  const db = deps.database.db;
  const specialist = await specialistForFeed(db, token);
  const now = deps.clock();
  const rows = await feedBookingsQuery(db, specialist.id, now, limits);
  const organizer = await organizerOf(db, specialist, deps.mailFrom);
  const events = rows.map(({ booking, service }) => specialistEvent({ booking, service, specialist, organizer }));
  const ics = await calendarIcs(events, { method: 'PUBLISH', now, name: `${specialist.name} · Slotwise bookings` });
  return withRefreshInterval(ics, limits.refreshMinutes);
}

/**
 * Adds `REFRESH-INTERVAL` (RFC 7986) and `X-PUBLISHED-TTL` (Outlook's older name for it) to the
 * calendar's own properties, right after `BEGIN:VCALENDAR` (their order does not matter).
 */
function withRefreshInterval(ics: string, minutes: number): string {
  const duration = minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
  return ics.replace(/^BEGIN:VCALENDAR\r\n/, `BEGIN:VCALENDAR\r\nREFRESH-INTERVAL;VALUE=DURATION:${duration}\r\nX-PUBLISHED-TTL:${duration}\r\n`);
}
