import type { Review, ReviewDetail } from '@slotwise/sdk/contract';
import { eq } from 'drizzle-orm';
import type { Reader } from '../../db/client.js';
import { bookings, reviews, services, type ReviewRow } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';

/**
 * What every read of a review selects: the review, the name its booking's customer gave (to be
 * shortened, never shown whole) and the service's name. The name is read, not copied, so erasing
 * the customer's data (`personal-data/`) reaches their reviews too.
 */
export const reviewColumns = { review: reviews, customerName: bookings.customerName, service: services.name };
export interface ReviewJoined {
  review: ReviewRow;
  customerName: string;
  service: string;
}

/** `reviews` joined with what `reviewColumns` reads; the caller adds `where`, order and limit. */
export const reviewsJoined = (db: Reader) =>
  db.select(reviewColumns).from(reviews).innerJoin(bookings, eq(bookings.id, reviews.bookingId)).innerJoin(services, eq(services.id, bookings.serviceId));

/**
 * A reviewer as the public sees them: the first name and the initial of the last (`Grace Hopper`
 * → `Grace H.`), a single name as it is. Never the email, never the full name.
 */
export function reviewerName(customerName: string): string {
  const parts = customerName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '—';
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const initial = Array.from(parts.at(-1)!)[0]!.toLocaleUpperCase();
  return `${first} ${initial}.`;
}

/** The public view: no booking id, no hiding, the reviewer shortened. */
export function toReview({ review, customerName, service }: ReviewJoined): Review {
  return {
    id: review.id,
    rating: review.rating,
    text: review.text,
    reviewer: reviewerName(customerName),
    service,
    createdAt: isoInstant(review.createdAt),
    response: review.response === null || review.respondedAt === null ? null : { text: review.response, createdAt: isoInstant(review.respondedAt) },
  };
}

/** The specialist's and the operator's view: the public one with its booking and whether (and why) it is hidden. */
export function toReviewDetail(joined: ReviewJoined): ReviewDetail {
  const { review } = joined;
  return {
    ...toReview(joined),
    bookingId: review.bookingId,
    hidden: review.hiddenAt === null ? null : { at: isoInstant(review.hiddenAt), reason: review.hiddenReason ?? '' },
  };
}
