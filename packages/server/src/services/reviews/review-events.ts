import type { Drizzle, Tx } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import { isoInstant } from '../../domain/civil.js';
import { newId } from '../ids.js';

/**
 * What happens to a review that someone is told of, each an outbox topic of that name:
 * `review.created`, a customer reviewed a session (the specialist's systems, by webhook), and
 * `review.answered`, the specialist's public answer (emailed to the customer who wrote the review,
 * and a webhook).
 */
export type ReviewEventType = 'review.created' | 'review.answered';

/** A review as its webhooks carry it, copied when it is written or answered (an erasure scrubs the copy). */
export interface ReviewSnapshot {
  id: string;
  bookingId: string;
  serviceId: string;
  rating: number;
  text: string;
  customer: { name: string; email: string };
  createdAt: string;
}

/** The webhooks' copy of a review, from its row's fields and its booking's service and customer. */
export function reviewSnapshot(review: { id: string; rating: number; text: string; createdAt: number }, booking: { id: string; serviceId: string; customerName: string; customerEmail: string }): ReviewSnapshot {
  return { id: review.id, bookingId: booking.id, serviceId: booking.serviceId, rating: review.rating, text: review.text, customer: { name: booking.customerName, email: booking.customerEmail }, createdAt: isoInstant(review.createdAt) };
}

/**
 * What a review event's outbox row carries, for its webhook's body: the review as it stood, and for
 * `review.answered` the answer. The customer's email about an answer uses only `review.id`: it is
 * worded when it is sent, from the review as it stands then (an erasure or a hidden review
 * meanwhile is honoured).
 */
export type ReviewEventPayload =
  | { event: { id: string; type: 'review.created'; at: string }; review: ReviewSnapshot }
  | { event: { id: string; type: 'review.answered'; at: string }; review: ReviewSnapshot; answer: { text: string; answeredAt: string } };

/** The outbox row of `payload`, naming the review's booking (`booking_id`), so an erasure of the booking's customer finds it. */
function eventRow(db: Drizzle | Tx, specialistId: string, bookingId: string, payload: ReviewEventPayload, now: number) {
  return (db as Drizzle).insert(outbox).values({
    id: payload.event.id,
    topic: payload.event.type,
    bookingId,
    eventId: null,
    specialistId,
    payload: payload as unknown as Record<string, unknown>,
    createdAt: now,
  });
}

/** `review.created`, to write in the same batch as the review: its webhook's copy of it. */
export function reviewCreatedQuery(db: Drizzle | Tx, specialistId: string, review: ReviewSnapshot, now: number) {
  const id = newId('msg');
  return eventRow(db, specialistId, review.bookingId, { event: { id, type: 'review.created', at: isoInstant(now) }, review }, now);
}

/** `review.answered`, to write in the same batch as the answer: the review as it stood and the answer `text`. */
export function reviewAnsweredQuery(db: Drizzle | Tx, specialistId: string, review: ReviewSnapshot, text: string, now: number) {
  const id = newId('msg');
  const at = isoInstant(now);
  return eventRow(db, specialistId, review.bookingId, { event: { id, type: 'review.answered', at }, review, answer: { text, answeredAt: at } }, now);
}
