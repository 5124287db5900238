import type { ReviewDetail } from '@slotwise/sdk/contract';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { guardedBatch, optimistic, RETRY } from '../../db/batch.js';
import { bookings, reviews, type SpecialistRow } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { ServiceError, writeContention } from '../errors.js';
import { t } from '../messages/index.js';
import { reviewsJoined, toReviewDetail } from './present.js';
import { reviewAnsweredQuery, reviewSnapshot, type ReviewSnapshot } from './review-events.js';
import type { Query } from '../../db/shaped.js';

const notFound = (id: string) => new ServiceError('review_not_found', t('review_not_found', { id }));

/**
 * One change to review `id` (of `specialistId` when given: another specialist's review is a 404,
 * never a hint that it exists): a snapshot read, `refuse` saying why not, then ONE guarded batch
 * whose guard is the condition `refuse` checked — `unchanged` — still holding. Answers the
 * review after the change.
 */
async function change(
  deps: ServiceDeps,
  id: string,
  specialistId: string | undefined,
  refuse: (review: ReviewDetail) => ServiceError | undefined,
  unchanged: ReturnType<typeof isNull | typeof isNotNull>,
  set: Partial<typeof reviews.$inferInsert>,
  also: (review: ReviewDetail) => Promise<Query[]> | Query[] = () => [],
): Promise<ReviewDetail> {
  const { database } = deps;
  const db = database.db;
  const mine = and(eq(reviews.id, id), specialistId === undefined ? undefined : eq(reviews.specialistId, specialistId));
  const read = async () => {
    const [row] = await reviewsJoined(db).where(mine).limit(1);
    if (!row) throw notFound(id);
    return toReviewDetail(row);
  };
  await optimistic(
    database,
    `review:${id}`,
    async () => {
      const review = await read();
      const refusal = refuse(review);
      if (refusal) throw refusal;
      const extra = await also(review);
      const written = await guardedBatch(database, sql`exists (select 1 from ${reviews} where ${and(mine, unchanged)})`, [db.update(reviews).set(set).where(and(mine, unchanged)), ...extra]);
      return written ? true : RETRY;
    },
    writeContention,
  );
  return read();
}

/**
 * The specialist answers one of their own reviews publicly, once. The same batch writes the
 * `review.answered` outbox row, so the customer who wrote the review is emailed the answer, and the
 * specialist's endpoints get their webhook, exactly when it exists.
 */
export async function respondToReview(deps: ServiceDeps, specialist: SpecialistRow, id: string, text: string): Promise<ReviewDetail> {
  const now = deps.clock();
  return change(
    deps,
    id,
    specialist.id,
    (review) => (review.response ? new ServiceError('review_already_answered', t('review_already_answered')) : undefined),
    isNull(reviews.response),
    { response: text, respondedAt: now },
    async (review) => [reviewAnsweredQuery(deps.database.db, specialist.id, await snapshotOf(deps, review), text, now)],
  );
}

/** Review `review` as its webhooks carry it: with its booking's service and customer, read now. */
async function snapshotOf(deps: ServiceDeps, review: ReviewDetail): Promise<ReviewSnapshot> {
  const [booking] = await deps.database.db
    .select({ id: bookings.id, serviceId: bookings.serviceId, customerName: bookings.customerName, customerEmail: bookings.customerEmail })
    .from(bookings)
    .where(eq(bookings.id, review.bookingId))
    .limit(1);
  if (!booking) throw notFound(review.id);
  return reviewSnapshot({ ...review, createdAt: Date.parse(review.createdAt) }, booking);
}

/** An operator hides a review: kept with who, when and why; no longer shown nor counted. */
export async function hideReview(deps: ServiceDeps, id: string, reason: string, operatorId: string): Promise<ReviewDetail> {
  return change(
    deps,
    id,
    undefined,
    (review) => (review.hidden ? new ServiceError('review_already_hidden', t('review_already_hidden')) : undefined),
    isNull(reviews.hiddenAt),
    { hiddenAt: deps.clock(), hiddenReason: reason, hiddenBy: operatorId },
  );
}

/** An operator shows a hidden review again (hidden by mistake): public and counted once more; who hid it and why are cleared. */
export async function showReview(deps: ServiceDeps, id: string): Promise<ReviewDetail> {
  return change(
    deps,
    id,
    undefined,
    (review) => (review.hidden ? undefined : new ServiceError('review_not_hidden', t('review_not_hidden'))),
    isNotNull(reviews.hiddenAt),
    { hiddenAt: null, hiddenReason: null, hiddenBy: null },
  );
}
