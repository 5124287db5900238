import type { Rating, ReviewDetailList, ReviewList } from '@slotwise/sdk/contract';
import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Reader } from '../../db/client.js';
import { reviews, specialists, type SpecialistRow } from '../../db/schema.js';
import { findSpecialist } from '../catalog/catalog.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError } from '../errors.js';
import { t } from '../messages/index.js';
import { reviewsJoined, toReview, toReviewDetail, type ReviewJoined } from './present.js';

/**
 * Pages of reviews, newest first: ordered by `(createdAt, id)` descending, the cursor being the
 * last row's place in that order (base64url of `createdAt.id`), so a page is stable while new
 * reviews arrive. Opaque to callers: nothing in it is secret (both are public), but its form may
 * change. One indexed range read per page (`reviews_specialist_time_idx`), at most `limit + 1` rows.
 */
const encode = (row: { createdAt: number; id: string }) => btoa(`${row.createdAt}.${row.id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

function decode(cursor: string): { createdAt: number; id: string } {
  let text = '';
  try {
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    // refused below
  }
  const match = /^(\d{1,16})\.(rv_[0-9a-z]{1,40})$/.exec(text);
  if (!match) {
    throw new ServiceError('invalid_request', t('invalid_request.field', { field: 'query.cursor', message: t('invalid_request.review_cursor') }), {
      errors: [{ field: 'query.cursor', message: t('invalid_request.review_cursor') }],
    });
  }
  return { createdAt: Number(match[1]), id: match[2]! };
}

interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

async function page(db: Reader, where: SQL, query: PageQuery): Promise<{ rows: ReviewJoined[]; nextCursor: string | null }> {
  const at = query.cursor ? decode(query.cursor) : undefined;
  const after = at && or(lt(reviews.createdAt, at.createdAt), and(eq(reviews.createdAt, at.createdAt), lt(reviews.id, at.id)));
  const rows = await reviewsJoined(db)
    .where(and(where, after))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(query.limit + 1);
  const shown = rows.slice(0, query.limit);
  return { rows: shown, nextCursor: rows.length > query.limit ? encode(shown.at(-1)!.review) : null };
}

/** What the public sees of `handle`'s reviews: hidden ones left out. */
export async function listReviews(deps: ServiceDeps, handle: string, query: PageQuery): Promise<ReviewList> {
  const db = deps.database.db;
  const specialist = await findSpecialist(db, handle);
  const { rows, nextCursor } = await page(db, and(eq(reviews.specialistId, specialist.id), isNull(reviews.hiddenAt))!, query);
  return { data: rows.map(toReview), nextCursor };
}

/** The specialist's own reviews, hidden ones included with the operator's reason; nobody else's. */
export async function listMyReviews(deps: ServiceDeps, specialist: SpecialistRow, query: PageQuery): Promise<ReviewDetailList> {
  const { rows, nextCursor } = await page(deps.database.db, eq(reviews.specialistId, specialist.id), query);
  return { data: rows.map(toReviewDetail), nextCursor };
}

/** A specialist's reviews for an operator, by the specialist's id: hidden ones included, with the reason. */
export async function listSpecialistReviewsForOperator(deps: ServiceDeps, specialistId: string, query: PageQuery): Promise<ReviewDetailList> {
  const db = deps.database.db;
  const [specialist] = await db.select({ id: specialists.id }).from(specialists).where(eq(specialists.id, specialistId));
  if (!specialist) throw new ServiceError('specialist_not_found', t('specialist_not_found.id', { id: specialistId }));
  const { rows, nextCursor } = await page(db, eq(reviews.specialistId, specialist.id), query);
  return { data: rows.map(toReviewDetail), nextCursor };
}

/** The rating a profile shows: visible reviews only, the average to one decimal, null while there are none. */
export async function ratingOf(db: Reader, specialistId: string): Promise<Rating> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`, sum: sql<number | null>`sum(${reviews.rating})` })
    .from(reviews)
    .where(and(eq(reviews.specialistId, specialistId), isNull(reviews.hiddenAt)));
  return ratingFrom(Number(row?.count ?? 0), Number(row?.sum ?? 0));
}

/** A rating from how many visible reviews there are and the sum of their stars: the average to one decimal. */
export function ratingFrom(count: number, sum: number): Rating {
  return { average: count === 0 ? null : Math.round((sum / count) * 10) / 10, count };
}
