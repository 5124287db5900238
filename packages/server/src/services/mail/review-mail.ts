import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { bookings, reviews, services, type DeliveryRow, type SpecialistRow } from '../../db/schema.js';
import { mintManageToken } from '../bookings/customer.js';
import type { DeliveryDraft, ReviewEvent } from '../delivery/channel.js';
import { newDeliveryId } from '../delivery/dispatcher.js';
import type { ServiceDeps } from '../deps.js';
import { finish, fromSpecialist, type Composed } from './envelope.js';
import { longDate } from './format.js';
import { kindInfo, type KindInfo, type ReviewEmailKind } from './kinds.js';
import { links } from './links.js';
import { stringsFor } from './locales/index.js';
import { optedOut } from './opt-outs.js';
import { customerReviewAnswered } from './templates/index.js';

/**
 * The one email of a review's answer (`review.answered` → `customer.review_answered`), to the
 * address of the booking the review is of, unless it opted out of emails about reviews. The key
 * names the event, never the address (keys are logged); nothing anyone wrote is copied into it.
 */
export async function planReviewEmail(tx: Tx, event: ReviewEvent): Promise<DeliveryDraft[]> {
  if (event.topic !== 'review.answered') return []; // a new review: the specialist's notice and webhook, no email
  const kind: ReviewEmailKind = 'customer.review_answered';
  const [booking] = await tx.select({ email: bookings.customerEmail }).from(bookings).where(eq(bookings.id, event.bookingId));
  if (!booking) return [];
  const optOut = kindInfo(kind)!.optOut;
  if (optOut && (await optedOut(tx, booking.email, event.specialistId, optOut))) return [];
  return [{ id: newDeliveryId(), channel: 'email', kind, recipient: booking.email, idempotencyKey: `${event.id}:email:${kind}`, data: { reviewId: event.payload.review.id } }];
}

/**
 * Words the answer's email when it is sent, from the review as it stands then: not sent when the
 * review is gone, hidden by an operator (its answer no longer shows either), or its answer was
 * erased meanwhile. In the booking's customer's language and zone, with a link to their booking
 * page (a manage token minted for this email), where the review and its answer show.
 */
export async function composeReviewEmail(deps: ServiceDeps, facts: { kind: ReviewEmailKind; info: KindInfo; delivery: DeliveryRow; specialist: SpecialistRow }): Promise<Composed> {
  const { delivery, specialist } = facts;
  const db = deps.database.db;
  const { reviewId } = delivery.data as { reviewId: string };
  const [found] = await db
    .select({ review: reviews, booking: bookings, service: services.name })
    .from(reviews)
    .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(reviews.id, reviewId));
  if (!found) return { skip: 'the review is gone' };
  const { review, booking, service } = found;
  if (review.hiddenAt !== null) return { skip: 'the review is hidden' };
  if (review.response === null) return { skip: 'the answer is gone' };
  const { t, locale } = stringsFor(booking.customerLocale);
  const zone = booking.customerTimeZone;
  const token = await mintManageToken(deps.database, booking.id, 'email', deps.clock());
  const written = customerReviewAnswered({
    t,
    customer: booking.customerName,
    specialist: specialist.name,
    service,
    when: longDate(booking.startAt, zone, locale),
    rating: review.rating,
    text: review.text,
    answer: review.response,
    url: links.manage(deps, specialist.handle, booking.id, token, locale),
  });
  return finish(deps, { ...facts, t, locale, zone }, written, {
    footer: [t.common.footerCustomer(specialist.name)],
    ...(await fromSpecialist(deps, specialist)),
    to: delivery.recipient,
  });
}
