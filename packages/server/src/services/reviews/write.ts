import type { Review } from '@slotwise/sdk/contract';
import { eq, sql, type SQL } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { bookings, reviews, services, specialists, type BookingRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError, writeContention } from '../errors.js';
import { hashToken, newId } from '../ids.js';
import { t } from '../messages/index.js';
import { findByToken } from '../bookings/customer.js';
import { reviewNotice } from '../notifications/in-app.js';
import { reviewsJoined, toReview } from './present.js';
import { reviewCreatedQuery, reviewSnapshot } from './review-events.js';

/** Why a booking in `status` cannot be reviewed, in words its customer can act on. */
function notAllowed(status: Exclude<BookingRow['status'], 'completed'>): ServiceError {
  return new ServiceError('review_not_allowed', t(`review_not_allowed.${status}`));
}

const alreadyReviewed = () => new ServiceError('already_reviewed', t('already_reviewed'));

/** Whether `error` is the database refusing a second review of one booking (`reviews_booking_unique`), as libSQL and D1 word it. */
export function isSecondReview(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.includes('UNIQUE constraint failed') && message.includes('reviews.booking_id')) return true;
  }
  return false;
}

/**
 * The customer of booking `id` (holding its manage `token`) reviews it: only a `completed` booking,
 * only once. A snapshot read says why not (`review_not_allowed` naming the status,
 * `already_reviewed`), then ONE guarded batch writes it with the specialist's in-app notice
 * (`reviewNotice`) and the `review.created` outbox row (the webhook): the guard is the booking still completed,
 * and the unique index on `booking_id` refuses a second review written meanwhile by another
 * request or process — answered as `already_reviewed`, nothing written.
 */
export async function createReview(deps: ServiceDeps, id: string, token: string, input: { rating: number; text: string }): Promise<Review> {
  const { database } = deps;
  const db = database.db;
  const tokenHash = await hashToken(token);
  const reviewId = await optimistic(
    database,
    `review:${id}`,
    async () => {
      const booking = await findByToken(db, id, tokenHash);
      if (booking.status !== 'completed') throw notAllowed(booking.status);
      const [existing] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.bookingId, id)).limit(1);
      if (existing) throw alreadyReviewed();
      const row = { id: newId('rv'), bookingId: id, specialistId: booking.specialistId, rating: input.rating, text: input.text, createdAt: deps.clock() };
      const [about] = await db
        .select({ serviceName: services.name, timeZone: specialists.timeZone })
        .from(services)
        .innerJoin(specialists, eq(specialists.id, services.specialistId))
        .where(eq(services.id, booking.serviceId))
        .limit(1);
      const notice = reviewNotice(deps, { specialistId: booking.specialistId, bookingId: id, reviewId: row.id, customerName: booking.customerName, serviceName: about?.serviceName ?? 'a session', startAt: booking.startAt, timeZone: about?.timeZone ?? 'UTC', rating: row.rating });
      // The webhook's copy of the review (`review.created`), for the specialist's own systems.
      const snapshot = reviewSnapshot(row, { ...booking, id });
      try {
        // The specialist's notice and the outbox row in the same batch: told exactly when the review exists.
        const written = await guardedBatch(database, sql`exists (select 1 from ${bookings} where ${bookings.id} = ${id} and ${bookings.status} = 'completed')`, [
          db.insert(reviews).values(row),
          notice,
          reviewCreatedQuery(db, booking.specialistId, snapshot, row.createdAt),
        ]);
        return written ? row.id : RETRY;
      } catch (error) {
        if (isSecondReview(error)) throw alreadyReviewed();
        throw error;
      }
    },
    writeContention,
  );
  return (await reviewOf(deps, eq(reviews.id, reviewId)))!;
}

/** The review of booking `id` for the holder of its manage token: theirs even when an operator hid it. */
export async function bookingReview(deps: ServiceDeps, id: string, token: string): Promise<Review> {
  await findByToken(deps.database.db, id, await hashToken(token));
  const found = await reviewOf(deps, eq(reviews.bookingId, id));
  if (!found) throw new ServiceError('review_not_found', t('review_not_found.booking', { id }));
  return found;
}

async function reviewOf(deps: ServiceDeps, where: SQL): Promise<Review | undefined> {
  const [row] = await reviewsJoined(deps.database.db).where(where).limit(1);
  return row && toReview(row);
}
