import type { Drizzle, Tx } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { newId } from '../ids.js';

/**
 * What happens to a review that someone is told of: `review.answered`, the specialist's public
 * answer, emailed to the customer who wrote the review. An outbox topic of that name.
 */
export type ReviewEventType = 'review.answered';

/**
 * What a review event's outbox row carries: which review, and nothing anyone wrote — the email is
 * worded when it is sent, from the review as it stands then (an erasure or a hidden review
 * meanwhile is honoured, and no copy of the words waits in the outbox).
 */
export interface ReviewEventPayload {
  event: { id: string; type: ReviewEventType; at: string };
  review: { id: string };
}

/**
 * The outbox row of a review event, to write in the same batch as the change it tells of. It
 * names the review's booking (`booking_id`), so an erasure of the booking's customer finds it.
 */
export function reviewEventQuery(db: Drizzle | Tx, review: { id: string; bookingId: string; specialistId: string }, type: ReviewEventType, now: number) {
  const id = newId('msg');
  const payload: ReviewEventPayload = { event: { id, type, at: isoInstant(now) }, review: { id: review.id } };
  return (db as Drizzle).insert(outbox).values({
    id,
    topic: type,
    bookingId: review.bookingId,
    eventId: null,
    specialistId: review.specialistId,
    payload: payload as unknown as Record<string, unknown>,
    createdAt: now,
  });
}
